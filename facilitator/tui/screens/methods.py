"""Provides the Methods screen: search the cards, read one, use it for an agenda item."""

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Markdown, OptionList
from textual.widgets.option_list import Option

from facilitator.core.method_format import MethodCard
from facilitator.core.method_search import search
from facilitator.core.taxonomy import METHOD_PHASES
from facilitator.locale import gettext, pgettext
from facilitator.store.agenda import list_items, update_item
from facilitator.tui.dialogs.common import PickDialog
from facilitator.tui.dialogs.method_picker import card_matches
from facilitator.tui.screens import SCREEN_TITLES
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.text import N_, _, translated_in

# a card's lists, under these headings
LISTS = {"materials": N_("Material"), "tips": N_("Tipps"), "traps": N_("Stolpersteine")}


def card_markdown(card: MethodCard, lang: str) -> str:
    """The card as Markdown: summary, duration, steps, materials, tips, then its text."""
    phase = METHOD_PHASES.get(card.phase)
    lines = [
        f"# {card.name.get(lang)}",
        f"*{card.summary.get(lang)}*",
        "",
        f"{phase.get(lang) if phase else card.phase} · "
        + gettext("{low}–{high} min", lang, low=card.duration_min, high=card.duration_max),
        "",
    ]
    if card.steps:
        lines += ["## " + pgettext("Methode", "Ablauf", lang), ""]
        lines += [f"1. **{step.minutes} min** – {step.text.get(lang)}" for step in card.steps]
        lines.append("")
    for key, heading in LISTS.items():
        entries = getattr(card, key).get(lang) or getattr(card, key).get("de") or []
        if entries:
            # one heading per list: materials, tips and pitfalls are different things to read
            lines += ["## " + translated_in(heading, lang), ""]
            lines += [f"- {entry}" for entry in entries]
            lines.append("")
    lines.append(card.body)
    return "\n".join(lines)


class MethodsScreen(BaseScreen):
    """A list of cards on the left (filtered as you type), the chosen card on the right."""

    heading = SCREEN_TITLES["methods"]
    AUTO_FOCUS = "#methods-list"
    BINDINGS = [
        Binding("slash", "search", N_("Suchen"), key_display="/"),
        Binding("u", "use", N_("Für Block nutzen")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown: MethodCard | None = None

    @property
    def cards(self) -> OptionList:
        """The list of method cards."""
        return self.query_one("#methods-list", OptionList)

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="methods-body"):
            with Vertical(id="methods-left"):
                yield Input(placeholder=_("Methode suchen …"), id="methods-search")
                yield OptionList(id="methods-list")
            with VerticalScroll(id="methods-card"):
                yield Markdown(id="methods-text")

    def on_mount(self) -> None:
        super().on_mount()
        self._fill("")
        self.cards.focus()
        if self.fapp.methods_problem:
            self.say(
                _("Methodenkarten fehlerhaft: {problem}", problem=self.fapp.methods_problem),
                error=True,
            )

    def _fill(self, query: str) -> None:
        lang = self.fapp.lang
        options = self.cards
        options.clear_options()
        words = query.lower().split()
        cards = sorted(self.fapp.methods().values(), key=lambda c: c.name.get(lang).lower())
        found = [card for card in cards if card_matches(card, words)]
        if not found and words:  # "kopfstandmetode": the typo-tolerant search of `methods`
            found = [hit.card for hit in search(cards, query)]
        for card in found:
            options.add_option(Option(Text(card.name.get(lang)), id=card.id))
        # the detail follows the list: its first card, or no stale card at all
        if found:
            options.highlighted = 0
            self._show(found[0])
        else:
            self.shown = None
            self.query_one("#methods-text", Markdown).update(
                _("Keine Methode passt zu „{query}“.", query=query.strip())
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.cards.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        card = self.fapp.method(event.option.id)
        if card is not None:
            self._show(card)

    def _show(self, card: MethodCard) -> None:
        if card is not self.shown:
            self.shown = card
            text = card_markdown(card, self.fapp.lang)
            self.query_one("#methods-text", Markdown).update(text)

    def action_search(self) -> None:
        self.query_one("#methods-search", Input).focus()

    def action_use(self) -> None:
        card = self.shown
        if card is None or self.workshop_id is None:
            return
        items = list_items(self.store, self.workshop_id)
        options = [(it.id, f"{it.title} ({it.minutes} min)") for it in items]

        def picked(item_id: str | None) -> None:
            if item_id is None:
                return
            if not self.call_service(update_item, item_id, method=card.id):
                return
            title = next(it.title for it in items if it.id == item_id)
            self.say(
                _(
                    "„{method}“ für „{item}“ hinterlegt.",
                    method=card.name.get(self.fapp.lang),
                    item=title,
                )
            )

        self.app.push_screen(PickDialog(_("Für welchen Agendapunkt?"), options), picked)
