"""The phone side of privacy: one person per phone identity, withdrawal, the privacy notice."""

from pathlib import Path

from facilitator.export.contacts import contacts_csv
from facilitator.store.participants import list_participants

CLIENT = "fixed-phone-identity-0001"


async def test_register_with_consent_then_without_leaves_the_contact_list(
    client, code, store, workshop_id
):
    url = f"/api/register?code={code}"
    form = {
        "client": CLIENT,
        "name": "Erika Muster",
        "organisation": "Gemeinde Denkendorf",
        "org_type": "kommune",
        "municipality": "Denkendorf",
        "email": "erika@example.org",
        "consent": "1",
    }
    await client.post(url, data=form)
    assert "erika@example.org" in contacts_csv(list_participants(store, workshop_id))
    unticked = {k: v for k, v in form.items() if k != "consent"}
    answer = await (await client.post(url, json=unticked)).json()
    assert answer["consent"] is False
    (erika,) = list_participants(store, workshop_id)  # the same person, not a second row
    assert erika.org_type == "kommune" and erika.municipality == "Denkendorf"
    assert erika.email == ""  # no e-mail without consent
    assert "Erika" not in contacts_csv(list_participants(store, workshop_id))


async def test_registration_by_email_is_a_claim_the_moderator_confirms(
    client, code, store, workshop_id
):
    from facilitator.store.claims import decide_claim, list_claims
    from facilitator.store.participants import add_participant

    add_participant(store, workshop_id, "Erika Musterfrau", email="erika@example.org")
    answer = await client.post(
        f"/api/register?code={code}",
        json={
            "client": CLIENT,
            "name": "Erika Musterfrau",
            "email": "erika@example.org",
            "consent": True,
        },
    )
    assert (await answer.json())["consent"] is False  # not yet: a moderator confirms first
    (erika,) = list_participants(store, workshop_id)
    assert erika.consent == 0 and erika.present == 0
    (claim,) = list_claims(store, workshop_id)
    decide_claim(store, claim.id, "accepted")
    (erika,) = list_participants(store, workshop_id)
    assert erika.consent == 1 and erika.present == 1


async def test_every_phone_page_links_the_privacy_notice(client, code, tmp_path: Path, monkeypatch):
    own = tmp_path / "privacy.toml"
    own.write_text(
        '[de]\ncontroller = "Verantwortlich: Landratsamt Esslingen, Pulverwiesen 11"\n'
        'contact = "datenschutz@lra-es.example"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FACILITATOR_PRIVACY", str(own))
    for path in (f"/j/{code}", f"/j/{code}/register"):
        page = await (await client.get(path)).text()
        assert f'href="/datenschutz?lang=de&amp;code={code}"' in page, path
    register = await (await client.get(f"/j/{code}/register")).text()
    assert 'list="r-orgs"' in register and 'name="org_type"' in register
    notice = await (await client.get("/datenschutz")).text()
    assert "Landratsamt Esslingen, Pulverwiesen 11" in notice  # the organisers' own text
    assert "Widerruf" in notice and "Speicherdauer" in notice  # the rest from the default
    english = await (await client.get("/datenschutz?lang=en")).text()
    assert "Privacy notice" in english
