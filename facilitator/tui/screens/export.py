"""Provides the Export screen: protocol, JSON, follow-up files and the kit, in a worker."""

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label

from facilitator.export.files import write_text_atomic
from facilitator.store import Store
from facilitator.store.exchange import dumps, export_workshop
from facilitator.store.series import series_name
from facilitator.tui.reader import own_connection
from facilitator.tui.screens.base import BaseScreen

# what -> file name suffix (the stem is the workshop's title; the fact sheet's is fixed)
SUFFIXES = {
    "json": ".json",
    "protocol": ".docx",
    "factsheet": "-Faktenblatt.docx",
    "ics": "-Folgetermin.ics",
    "contacts": "-Kontakte.csv",
    "runsheet": "-Regieplan.docx",
    "agenda": "-Ablauf-Aushang.docx",
    "signin": "-Teilnahmeliste.docx",
    "badges": "-Namensschilder.docx",
}


class ExportScreen(BaseScreen):
    """A target folder and one key per file: j, p, f, i, k."""

    name_key = "screen.export"
    AUTO_FOCUS = None  # the letters are keys, not typing
    BINDINGS = [
        Binding("j", "write('json')", "key.json", show=False),
        Binding("p", "write('protocol')", "key.protocol"),
        Binding("f", "write('factsheet')", "key.factsheet"),
        Binding("i", "write('ics')", "key.ics", show=False),
        Binding("k", "write('contacts')", "key.contacts"),
        Binding("r", "app.show('review')", "key.review"),
        Binding("g", "write('runsheet')", "key.runsheet", show=False),  # r is the review
        Binding("a", "write('agenda')", "key.agenda_poster", show=False),
        Binding("s", "write('signin')", "key.signin", show=False),
        Binding("b", "write('badges')", "key.badges", show=False),
        Binding("o", "folder", "export.folder", show=False),
        Binding("w", "settings", "key.settings", show=False),
        Binding("l", "photos", "key.photos"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Label(self.t("export.folder"), markup=False)
        folder = Input(str(Path.cwd()), id="export-folder")
        folder.can_focus = False  # focused only with o, so the letters stay keys
        yield folder
        yield Label(self.t("export.hint"), id="export-hint", markup=False)
        yield Label(self.t("export.hint_more"), id="export-hint-more", markup=False)
        yield Label(self.t("export.hint_kit"), id="export-hint-kit", markup=False)
        yield Label(id="export-result", markup=False)

    def action_photos(self) -> None:
        """The workshop's photos; one can be deleted to the bytes (issue 23.3)."""
        from facilitator.tui.dialogs.photos import PhotosDialog

        if self.workshop_id is None:
            self.say(self.t("no_workshop"), error=True)
            return
        self.app.push_screen(PhotosDialog(self.workshop_id))

    def action_settings(self) -> None:
        """The workshop's details (venue, moderation, distribution …) before the protocol."""
        from facilitator.tui.dialogs.workshop_settings import WorkshopSettingsDialog

        if self.workshop_id is None:
            self.say(self.t("no_workshop"), error=True)
            return

        def saved(changed: bool | None) -> None:
            if changed:
                self.say(self.t("settings.saved"))

        self.app.push_screen(WorkshopSettingsDialog(self.workshop_id), saved)

    def action_folder(self) -> None:
        folder = self.query_one("#export-folder", Input)
        folder.can_focus = True
        folder.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.can_focus = False
        self.set_focus(None)

    def _target(self, what: str) -> Path | None:
        if self.workshop_id is None:
            self.say(self.t("no_workshop"), error=True)
            return None
        folder = Path(self.query_one("#export-folder", Input).value.strip() or ".").expanduser()
        snapshot = self.fapp.snapshot()
        name = snapshot.title if snapshot else ""
        if what == "factsheet":  # the fact sheet is the series', not this workshop's
            name = series_name(self.store, self.workshop_id) or self.t("export.all_workshops")
        stem = "".join(ch if ch.isalnum() else "-" for ch in name)
        return folder / f"{stem.strip('-') or 'workshop'}{SUFFIXES[what]}"

    # j and p were actions of their own; tests and muscle memory keep them
    def action_json(self) -> None:
        self.action_write("json")

    def action_protocol(self) -> None:
        self.action_write("protocol")

    def action_write(self, what: str) -> None:
        path = self._target(what)
        if path is not None:
            self.say(self.t("export.running", path=path))
            # the poster's QR code: the address the running server hands out (as on F5)
            url = (self.fapp.join_url() or "") if what == "agenda" else ""
            self.export(path, self.workshop_id, self.fapp.lang, what, url)

    @work(thread=True, group="export", exit_on_error=False)
    def export(self, path: Path, workshop_id: str, lang: str, what: str, url: str = "") -> None:
        """Write one file off the UI thread; report back on the UI thread."""
        from facilitator.export.followup import NoNextDate

        written: Path | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # a connection of the worker's own: a consistent snapshot (WAL) while the
            # moderators keep capturing on the UI's connection
            with own_connection(self.store) as reader:
                text = self._write(reader, path, workshop_id, lang, what, url)
            written = path
        except NoNextDate as err:
            text = self.t("export.no_next_date", title=err.title)
        except ImportError as err:  # a build without the document libraries
            key = "export.no_protocol" if what == "protocol" else "export.failed"
            text = self.t(key, error=err)
        except OSError as err:
            text = self.t("export.failed", error=err.strerror or err)
        except Exception as err:
            text = self.t("export.failed", error=err)
        self.app.call_from_thread(self.done, written, text)

    def _write(
        self, reader: Store, path: Path, workshop_id: str, lang: str, what: str, url: str = ""
    ) -> str:
        """Write `what` to `path` (in the worker) and return the line that says so."""
        from facilitator.export import followup as follow
        from facilitator.export import kit

        if what == "protocol":
            from facilitator.export.protocol import write_protocol

            write_protocol(reader, workshop_id, path, lang=lang)
        elif what == "factsheet":
            follow.write_factsheet(reader, workshop_id, path, lang)
        elif what == "ics":
            done = follow.write_invitation(reader, workshop_id, path)
            return self.t("export.ics_done", path=path, when=f"{done.day:%d.%m.%Y} {done.start}")
        elif what == "contacts":
            done = follow.write_contacts(reader, workshop_id, path, lang)
            return self.t("export.contacts_done", path=path, shared=done.shared, total=done.total)
        elif what == "runsheet":
            kit.write_runsheet(reader, workshop_id, path, lang=lang)
        elif what == "agenda":
            kit.write_agenda(reader, workshop_id, path, url, lang=lang)
            return self.t("export.agenda_done", path=path, url=url)
        elif what == "signin":
            kit.write_signin(reader, workshop_id, path, lang=lang)
        elif what == "badges":
            kit.write_badges(reader, workshop_id, path, lang=lang)
        else:
            write_text_atomic(path, dumps(export_workshop(reader, workshop_id)))
        return self.t("export.done", path=path)

    def done(self, path: Path | None, text: str) -> None:
        result = self.query_one("#export-result", Label)
        if path is None:
            self.say(text, error=True)
            result.update("")
        else:
            self.say("")
            result.update(text)
