"""Provides the Plan screen: the agenda with computed times, edited through the agenda service."""

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Label

from facilitator.core.live_plan import live_times
from facilitator.core.models import AgendaItem
from facilitator.core.schedule import Schedule, format_clock
from facilitator.store.agenda import add_item, move_item, remove_item, update_item
from facilitator.tui.dialogs.common import ConfirmDialog
from facilitator.tui.dialogs.item_form import ItemForm
from facilitator.tui.dialogs.method_picker import NO_METHOD, MethodPicker
from facilitator.tui.screens import SCREEN_TITLES
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.text import N_, NP_, _, pgettext, translated
from facilitator.tui.timing import plan_base_ms
from facilitator.tui.widgets.cells import Column, cell, fit_columns

# the plan's kind column (a fixed item shows its time instead)
KINDS = {"block": N_("Block"), "break": N_("Pause")}


def _kind_text(item: AgendaItem, warn: bool) -> str:
    """The kind column; `warn` when the items before a fixed point run into it."""
    kind = _("fest {at}", at=item.at) if item.kind == "pinned" else translated(KINDS[item.kind])
    return "⚠ " + kind if warn else kind


STEP_MINUTES = 5
MINIMUM_MINUTES = 5


class PlanScreen(BaseScreen):
    """The agenda as a table; a warning line when it runs past its end."""

    heading = SCREEN_TITLES["plan"]
    BINDINGS = [
        Binding("a", "add", NP_("add key", "Neu")),
        Binding("enter", "edit", N_("Ändern"), show=False),
        Binding("e", "edit", N_("Ändern")),
        Binding("delete,d", "remove", N_("Löschen"), key_display="d"),
        Binding("shift+up,K", "move(-1)", N_("Nach oben"), key_display="⇧↑", show=False),
        Binding("shift+down,J", "move(1)", N_("Nach unten"), key_display="⇧↓", show=False),
        Binding("plus,equals_sign", "minutes(5)", N_("+5"), key_display="+"),
        Binding("minus", "minutes(-5)", N_("−5"), key_display="-"),
        Binding("m", "method", N_("Methode")),
        Binding("f", "pin", N_("Fest/frei")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[AgendaItem] = []

    @property
    def table(self) -> DataTable:
        """The screen's plan table."""
        return self.query_one("#plan-table", DataTable)

    def compose_body(self) -> ComposeResult:
        table: DataTable[Any] = DataTable(id="plan-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Label(id="plan-total", markup=False)

    def columns(self) -> list[Column]:
        """Times and minutes keep their width; title and method share the rest."""
        return [
            Column("col.nr", _("Nr"), width=2),
            Column("col.start", _("Von"), width=5),
            Column("col.end", _("Bis"), width=5),
            Column("col.title", _("Titel"), share=3, least=16),
            Column("col.minutes", _("Min."), width=4),
            Column("col.type", pgettext("agenda column", "Art"), width=12),
            Column("col.method", _("Methode"), share=1, least=10),
        ]

    def refresh_data(self) -> None:
        table = self.table
        snapshot = self.fapp.snapshot()
        row = table.cursor_row
        widths = fit_columns(table, self.columns(), self.view_width())
        table.clear()
        if snapshot is None or snapshot.plan is None:
            self.items = []
            self.query_one("#plan-total", Label).update(
                _("Kein Workshop gewählt – F2 zeigt alle Workshops.")
            )
            return
        self.items, plan = snapshot.items, snapshot.plan
        # once the workshop runs, the times as they are now (what ran, when the rest runs)
        now = self.fapp.now_ms()
        times = live_times(snapshot.items, plan, snapshot.state, now, plan_base_ms(snapshot, now))
        cut: list[str] = []
        for index, (item, slot) in enumerate(zip(self.items, plan.slots, strict=True)):
            late = item.kind == "pinned" and times[index][0] > slot.start
            method, short = self._method_text(item)
            cut += [short] if short else []
            marker = "▶ " if item.id == snapshot.state.current_id else ""
            table.add_row(
                cell(index + 1),
                cell(format_clock(times[index][0])),
                cell(format_clock(times[index][1])),
                cell(marker + item.title, widths["col.title"]),
                cell(item.minutes),
                cell(_kind_text(item, warn=bool(slot.squeezed) or late), widths["col.type"]),
                cell(method, widths["col.method"]),
                key=item.id,
            )
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))
        total = self.query_one("#plan-total", Label)
        total.update(self._total_text(plan, times, cut))
        total.set_class(not plan.fits or bool(cut), "warning")

    def _method_text(self, item: AgendaItem) -> tuple[str, str | None]:
        """The method column, and a warning when the item is shorter than the card's minimum."""
        card = self.fapp.method(item.method)
        method = card.name.get(self.fapp.lang) if card else (item.method or "")
        if not (card and card.duration_min and item.minutes < card.duration_min):
            return method, None
        # shorter than the card's minimum: the method may not work in this time
        short = _(
            "„{title}“ unter der Mindestdauer der Karte ({min} min)",
            title=item.title,
            min=card.duration_min,
        )
        return "⚠ " + _("<{min}", min=card.duration_min) + " " + method, short

    def _total_text(self, plan: Schedule, times: list[tuple[int, int]], cut: list[str]) -> str:
        """The line under the table: total, available, end, and what does not fit."""
        end = format_clock(times[-1][1]) if times else ""
        if plan.slots and end != plan.slots[-1].end_text:  # running late or early
            end += " " + _("(laut Plan {end})", end=plan.slots[-1].end_text)
        if plan.available_minutes is None:
            text = _("Gesamt {total} min · Ende {end}", total=plan.total_minutes, end=end)
        else:
            text = _(
                "Gesamt {total} min · verfügbar {available} min · Ende {end}",
                total=plan.total_minutes,
                available=plan.available_minutes,
                end=end,
            )
        if not plan.fits:
            problems = [
                _(
                    "{minutes} min in „{title}“ ({at}) hinein",
                    minutes=slot.squeezed,
                    title=self.items[slot.index].title,
                    at=slot.start_text,
                )
                for slot in plan.overlaps()
            ]
            if plan.past_end_minutes:
                problems.append(_("{minutes} min über das Ende", minutes=plan.past_end_minutes))
            text += "  ⚠ " + " · ".join(problems)
        if cut:
            text += "  ⚠ " + " · ".join(cut)
        return text

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def on_resize(self) -> None:
        self.refresh_if_stale()

    def selected(self) -> AgendaItem | None:
        row = self.table.cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    def action_add(self) -> None:
        if self.workshop_id is None:
            return
        after = self.selected()

        def added(fields: dict | None) -> None:
            if fields:
                title, minutes = fields.pop("title"), fields.pop("minutes")
                done = self.call_service(
                    add_item,
                    self.workshop_id,
                    title,
                    minutes,
                    after=after.id if after else None,
                    **fields,
                )
                if done:
                    self.table.move_cursor(row=self.table.cursor_row + 1)

        form = ItemForm(_("Neuer Agendapunkt"), None, self.fapp.methods())
        self.app.push_screen(form, added)

    def action_edit(self) -> None:
        item = self.selected()
        if item is None:
            return

        def edited(fields: dict | None) -> None:
            if fields:
                changes = {k: v for k, v in fields.items() if getattr(item, k) != v}
                if changes:
                    self.call_service(update_item, item.id, **changes)

        form = ItemForm(_("Agendapunkt ändern"), item, self.fapp.methods())
        self.app.push_screen(form, edited)

    def action_remove(self) -> None:
        item = self.selected()
        if item is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.call_service(remove_item, item.id)

        question = _("„{title}“ aus der Agenda entfernen?", title=item.title)
        self.app.push_screen(ConfirmDialog(question, self.fapp.lang), confirmed)

    def action_move(self, offset: int) -> None:
        item = self.selected()
        if item is None:
            return
        table = self.table
        target = max(0, min(len(self.items) - 1, table.cursor_row + offset))
        if target != table.cursor_row:
            self.call_service(move_item, item.id, target)
            table.move_cursor(row=target)

    def action_minutes(self, offset: int) -> None:
        item = self.selected()
        if item is not None:
            # never below five minutes (an item already shorter is not made longer)
            least = min(item.minutes, MINIMUM_MINUTES)
            self.call_service(update_item, item.id, minutes=max(least, item.minutes + offset))

    def action_method(self) -> None:
        item = self.selected()
        if item is None:
            return

        def picked(method_id: str | None) -> None:
            if method_id is not None:
                self.call_service(
                    update_item, item.id, method=None if method_id == NO_METHOD else method_id
                )

        self.app.push_screen(MethodPicker(self.fapp.methods(), self.fapp.lang), picked)

    def action_pin(self) -> None:
        """Fix an item at its current start time, or let a fixed one move again."""
        item = self.selected()
        snapshot = self.fapp.snapshot()
        if item is None or snapshot is None or snapshot.plan is None:
            return
        if item.kind == "pinned":
            self.call_service(update_item, item.id, kind="block", at=None)
        else:
            start = snapshot.plan.slots[self.items.index(item)].start_text
            self.call_service(update_item, item.id, kind="pinned", at=start)
