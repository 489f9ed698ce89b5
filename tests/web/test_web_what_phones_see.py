"""What phones receive (issue 23.6): only the room's kinds, revealed questions, own orgs."""

from facilitator.store.activities import ask_question, reveal_results, start_activity
from facilitator.store.activity_ballot import choose_ballot
from facilitator.store.agenda import update_item
from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant
from facilitator.store.workshops import create_workshop

SECRET = "erika.geheim@example.org"


async def test_revealed_results_and_the_ballot_hold_no_notes_or_todos(
    client, code, store, workshop_id, collecting
):
    add_capture(store, workshop_id, "need", "Schulungen", agenda_item_id=collecting)
    add_capture(store, workshop_id, "note", f"Rückruf an {SECRET}", agenda_item_id=collecting)
    add_capture(
        store, workshop_id, "todo", "Antrag", owner="Erika Geheim", agenda_item_id=collecting
    )
    add_capture(store, workshop_id, "decision", "Erika übernimmt", agenda_item_id=collecting)
    update_item(store, collecting, voting_open=1, results_revealed=1)
    state = await (await client.get(f"/api/state?code={code}")).text()
    ballot = await (await client.get(f"/api/ballot?code={code}")).text()
    page = await (await client.get(f"/j/{code}")).text()
    for seen in (state, ballot, page):
        assert "Schulungen" in seen
        assert SECRET not in seen and "Erika" not in seen and "Antrag" not in seen


async def test_a_dot_vote_over_all_entries_leaves_out_notes(client, code, store, workshop_id):
    challenge = add_capture(store, workshop_id, "challenge", "Fachkräfte")
    note = add_capture(store, workshop_id, "note", f"Kontakt {SECRET}")
    assert choose_ballot(store, workshop_id, ["all"]) == [challenge]
    # a ballot chosen by an older version (or a peer) with the note on it: not shown either
    start_activity(store, workshop_id, "dots", "Was zuerst?", {"ballot": [challenge, note]})
    page = await (await client.get(f"/j/{code}")).text()
    assert "Fachkräfte" in page and SECRET not in page


async def test_questions_reach_other_phones_only_when_revealed(client, code, store, workshop_id):
    qa = start_activity(store, workshop_id, "questions", "Ihre Fragen")
    ask_question(store, workshop_id, qa, "another-phone", "Wer bezahlt Erikas Reise?", "q1")
    page = await (await client.get(f"/j/{code}")).text()
    assert "Erikas Reise" not in page
    reveal_results(store, qa)
    page = await (await client.get(f"/j/{code}")).text()
    assert "Erikas Reise" in page


async def test_the_registration_lists_only_this_workshops_organisations(
    client, code, store, workshop_id
):
    add_participant(store, workshop_id, "Anna", organisation="Gemeinde Aichwald")
    other = create_workshop(store, "Andere Reihe")
    add_participant(store, other, "Bernd", organisation="Geheimes Planungsbüro")
    page = await (await client.get(f"/j/{code}/register")).text()
    assert "Gemeinde Aichwald" in page and "Geheimes Planungsbüro" not in page
