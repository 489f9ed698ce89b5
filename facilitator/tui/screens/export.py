"""Provides the Export screen: write the JSON and the protocol in a worker, show where."""

from contextlib import AbstractContextManager
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label

from facilitator.export.files import write_text_atomic
from facilitator.store import Store
from facilitator.store.exchange import dumps, export_workshop
from facilitator.tui.reader import own_connection
from facilitator.tui.screens.base import BaseScreen


class ExportScreen(BaseScreen):
    """A target folder and two keys: j (JSON) and p (protocol .docx)."""

    name_key = "screen.export"
    AUTO_FOCUS = None  # j and p are keys, not typing
    BINDINGS = [
        Binding("j", "json", "key.json"),
        Binding("p", "protocol", "key.protocol"),
        Binding("o", "folder", "export.folder"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Label(self.t("export.folder"))
        folder = Input(str(Path.cwd()), id="export-folder")
        folder.can_focus = False  # focused only with o, so j and p stay keys
        yield folder
        yield Label(self.t("export.hint"), id="export-hint")
        yield Label(id="export-result")

    def action_folder(self) -> None:
        folder = self.query_one("#export-folder", Input)
        folder.can_focus = True
        folder.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.can_focus = False
        self.set_focus(None)

    def _target(self, suffix: str) -> Path | None:
        if self.workshop_id is None:
            self.say(self.t("no_workshop"), error=True)
            return None
        folder = Path(self.query_one("#export-folder", Input).value.strip() or ".").expanduser()
        snapshot = self.fapp.snapshot()
        stem = "".join(ch if ch.isalnum() else "-" for ch in (snapshot.title if snapshot else ""))
        return folder / f"{stem.strip('-') or 'workshop'}{suffix}"

    def action_json(self) -> None:
        path = self._target(".json")
        if path is not None:
            self.say(self.t("export.running", path=path))
            self.export(path, self.workshop_id, self.fapp.lang, "json")

    def action_protocol(self) -> None:
        path = self._target(".docx")
        if path is not None:
            self.say(self.t("export.running", path=path))
            self.export(path, self.workshop_id, self.fapp.lang, "protocol")

    def _reader(self) -> AbstractContextManager[Store]:
        """A connection of the worker's own: it reads a consistent snapshot (WAL)
        while the moderators keep capturing on the UI's connection."""
        return own_connection(self.store)

    @work(thread=True, group="export", exit_on_error=False)
    def export(self, path: Path, workshop_id: str, lang: str, what: str) -> None:
        """Write the JSON or the protocol off the UI thread; report back by message."""
        try:
            if what == "protocol":
                try:
                    from facilitator.export.protocol import write_protocol
                except ImportError:
                    self.app.call_from_thread(self.done, None, self.t("export.no_protocol"))
                    return
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._reader() as reader:
                if what == "protocol":
                    write_protocol(reader, workshop_id, path, lang=lang)
                else:
                    write_text_atomic(path, dumps(export_workshop(reader, workshop_id)))
        except OSError as err:
            self.app.call_from_thread(self.done, None, str(err.strerror or err))
            return
        except Exception as err:  # noqa: BLE001 - a failed export must not end the workshop
            self.app.call_from_thread(self.done, None, str(err))
            return
        self.app.call_from_thread(self.done, path, None)

    def done(self, path: Path | None, error: str | None) -> None:
        result = self.query_one("#export-result", Label)
        if error is not None:
            self.say(self.t("export.failed", error=error), error=True)
            result.update("")
        else:
            self.say("")
            result.update(self.t("export.done", path=path))
