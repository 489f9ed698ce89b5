"""Provides the dialog for a new workshop: title, date and an agenda template."""

from datetime import date as Date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from facilitator.core.dates import parse_date
from facilitator.core.errors import UserError
from facilitator.library import load_agenda, shipped_agendas
from facilitator.tui.host import as_facilitator
from facilitator.tui.text import _

EMPTY = "-"


class NewWorkshopDialog(ModalScreen[tuple | None]):
    """Dismisses with (title, date, AgendaTemplate | None) or None."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def compose(self) -> ComposeResult:
        # A shipped template by its name (the file name without .toml).
        templates = [path.name.removesuffix(".toml") for path in shipped_agendas()]
        with Vertical(classes="dialog"):
            yield Label(_("Neuer Workshop"), classes="dialog-title", markup=False)
            yield Input(placeholder=_("Titel des Workshops"), id="new-title")
            yield Input(placeholder=_("Datum JJJJ-MM-TT (optional)"), id="new-date")
            yield Label(_("Vorlage:"), markup=False)
            yield OptionList(
                *[Option(Text(name), id=name) for name in templates],
                Option(_("(leere Agenda)"), id=EMPTY),
                id="new-template",
            )
            yield Label("", id="new-message", classes="error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#new-date" if event.input.id == "new-title" else "#new-template").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        title = self.query_one("#new-title", Input).value.strip()
        date = self.query_one("#new-date", Input).value.strip()
        if not title:
            self.query_one("#new-title", Input).focus()
            return
        if date:
            # checked here, so a typo keeps the dialog (and what was typed) open; the
            # same forms as everywhere: 2027-01-31, 31.01.2027 or 31.01. (from today)
            try:
                date = parse_date(date, Date.today())
            except UserError:
                message = _(
                    "„{date}“ ist kein Datum (2027-03-04, 04.03.2027 oder 04.03.).", date=date
                )
                self.query_one("#new-message", Label).update(message)
                self.query_one("#new-date", Input).focus()
                return
        template = None
        if event.option.id != EMPTY:
            try:
                template = load_agenda(str(event.option.id))
            except UserError as err:
                self.query_one("#new-message", Label).update(
                    err.text(as_facilitator(self.app).lang)
                )
                return
        self.dismiss((title, date, template))

    def action_cancel(self) -> None:
        self.dismiss(None)
