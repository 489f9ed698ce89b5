"""Provides the searchable method picker: type to filter the cards, Enter picks one."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from facilitator.core.method_format import MethodCard
from facilitator.tui.text import _

NO_METHOD = "-"


def card_matches(card: MethodCard, words: list[str]) -> bool:
    """True when every word occurs in the card's id, names, summary or keywords."""
    haystack = " ".join(
        [card.id, card.name.de, card.name.en, card.summary.de, card.summary.en, *card.keywords]
    ).lower()
    return all(word in haystack for word in words)


class MethodPicker(ModalScreen[str | None]):
    """Dismisses with a card id, NO_METHOD to detach, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, cards: dict[str, MethodCard], lang: str) -> None:
        super().__init__()
        self.cards, self.lang = cards, lang

    @property
    def options(self) -> OptionList:
        """The cards to pick from."""
        return self.query_one("#method-options", OptionList)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="method-picker"):
            yield Input(placeholder=_("Methode suchen …"), id="method-search")
            yield OptionList(id="method-options")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, query: str) -> None:
        options = self.options
        options.clear_options()
        words = query.lower().split()
        found = [c for c in self.cards.values() if card_matches(c, words)]
        found.sort(key=lambda c: c.name.get(self.lang).lower())
        if not words:
            options.add_option(Option(_("— keine Methode —"), id=NO_METHOD))
        for card in found:
            options.add_option(
                Option(
                    Text(f"{card.name.get(self.lang)} – {card.summary.get(self.lang)}"), id=card.id
                )
            )
        if options.option_count:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.options
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event) -> None:
        # arrows move through the list while the search field keeps focus
        options = self.options
        if event.key == "down":
            options.action_cursor_down()
            event.stop()
        elif event.key == "up":
            options.action_cursor_up()
            event.stop()

    def action_cancel(self) -> None:
        self.dismiss(None)
