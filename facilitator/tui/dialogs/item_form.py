"""Provides the form for an agenda item: title, minutes, kind, fixed time, method, captures, notes.

Enter in a one-line field (or ctrl+s, or the button) saves; Esc cancels. A block
shorter than its method card's minimum is allowed but gets a warning under the form.
"""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, SelectionList, TextArea

from facilitator.core.agenda_rules import below_minimum
from facilitator.core.method_format import MethodCard
from facilitator.core.models import AgendaItem
from facilitator.core.schedule import parse_clock
from facilitator.core.taxonomy import AGENDA_KINDS, CAPTURE_KINDS
from facilitator.tui.dialogs.common import MessageDialog
from facilitator.tui.host import as_facilitator

NO_METHOD = "-"


class ItemForm(MessageDialog[dict | None]):
    """Returns the item's fields as a dict for the agenda service, or None."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+s", "save", show=False),
    ]
    MESSAGE_ID = "#item-message"
    AUTO_FOCUS = "#item-title"

    def __init__(
        self, heading: str, item: AgendaItem | None, methods: dict[str, MethodCard]
    ) -> None:
        super().__init__()
        self.heading, self.item, self.cards = heading, item, methods

    def compose(self) -> ComposeResult:
        item, lang = self.item, as_facilitator(self.app).lang
        t = self.t
        methods = sorted(self.cards.values(), key=lambda c: c.name.get(lang).lower())
        with VerticalScroll(classes="dialog", id="item-form"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            with Horizontal(classes="form-row"):
                yield Label(t("item.title"), classes="form-label", markup=False)
                yield Input(
                    item.title if item else "",
                    placeholder=t("plan.title_placeholder"),
                    id="item-title",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(t("item.minutes"), classes="form-label", markup=False)
                yield Input(
                    str(item.minutes) if item else "",
                    placeholder=t("plan.minutes_placeholder"),
                    id="item-minutes",
                    type="integer",
                    compact=True,
                )
                yield Select(
                    [(label.get(lang), kind) for kind, label in AGENDA_KINDS.items()],
                    value=item.kind if item else "block",
                    allow_blank=False,
                    id="item-kind",
                    compact=True,
                )
                yield Input(
                    (item.at or "") if item else "",
                    placeholder=t("item.at_placeholder"),
                    id="item-at",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(t("item.method"), classes="form-label", markup=False)
                yield Select(
                    [(t("methods.none"), NO_METHOD)]
                    + [(card.name.get(lang), card.id) for card in methods],
                    value=item.method if item and item.method in self.cards else NO_METHOD,
                    allow_blank=False,
                    id="item-method",
                    compact=True,
                )
            yield Label("", id="item-warning", markup=False)
            with Horizontal(classes="form-row"):
                yield Label(t("item.captures"), classes="form-label", markup=False)
                chosen = set(item.capture) if item else set()
                yield SelectionList(
                    *[
                        (label.get(lang), key, key in chosen)
                        for key, label in CAPTURE_KINDS.items()
                    ],
                    id="item-captures",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(t("item.notes"), classes="form-label", markup=False)
                yield TextArea(item.notes if item else "", id="item-notes", compact=True)
            yield Label("", id="item-message", classes="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("item.save"), id="item-save", variant="primary", compact=True)
                yield Button(t("item.cancel"), id="item-cancel", compact=True)

    def on_mount(self) -> None:
        self._show_at()
        self._warn()

    def _show_at(self) -> None:
        self.query_one("#item-at", Input).display = self._kind() == "pinned"

    def _kind(self) -> str:
        value = self.query_one("#item-kind", Select).value
        return value if isinstance(value, str) else "block"

    def _method(self) -> str | None:
        value = self.query_one("#item-method", Select).value
        return value if isinstance(value, str) and value != NO_METHOD else None

    def _warn(self) -> None:
        """Below the method card's minimum: say so (the moderators may know better)."""
        card = self.cards.get(self._method() or "")
        text = self.query_one("#item-minutes", Input).value.strip()
        short = text.isdecimal() and below_minimum(int(text), card)
        warning = (
            self.t(
                "item.below_minimum",
                method=card.name.get(as_facilitator(self.app).lang),
                minutes=card.duration_min,
            )
            if short and card
            else ""
        )
        self.query_one("#item-warning", Label).update(warning)

    def on_select_changed(self, event: Select.Changed) -> None:
        self._show_at()
        self._warn()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "item-minutes":
            self._warn()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "item-title" and not self.query_one("#item-minutes", Input).value:
            self.query_one("#item-minutes", Input).focus()
            return
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "item-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        title = self.query_one("#item-title", Input).value.strip()
        minutes = self.query_one("#item-minutes", Input).value.strip()
        if not title:
            self.say(self.t("item.no_title"), error=True)
            self.query_one("#item-title", Input).focus()
            return
        if not minutes.isdecimal() or not 1 <= int(minutes) <= 600:
            self.say(self.t("plan.bad_minutes"), error=True)
            self.query_one("#item-minutes", Input).focus()
            return
        kind = self._kind()
        at = self.query_one("#item-at", Input).value.strip() if kind == "pinned" else ""
        if kind == "pinned":
            try:
                parse_clock(at)
            except ValueError:
                self.say(self.t("item.bad_at"), error=True)
                self.query_one("#item-at", Input).focus()
                return
        self.dismiss(
            {
                "title": title,
                "minutes": int(minutes),
                "kind": kind,
                "at": at or None,
                "method": self._method(),
                "capture": list(self.query_one("#item-captures", SelectionList).selected),
                "notes": self.query_one("#item-notes", TextArea).text.strip(),
            }
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
