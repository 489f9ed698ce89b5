"""Pilot tests of capturing: prefixes and tags, errors, undo, the list with edit and votes."""

from textual.widgets import DataTable, Input, Label

from facilitator.core.errors import NotFound
from facilitator.store import Store
from facilitator.store.agenda import list_items
from facilitator.store.blocks import block_switches
from facilitator.store.captures import add_capture, get_capture, list_captures
from facilitator.tui.dialogs.capture import CaptureDialog, EditCaptureDialog
from facilitator.tui.dialogs.help import HelpDialog


async def test_capture_with_prefix_and_tags_attaches_to_running_block(
    app, store: Store, workshop_id, type_text
):
    items = list_items(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "c")
        assert isinstance(app.screen, CaptureDialog)
        await type_text(pilot, "h: Fehlende Schnittstellen #verw @Stadt_Esslingen")
        await pilot.press("enter")
        # stored before the line cleared: read it back through the service
        [capture] = list_captures(store, workshop_id)
        assert (capture.kind, capture.text) == ("challenge", "Fehlende Schnittstellen")
        assert capture.topic == "verwaltung"
        assert capture.organisation == "Stadt Esslingen"
        assert capture.agenda_item_id == items[0].id
        assert app.screen.query_one("#capture-input", Input).value == ""

        app.screen.query_one(
            "#capture-input", Input
        ).value = 'to: Protokoll verschicken !"Anna Weber" >31.12.2026'
        await pilot.press("enter")
        todo = list_captures(store, workshop_id, kind="todo")[0]
        assert (todo.owner, todo.due) == ("Anna Weber", "2026-12-31")

        app.screen.query_one("#capture-input", Input).value = "Beamer tauschen"
        await pilot.press("enter")
        assert list_captures(store, workshop_id, kind="note")[0].text == "Beamer tauschen"
        await pilot.press("escape")
        assert not isinstance(app.screen, CaptureDialog)


async def test_unknown_tag_saves_nothing_and_says_why(app, store: Store, workshop_id):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        line = app.screen.query_one("#capture-input", Input)
        line.value = "h: Satelliten #weltraum"
        await pilot.press("enter")
        message = app.screen.query_one("#capture-message", Label)
        assert "Unbekanntes Themenfeld #weltraum" in str(message.content)
        assert message.has_class("error")
        assert line.value == "h: Satelliten #weltraum"  # kept to fix it
    assert list_captures(store, workshop_id) == []


async def test_topic_completion(app, type_text):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await type_text(pilot, "b: Geld #mob")
        await pilot.pause()
        await pilot.press("right")
        assert app.screen.query_one("#capture-input", Input).value == "b: Geld #mobilitaet"


async def test_undo_from_any_screen(app, store: Store, workshop_id):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        app.screen.query_one("#capture-input", Input).value = "i: Gemeinsames Portal"
        await pilot.press("enter", "escape", "f3")
        assert len(list_captures(store, workshop_id)) == 1
        await pilot.press("ctrl+z")
        assert list_captures(store, workshop_id) == []
        assert "Rückgängig gemacht: Eintrag angelegt" in str(
            app.screen.query_one("#message").content
        )


async def test_capture_list_edit_delete_votes_hide(app, store: Store, workshop_id):
    first = add_capture(store, workshop_id, "need", "Schulungen", topic="bildung")
    add_capture(store, workshop_id, "challenge", "Datenschutz", source="participant")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        table = app.screen.query_one("#captures-table", DataTable)
        assert table.row_count == 2  # no block runs: all are shown
        row = table.get_row_index(first)
        # a participant's submission is marked as such
        assert "TN" in str(table.get_row_at(1 - row)[-1])
        assert "TN" not in str(table.get_row_at(row)[-1])

        table.move_cursor(row=row)
        await pilot.press("e")
        assert isinstance(app.screen, EditCaptureDialog)
        line = app.screen.query_one("#capture-input", Input)
        assert line.value == "b: Schulungen #bildung"
        line.value = "m: Schulungen für Sachbearbeitung #verwaltung @Landratsamt_Esslingen"
        await pilot.press("enter")
        edited = get_capture(store, first)
        assert (edited.kind, edited.text, edited.topic) == (
            "measure",
            "Schulungen für Sachbearbeitung",
            "verwaltung",
        )
        assert edited.organisation == "Landratsamt Esslingen"

        await pilot.press("p")
        app.screen.query_one("#prompt", Input).value = "7"
        await pilot.press("enter")
        assert get_capture(store, first).votes == 7
        # AltGr+2 on a German keyboard: a message, not a crash, and the dots stay
        await pilot.press("p")
        app.screen.query_one("#prompt", Input).value = "²"
        await pilot.press("enter")
        assert app.screen.query_one("#message").has_class("error")
        assert get_capture(store, first).votes == 7

        await pilot.press("h")
        assert get_capture(store, first).hidden == 1

        await pilot.press("d")
        assert [c.text for c in list_captures(store, workshop_id)] == ["Datenschutz"]
        await pilot.press("ctrl+z")
        assert len(list_captures(store, workshop_id)) == 2


