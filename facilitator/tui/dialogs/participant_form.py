"""Provides the form for one participant: name, organisation, type, municipality, e-mail."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select

from facilitator.core.models import Participant
from facilitator.core.taxonomy import ORG_TYPES
from facilitator.tui.dialogs.common import MessageDialog
from facilitator.tui.host import as_facilitator
from facilitator.tui.text import _


class ParticipantForm(MessageDialog[dict | None]):
    """Enter in any field saves (the name must not be empty); Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", show=False)]
    MESSAGE_ID = "#participant-message"
    AUTO_FOCUS = "#person-name"

    def __init__(self, heading: str, person: Participant | None, organisations: list[str]) -> None:
        super().__init__()
        self.heading, self.person, self.organisations = heading, person, organisations

    def compose(self) -> ComposeResult:
        person, lang = self.person, as_facilitator(self.app).lang
        org_type = person.org_type if person else "sonstige"
        with Vertical(classes="dialog", id="participant-form"):
            # Nothing on the form says how to save: the title line tells (like the other forms).
            title = self.heading + " – " + _("Enter speichert, Esc bricht ab")
            yield Label(title, classes="dialog-title", markup=False)
            yield Input(
                person.name if person else "", placeholder=_("Name (Pflicht)"), id="person-name"
            )
            yield Input(
                person.organisation if person else "",
                placeholder=_("Organisation"),
                suggester=SuggestFromList(self.organisations, case_sensitive=False),
                id="person-org",
            )
            yield Select(
                [(label.get(lang), key) for key, label in ORG_TYPES.items()],
                value=org_type if org_type in ORG_TYPES else "sonstige",
                allow_blank=False,
                id="person-type",
                compact=True,
            )
            yield Input(
                person.municipality if person else "",
                placeholder=_("Kommune / Ort"),
                id="person-municipality",
            )
            yield Input(
                person.email if person else "",
                placeholder=_("E-Mail (optional)"),
                id="person-email",
            )
            yield Label("", id="participant-message", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = self.query_one("#person-name", Input).value.strip()
        if not name:
            self.say(_("Bitte einen Namen eingeben."), error=True)
            self.query_one("#person-name", Input).focus()
            return
        org_type = self.query_one("#person-type", Select).value
        self.dismiss(
            {
                "name": name,
                "organisation": self.query_one("#person-org", Input).value.strip(),
                "org_type": org_type if isinstance(org_type, str) else None,
                "municipality": self.query_one("#person-municipality", Input).value.strip(),
                "email": self.query_one("#person-email", Input).value.strip(),
            }
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
