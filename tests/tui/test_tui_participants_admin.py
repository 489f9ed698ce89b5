"""Managing participants in the app: add, walk-in, edit, merge, delete, German surname order."""

from textual.widgets import DataTable, Input, OptionList

from facilitator.core.names import surname_key
from facilitator.store import Store
from facilitator.store.participants import add_participant, list_participants
from facilitator.tui.dialogs.participant_form import ParticipantForm


def test_surname_key_orders_as_a_german_reader_expects() -> None:
    names = [
        "Prof. Dr. Hans Zimmer",
        "Özlem Yilmaz",
        "Dr. Anna Özdemir",
        "Dipl.-Ing. Jörg Ohm",
        "Lukas Dürr",
        "Peter von Braun",
        "Eva Straßer",
        "Max Strasser",
    ]
    assert sorted(names, key=surname_key) == [
        "Peter von Braun",
        "Lukas Dürr",
        "Dipl.-Ing. Jörg Ohm",
        "Dr. Anna Özdemir",
        "Eva Straßer",
        "Max Strasser",
        "Özlem Yilmaz",
        "Prof. Dr. Hans Zimmer",
    ]


async def test_add_walk_in_edit_merge_delete(app, store: Store, workshop_id, type_text):
    add_participant(store, workshop_id, "Dr. Özlem Arslan", organisation="Stadt Ulm")
    add_participant(store, workshop_id, "Prof. Hans Zimmer")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        names = [p.name for p in app.screen.people]
        assert names == ["Dr. Özlem Arslan", "Prof. Hans Zimmer"]

        await pilot.press("a")
        form = app.screen
        assert isinstance(form, ParticipantForm)
        await type_text(pilot, "Lukas Dürr")
        form.query_one("#person-org", Input).value = "Gemeinde Aichwald"
        form.query_one("#person-email", Input).value = "lukas@example.org"
        await pilot.press("enter")
        await pilot.pause()
        lukas = next(p for p in list_participants(store, workshop_id) if p.name == "Lukas Dürr")
        assert lukas.organisation == "Gemeinde Aichwald" and not lukas.present

        await pilot.press("w")
        await type_text(pilot, "Lukas Duerr @ Gemeinde Aichwald")
        await pilot.press("enter")
        await pilot.pause()
        walk_in = next(p for p in list_participants(store, workshop_id) if p.name == "Lukas Duerr")
        assert walk_in.present == 1
        assert "ist da" in str(app.screen.query_one("#message").content)

        # merge the walk-in into the registered Lukas: one person, present, e-mail kept
        people = app.screen.people
        table = app.screen.query_one("#participants-table", DataTable)
        table.move_cursor(row=[p.id for p in people].index(lukas.id))
        await pilot.press("m")
        picker = app.screen.query_one("#pick", OptionList)
        picker.highlighted = next(
            i for i in range(picker.option_count) if picker.get_option_at_index(i).id == walk_in.id
        )
        await pilot.press("enter")
        await pilot.pause()
        remaining = {p.name: p for p in list_participants(store, workshop_id)}
        assert "Lukas Duerr" not in remaining
        assert remaining["Lukas Dürr"].present == 1
        assert remaining["Lukas Dürr"].email == "lukas@example.org"

        # edit: the form shows the person; a new name is stored
        people = app.screen.people
        table.move_cursor(row=[p.name for p in people].index("Prof. Hans Zimmer"))
        await pilot.press("b")
        name_box = app.screen.query_one("#person-name", Input)
        assert name_box.value == "Prof. Hans Zimmer"
        name_box.value = "Prof. Hans Zimmermann"
        await pilot.press("enter")
        await pilot.pause()
        assert "Prof. Hans Zimmermann" in [p.name for p in list_participants(store, workshop_id)]

        table.move_cursor(row=[p.name for p in app.screen.people].index("Prof. Hans Zimmermann"))
        await pilot.press("d", "j")
        await pilot.pause()
        assert [p.name for p in app.screen.people] == ["Dr. Özlem Arslan", "Lukas Dürr"]


async def test_participant_form_says_how_to_save(app, store: Store, workshop_id):
    from textual.widgets import Label

    add_participant(store, workshop_id, "Petra Schäfer", organisation="Gemeinde Denkendorf")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await pilot.press("b")
        form = app.screen
        assert isinstance(form, ParticipantForm)
        title = str(form.query_one(".dialog-title", Label).content)
        assert title.startswith("Person bearbeiten") and "Enter speichert" in title


async def test_a_walk_in_with_a_typo_organisation_is_asked_meinten_sie(
    app, store: Store, workshop_id, type_text
):
    from facilitator.store.organisations import list_organisations

    add_participant(store, workshop_id, "Eva Straßer", organisation="Stadt Ostfildern")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6", "w")
        await type_text(pilot, "Max Roth @ Stadt Ostfilden")
        dialog = app.screen
        assert "meinten Sie „Stadt Ostfildern“" in str(dialog.query_one("#walk-in-message").content)
        await pilot.press("enter")  # asked, not created
        await pilot.pause()
        assert app.screen is dialog and "Strg+O" in str(
            dialog.query_one("#walk-in-message").content
        )
        assert [o.name for o in list_organisations(store)] == ["Stadt Ostfildern"]
        await pilot.press("ctrl+o", "enter")
        await pilot.pause()
        max_roth = next(p for p in list_participants(store, workshop_id) if p.name == "Max Roth")
        assert max_roth.organisation == "Stadt Ostfildern" and max_roth.present
        # a second Enter creates the new one as typed; the city's utility is not asked about
        await pilot.press("w")
        await type_text(pilot, "Ida Kern @ Stadtwerke Ostfildern")
        assert str(app.screen.query_one("#walk-in-message").content) == ""
        await pilot.press("enter")
        await pilot.pause()
    names = sorted(o.name for o in list_organisations(store))
    assert names == ["Stadt Ostfildern", "Stadtwerke Ostfildern"]


async def test_organisations_typed_on_phones_are_taken_or_merged_in_the_app(
    app, store: Store, workshop_id
):
    from facilitator.store.organisations import (
        ensure_organisation,
        list_organisations,
        list_pending,
    )

    ensure_organisation(store, "Schwäbisch Gmünd")
    ensure_organisation(store, "Stadt Ostfildern")
    ensure_organisation(store, "Stadt Ostfilden", pending=True)  # a slip, typed on a phone
    ensure_organisation(store, "Stadtwerke Schwäbisch Gmünd", pending=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6", "O")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        lines = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert lines == [
            "Stadt Ostfilden  (meinten Sie „Stadt Ostfildern“?)",
            "Stadtwerke Schwäbisch Gmünd",  # the utility is not offered as the city's typo
        ]
        await pilot.press("enter")  # Stadt Ostfilden
        await pilot.pause()
        choices = app.screen.query_one(OptionList)
        assert str(choices.get_option_at_index(0).prompt) == "Zu „Stadt Ostfildern“ zusammenführen"
        await pilot.press("enter")
        await pilot.pause()
        assert "zählt jetzt als" in str(app.screen.query_one("#message").content)
        await pilot.press("O")
        await pilot.pause()
        await pilot.press("enter")  # Stadtwerke Schwäbisch Gmünd: only "aufnehmen"
        await pilot.pause()
        assert app.screen.query_one(OptionList).option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("O")
        await pilot.pause()
        assert "Keine Organisation" in str(app.screen.query_one("#message").content)
    assert list_pending(store) == []
    assert sorted(o.name for o in list_organisations(store)) == [
        "Schwäbisch Gmünd",
        "Stadt Ostfildern",
        "Stadtwerke Schwäbisch Gmünd",
    ]
