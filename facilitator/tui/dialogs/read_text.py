"""Provides a dialog that shows lines of text to read: OK only, or yes/no when asked to confirm."""

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from facilitator.locale import gettext, pgettext
from facilitator.tui.host import as_facilitator


class ReadDialog(ModalScreen[bool]):
    """Lines shown literally (they may come from a file or a person); Esc closes.

    With `confirm`, the moderator answers yes (j/y) or no (n/Esc) after reading, and the
    dialog returns it; without, it returns True when closed.
    """

    BINDINGS = [Binding("escape", "answer(False)", show=False)]

    def __init__(self, title: str, lines: list[str], *, confirm: bool = False) -> None:
        super().__init__()
        self.title_text, self.lines, self.confirm = title, lines, confirm

    def compose(self) -> ComposeResult:
        lang = as_facilitator(self.app).lang
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(id="read-text"):
                yield Static(Text("\n".join(self.lines)), id="read-lines")
            with Horizontal(classes="dialog-buttons"):
                if self.confirm:
                    yes = gettext("Ja", lang) + " (" + pgettext("yes key", "j", lang) + ")"
                    yield Button(yes, id="yes", variant="primary")
                    yield Button(gettext("Nein", lang) + " (n)", id="no")
                else:
                    yield Button(gettext("OK", lang), id="yes", variant="primary")

    def on_key(self, event: events.Key) -> None:
        if self.confirm and event.key in ("j", "y"):
            event.stop()
            self.dismiss(True)
        elif self.confirm and event.key == "n":
            event.stop()
            self.dismiss(False)
        elif not self.confirm and event.key == "enter":
            event.stop()
            self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer or not self.confirm)
