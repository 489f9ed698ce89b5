"""Provides the form for an agenda item: title, minutes, kind, fixed time, method, captures, notes.

Enter in a one-line field (or ctrl+s, or the button) saves; Esc cancels. A block
shorter than its method card's minimum is allowed but gets a warning under the form.
"""

from textual import on
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
from facilitator.tui.text import _

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

    @property
    def title_box(self) -> Input:
        """The title field."""
        return self.query_one("#item-title", Input)

    @property
    def minutes_box(self) -> Input:
        """The minutes field."""
        return self.query_one("#item-minutes", Input)

    @property
    def at_box(self) -> Input:
        """The fixed start time field (pinned items only)."""
        return self.query_one("#item-at", Input)

    def compose(self) -> ComposeResult:
        item, lang = self.item, as_facilitator(self.app).lang
        methods = sorted(self.cards.values(), key=lambda c: c.name.get(lang).lower())
        with VerticalScroll(classes="dialog", id="item-form"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            with Horizontal(classes="form-row"):
                yield Label(_("Titel"), classes="form-label", markup=False)
                yield Input(
                    item.title if item else "",
                    placeholder=_("Titel"),
                    id="item-title",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(_("Minuten"), classes="form-label", markup=False)
                yield Input(
                    str(item.minutes) if item else "",
                    placeholder=_("Minuten"),
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
                    placeholder=_("Uhrzeit HH:MM"),
                    id="item-at",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(_("Methode"), classes="form-label", markup=False)
                yield Select(
                    [(_("— keine Methode —"), NO_METHOD)]
                    + [(card.name.get(lang), card.id) for card in methods],
                    value=item.method if item and item.method in self.cards else NO_METHOD,
                    allow_blank=False,
                    id="item-method",
                    compact=True,
                )
            yield Label("", id="item-warning", markup=False)
            with Horizontal(classes="form-row"):
                yield Label(_("Erfassen\n(Leertaste)"), classes="form-label", markup=False)
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
                yield Label(_("Notizen"), classes="form-label", markup=False)
                yield TextArea(item.notes if item else "", id="item-notes", compact=True)
            yield Label("", id="item-message", classes="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    _("Speichern (Strg+S)"), id="item-save", variant="primary", compact=True
                )
                yield Button(_("Abbrechen (Esc)"), id="item-cancel", compact=True)

    def on_mount(self) -> None:
        self._show_at()
        self._warn()

    def _show_at(self) -> None:
        self.at_box.display = self._kind() == "pinned"

    def _kind(self) -> str:
        value = self.query_one("#item-kind", Select).value
        return value if isinstance(value, str) else "block"

    def _method(self) -> str | None:
        value = self.query_one("#item-method", Select).value
        return value if isinstance(value, str) and value != NO_METHOD else None

    def _warn(self) -> None:
        """Below the method card's minimum: say so (the moderators may know better)."""
        card = self.cards.get(self._method() or "")
        text = self.minutes_box.value.strip()
        short = text.isdecimal() and below_minimum(int(text), card)
        warning = (
            _(
                "⚠ „{method}“ braucht laut Karte mindestens {minutes} min.",
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

    @on(Input.Changed, "#item-minutes")
    def _minutes_changed(self) -> None:
        self._warn()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "item-title" and not self.minutes_box.value:
            self.minutes_box.focus()
            return
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "item-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        title = self.title_box.value.strip()
        minutes = self.minutes_box.value.strip()
        if not title:
            self.say(_("Bitte einen Titel eingeben."), error=True)
            self.title_box.focus()
            return
        if not minutes.isdecimal() or not 1 <= int(minutes) <= 600:
            self.say(_("Die Minuten müssen eine Zahl ab 1 sein."), error=True)
            self.minutes_box.focus()
            return
        kind = self._kind()
        at = self.at_box.value.strip() if kind == "pinned" else ""
        if kind == "pinned":
            try:
                parse_clock(at)
            except ValueError:
                self.say(
                    _("Ein fester Termin braucht eine Uhrzeit HH:MM (z. B. 12:30)."), error=True
                )
                self.at_box.focus()
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
