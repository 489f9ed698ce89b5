"""Reviewing phone claims on F6 (issue 23.1): `o` lists them; accept, new person or reject."""

from textual.widgets import OptionList

from facilitator.core.participants_csv import parse_participants_csv
from facilitator.store import Store
from facilitator.store.claims import list_claims
from facilitator.store.participants import add_participant, list_participants
from facilitator.store.registrations import register_participant


async def _pick(pilot, index: int) -> None:
    options = pilot.app.screen.query_one(OptionList)
    options.highlighted = index
    await pilot.press("enter")
    await pilot.pause()


async def test_claims_are_reviewed_on_f6(app, store: Store, workshop_id) -> None:
    add_participant(
        store, workshop_id, "Ola Opfer", organisation="Stadt Ulm", email="ola@ulm.example"
    )
    for phone, org in (("phone-a", ""), ("phone-b", "Fake Org")):
        register_participant(
            store,
            workshop_id,
            f"id-{phone}",
            "Ola Opfer",
            organisation=org,
            email="ola@ulm.example",
            consent=True,
            client_id=phone,
        )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        assert "2 offene Telefon-Anmeldung" in str(
            app.screen.query_one("#participants-count").content
        )
        await pilot.press("o")
        await pilot.pause()
        listed = app.screen.query_one(OptionList)
        assert listed.option_count == 2
        assert "Fake Org" in str(listed.get_option_at_index(1).prompt)
        await _pick(pilot, 1)  # the stranger's claim …
        await _pick(pilot, 2)  # … rejected
        assert "bleibt unverändert" in str(app.screen.query_one("#message").content)
        (ola,) = list_participants(store, workshop_id)
        assert ola.organisation == "Stadt Ulm" and not ola.consent

        await pilot.press("o")
        await pilot.pause()
        await _pick(pilot, 0)
        await _pick(pilot, 0)  # accepted: her consent, given on her phone
        (ola,) = list_participants(store, workshop_id)
        assert ola.consent and ola.client_id == "phone-a"
        assert list_claims(store, workshop_id) == []
        await pilot.press("o")
        await pilot.pause()
        assert "Keine offenen Anmeldungen" in str(app.screen.query_one("#message").content)


async def test_a_reimport_lists_who_it_left_out(app, store: Store, workshop_id, tmp_path) -> None:
    from facilitator.store.people import erase_people, find_people
    from facilitator.tui.dialogs.read_text import ReadDialog

    csv = tmp_path / "liste.csv"
    csv.write_text("Name;E-Mail;Einwilligung\nErika Muster;erika@example.org;ja\n", "utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        app.screen.store_rows(parse_participants_csv(csv.read_text("utf-8")))
        erase_people(store, find_people(store, "Erika Muster"))
        app.screen.store_rows(parse_participants_csv(csv.read_text("utf-8")))
        await pilot.pause()
        assert isinstance(app.screen, ReadDialog)
        shown = str(app.screen.query_one("#read-lines").render())
        assert "Erika Muster: nicht importiert – wurde gelöscht" in shown
        await pilot.press("enter")
        assert list_participants(store, workshop_id) == []
