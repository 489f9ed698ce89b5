"""Provides the re-plan proposal as a table to adjust: +/− per block, Enter accepts, Esc declines.

The table shows every item still to come with its new start time; under it, for each
fixed point (a pinned item or the end), whether the plan now reaches it in time.
"""

from collections.abc import Callable
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Label, Static

from facilitator.core.models import AgendaItem
from facilitator.core.replan import Replan, lateness
from facilitator.core.schedule import format_clock, schedule
from facilitator.tui.text import _, pgettext
from facilitator.tui.widgets.cells import cell


class ReplanDialog(ModalScreen[dict | None]):
    """Returns {item id: new minutes} of the changed items, or None when declined."""

    BINDINGS = [
        Binding("j,y,enter", "accept", show=False),
        Binding("n,escape", "decline", show=False),
        Binding("plus,equals_sign", "minutes(1)", show=False),
        Binding("minus", "minutes(-1)", show=False),
    ]

    def __init__(
        self,
        behind_minutes: int,
        items: list[AgendaItem],
        plan: Replan,
        start: int,
        end: int | None,
        floor: Callable[[AgendaItem], int],
    ) -> None:
        super().__init__()
        self.behind_minutes, self.items, self.plan = behind_minutes, items, plan
        self.start, self.end, self.floor = start, end, floor
        self.minutes = {it.id: plan.minutes.get(it.id, it.minutes) for it in items}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="replan"):
            yield Label(
                _(
                    "Der Workshop liegt {minutes} min hinter dem Plan. Restliche Blöcke kürzen?",
                    minutes=self.behind_minutes,
                ),
                classes="dialog-title",
                markup=False,
            )
            yield DataTable(id="replan-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="replan-status", markup=False)
            yield Label(
                _("+/− ändert den markierten Block um 1 min · Enter übernimmt · Esc verwirft"),
                id="replan-keys",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    _("Annehmen") + " (" + pgettext("yes key", "j") + ")",
                    id="accept",
                    variant="primary",
                )
                yield Button(_("Ablehnen") + " (n)", id="decline")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        columns = (
            ("col.start", _("Von")),
            ("col.title", _("Titel")),
            ("replan.col_old", _("Bisher")),
            ("replan.col_new", _("Neu")),
        )
        for key, label in columns:
            table.add_column(label, key=key)
        self.show()
        table.focus()

    def edited_items(self) -> list[AgendaItem]:
        return [replace(it, minutes=self.minutes[it.id]) for it in self.items]

    def show(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        items = self.edited_items()
        slots = schedule(items, format_clock(self.start)).slots if items else ()
        for item, slot, old in zip(items, slots, self.items, strict=True):
            new = self.minutes[item.id]
            mark = "" if new == old.minutes else " ←"
            table.add_row(
                cell(slot.start_text),
                cell(item.title, 40),
                cell(old.minutes),
                cell(f"{new}{mark}"),
                key=item.id,
            )
        if items:
            table.move_cursor(row=min(max(row, 0), len(items) - 1))
        self.query_one("#replan-status", Static).update(self.status_text(items))

    def status_text(self, items: list[AgendaItem]) -> str:
        titles = {it.id: it.title for it in items}
        lines = []
        for stretch in lateness(items, self.start, self.end):
            if stretch.fixed_at is None:
                continue
            target = (
                _("Bis zum Ende ({at})", at=format_clock(stretch.fixed_at))
                if stretch.fixed_id is None
                else _(
                    "Bis „{title}“ ({at})",
                    title=titles[stretch.fixed_id],
                    at=format_clock(stretch.fixed_at),
                )
            )
            state = (
                _("passt")
                if stretch.over == 0
                else _("{minutes} min zu spät", minutes=stretch.over)
            )
            lines.append(f"{target}: {state}")
        return "\n".join(lines)

    def action_minutes(self, step: int) -> None:
        table = self.query_one(DataTable)
        if not 0 <= table.cursor_row < len(self.items):
            return
        item = self.items[table.cursor_row]
        if item.kind != "block":
            return  # breaks and pinned items keep their time
        new = self.minutes[item.id] + step
        if step < 0 and new < min(self.floor(item), item.minutes):
            return
        self.minutes[item.id] = new
        self.show()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # Enter on the table (it has the focus) accepts, as the hint says
        self.action_accept()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "accept":
            self.action_accept()
        else:
            self.action_decline()

    def action_accept(self) -> None:
        self.dismiss(
            {it.id: self.minutes[it.id] for it in self.items if self.minutes[it.id] != it.minutes}
        )

    def action_decline(self) -> None:
        self.dismiss(None)
