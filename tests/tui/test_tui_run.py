"""Pilot tests of the Run screen: three blocks with extend and skip, levels, bell, re-plan."""

from textual.widgets import Button, Digits, Static

from facilitator.store import Store
from facilitator.store.agenda import list_items
from facilitator.store.timer import timer_state
from facilitator.tui.app import create_app
from facilitator.tui.dialogs.replan import ReplanDialog


async def test_run_three_blocks_with_extend_and_skip(app, store: Store, workshop_id, clock):
    items = list_items(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        assert type(app.screen).__name__ == "RunScreen"
        await pilot.press("space")
        state = timer_state(store, workshop_id)
        assert state.current_id == items[0].id and state.running

        clock.advance(minutes=5)
        await pilot.press("plus")
        app.screen.tick()
        # 15 planned + 5 extended - 5 elapsed
        assert app.screen.query_one("#timer", Digits).value == "15:00"
        assert timer_state(store, workshop_id).runs[items[0].id].extension_min == 5

        await pilot.press("space")  # pause
        clock.advance(minutes=3)
        app.screen.tick()
        assert app.screen.query_one("#timer", Digits).value == "15:00"
        assert not timer_state(store, workshop_id).running

        await pilot.press("n")
        state = timer_state(store, workshop_id)
        assert state.current_id == items[1].id and state.runs[items[0].id].done

        clock.advance(minutes=2)
        await pilot.press("minus")
        assert timer_state(store, workshop_id).runs[items[1].id].extension_min == -5

        await pilot.press("s")
        state = timer_state(store, workshop_id)
        assert state.current_id == items[2].id and state.running
        assert state.runs[items[1].id].done


async def test_next_block_before_the_start_is_the_second(app, store: Store, workshop_id):
    items = list_items(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        # space would start the first block, so "next" is the one after it
        assert items[0].title in str(screen.query_one("#run-title").content)
        assert items[1].title in str(screen.query_one("#run-next", Static).content)
        await pilot.press("space")
        screen.tick()
        assert items[1].title in str(screen.query_one("#run-next", Static).content)


async def test_colour_levels_bell_and_overtime(app, store: Store, workshop_id, clock):
    rings = []
    app.bell = lambda: rings.append(1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # 15 minutes
        body = app.screen.query_one("#run-body")
        app.screen.tick()
        assert body.has_class("level-ok")
        clock.advance(minutes=12.5)  # 2.5 of 15 left: below 20 %
        app.screen.tick()
        assert body.has_class("level-warn")
        clock.advance(minutes=2)  # 30 s left: below 5 %
        app.screen.tick()
        assert body.has_class("level-critical") and not rings
        clock.advance(minutes=1, seconds=5)
        app.screen.tick()
        assert body.has_class("level-over") and rings == [1]
        assert app.screen.query_one("#timer", Digits).value == "+00:35"
        app.screen.tick()
        assert rings == [1]  # rings once


async def test_replan_keeps_the_pinned_lunch_and_the_end(app, store: Store, workshop_id, clock):
    items = list_items(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        # the 15-minute arrival runs 70: the rest starts 09:70 = 10:10, 10 min into lunch
        clock.advance(minutes=70)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReplanDialog)
        assert "10 min" in str(dialog.query_one(".dialog-title").render())
        status = str(dialog.query_one("#replan-status", Static).render())
        assert "„Mittagsimbiss“ (11:00): passt" in status and "Ende (12:00): passt" in status
        # the proposal is a table the moderator can change, and says what a change costs
        await pilot.press("plus")
        status = str(dialog.query_one("#replan-status", Static).render())
        assert "„Mittagsimbiss“ (11:00): 1 min zu spät" in status
        await pilot.press("minus", "minus")
        assert "„Mittagsimbiss“ (11:00): passt" in str(
            dialog.query_one("#replan-status", Static).render()
        )
        await pilot.press("enter")
        await pilot.pause()
        after = {it.id: it.minutes for it in list_items(store, workshop_id)}
        # only the block before lunch gave time (the running one keeps its countdown)
        assert after[items[2].id] == 34
        assert all(after[it.id] == it.minutes for it in items if it.id != items[2].id)
        app.screen.tick()
        delay = str(app.screen.query_one("#run-delay", Static).content)
        assert "hinter dem Plan" not in delay and "wird gehalten" in delay
        # the plan shows the day as it is now: arrival 09:00–10:10, lunch kept, end 12:00
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#plan-table")
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0][1:3] == ["09:00", "10:10"]
        assert rows[3][1:3] == ["11:00", "11:30"] and rows[-1][2] == "12:00"


async def test_one_ctrl_z_takes_back_the_whole_replan(app, store: Store, workshop_id, clock):
    items = list_items(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        clock.advance(minutes=70)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReplanDialog)
        # the block before lunch as proposed, and the last block one minute shorter too
        await pilot.press("down", "down", "minus", "enter")
        await pilot.pause()
        changed = {it.id: it.minutes for it in list_items(store, workshop_id)}
        assert changed[items[2].id] == 35 and changed[items[4].id] == 29
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert [it.minutes for it in list_items(store, workshop_id)] == [it.minutes for it in items]


async def test_overrun_without_conflict_offers_nothing(app, store: Store, workshop_id, clock):
    before = [(it.id, it.minutes) for it in list_items(store, workshop_id)]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        clock.advance(minutes=25)  # 10 minutes over, but lunch at 11:00 has 45 min of air
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ReplanDialog)
        await pilot.press("r")
        assert "Kein Neuplanen nötig" in str(app.screen.query_one("#message").content)
    assert [(it.id, it.minutes) for it in list_items(store, workshop_id)] == before


async def test_replan_decline_changes_nothing(app, store: Store, workshop_id, clock):
    before = [(it.id, it.minutes) for it in list_items(store, workshop_id)]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        clock.advance(minutes=70)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReplanDialog)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ReplanDialog)
        delay = str(app.screen.query_one("#run-delay", Static).content)
        assert "10 min hinter dem Plan" in delay and "Mittagsimbiss" in delay
    assert [(it.id, it.minutes) for it in list_items(store, workshop_id)] == before


