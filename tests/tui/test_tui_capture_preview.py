"""The capture line previews how it will be read, completes people, and catches org typos."""

from textual.widgets import Input, Label

from facilitator.store import Store
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.organisations import list_organisations
from facilitator.store.participants import add_participant
from tests.conftest import eventually


async def test_preview_owner_match_and_typo_confirmation(app, store: Store, workshop_id):
    add_participant(store, workshop_id, "Lukas Dürr", organisation="Stadt Esslingen")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "c")
        line = app.screen.query_one("#capture-input", Input)
        preview = app.screen.query_one("#capture-preview", Label)
        line.value = "to: Bericht schicken #verw @Stadt_Eslingen !Lukas >31.12.2026"
        await pilot.pause()
        shown = str(preview.render())
        assert shown.startswith("Aufgabe · #Verwaltung")
        assert "@Stadt Eslingen (neu – meinten Sie „Stadt Esslingen“?)" in shown
        assert "!Lukas Dürr" in shown and ">31.12.2026" in shown

        await pilot.press("enter")  # a likely typo: nothing stored, the suggestion offered
        assert list_captures(store, workshop_id) == []
        assert "meinten Sie „Stadt Esslingen“" in str(
            app.screen.query_one("#capture-message", Label).render()
        )
        await pilot.press("ctrl+o")
        assert "Stadt Esslingen" in line.value
        await pilot.press("enter")
        [todo] = list_captures(store, workshop_id)
        assert (todo.owner, todo.organisation) == ("Lukas Dürr", "Stadt Esslingen")

        line.value = "h: Fehlende Daten @Stadt_Eslingen"
        await pilot.press("enter", "enter")  # confirmed: the new organisation is wanted
        assert "Stadt Eslingen" in [o.name for o in list_organisations(store)]

        line.value = "h: Text #weltraum"
        await pilot.pause()
        assert "Unbekanntes Themenfeld" in str(preview.render())


async def test_preview_suggests_a_topic_and_ctrl_g_takes_it(app, store: Store, workshop_id):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "c")
        line = app.screen.query_one("#capture-input", Input)
        preview = app.screen.query_one("#capture-preview", Label)
        line.value = "h: Parkplätze mit LoRaWAN-Sensoren erfassen"
        await pilot.pause()
        assert "#Infrastruktur? (Vorschlag: Strg+G)" in str(preview.render())

        await pilot.press("ctrl+g")
        assert line.value == "h: Parkplätze mit LoRaWAN-Sensoren erfassen #infrastruktur"
        await pilot.pause()
        shown = str(preview.render())
        assert "#Infrastruktur" in shown and "Vorschlag" not in shown
        await pilot.press("enter")
        [capture] = list_captures(store, workshop_id)
        assert (capture.text, capture.topic) == (
            "Parkplätze mit LoRaWAN-Sensoren erfassen",
            "infrastruktur",
        )

        line.value = "h: Fachkräftemangel in der IT #verw"  # a chosen topic is left alone
        await pilot.pause()
        assert "?" not in str(preview.render())
        await pilot.press("ctrl+g")
        assert line.value.endswith("#verw")
        line.value = "Kaffee"  # no known word: no suggestion, the key does nothing
        await pilot.pause()
        assert str(preview.render()) == "Notiz"
        await pilot.press("ctrl+g")
        assert line.value == "Kaffee"


async def test_preview_suggests_what_the_series_tagged(app, store: Store, workshop_id):
    # "Kerwe" is no shipped keyword: only the series' own tagged capture teaches it
    add_capture(store, workshop_id, "idea", "Kerwe im Ortskern", topic="gesellschaft_quartier")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "c")
        line = app.screen.query_one("#capture-input", Input)
        preview = app.screen.query_one("#capture-preview", Label)
        line.value = "i: Kerwe gemeinsam vorbereiten"
        await eventually(
            lambda: "#Gesellschaft und Quartier? (Vorschlag" in str(preview.render()), pilot=pilot
        )
        await pilot.press("ctrl+g", "enter")
        assert [c.topic for c in list_captures(store, workshop_id)] == ["gesellschaft_quartier"] * 2
