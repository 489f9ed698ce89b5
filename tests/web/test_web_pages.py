"""Tests the server-rendered pages: what a phone shows without JavaScript."""

import html
import json
import re

from facilitator.library import load_methods
from facilitator.store.agenda import list_items, update_item
from facilitator.store.participants import CONSENT_TEXT
from facilitator.store.timer import advance, start_or_pause
from facilitator.web.security import CSP


async def test_join_page_shows_workshop_and_agenda(client, code):
    response = await client.get(f"/j/{code}")
    assert response.status == 200
    page = await response.text()
    assert "Vernetzungsworkshop Esslingen" in page
    assert "1. Dezember 2026" in page and "Landratsamt Esslingen" in page
    for time, title in [("09:00", "Ankommen und Kaffee"), ("11:00", "Mittagsimbiss")]:
        slot = f'<span class="slot">{time}</span> '
        assert f'{slot}<span class="item-title" lang="de">{title}' in page
    assert "Gerade läuft kein Programmpunkt." in page
    assert response.headers["Content-Security-Policy"] == CSP
    assert '<html lang="de">' in page
    assert "<script>" not in page  # no inline script, only the file
    assert '<script src="/static/join.js" defer></script>' in page


async def test_running_block_highlighted_with_time_left(client, code, store, workshop_id, clock):
    start_or_pause(store, workshop_id)
    advance(store, workshop_id)
    clock.advance(minutes=4)
    page = await (await client.get(f"/j/{code}")).text()
    assert 'class="state-running kind-block" aria-current="step"' in page
    assert '<p id="now-title" class="now-title" lang="de">Begrüßung und Ziele</p>' in page
    assert "noch 11 Min." in page
    clock.advance(minutes=13)
    page = await (await client.get(f"/j/{code}")).text()
    assert "2 Min. über der Zeit" in page
    assert 'class="state-done kind-break"' in page


async def test_method_instructions_for_participants(client, code, store, workshop_id):
    cards = load_methods(include_user=False)
    card_id = next(iter(sorted(cards)))
    item = list_items(store, workshop_id)[1]
    update_item(store, item.id, method=card_id)
    start_or_pause(store, workshop_id)
    advance(store, workshop_id)
    page = await (await client.get(f"/j/{code}")).text()
    first_line = cards[card_id].participants.de.strip().split("\n")[0]

    assert html.escape(first_line, quote=True) in page
    assert f"So geht’s: {html.escape(cards[card_id].name.de)}" in page


async def test_english_by_browser_language_and_switch(client, code):
    page = await (await client.get(f"/j/{code}", headers={"Accept-Language": "en-GB,en"})).text()
    assert '<html lang="en">' in page and "Agenda" in page and "1 December 2026" in page
    page = await (await client.get(f"/j/{code}?lang=en")).text()
    assert "No agenda item is running right now." in page
    page = await (await client.get(f"/j/{code}?lang=de", headers={"Accept-Language": "en"})).text()
    assert "Ablauf" in page and f'href="/j/{code}?lang=en"' in page


async def test_an_english_phone_reads_the_workshops_german_titles_as_german(client, code):
    """English screen words, German titles marked German: the phone hyphenates them so."""
    page = await (await client.get(f"/j/{code}", headers={"Accept-Language": "en"})).text()
    assert '<html lang="en">' in page and "Agenda" in page
    assert '<h1 lang="de">Vernetzungsworkshop Esslingen</h1>' in page
    assert '<span class="item-title" lang="de">Ankommen und Kaffee' in page
    state = await (await client.get(f"/api/state?code={code}&lang=en")).json()
    assert state["workshop"]["content_lang"] == "de"


async def test_collection_form_only_when_open(client, code, store, collecting):
    page = await (await client.get(f"/j/{code}")).text()
    assert '<section id="collect" class="card" aria-labelledby="collect-h">' in page
    assert 'value="challenge" checked' in page and 'value="need"' in page
    assert 'value="idea"' not in page  # the block plans challenges and needs only
    assert 'maxlength="500"' in page
    update_item(store, collecting, collection_open=0)
    page = await (await client.get(f"/j/{code}")).text()
    assert '<section id="collect" class="card" aria-labelledby="collect-h" hidden>' in page


async def test_register_page_consent_unchecked(client, code):
    page = await (await client.get(f"/j/{code}/register")).text()
    assert CONSENT_TEXT in page
    assert '<input type="checkbox" name="consent" value="1">' in page  # not checked
    assert "checked" not in page.split('name="consent"')[1].split(">")[0]
    assert 'name="email" type="email"' in page


async def test_static_assets_served_with_headers(client):
    for path, kind in [("/static/join.js", "javascript"), ("/static/join.css", "css")]:
        response = await client.get(path)
        assert response.status == 200 and kind in response.headers["Content-Type"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Security-Policy"] == CSP
    assert (await client.get("/static/")).status in (403, 404)
    assert (await client.get("/static/../app.py")).status in (403, 404)


async def test_page_loads_of_new_phones_render_once_per_version(
    client, code, store, workshop_id, collecting, monkeypatch
):
    from facilitator.store.captures import add_capture
    from facilitator.web import views

    rendered = []
    real = views.join_page
    monkeypatch.setattr(views, "join_page", lambda *a, **k: rendered.append(1) or real(*a, **k))
    pages = []
    for _ in range(10):  # a flood of page loads without cookies
        client.session.cookie_jar.clear()
        pages.append(await (await client.get(f"/j/{code}")).text())
    assert len(rendered) == 1
    clients = {p.split('name="client" value="')[1].split('"')[0] for p in pages}
    assert len(clients) == 10  # each page still gets its own submission id
    add_capture(store, workshop_id, "challenge", "Neu dabei", agenda_item_id=collecting)
    update_item(store, collecting, voting_open=1)
    assert "Neu dabei" in await (await client.get(f"/j/{code}")).text()
    assert len(rendered) == 2


async def test_the_scripts_texts_come_translated_with_the_page(client, code):
    """join.js draws counts and states itself: it gets them in the phone's language."""

    def served(page: str) -> dict[str, str]:
        attribute = re.search(r'data-strings="([^"]*)"', page)
        assert attribute is not None
        return json.loads(html.unescape(attribute.group(1)))

    english = served(await (await client.get(f"/j/{code}?lang=en")).text())
    german = served(await (await client.get(f"/j/{code}?lang=de")).text())
    assert english.keys() == german.keys()
    # a count's two forms, the script's placeholder left for it to fill in
    assert (english["dot_one"], english["dots"]) == ("1 dot", "{dots} dots")
    assert (german["dot_one"], german["dots"]) == ("1 Punkt", "{dots} Punkte")
    assert english["sending"] == "Sending …" and german["sending"] == "Wird gesendet …"
    assert english["time_left"] == "{minutes} min left"
