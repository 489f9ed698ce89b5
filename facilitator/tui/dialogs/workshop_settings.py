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
from facilitator.tui.strings import T


class WorkshopSettingsDialog(FormDialog[bool]):
    """One input per detail; Enter in the last field or Ctrl+S saves, Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+s", "save", "key.save"),
    ]
    MESSAGE_ID = "#settings-message"

    def __init__(self, workshop_id: str) -> None:
        super().__init__()
        self.workshop_id = workshop_id
        self.before: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        self.before = details_of(as_facilitator(self.app).store, self.workshop_id)
        with Vertical(classes="dialog", id="settings-dialog"):
            yield Label(self.t("settings.heading"), classes="dialog-title")
            with Grid(id="settings-grid"):
                for field in DETAIL_FIELDS:
                    label, hint = f"settings.{field.key}", f"settings.{field.kind}_hint"
                    # a field another area adds shows its key until it has a label here
                    yield Label(self.t(label) if label in T else field.key)
                    yield Input(
                        self.before.get(field.key, ""),
                        placeholder=self.t(hint) if hint in T else "",
                        id=f"settings-{field.key}",
                        compact=True,
                    )
            yield Label(self.t("settings.hint"), id="settings-hint")
            yield Label("", id="settings-message")

    def action_save(self) -> None:
        typed = {
            field.key: self.query_one(f"#settings-{field.key}", Input).value
            for field in DETAIL_FIELDS
        }
        changed = {k: v for k, v in typed.items() if v.strip() != self.before.get(k, "").strip()}
        if "title" in changed and not changed["title"].strip():
            self.say(self.t("settings.no_title"), error=True)
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
