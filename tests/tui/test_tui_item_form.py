"""The item editor: kind, fixed time, method, capture kinds, notes; a warning below the card."""

from textual.widgets import DataTable, Input, Label, Select, SelectionList, TextArea

from facilitator.store import Store
from facilitator.store.agenda import list_items
from facilitator.tui.dialogs.item_form import ItemForm


async def test_edit_every_field_of_an_item(app, store: Store, workshop_id):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        app.screen.query_one("#plan-table", DataTable).move_cursor(row=2)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ItemForm)
        cards = app.methods()
        card = min(cards.values(), key=lambda c: c.duration_min)
        heavy = max(cards.values(), key=lambda c: c.duration_min)
        form.query_one("#item-method", Select).value = heavy.id
        form.query_one("#item-minutes", Input).value = str(heavy.duration_min - 1)
        await pilot.pause()
        warning = str(form.query_one("#item-warning", Label).render())
        assert f"mindestens {heavy.duration_min} min" in warning
        form.query_one("#item-method", Select).value = card.id
        form.query_one("#item-minutes", Input).value = str(max(card.duration_min, 20))
        await pilot.pause()
        assert str(form.query_one("#item-warning", Label).render()) == ""
        assert not form.query_one("#item-at", Input).display
        form.query_one("#item-kind", Select).value = "pinned"
        await pilot.pause()
        assert form.query_one("#item-at", Input).display
        await pilot.press("ctrl+s")  # no time yet: refused with a message
        assert "Uhrzeit" in str(form.query_one("#item-message", Label).render())
        form.query_one("#item-at", Input).value = "10:15"
        form.query_one("#item-captures", SelectionList).select("idea")
        form.query_one("#item-notes", TextArea).text = "Flipchart [rot] vorbereiten"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.screen.is_modal
    item = list_items(store, workshop_id)[2]
    assert (item.kind, item.at, item.method) == ("pinned", "10:15", card.id)
    assert "idea" in item.capture and item.notes == "Flipchart [rot] vorbereiten"
    assert item.minutes == max(card.duration_min, 20)


async def test_plan_minus_stops_at_five_minutes(app, store: Store, workshop_id):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        app.screen.query_one("#plan-table", DataTable).move_cursor(row=1)  # 15 minutes
        await pilot.press("minus", "minus", "minus", "minus")
        assert list_items(store, workshop_id)[1].minutes == 5
