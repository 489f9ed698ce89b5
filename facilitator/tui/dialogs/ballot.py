"""Provides the dot vote's ballot dialog: this block's entries, one kind, all, or ticked rows.

It dismisses with a ballot spec for `store.activity_ballot.choose_ballot` (["block"],
["kind:need"], ["all"] or a list of capture ids), or None when cancelled.
"""

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from facilitator.core.models import Capture
from facilitator.core.taxonomy import CAPTURE_KINDS
from facilitator.tui.text import _, pgettext


class BallotDialog(ModalScreen[list[str] | None]):
    """Choose what the room votes on; with "tick rows", space ticks and ctrl+s takes them."""

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+s", "take", show=False),
    ]

    def __init__(self, entries: list[Capture], block_id: str | None, lang: str) -> None:
        super().__init__()
        self.entries, self.block_id, self.lang = entries, block_id, lang

    def _kind(self, kind: str) -> str:
        return CAPTURE_KINDS[kind].get(self.lang) if kind in CAPTURE_KINDS else kind

    def options(self) -> list[tuple[str, str]]:
        """The choices with their counts; a choice with no entries is not offered."""
        found: list[tuple[str, str]] = []
        in_block = sum(
            1 for c in self.entries if self.block_id and c.agenda_item_id == self.block_id
        )
        if in_block:
            found.append(("block", _("Einträge dieses Blocks ({n})", n=in_block)))
        for kind, n in sorted(Counter(c.kind for c in self.entries).items()):
            found.append((f"kind:{kind}", _("Nur {kind} ({n})", kind=self._kind(kind), n=n)))
        if self.entries:
            found.append(("all", _("Alle Einträge des Workshops ({n})", n=len(self.entries))))
            found.append(("pick", _("Einträge ankreuzen …")))
        return found

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="ballot-dialog"):
            yield Label(_("Worüber wird abgestimmt?"), classes="dialog-title", markup=False)
            choices = self.options()
            if not choices:
                yield Label(pgettext("App", "Noch keine Einträge zur Abstimmung."), markup=False)
            yield OptionList(*[Option(Text(text), id=key) for key, text in choices], id="ballot")
            yield SelectionList[str](
                *[
                    Selection(Text(f"{self._kind(c.kind)}: {c.text[:70]}"), c.id)
                    for c in self.entries
                ],
                id="ballot-rows",
            )
            yield Label(
                _("Leertaste kreuzt an, Strg+S übernimmt, Esc bricht ab."),
                id="ballot-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#ballot-rows").display = False
        self.query_one("#ballot-hint").display = False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id != "pick":
            self.dismiss([str(event.option.id)])
            return
        self.query_one("#ballot", OptionList).display = False
        rows = self.query_one("#ballot-rows", SelectionList)
        rows.display = True
        self.query_one("#ballot-hint").display = True
        rows.focus()

    def action_take(self) -> None:
        """ctrl+s: vote on the ticked rows (nothing ticked: keep choosing)."""
        rows = self.query_one("#ballot-rows", SelectionList)
        if rows.display and rows.selected:
            self.dismiss([str(i) for i in rows.selected])

    def action_cancel(self) -> None:
        self.dismiss(None)
