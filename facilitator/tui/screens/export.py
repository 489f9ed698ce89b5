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
from facilitator.tui.screens import SCREEN_TITLES
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.text import N_, NP_, _

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

    heading = SCREEN_TITLES["export"]
    AUTO_FOCUS = None  # the letters are keys, not typing
    BINDINGS = [
        Binding("j", "write('json')", N_("JSON"), show=False),
        Binding("p", "write('protocol')", NP_("protocol key", "Protokoll")),
        Binding("f", "write('factsheet')", N_("Faktenblatt")),
        Binding("i", "write('ics')", N_("Einladung .ics"), show=False),
        Binding("k", "write('contacts')", N_("Kontakte")),
        Binding("r", "app.show('review')", N_("Durchsicht")),
        Binding("g", "write('runsheet')", N_("Regieplan"), show=False),  # r is the review
        Binding("a", "write('agenda')", N_("Aushang"), show=False),
        Binding("s", "write('signin')", N_("Teilnahmeliste"), show=False),
        Binding("b", "write('badges')", N_("Namensschilder"), show=False),
        Binding("o", "folder", N_("Zielordner"), show=False),
        Binding("w", "settings", N_("Angaben"), show=False),
        Binding("l", "photos", N_("Fotos")),
    ]

    def compose_body(self) -> ComposeResult:
        yield Label(_("Zielordner"), markup=False)
        folder = Input(str(Path.cwd()), id="export-folder")
        folder.can_focus = False  # focused only with o, so the letters stay keys
        yield folder
        yield Label(
            _(
                "r Durchsicht der Ergebnisse vor dem Protokoll, w Angaben zum Workshop; "
                "p schreibt das Protokoll (.docx), j die JSON-Datei."
            ),
            id="export-hint",
            markup=False,
        )
        yield Label(
            _(
                "f schreibt das Faktenblatt der Reihe (sonst aller Workshops), i die "
                "Einladung zum nächsten Termin (.ics), k die Kontaktliste (CSV, nur mit "
                "Einwilligung)."
            ),
            id="export-hint-more",
            markup=False,
        )
        yield Label(
            _(
                "Vorbereitung: g Regieplan, a Ablauf + QR-Aushang, s Teilnahmeliste, b "
                "Namensschilder (.docx)."
            ),
            id="export-hint-kit",
            markup=False,
        )
        yield Label(id="export-result", markup=False)

    def action_photos(self) -> None:
        """The workshop's photos; one can be deleted to the bytes."""
        from facilitator.tui.dialogs.photos import PhotosDialog

        if self.workshop_id is None:
            self.say(_("Kein Workshop gewählt – F2 zeigt alle Workshops."), error=True)
            return
        self.app.push_screen(PhotosDialog(self.workshop_id))

    def action_settings(self) -> None:
        """The workshop's details (venue, moderation, distribution …) before the protocol."""
        from facilitator.tui.dialogs.workshop_settings import WorkshopSettingsDialog

        if self.workshop_id is None:
            self.say(_("Kein Workshop gewählt – F2 zeigt alle Workshops."), error=True)
            return

        def saved(changed: bool | None) -> None:
            if changed:
                self.say(_("Angaben gespeichert."))

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
            self.say(_("Kein Workshop gewählt – F2 zeigt alle Workshops."), error=True)
            return None
        folder = Path(self.query_one("#export-folder", Input).value.strip() or ".").expanduser()
        snapshot = self.fapp.snapshot()
        name = snapshot.title if snapshot else ""
        if what == "factsheet":  # the fact sheet is the series', not this workshop's
            name = series_name(self.store, self.workshop_id) or _("Alle Workshops")
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
            self.say(_("Schreibe {path} …", path=path))
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
            text = _(
                "„{title}“ hat noch keinen nächsten Termin. Festlegen mit: facilitator "
                "next-date JJJJ-MM-TT [--start HH:MM] [--venue ORT]",
                title=err.title,
            )
        except ImportError as err:  # a build without the document libraries
            text = (
                _("Der Protokoll-Export ist in dieser Version noch nicht verfügbar.")
                if what == "protocol"
                else _("Export fehlgeschlagen: {error}", error=err)
            )
        except OSError as err:
            text = _("Export fehlgeschlagen: {error}", error=err.strerror or err)
        except Exception as err:
            text = _("Export fehlgeschlagen: {error}", error=err)
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
            when = f"{done.day:%d.%m.%Y} {done.start}"
            return _("Geschrieben: {path} ({when})", path=path, when=when)
        elif what == "contacts":
            done = follow.write_contacts(reader, workshop_id, path, lang)
            return _(
                "Geschrieben: {path} ({shared} von {total} Personen mit Einwilligung)",
                path=path,
                shared=done.shared,
                total=done.total,
            )
        elif what == "runsheet":
            kit.write_runsheet(reader, workshop_id, path, lang=lang)
        elif what == "agenda":
            kit.write_agenda(reader, workshop_id, path, url, lang=lang)
            return _("Geschrieben: {path} (QR-Code: {url})", path=path, url=url)
        elif what == "signin":
            kit.write_signin(reader, workshop_id, path, lang=lang)
        elif what == "badges":
            kit.write_badges(reader, workshop_id, path, lang=lang)
        else:
            write_text_atomic(path, dumps(export_workshop(reader, workshop_id)))
        return _("Geschrieben: {path}", path=path)

    def done(self, path: Path | None, text: str) -> None:
        result = self.query_one("#export-result", Label)
        if path is None:
            self.say(text, error=True)
            result.update("")
        else:
            self.say("")
            result.update(text)
