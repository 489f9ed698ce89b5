"""Provides the workshop settings dialog: title, date, times, venue, series, who, Wi-Fi.

The fields come from store/workshop_details.DETAIL_FIELDS; what is typed goes to
`edit_details`, the same service as `facilitator workshop edit`, so dates like 31.01.
work here too.
"""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label

from facilitator.core.errors import UserError
from facilitator.store.workshop_details import DETAIL_FIELDS, details_of, edit_details, today_of
from facilitator.tui.dialogs.common import FormDialog
from facilitator.tui.host import as_facilitator
from facilitator.tui.text import N_, NP_, _, translated

# each detail's label, and a hint by its kind; a field another area adds shows its key
# until it has a label here
LABELS = {
    "title": N_("Titel"),
    "date": N_("Datum"),
    "start": N_("Beginn"),
    "end": N_("Ende"),
    "venue": N_("Ort"),
    "series": N_("Reihe"),
    "moderation": NP_("workshop setting", "Moderation"),
    "minutes_by": NP_("workshop setting", "Protokoll"),
    "distribution": N_("Verteiler"),
    "next_date": N_("Nächster Termin"),
    "next_venue": N_("Ort (nächster)"),
    "wifi_name": N_("WLAN-Name"),
    "wifi_password": N_("WLAN-Passwort"),
}
HINTS = {
    "date": N_("31.01.2027 oder 31.01."),
    "clock": N_("HH:MM"),
    "list": N_("durch ; getrennt"),
}


class WorkshopSettingsDialog(FormDialog[bool]):
    """One input per detail; Enter in the last field or Ctrl+S saves, Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+s", "save", N_("Speichern")),
    ]
    MESSAGE_ID = "#settings-message"

    def __init__(self, workshop_id: str) -> None:
        super().__init__()
        self.workshop_id = workshop_id
        self.before: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        self.before = details_of(as_facilitator(self.app).store, self.workshop_id)
        with Vertical(classes="dialog", id="settings-dialog"):
            yield Label(_("Angaben zum Workshop"), classes="dialog-title")
            with Grid(id="settings-grid"):
                for field in DETAIL_FIELDS:
                    label, hint = LABELS.get(field.key), HINTS.get(field.kind)
                    yield Label(translated(label) if label else field.key)
                    yield Input(
                        self.before.get(field.key, ""),
                        placeholder=translated(hint) if hint else "",
                        id=f"settings-{field.key}",
                        compact=True,
                    )
            yield Label(
                _("Enter: nächstes Feld, im letzten speichern · Strg+S speichert · Esc bricht ab"),
                id="settings-hint",
            )
            yield Label("", id="settings-message")

    def action_save(self) -> None:
        typed = {
            field.key: self.query_one(f"#settings-{field.key}", Input).value
            for field in DETAIL_FIELDS
        }
        changed = {k: v for k, v in typed.items() if v.strip() != self.before.get(k, "").strip()}
        if "title" in changed and not changed["title"].strip():
            self.say(_("Der Titel darf nicht leer sein."), error=True)
            return
        store = as_facilitator(self.app).store
        try:
            if changed:
                edit_details(store, self.workshop_id, today_of(store), **changed)
        except UserError as err:
            # nothing was saved; what was typed stays for correcting
            self.say(err.text(as_facilitator(self.app).lang), error=True)
            return
        self.dismiss(bool(changed))

    def action_cancel(self) -> None:
        self.dismiss(False)