async def test_filter_and_block_switches(app, store: Store, workshop_id, type_text):
    add_capture(store, workshop_id, "need", "Schulungen", topic="bildung")
    add_capture(store, workshop_id, "challenge", "Schnittstellen", topic="verwaltung")
    items = list_items(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "f5")
        table = app.screen.query_one("#captures-table", DataTable)
        assert table.row_count == 0  # the running block has none yet
        await pilot.press("a")
        assert table.row_count == 2
        await pilot.press("slash")
        await type_text(pilot, "#verw")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter", "o", "v", "r")
        switches = block_switches(store, items[0].id)
        assert switches.collection_open and switches.voting_open and switches.results_revealed
        await pilot.press("b")
        app.screen.query_one("#prompt", Input).value = "5"
        await pilot.press("enter")
        assert block_switches(store, items[0].id).dot_budget == 5
        assert "5 Punkte" in str(app.screen.query_one("#captures-block", Label).content)
        for typo in ("²", "fünf"):
            await pilot.press("b")
            app.screen.query_one("#prompt", Input).value = typo
            await pilot.press("enter")
            assert "Punktebudget" in str(app.screen.query_one("#message").content)
            assert block_switches(store, items[0].id).dot_budget == 5


async def test_a_failed_delete_says_why(app, store: Store, workshop_id, monkeypatch):
    add_capture(store, workshop_id, "need", "Schulungen")

    def refuse(store, capture_id):  # e.g. the other laptop's change came first
        raise NotFound("Eintrag nicht gefunden.")

    monkeypatch.setattr("facilitator.tui.screens.captures.delete_capture", refuse)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "d")
        message = app.screen.query_one("#message")
        assert "nicht gefunden" in str(message.content) and message.has_class("error")
        assert len(list_captures(store, workshop_id)) == 1


async def test_f1_in_the_capture_line_shows_the_syntax_and_keeps_the_line(app, type_text):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await type_text(pilot, "h: Halb getippt")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaptureDialog)
        assert app.screen.query_one("#capture-input", Input).value == "h: Halb getippt"


async def test_refused_line_says_why_in_english(store: Store, workshop_id):
    from facilitator.tui.app import create_app

    english = create_app(store, workshop_id, lang="en", server=False)
    async with english.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        english.screen.query_one("#capture-input", Input).value = "h: Satelliten #weltraum"
        await pilot.press("enter")
        message = str(english.screen.query_one("#capture-message", Label).content)
        assert "Unknown topic #weltraum; allowed:" in message
        assert "Unbekannt" not in message
    assert list_captures(store, workshop_id) == []


async def test_f1_names_the_keys_in_german(app):
    from textual.widgets import Static

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        shown = " ".join(
            str(cell) for s in app.screen.query(Static) for cell in _table_cells(s.content)
        )
        assert "Umschalt+Tab" in shown and "Strg+" in shown
        assert "shift+tab" not in shown


def _table_cells(renderable) -> list:
    from rich.table import Table

    if not isinstance(renderable, Table):
        return [renderable]
    return [cell for column in renderable.columns for cell in column.cells]


async def test_f_keys_switch_screens_with_the_capture_line_open(app, store, workshop_id, type_text):
    from textual.widgets import Input

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "h: Zu wenig")
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "plan"
        assert type(app.screen).__name__ == "CaptureDialog"  # still open, on the plan
        assert app.screen.query_one("#capture-input", Input).value == "h: Zu wenig"
        await pilot.press("f5")
        await pilot.pause()
        assert app.current_mode == "captures" and type(app.screen).__name__ == "CaptureDialog"
