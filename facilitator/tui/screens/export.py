"""Provides the Export screen: write the JSON and the protocol in a worker, show where."""

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label

from facilitator.core.errors import UserError
from facilitator.store.exchange import dumps, export_workshop
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
        if path is None:
            return
        try:
            text = dumps(export_workshop(self.store, self.workshop_id))  # quick read on the UI
        except UserError as err:
            self.say(str(err), error=True)
            return
        self.say(self.t("export.running", path=path))
        self.write_json(path, text)

    @work(thread=True, group="export")
    def write_json(self, path: Path, text: str) -> None:
        from facilitator.export.files import write_text_atomic

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, text)
        except OSError as err:
            self.app.call_from_thread(self.done, None, str(err.strerror or err))
            return
        self.app.call_from_thread(self.done, path, None)

    def action_protocol(self) -> None:
        path = self._target(".docx")
        if path is not None:
            self.say(self.t("export.running", path=path))
            self.write_protocol(path, self.workshop_id, self.fapp.lang)

    @work(thread=True, group="export")
    def write_protocol(self, path: Path, workshop_id: str, lang: str) -> None:
        try:
            from facilitator.export.protocol import write_protocol
        except ImportError:
            self.app.call_from_thread(self.done, None, self.t("export.no_protocol"))
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_protocol(self.store, workshop_id, path, lang=lang)
        except (OSError, UserError) as err:
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
