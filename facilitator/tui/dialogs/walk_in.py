"""Provides the walk-in dialog: "Name @ Organisation", with the capture line's "meinten Sie …?".

A walk-in's organisation that looks like a slip of a known one ("Stadt Ostfilden") is
not created at the first Enter: the dialog names the known one, Strg+O takes it and a
second Enter creates the new one as typed, as the capture line does.
"""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from facilitator.core.name_match import match_organisation
from facilitator.tui.dialogs.common import MessageDialog
from facilitator.tui.text import N_, _


class WalkInDialog(MessageDialog[tuple[str, str] | None]):
    """Ask for "Name @ Organisation"; dismiss (name, organisation) or None."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+o", "take_suggestion", N_("Vorschlag übernehmen"), show=False),
    ]
    MESSAGE_ID = "#walk-in-message"

    def __init__(self, organisations: list[str]) -> None:
        super().__init__()
        self.organisations = organisations
        self._confirmed_new: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Spontan da (wird als anwesend eingetragen)"), classes="dialog-title")
            yield Input(placeholder=_("Name @ Organisation"), id="walk-in")
            yield Label(id="walk-in-message", markup=False)

    def _split(self, line: str) -> tuple[str, str]:
        name, _, organisation = line.partition("@")
        return " ".join(name.split()), " ".join(organisation.split())

    def on_input_changed(self, event: Input.Changed) -> None:
        _name, organisation = self._split(event.value)
        match = match_organisation(organisation, self.organisations) if organisation else None
        near = match.suggestion if match and not match.known else None
        self.say(_("(neu – meinten Sie „{name}“?)", name=near) if near else "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name, organisation = self._split(event.value)
        if not name and not organisation:
            self.dismiss(None)
            return
        if organisation:
            match = match_organisation(organisation, self.organisations)
            if match.suggestion and self._confirmed_new != match.name:
                self._confirmed_new = match.name  # a second Enter creates it as typed
                text = _(
                    "„{name}“ gibt es nicht – meinten Sie „{near}“? Strg+O übernimmt, Enter "
                    "legt „{name}“ neu an.",
                    name=match.name,
                    near=match.suggestion,
                )
                self.say(text, error=True)
                return
            organisation = match.name
        self.dismiss((name, organisation))

    def action_take_suggestion(self) -> None:
        """Put the known organisation in place of the typed one."""
        box = self.query_one("#walk-in", Input)
        name, organisation = self._split(box.value)
        match = match_organisation(organisation, self.organisations) if organisation else None
        if match and match.suggestion:
            box.value = f"{name} @ {match.suggestion}"
            box.cursor_position = len(box.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
