"""Phones read by people nobody here wrote (issue 25.10): refusals as pages, links back, icon."""

import struct

from facilitator.store.activities import start_activity, stop_activity
from facilitator.store.agenda import update_item
from facilitator.web.projector_svg import scatter
from tests.web.test_web_activities import post


async def test_refused_form_without_javascript_is_a_page_with_a_way_back(
    client, store, code, collecting
):
    await client.get(f"/j/{code}")
    update_item(store, collecting, collection_open=0)
    answer = await client.post(
        f"/api/submit?code={code}&lang=de",
        data={"client": "c-0123456789", "text": "Zu spät", "kind": "challenge"},
        allow_redirects=False,
    )
    page = await answer.text()
    assert answer.status == 409 and answer.content_type == "text/html"
    assert "{" not in page and "\\u00" not in page  # no raw JSON
    assert "Für diesen Block werden gerade keine Beiträge gesammelt." in page
    assert f'href="/j/{code}?lang=de"' in page and "Zurück zum Workshop" in page


async def test_refusal_to_a_script_stays_json(client, store, code, collecting):
    await client.get(f"/j/{code}")
    update_item(store, collecting, collection_open=0)
    answer = await client.post(
        f"/api/submit?code={code}", json={"client": "c-0123456789", "text": "Zu spät"}
    )
    assert answer.status == 409 and "error" in await answer.json()


async def test_answer_to_a_closed_activity_without_javascript(client, store, workshop_id, code):
    activity = start_activity(store, workshop_id, "choice", "A oder B?", {"options": ["A", "B"]})
    await client.get(f"/j/{code}")
    stop_activity(store, activity)
    answer = await post(client, code, {"activity": activity, "choice": "1"})
    page = await answer.text()
    assert answer.status == 409 and answer.content_type == "text/html"
    assert "offen" in page and f'href="/j/{code}?lang=de"' in page


async def test_bad_code_gets_no_link_back(client):
    answer = await client.post(
        "/api/submit?code=nichtdabei&lang=de", data={"text": "x"}, allow_redirects=False
    )
    assert answer.status == 403 and "/j/" not in await answer.text()


async def test_join_page_has_a_reload_link_and_privacy_links_back(client, code):
    page = await (await client.get(f"/j/{code}?lang=de")).text()
    assert f'<a id="refresh" href="/j/{code}?lang=de">Seite aktualisieren</a>' in page
    assert f'href="/datenschutz?lang=de&amp;code={code}"' in page
    privacy = await (await client.get(f"/datenschutz?lang=de&code={code}")).text()
    assert f'href="/j/{code}?lang=de"' in privacy and "Zurück zum Workshop" in privacy
    stranger = await (await client.get("/datenschutz?lang=de&code=falsch")).text()
    assert "/j/" not in stranger


async def test_favicon_is_a_small_icon(client):
    answer = await client.get("/favicon.ico")
    body = await answer.read()
    assert answer.status == 200 and answer.content_type == "image/x-icon"
    reserved, kind, count = struct.unpack("<HHH", body[:6])
    assert (reserved, kind, count) == (0, 1, 1) and body[6] == 32 and len(body) < 8000


async def test_dots_activity_says_how_many_are_left(client, store, workshop_id, code):
    from facilitator.store.captures import add_capture

    entry = add_capture(store, workshop_id, "need", "Schnittstellen")
    start_activity(store, workshop_id, "dots", "Was zuerst?", {"ballot": [entry], "budget": 5})
    page = await (await client.get(f"/j/{code}?lang=de")).text()
    assert 'data-budget="5"' in page and "noch 5 von 5 Punkten" in page


async def test_scale_of_five_statements_is_compact(client, store, workshop_id, code):
    statements = ["Inhalt", "Ort", "Zeit", "Moderation", "Austausch"]
    start_activity(store, workshop_id, "scale", "Wie war's?", {"statements": statements})
    page = await (await client.get(f"/j/{code}?lang=de")).text()
    # the key to 1…5 once, not five labels under every statement
    assert page.count('class="hint scale-key"') == 1
    assert page.count('class="rates"') == 5 and "rate-label" not in page


def test_matrix_names_its_quadrants_and_wraps_long_labels():
    long_label = "Digitale Antragsstrecke für Baugenehmigungen"
    entries = [{"entry": long_label, "x": 4.5, "y": 4.0, "n": 3}]
    quadrants = ["A niedrig · N hoch", "A hoch · N hoch", "A niedrig · N niedrig", "A hoch"]
    chart = str(scatter(entries, ["Aufwand", "Nutzen"], quadrants))
    assert chart.count('class="quadrant"') == 4
    assert ">A niedrig</tspan>" in chart and ">N hoch</tspan>" in chart
    assert ">Digitale Antragsstrecke</tspan>" in chart
    assert ">für Baugenehmigungen</tspan>" in chart and "…" not in chart


def test_dot_vote_cards_state_the_rule_the_ballot_applies():
    """The ballot allows half the budget per entry; no card may promise a fixed number."""
    import re

    from facilitator.library import load_methods

    numbers = r"\b(zwei|drei|vier|fünf|two|three|four|five|[2-9])\b"
    for card in load_methods(include_user=False).values():
        if (card.activity or {}).get("type") != "dots":
            continue
        for text in (card.participants.de, card.participants.en):
            said = re.search(numbers + r" (Punkte|dots) (auf|on) (dasselbe|the same)", text)
            assert said is None, (card.id, said)


async def test_phones_show_a_skipped_block_as_skipped(client, store, workshop_id, code):
    from facilitator.store.agenda import list_items
    from facilitator.store.timer import skip, start_or_pause

    items = list_items(store, workshop_id)
    start_or_pause(store, workshop_id)
    skip(store, workshop_id)
    page = await (await client.get(f"/j/{code}?lang=de")).text()
    row = page.split(items[0].title)[1].split("</li>")[0]
    assert "übersprungen" in row and "erledigt" not in row
    state = await (await client.get(f"/api/state?code={code}&lang=de")).json()
    assert state["agenda"][0]["state"] == "skipped"
