"""Provides small dialogs: yes/no, one line of input, and picking one of several options."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from facilitator.locale import gettext, pgettext
from facilitator.tui.host import as_facilitator
from facilitator.tui.roles import HasMessageLine

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp


class MessageDialog(ModalScreen[ScreenResultType], HasMessageLine):
    """A dialog with texts in the app's language and one message line (`MESSAGE_ID`)."""

    MESSAGE_ID = "#message"

    @property
    def fapp(self) -> "FacilitatorApp":
        """The app this dialog runs in, typed (Textual types `self.app` as any App)."""
        return as_facilitator(self.app)

    def say(self, text: str, error: bool = False) -> None:
        """Show one line in the dialog (errors in the error colour)."""
        message = self.query_one(self.MESSAGE_ID, Label)
        message.update(text)
        message.set_class(error, "error")


class FormDialog(MessageDialog[ScreenResultType]):
    """A dialog of fields: Enter moves to the next field, on the last one it saves."""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        raise NotImplementedError


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question; j/y confirm, n/Esc decline."""

    BINDINGS = [
        Binding("j,y", "answer(True)", show=False),
        Binding("n,escape", "answer(False)", show=False),
    ]

    def __init__(self, question: str | Text, lang: str = "de") -> None:
        super().__init__()
        self.question, self.lang = question, lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yes = gettext("Ja", self.lang) + " (" + pgettext("yes key", "j", self.lang) + ")"
                yield Button(yes, id="yes", variant="error")
                yield Button(gettext("Nein", self.lang) + " (n)", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class PromptDialog(ModalScreen[str | None]):
    """Ask for one line; Enter returns it, Esc returns None."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.question, self.value, self.placeholder = question, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="prompt")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickDialog(ModalScreen[str | None]):
    """Pick one of several options (id, text); Enter picks, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, question: str, options: Sequence[tuple[str, str | Text]]) -> None:
        """Options are (id, text); a plain text is shown literally, a Text as it is styled."""
        super().__init__()
        self.question, self.options = question, options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            yield OptionList(
                *[
                    Option(text if isinstance(text, Text) else Text(text), id=key)
                    for key, text in self.options
                ],
                id="pick",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
