"""Provides the Start screen: the workshops in the database; create, open, delete."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Label

from facilitator.core.dates import format_date
from facilitator.core.errors import UserError
from facilitator.store.workshops import (
    create_workshop,
    erase_workshops,
    list_workshops,
    series_workshops,
)
from facilitator.tui.dialogs.common import ConfirmDialog
from facilitator.tui.dialogs.new_workshop import NewWorkshopDialog
from facilitator.tui.screens import SCREEN_TITLES
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.text import N_, _, pgettext
from facilitator.tui.widgets.cells import Column, cell, fit_columns


class StartScreen(BaseScreen):
    """A table of workshops, newest first."""

    heading = SCREEN_TITLES["start"]
    BINDINGS = [
        Binding("enter,o", "open", N_("Öffnen")),
        Binding("n", "new", N_("Neu")),
        Binding("delete,d", "delete", N_("Löschen"), key_display="d"),
        Binding("D", "delete_series", N_("Reihe löschen"), key_display="⇧D", show=False),
        # The second laptop is paired from here (moderators' screen), never from Join (F8).
        Binding("v", "app.pair", N_("Zweiter Laptop")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.workshops: list[dict] = []

    @property
    def table(self) -> DataTable:
        """The screen's start table."""
        return self.query_one("#start-table", DataTable)

    def compose_body(self) -> ComposeResult:
        yield Label(id="start-empty", markup=False)
        yield DataTable(id="start-table", cursor_type="row", zebra_stripes=True)

    def columns(self) -> list[Column]:
        """The title takes what the date and the counts leave."""
        return [
            Column("col.title", _("Titel"), least=16),
            Column("col.date", _("Datum"), width=10),
            Column("col.items", pgettext("column", "Punkte"), width=6),
            Column("col.captures", _("Einträge"), width=8),
            Column("col.participants", _("TN"), width=4),
        ]

    def refresh_data(self) -> None:
        table = self.table
        self.workshops = list_workshops(self.store)
        widths = fit_columns(table, self.columns(), self.view_width())
        table.clear()
        for row in self.workshops:
            mark = "▶ " if row["id"] == self.workshop_id else ""
            table.add_row(
                cell(mark + row["title"], widths["col.title"]),
                # German dates as on every other screen; English keeps ISO (the column is 10)
                cell(format_date(row["date"]) if self.fapp.lang == "de" else row["date"] or ""),
                cell(row["items"]),
                cell(row["captures"]),
                cell(row["participants"]),
                key=row["id"],
            )
        self.query_one("#start-empty", Label).update(
            ""
            if self.workshops
            else _("Noch keine Workshops. „n“ legt einen aus einer Vorlage an.")
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def on_resize(self) -> None:
        self.refresh_if_stale()

    def selected(self) -> dict | None:
        row = self.table.cursor_row
        return self.workshops[row] if 0 <= row < len(self.workshops) else None

    def action_open(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.fapp.open_workshop(chosen["id"])
            self.fapp.action_show("plan")
            self.fapp.say(_("Workshop „{title}“ geöffnet.", title=chosen["title"]))

    def action_new(self) -> None:
        def created(result: tuple | None) -> None:
            if result is None:
                return
            title, date, template = result
            try:
                workshop_id = create_workshop(self.store, title, template, date=date or None)
            except UserError as err:
                self.say(err.text(self.fapp.lang), error=True)
                return
            self.fapp.open_workshop(workshop_id)
            self.refresh_data()

        self.app.push_screen(NewWorkshopDialog(), created)

    def action_delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            # to the bytes, here and (by its op) on the other laptop
            if not self.call_service(erase_workshops, [chosen["id"]]):
                return
            if self.workshop_id == chosen["id"]:
                self.fapp.open_workshop(None)
            self.say(_("Workshop „{title}“ gelöscht.", title=chosen["title"]))

        question = _(
            "Workshop „{title}“ endgültig löschen – mit allen Personen, Beiträgen, "
            "Fotos und Antworten, auch auf dem anderen Laptop?",
            title=chosen["title"],
        )
        self.app.push_screen(ConfirmDialog(question, self.fapp.lang), confirmed)

    def action_delete_series(self) -> None:
        """Delete the highlighted workshop's whole series to the bytes."""
        chosen = self.selected()
        if chosen is None:
            return
        if not chosen.get("series_id"):
            self.say(_("Dieser Workshop gehört zu keiner Reihe (d löscht ihn allein)."), error=True)
            return
        members = series_workshops(self.store, chosen["series_id"])

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            ids = [w["id"] for w in members]
            if not self.call_service(erase_workshops, ids):
                return
            if self.workshop_id in ids:
                self.fapp.open_workshop(None)
            self.say(_("{count} Workshop(s) der Reihe gelöscht.", count=len(ids)))

        question = _(
            "Die ganze Reihe endgültig löschen – {count} Workshop(s) mit allen "
            "Personen, Beiträgen, Fotos und Antworten, auch auf dem anderen Laptop?",
            count=len(members),
        )
        self.app.push_screen(ConfirmDialog(question, self.fapp.lang), confirmed)
