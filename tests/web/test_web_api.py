"""Tests the phone API: state, submissions, votes and registration, with their retries."""

import uuid

from facilitator.store.agenda import list_items, update_item
from facilitator.store.captures import (
    add_capture,
    delete_capture,
    get_capture,
    list_captures,
    update_capture,
)
from facilitator.store.participants import CONSENT_TEXT_VERSION, list_participants
from facilitator.store.queries import rows


async def test_state_is_the_snapshot_with_version(client, code, store, collecting):
    data = await (await client.get(f"/api/state?code={code}")).json()
    assert data["version"] == store.version
    assert data["current"]["id"] == collecting and data["current"]["collection_open"] is True
    assert [i["state"] for i in data["agenda"]][:3] == ["done", "done", "running"]
    assert "join_code" not in str(data) and code not in str(data)


async def test_submit_lands_in_the_database_once(client, code, store, workshop_id, collecting):
    client_id = str(uuid.uuid4())
    body = {
        "client": client_id,
        "kind": "need",
        "text": "  Gemeinsame Plattform für Bauanträge  ",
        "author": "Erika Muster",
        "organisation": "Stadt Esslingen",
        "item": collecting,
    }
    first = await client.post(f"/api/submit?code={code}", json=body)
    assert first.status == 200 and (await first.json())["ok"] is True
    again = await client.post(f"/api/submit?code={code}", json=body)  # a retry
    assert (await again.json())["duplicate"] is True
    found = list_captures(store, workshop_id)
    assert len(found) == 1
    capture = found[0]
    assert capture.text == "Gemeinsame Plattform für Bauanträge"
    assert (capture.kind, capture.source, capture.author) == ("need", "participant", "Erika Muster")
    assert capture.organisation == "Stadt Esslingen" and capture.agenda_item_id == collecting


async def test_submit_as_plain_form_redirects_with_confirmation(
    client, code, store, workshop_id, collecting
):
    response = await client.post(
        f"/api/submit?code={code}&lang=de",
        data={"client": str(uuid.uuid4()), "kind": "challenge", "text": "Fachkräftemangel"},
        allow_redirects=False,
    )
    assert response.status == 303
    assert response.headers["Location"] == f"/j/{code}?lang=de&done=submitted"
    page = await (await client.get(response.headers["Location"])).text()
    assert "Danke! Ihr Beitrag ist angekommen." in page
    assert [c.text for c in list_captures(store, workshop_id)] == ["Fachkräftemangel"]


async def test_submit_refused_when_collection_closed(client, code, store, workshop_id, collecting):
    update_item(store, collecting, collection_open=0)
    response = await client.post(
        f"/api/submit?code={code}", json={"client": str(uuid.uuid4()), "text": "zu spät"}
    )
    assert response.status == 409
    assert "keine Beiträge" in (await response.json())["error"]
    assert list_captures(store, workshop_id) == []


async def test_submit_refused_for_a_block_that_ended(client, code, store, workshop_id, collecting):
    other = list_items(store, workshop_id)[1].id
    response = await client.post(
        f"/api/submit?code={code}",
        json={"client": str(uuid.uuid4()), "text": "für den alten Block", "item": other},
    )
    assert response.status == 409 and list_captures(store, workshop_id) == []


async def test_submit_validation(client, code, store, workshop_id, collecting):
    url = f"/api/submit?code={code}"
    cases = [
        ({"client": str(uuid.uuid4()), "text": "x" * 501}, 400),
        ({"client": str(uuid.uuid4()), "text": "   "}, 400),
        ({"client": str(uuid.uuid4()), "text": "ok", "kind": "decision"}, 400),
        ({"client": str(uuid.uuid4()), "text": "ok", "kind": "idea"}, 400),  # not planned here
        ({"text": "ohne Kennung"}, 400),
        ({"client": "x", "text": "kurze Kennung"}, 400),
        ({"client": str(uuid.uuid4()), "text": ["keine", "Liste"]}, 400),
    ]
    for body, status in cases:
        response = await client.post(url, json=body)
        assert response.status == status, body
        assert "error" in await response.json()
    assert (
        await client.post(url, data=b"{kaputt", headers={"Content-Type": "application/json"})
    ).status == 400
    assert list_captures(store, workshop_id) == []
    ok = await client.post(url, json={"client": str(uuid.uuid4()), "text": "x" * 500})
    assert ok.status == 200


async def new_phone(client, code) -> str:
    """Forget the client's cookie, open the join page as a new phone; return its identity."""
    client.session.cookie_jar.clear()
    await client.get(f"/j/{code}")
    token = client.session.cookie_jar.filter_cookies(client.make_url("/"))["facilitator_phone"]
    return token.value.split(".")[0]


def _open_vote(store, workshop_id, item_id, texts, budget=3):
    ids = [add_capture(store, workshop_id, "challenge", t, agenda_item_id=item_id) for t in texts]
    update_item(store, item_id, collection_open=0, voting_open=1, dot_budget=budget)
    return ids


