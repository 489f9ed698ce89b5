"""Tests that a stranger's phone cannot take over someone else's record (issue 23.1).

A real server on 127.0.0.1; the invited person's own phone and the stranger's phone
connect from distinct source addresses 127.0.x.y, as on the venue's Wi-Fi.
"""

from facilitator.core.participants_csv import parse_participants_csv
from facilitator.export.contacts import contacts_csv
from facilitator.store.claims import decide_claim, list_claims
from facilitator.store.participant_import import import_participants
from facilitator.store.participants import list_participants
from facilitator.store.people import find_people, person_report
from facilitator.store.queries import rows
from tests.web.test_web_hostile import address, phone, pytestmark, served  # noqa: F401

CSV = "Name;Organisation;E-Mail;Einwilligung\nOla Opfer;Stadt Ulm;ola@ulm.example;nein\n"


def _record(store, workshop_id) -> list[tuple]:
    return [
        (p.name, p.organisation, p.email, p.consent) for p in list_participants(store, workshop_id)
    ]


async def test_a_strangers_phone_cannot_rename_move_consent_for_or_withdraw_anyone(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
):
    import_participants(store, workshop_id, parse_participants_csv(CSV))
    before = _record(store, workshop_id)
    contacts_before = contacts_csv(list_participants(store, workshop_id))
    _, base = await served()
    url = f"{base}/api/register?code={code}"
    async with phone(address(7)) as stranger:
        await stranger.get(f"{base}/j/{code}/register")
        takeover = {
            "name": "Ola Opfer",
            "organisation": "Fake Org",
            "email": "ola@ulm.example",
            "consent": "1",
        }
        answer = await stranger.post(url, json=takeover)
        assert answer.status == 200
        assert "Moderation" in (await answer.json())["message"]
        withdraw = await stranger.post(url, json={"name": "Ola Opfer", "email": "ola@ulm.example"})
        assert withdraw.status == 200
        rename = await stranger.post(url, json={"name": "Someone", "email": "ola@ulm.example"})
        assert rename.status == 200
    assert _record(store, workshop_id) == before  # name, organisation, e-mail, consent
    assert contacts_csv(list_participants(store, workshop_id)) == contacts_before
    assert rows(store, "SELECT name FROM organisation WHERE name = 'Fake Org'") == []
    claims = list_claims(store, workshop_id)
    # one open claim per phone and person: the later registrations updated it
    assert [(c.name, c.email, c.consent, c.matches) for c in claims] == [
        ("Someone", "", False, "Ola Opfer, Stadt Ulm")
    ]


async def test_a_moderator_confirms_the_persons_own_claim(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
):
    import_participants(store, workshop_id, parse_participants_csv(CSV))
    _, base = await served()
    url = f"{base}/api/register?code={code}"
    async with phone(address(8)) as own_phone:
        await own_phone.get(f"{base}/j/{code}/register")
        form = {"name": "Ola Opfer", "email": "ola@ulm.example", "consent": "1"}
        assert (await own_phone.post(url, json=form)).status == 200
        (claim,) = list_claims(store, workshop_id)
        assert claim.consent and not list_participants(store, workshop_id)[0].consent
        decide_claim(store, claim.id, "accepted")
        (ola,) = list_participants(store, workshop_id)
        assert ola.consent and ola.email == "ola@ulm.example" and ola.present
        assert "ola@ulm.example" in contacts_csv(list_participants(store, workshop_id))
        # the phone owns the record now: unticking withdraws without a new claim
        assert (await own_phone.post(url, json={"name": "Ola Opfer"})).status == 200
    (ola,) = list_participants(store, workshop_id)
    assert not ola.consent and ola.email == "" and list_claims(store, workshop_id) == []
    history = person_report(store, find_people(store, "Ola Opfer"))["entries"][0]
    assert [(h["consent"], h["source"], bool(h["claim"])) for h in history["consent_history"]] == [
        (True, "phone", True),
        (False, "phone", False),
    ]
    # the history names the phone (the only one that can change the record now)
    own = history["participant"]["client_id"][:8]
    assert [h["phone"] for h in history["consent_history"]] == [own, own]
    # what the claim held is gone from its row and its ops once decided
    assert rows(store, "SELECT name, email FROM claim") == [{"name": None, "email": None}]
    claim_ops = rows(store, "SELECT payload FROM op WHERE kind LIKE 'claim.%'")
    assert claim_ops and not any("ola@" in op["payload"] for op in claim_ops)


async def test_two_people_on_one_phone_do_not_overwrite_each_other(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
):
    _, base = await served()
    url = f"{base}/api/register?code={code}"
    async with phone(address(9)) as shared:
        await shared.get(f"{base}/j/{code}/register")
        first = {"name": "Erika Muster", "email": "erika@example.org", "consent": "1"}
        await shared.post(url, json=first)
        await shared.post(url, json={"name": "Hans Zeuge", "organisation": "Stadtwerke Ulm"})
    people = {p.name: p for p in list_participants(store, workshop_id)}
    assert set(people) == {"Erika Muster", "Hans Zeuge"}
    assert people["Erika Muster"].consent and people["Erika Muster"].email == "erika@example.org"
