"""The app shows the consent text before it records a consent (issue 23.8)."""

from textual.widgets import DataTable

from facilitator.store import Store
from facilitator.store.consent import consent_text
from facilitator.store.participants import add_participant, list_participants
from facilitator.store.queries import rows
from facilitator.tui.dialogs.read_text import ReadDialog


async def test_e_shows_the_text_and_records_its_version(app, store: Store, workshop_id) -> None:
    add_participant(store, workshop_id, "Anna Weber")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        app.screen.query_one("#participants-table", DataTable).move_cursor(row=0)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReadDialog)
        shown = str(dialog.query_one("#read-lines").render())
        assert consent_text("2026-12-de-workshop")[:60] in shown
        assert "Textversion 2026-12-de-workshop" in shown
        await pilot.press("n")
        await pilot.pause()
        assert not list_participants(store, workshop_id)[0].consent  # nothing without a yes
        await pilot.press("e", "j")
        await pilot.pause()
        (anna,) = list_participants(store, workshop_id)
        assert anna.consent and anna.consent_text_version == "2026-12-de-workshop"
        assert rows(store, "SELECT consent_source FROM participant") == [{"consent_source": "app"}]
        await pilot.press("e")  # a withdrawal needs no text
        await pilot.pause()
        assert not list_participants(store, workshop_id)[0].consent


async def test_erase_lists_the_name_in_free_text_and_redacts_it(
    app, store: Store, workshop_id
) -> None:
    from textual.widgets import OptionList

    from facilitator.store.captures import add_capture, list_captures

    add_participant(store, workshop_id, "Erika Muster", organisation="Gemeinde Denkendorf")
    add_capture(store, workshop_id, "todo", "Antrag", owner="Hans Zeuge, Erika")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        app.screen.query_one("#participants-table", DataTable).move_cursor(row=0)
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ReadDialog)
        assert "[owner] Hans Zeuge, Erika" in str(app.screen.query_one("#read-lines").render())
        await pilot.press("enter")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert "1 Stellen" in str(options.get_option_at_index(0).prompt)
        options.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert "1 Stellen geschwärzt, 0 behalten" in str(app.screen.query_one("#message").content)
    assert list_participants(store, workshop_id) == []
    assert [c.owner for c in list_captures(store, workshop_id)] == ["Hans Zeuge, N. N."]
