"""Provides the form for an agenda item's title and minutes."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class ItemForm(ModalScreen[tuple[str, int] | None]):
    """Title and minutes; Enter in either field saves when both are valid."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, heading: str, title: str = "", minutes: int | None = None) -> None:
        super().__init__()
        self.heading, self.title_value, self.minutes_value = heading, title, minutes

    def compose(self) -> ComposeResult:
        t = self.app.t  # type: ignore[attr-defined]
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield Input(self.title_value, placeholder=t("plan.title_placeholder"), id="item-title")
            yield Input(
                "" if self.minutes_value is None else str(self.minutes_value),
                placeholder=t("plan.minutes_placeholder"),
                id="item-minutes",
                type="integer",
            )
            yield Label("", id="item-message", classes="error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        t = self.app.t  # type: ignore[attr-defined]
        title = self.query_one("#item-title", Input).value.strip()
        minutes_text = self.query_one("#item-minutes", Input).value.strip()
        if event.input.id == "item-title" and not minutes_text:
            self.query_one("#item-minutes", Input).focus()
            return
        if not title:
            self.query_one("#item-title", Input).focus()
            return
        if not minutes_text.isdigit() or int(minutes_text) < 1:
            self.query_one("#item-message", Label).update(t("plan.bad_minutes"))
            return
        self.dismiss((title, int(minutes_text)))

    def action_cancel(self) -> None:
        self.dismiss(None)