async def test_vote_counts_and_replaces(client, code, store, workshop_id, collecting):
    a, b, c = _open_vote(store, workshop_id, collecting, ["Breitband", "Personal", "Recht"])
    voter = await new_phone(client, code)
    url = f"/api/vote?code={code}"
    response = await client.post(url, json={"item": collecting, "dots": {a: 2, b: 1}})
    assert response.status == 200 and (await response.json())["dots"] == {a: 2, b: 1}
    totals = {x.id: x.votes for x in list_captures(store, workshop_id)}
    assert (totals[a], totals[b], totals[c]) == (2, 1, 0)
    await client.post(
        url, json={"client": voter, "item": collecting, "dots": {c: 2}}
    )  # changes mind
    await client.post(url, json={"client": voter, "item": collecting, "dots": {c: 2}})  # retry
    totals = {x.id: x.votes for x in list_captures(store, workshop_id)}
    assert (totals[a], totals[b], totals[c]) == (0, 0, 2)
    assert {r["id"] for r in rows(store, "SELECT id FROM vote WHERE dots > 0")} == {f"{c}:{voter}"}


async def test_vote_budget_and_per_item_max_enforced(client, code, store, workshop_id, collecting):
    a, b, c = _open_vote(store, workshop_id, collecting, ["A", "B", "C"], budget=3)
    url = f"/api/vote?code={code}"
    voter = await new_phone(client, code)
    over_budget = {"client": voter, "item": collecting, "dots": {a: 2, b: 1, c: 1}}
    response = await client.post(url, json=over_budget)
    assert response.status == 400 and "3 Punkte" in (await response.json())["error"]
    too_many_on_one = {"client": voter, "item": collecting, "dots": {a: 3}}
    assert (await client.post(url, json=too_many_on_one)).status == 400
    negative = {"client": voter, "item": collecting, "dots": {a: -1, b: 2}}
    assert (await client.post(url, json=negative)).status == 400
    unknown = {"client": voter, "item": collecting, "dots": {"nicht-da": 1}}
    assert (await client.post(url, json=unknown)).status == 400
    assert rows(store, "SELECT * FROM vote") == []


async def test_vote_refused_when_closed(client, code, store, workshop_id, collecting):
    (a,) = _open_vote(store, workshop_id, collecting, ["A"])
    update_item(store, collecting, voting_open=0)
    await new_phone(client, code)
    response = await client.post(f"/api/vote?code={code}", json={"dots": {a: 1}})
    assert response.status == 400 and rows(store, "SELECT * FROM vote") == []


async def test_vote_form_without_javascript(client, code, store, workshop_id, collecting):
    a, b = _open_vote(store, workshop_id, collecting, ["A", "B"])
    page = await (await client.get(f"/j/{code}")).text()
    assert f'name="dots.{a}" min="0" max="2"' in page
    assert "facilitator_phone" in client.session.cookie_jar.filter_cookies(client.make_url("/"))
    response = await client.post(
        f"/api/vote?code={code}",
        data={"item": collecting, f"dots.{a}": "1", f"dots.{b}": "2"},
        allow_redirects=False,
    )
    assert response.status == 303
    page = await (await client.get(f"/j/{code}")).text()
    assert f'name="dots.{b}" min="0" max="2" value="2"' in page  # the phone sees its dots
    assert "Noch 0 von 3 Punkten frei." in page


async def test_results_after_reveal(client, code, store, workshop_id, collecting):
    a, b = _open_vote(store, workshop_id, collecting, ["Wenig", "Viel"])
    for _ in range(2):
        await new_phone(client, code)
        await client.post(f"/api/vote?code={code}", json={"dots": {b: 2, a: 1}})
    state = await (await client.get(f"/api/state?code={code}")).json()
    assert state["current"]["results"] == []
    update_item(store, collecting, voting_open=0, results_revealed=1)
    state = await (await client.get(f"/api/state?code={code}")).json()
    assert [(r["text"], r["dots"]) for r in state["current"]["results"]] == [
        ("Viel", 4),
        ("Wenig", 2),
    ]
    page = await (await client.get(f"/j/{code}")).text()
    assert page.index("Viel") < page.index("Wenig") and "4 Punkte" in page


async def test_retry_of_a_submission_the_moderators_removed_changes_nothing(
    client, code, store, workshop_id, collecting
):
    """Hidden, then deleted, then the phone retries (its answer was lost): still gone."""
    body = {"client": str(uuid.uuid4()), "kind": "need", "text": "Werbung", "item": collecting}
    first = await (await client.post(f"/api/submit?code={code}", json=body)).json()
    update_capture(store, first["id"], hidden=1)
    delete_capture(store, first["id"])
    again = await (await client.post(f"/api/submit?code={code}", json=body)).json()
    assert again["duplicate"] is True
    gone = get_capture(store, first["id"], deleted=True)
    assert gone.hidden == 1  # the retry wrote nothing over it
    assert list_captures(store, workshop_id) == []