async def test_minus_never_takes_the_running_block_below_five(app, store, workshop_id, clock):
    items = list_items(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # 15 minutes
        for _ in range(4):
            await pilot.press("minus")
        run = timer_state(store, workshop_id).runs[items[0].id]
        assert 15 + run.extension_min == 5
        assert "Kürzer geht nicht" in str(app.screen.query_one("#message").content)
        clock.advance(minutes=4)
        app.screen.tick()
        assert app.screen.query_one("#timer", Digits).value == "01:00"


async def test_restart_resumes_the_running_block(store: Store, workshop_id, clock):
    from facilitator.store.timer import start_or_pause
    from facilitator.tui.app import create_app

    start_or_pause(store, workshop_id)
    clock.advance(minutes=4, seconds=30)
    app = create_app(store, workshop_id, server=False)
    async with app.run_test(size=(80, 24)):
        app.screen.tick()
        assert app.screen.query_one("#timer", Digits).value == "10:30"


async def test_english_dialogs_show_y_for_yes(store: Store, workshop_id, clock):
    app = create_app(store, workshop_id, lang="en", server=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        clock.advance(minutes=70)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReplanDialog)
        assert str(app.screen.query_one("#accept", Button).label) == "Accept (y)"
        await pilot.press("y")
        await pilot.press("f2", "d")
        await pilot.pause()
        assert str(app.screen.query_one("#yes", Button).label) == "Yes (y)"


async def test_header_keeps_the_time_left_when_the_title_is_long(app, store: Store, workshop_id):
    from textual.widgets import Label

    from facilitator.store.agenda import update_item

    first = list_items(store, workshop_id)[0]
    update_item(
        store, first.id, title="Ankommen, Kaffee und Namensschilder an der Pinnwand im Foyer"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        app.screen.tick()
        await pilot.pause()
        label = app.screen.query_one("#header-block", Label)
        # what fits in the label at 80 columns (the last cell goes to the ellipsis)
        visible = str(label.content)[: label.content_region.width - 1]
        assert "15:00" in visible


async def test_run_screen_shows_the_phone_form_and_o_switches_it(app, store: Store, workshop_id):
    from facilitator.store.agenda import get_item
    from facilitator.store.timer import skip

    items = list_items(store, workshop_id)
    skip(store, workshop_id, items[0].id)
    skip(store, workshop_id, items[1].id)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one("#run-collect", Static)
        await pilot.press("space")  # "Herausforderungen sammeln" opens the phones' form
        app.screen.tick()
        assert get_item(store, items[2].id).collection_open
        assert "Sammeln offen · o schließt" in str(line.content)
        await pilot.press("o")
        app.screen.tick()
        assert not get_item(store, items[2].id).collection_open
        assert "Sammeln geschlossen · o öffnet" in str(line.content)


async def test_ctrl_q_asks_while_the_timer_runs(app, store: Store, workshop_id):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog" and app.is_running
        assert "Timer läuft" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "RunScreen" and app.is_running
        assert app.return_code is None  # still running
        await pilot.press("space")  # paused, no server: quits at once
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0
