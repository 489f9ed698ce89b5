"""Every consent records the text the person saw, in their language (issue 23.8)."""

from facilitator.store.consent import consent_text
from facilitator.store.participants import list_participants
from facilitator.store.people import find_people, person_report


async def test_an_english_phone_sees_and_records_the_english_text(client, code, store, workshop_id):
    page = await (await client.get(f"/j/{code}/register?lang=en")).text()
    english = consent_text("2026-12-en-workshop")
    assert english.split(".")[0] in page and '<span lang="en">' in page
    assert "Ich bin einverstanden" not in page
    form = {"name": "Jane Doe", "email": "jane@example.org", "consent": "1"}
    await client.post(f"/api/register?code={code}&lang=en", data=form)
    (jane,) = list_participants(store, workshop_id)
    assert jane.consent and jane.consent_text_version == "2026-12-en-workshop"
    report = person_report(store, find_people(store, "Jane Doe"))["entries"][0]
    assert report["consent_texts"] == {"2026-12-en-workshop": english}

    german = await (await client.get(f"/j/{code}/register?lang=de")).text()
    assert "Ich bin einverstanden" in german and '<span lang="de">' in german