async def test_register_with_and_without_consent(client, code, store, workshop_id):
    url = f"/api/register?code={code}"
    with_consent = {
        "client": str(uuid.uuid4()),
        "name": "Erika Muster",
        "organisation": "Stadtwerke Ulm",
        "email": "erika@example.org",
        "consent": "1",
    }
    page = await (await client.post(url, data=with_consent)).text()
    assert "Danke, Erika Muster! Sie sind eingetragen." in page
    await client.post(url, data=with_consent)  # retry
    await new_phone(client, code)
    without = {"client": str(uuid.uuid4()), "name": "Max Probe", "email": "max@example.org"}
    response = await client.post(url, json=without)
    assert (await response.json())["consent"] is False
    people = {p.name: p for p in list_participants(store, workshop_id)}
    assert set(people) == {"Erika Muster", "Max Probe"}
    erika, max_ = people["Erika Muster"], people["Max Probe"]
    assert (
        erika.consent == 1
        and erika.consent_text_version == CONSENT_TEXT_VERSION
        and erika.consent_at
    )
    assert erika.organisation == "Stadtwerke Ulm"
    assert max_.consent == 0 and max_.consent_at is None
    sources = {r["source"] for r in rows(store, "SELECT source FROM participant")}
    assert sources == {"participant"}
    bad = await client.post(
        url, json={"client": str(uuid.uuid4()), "name": "X", "email": "kein-at"}
    )
    assert bad.status == 400
    assert (await client.post(url, json={"client": str(uuid.uuid4()), "name": " "})).status == 400


async def test_register_again_from_the_same_form_keeps_to_the_latest_consent(
    client, code, store, workshop_id
):
    """Back to the form (same client id) and the box unticked: what the page says is stored."""
    url = f"/api/register?code={code}"
    form = {
        "client": str(uuid.uuid4()),
        "name": "Erika Muster",
        "email": "erika@example.org",
        "consent": "1",
    }
    await client.post(url, data=form)
    unticked = {k: v for k, v in form.items() if k != "consent"}
    answer = await (await client.post(url, json=unticked)).json()
    assert answer["consent"] is False
    (erika,) = list_participants(store, workshop_id)
    assert erika.consent == 0  # the e-mail no longer goes into the protocol
    answer = await (await client.post(url, json=form)).json()
    assert answer["consent"] is True
    (erika,) = list_participants(store, workshop_id)
    assert erika.consent == 1 and erika.consent_text_version == CONSENT_TEXT_VERSION


async def test_refused_vote_answers_in_the_pages_language(
    client, code, store, workshop_id, collecting
):
    a, b, c = _open_vote(store, workshop_id, collecting, ["A", "B", "C"], budget=3)
    ballot = {"item": collecting, "dots": {a: 2, b: 1, c: 1}}
    await new_phone(client, code)
    url = f"/api/vote?code={code}"
    english = await client.post(url, json=ballot, headers={"Accept-Language": "en-GB,en"})
    assert english.status == 400
    assert (await english.json())["error"] == "You only have 3 dots."
    german = await client.post(url, json=ballot, headers={"Accept-Language": "de"})
    assert (await german.json())["error"] == "Sie haben nur 3 Punkte."


async def test_long_ballot_is_paged_and_dots_on_other_pages_stay(
    client, code, store, workshop_id, collecting
):
    ids = _open_vote(store, workshop_id, collecting, [f"Eintrag {n}" for n in range(60)], 4)
    await new_phone(client, code)
    page = await (await client.get(f"/j/{code}")).text()
    assert page.count('type="number"') == 50 and f'name="dots.{ids[50]}"' not in page
    assert "Weitere Einträge (51–60 von 60)" in page and 'data-ballot=""' in page
    url = f"/api/vote?code={code}"
    form = {"item": collecting, f"dots.{ids[0]}": "2"}
    assert (await client.post(url, data=form, allow_redirects=False)).status == 303
    second = await (await client.get(f"/j/{code}?from=50")).text()
    assert second.count('type="number"') == 10 and "Vorherige Einträge" in second
    form = {"item": collecting, f"dots.{ids[55]}": "2"}
    assert (await client.post(url, data=form, allow_redirects=False)).status == 303
    placed = {r["capture_id"]: r["dots"] for r in rows(store, "SELECT * FROM vote")}
    assert placed == {ids[0]: 2, ids[55]: 2}  # the first page's dots stayed
    assert "Noch 0 von 4 Punkten frei." in second or "Noch 0 von 4" in (
        await (await client.get(f"/j/{code}")).text()
    )
    assert (await client.get(f"/j/{code}?from=1e23")).status == 200  # a bad page is page one
