"""Provides the Protokoll screen: captures of the running block (or all), filter, edit, votes.

Also the per-block switches for the phones: open/close collection and voting, the
dot budget, and revealing the results.
"""

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Label, Static

from facilitator.core.capture_line import parse_capture_filter
from facilitator.core.dates import format_date
from facilitator.core.errors import UserError
from facilitator.core.models import Capture
from facilitator.core.taxonomy import CAPTURE_KINDS, MEASURE_STATUSES, TOPICS
from facilitator.store.agenda import update_item
from facilitator.store.blocks import block_switches
from facilitator.store.captures import (
    delete_capture,
    list_captures,
    set_flipchart_votes,
    update_capture,
)
from facilitator.tui.dialogs.capture import EditCaptureDialog
from facilitator.tui.dialogs.common import PromptDialog
from facilitator.tui.screens import SCREEN_TITLES
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.text import N_, _, ngettext, pgettext
from facilitator.tui.widgets.cells import Column, cell, fit_columns


class CapturesScreen(BaseScreen):
    """The list of captures with the keys a scribe needs."""

    heading = SCREEN_TITLES["captures"]
    AUTO_FOCUS = "#captures-table"
    BINDINGS = [
        Binding("a", "scope", N_("Block/Alle")),
        Binding("slash,f", "filter", N_("Filter"), key_display="/", show=False),
        Binding("e,enter", "edit", N_("Ändern")),
        Binding("delete,d", "delete", N_("Löschen"), key_display="d", show=False),
        Binding("p", "dots", N_("Punkte"), show=False),
        Binding("h", "hide", N_("Ausblenden"), show=False),
        Binding("s", "status", N_("Status"), show=False),
        Binding("o", "block('collection_open')", N_("Sammeln an/aus")),
        Binding("v", "block('voting_open')", N_("Abstimmen an/aus")),
        Binding("b", "budget", N_("Punktebudget"), show=False),
        Binding("r", "block('results_revealed')", N_("Ergebnis zeigen"), show=False),
        Binding("escape", "unfilter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_all = False
        self.captures: list[Capture] = []

    @property
    def table(self) -> DataTable:
        """The screen's captures table."""
        return self.query_one("#captures-table", DataTable)

    @property
    def filter_box(self) -> Input:
        """The filter line (shown with /)."""
        return self.query_one("#captures-filter", Input)

    def compose_body(self) -> ComposeResult:
        yield Label(id="captures-scope", markup=False)
        yield Input(placeholder=_("Filter: h: #thema @Organisation Wort"), id="captures-filter")
        yield DataTable(id="captures-table", cursor_type="row", zebra_stripes=True)
        # the whole text of the highlighted row, wrapped: long entries stay readable
        yield Static(id="captures-detail", markup=False)
        yield Label(id="captures-block", markup=False)

    def columns(self) -> list[Column]:
        """Kind, dots and source keep their width; text, topic and organisation share the rest."""
        return [
            Column("col.kind", _("Art"), width=12),
            Column("col.text", _("Text"), share=4, least=16),
            Column("col.topic", _("Thema"), share=1, least=8),
            Column("col.org", _("Organisation"), share=2, least=10),
            Column("col.dots", _("Pkt."), width=4),
            Column("col.source", pgettext("author column", "Von"), width=6),
        ]

    def on_mount(self) -> None:
        table = self.table
        self.filter_box.display = False
        table.focus()
        super().on_mount()

    def on_resize(self) -> None:
        self.refresh_if_stale()

    def refresh_data(self) -> None:
        table = self.table
        snapshot, workshop_id = self.fapp.snapshot(), self.workshop_id
        if snapshot is None or workshop_id is None:
            self.captures = []
            table.clear()
            self.query_one("#captures-scope", Label).update(
                _("Kein Workshop gewählt – F2 zeigt alle Workshops.")
            )
            return
        lang = self.fapp.lang
        block = snapshot.current
        item_id = None if self.show_all or block is None else block.id
        try:
            found = self._filtered(workshop_id, item_id)
        except UserError as err:
            self.say(err.text(self.fapp.lang), error=True)
            return
        scope = _("Block „{block}“", block=block.title) if item_id and block else _("Alle Einträge")
        count = ngettext("{n} Eintrag", "{n} Einträge", len(found))
        self.query_one("#captures-scope", Label).update(f"{scope} · {count}")
        row = table.cursor_row
        widths = fit_columns(table, self.columns(), self.view_width())
        table.clear()
        self.captures = found
        for capture in found:
            table.add_row(*self._cells(capture, widths, lang), key=capture.id)
        if found:
            table.move_cursor(row=min(max(row, 0), len(found) - 1))
        self._show_detail()
        self._show_block(block)

    def _cells(self, capture: Capture, widths: dict[str, int], lang: str) -> list[Text]:
        """One row: kind, text, topic, organisation, dots and who wrote it (or hid it)."""
        source = pgettext("capture source", "TN") if capture.source == "participant" else ""
        if capture.hidden:
            source = (source + " " + _("ausgeblendet")).strip()
        topic = TOPICS[capture.topic].get(lang) if capture.topic in TOPICS else ""
        kind = CAPTURE_KINDS.get(capture.kind)
        return [
            cell(kind.get(lang) if kind else capture.kind, widths["col.kind"]),
            cell(self._full_text(capture, lang), widths["col.text"]),
            cell(topic, widths["col.topic"]),
            cell(capture.organisation, widths["col.org"]),
            cell(capture.votes or ""),
            cell(source, widths["col.source"]),
        ]

    @staticmethod
    def _full_text(capture: Capture, lang: str) -> str:
        """The text with a task's owner and due date and a measure's status."""
        text = capture.text
        if capture.owner or capture.due:
            due = format_date(capture.due, lang) if capture.due else ""
            text += f" (→ {capture.owner or '?'}{', ' + due if due else ''})"
        if capture.kind == "measure" and capture.status in MEASURE_STATUSES:
            text += f" ({MEASURE_STATUSES[capture.status].get(lang)})"
        return text

    def _show_detail(self) -> None:
        row = self.table.cursor_row
        chosen = self.captures[row] if 0 <= row < len(self.captures) else None
        detail = self.query_one("#captures-detail", Static)
        if chosen is None:
            detail.update("")
            return
        parts = [self._full_text(chosen, self.fapp.lang)]
        if chosen.organisation:
            parts.append(f"@ {chosen.organisation}")
        detail.update(" · ".join(parts))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _filtered(self, workshop_id: str, item_id: str | None) -> list[Capture]:
        text = self.filter_box.value
        wanted = parse_capture_filter(text)
        found = list_captures(
            self.store,
            workshop_id,
            kind=wanted.kind,
            topic=wanted.topic,
            agenda_item_id=item_id,
        )
        if wanted.organisation:
            needle = wanted.organisation.lower()
            found = [c for c in found if needle in c.organisation.lower()]
        if wanted.text:
            needle = wanted.text.lower()
            found = [c for c in found if needle in c.text.lower()]
        # oldest first by creation time (the service's order ties on captures without hlc)
        return sorted(found, key=lambda c: c.created_at or "")

    def _show_block(self, block) -> None:
        label = self.query_one("#captures-block", Label)
        if block is None:
            label.update("")
            return
        switches = block_switches(self.store, block.id)
        label.update(
            _(
                "Sammeln {collect} · Abstimmen {vote} · {budget} Punkte · Ergebnis {reveal}",
                collect=_("an") if switches.collection_open else _("aus"),
                vote=_("an") if switches.voting_open else _("aus"),
                budget=switches.dot_budget,
                reveal=_("sichtbar") if switches.results_revealed else _("verborgen"),
            )
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def selected(self) -> Capture | None:
        row = self.table.cursor_row
        if 0 <= row < len(self.captures):
            return self.captures[row]
        self.say(_("Kein Eintrag ausgewählt."), error=True)
        return None

    def action_scope(self) -> None:
        self.show_all = not self.show_all
        self.refresh_data()

    def action_filter(self) -> None:
        box = self.filter_box
        box.display = True
        box.focus()

    def action_unfilter(self) -> None:
        box = self.filter_box
        box.value, box.display = "", False
        self.table.focus()
        self.refresh_data()

    @on(Input.Changed, "#captures-filter")
    def _filter_changed(self) -> None:
        self.refresh_data()

    @on(Input.Submitted, "#captures-filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    def action_edit(self) -> None:
        capture = self.selected()
        if capture is not None:
            self.app.push_screen(EditCaptureDialog(capture))

    def action_delete(self) -> None:
        capture = self.selected()
        if capture is not None:
            if self.call_service(delete_capture, capture.id):
                self.say(_("Gelöscht (Strg+Z holt ihn zurück)."))

    def action_hide(self) -> None:
        capture = self.selected()
        if capture is not None:
            self.call_service(update_capture, capture.id, hidden=0 if capture.hidden else 1)

    def action_status(self) -> None:
        """A measure's next status (idee → geplant → in Umsetzung → abgeschlossen)."""
        from facilitator.tui.screens.review import cycle_status_in

        capture = self.selected()
        if capture is not None:
            status = cycle_status_in(self, capture.id)
            if status:
                self.say(_("Status: {status}", status=status))

    def action_dots(self) -> None:
        capture = self.selected()
        if capture is None:
            return

        def entered(value: str | None) -> None:
            if value is None:
                return
            # isdecimal, not isdigit: "²" (AltGr+2) is a digit that int() refuses
            if not value.strip().isdecimal():
                self.say(_("Punkte müssen eine ganze Zahl ab 0 sein."), error=True)
                return
            self.call_service(set_flipchart_votes, capture.id, int(value))

        prompt = _("Punkte vom Flipchart für „{text}“", text=capture.text[:40])
        self.app.push_screen(PromptDialog(prompt, str(capture.votes or "")), entered)

    def _block(self):
        snapshot = self.fapp.snapshot()
        block = snapshot.current if snapshot else None
        if block is None:
            self.say(_("(kein laufender Block)"), error=True)
        return block

    def action_block(self, field: str) -> None:
        block = self._block()
        if block is None:
            return
        current = getattr(block_switches(self.store, block.id), field)
        self.call_service(update_item, block.id, **{field: 0 if current else 1})

    def action_budget(self) -> None:
        block = self._block()
        if block is None:
            return

        def entered(value: str | None) -> None:
            if not value or not value.strip():
                return
            if not value.strip().isdecimal():
                self.say(_("Das Punktebudget ist eine ganze Zahl von 1 bis 20."), error=True)
                return
            self.call_service(update_item, block.id, dot_budget=int(value))

        self.app.push_screen(
            PromptDialog(_("Punkte pro Person (1–20)"), str(block.dot_budget)), entered
        )
