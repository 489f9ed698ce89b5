"""Tests every rejection: codes, moderator secret, body size, rate limits, escaping, errors."""

import uuid

import pytest
from aiohttp import web

from facilitator.store.agenda import add_item, list_items, update_item
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.timer import advance, start_or_pause
from facilitator.store.workshops import update_workshop
from facilitator.web.keys import CAPS
from facilitator.web.security import CSP, RateLimits
from tests.web.conftest import MOD_SECRET, XSS

PHONE_ENDPOINTS = [
    ("GET", "/j/{code}"),
    ("GET", "/j/{code}/register"),
    ("GET", "/api/state?code={code}"),
    ("GET", "/events?code={code}"),
    ("POST", "/api/submit?code={code}"),
    ("POST", "/api/vote?code={code}"),
    ("POST", "/api/register?code={code}"),
]


@pytest.mark.parametrize("method,path", PHONE_ENDPOINTS)
@pytest.mark.parametrize("bad", ["wrongcode42", "", "%20", "a" * 200])
async def test_wrong_or_missing_code_gets_403_and_no_data(
    client, code, collecting, method, path, bad
):
    url = path.format(code=bad)
    if not bad and path.startswith("/j/"):
        url = path.replace("{code}", "x")  # an empty path segment is a different route
    body = {"client": str(uuid.uuid4()), "text": "Hallo", "name": "N", "dots": {}}
    response = await client.request(method, url, json=body if method == "POST" else None)
    assert response.status in (403, 404)
    text = await response.text()
    assert "Esslingen" not in text and "Herausforderungen" not in text and code not in text
    assert len(text) < 1000
    assert response.headers["Content-Security-Policy"] == CSP


async def test_code_in_other_case_or_spaces_still_opens(client, code):
    assert (await client.get(f"/api/state?code={code.upper()}")).status == 200


async def test_join_code_cannot_reach_moderator_endpoints(
    client, code, store, workshop_id, collecting
):
    capture_id = add_capture(store, workshop_id, "challenge", "Heikel", agenda_item_id=collecting)
    for method, path, body in [
        ("GET", "/mod/state", None),
        ("POST", "/mod/hide", {"capture_id": capture_id}),
        ("POST", "/mod/item", {"item_id": collecting, "voting_open": 1}),
        ("POST", "/mod/timer", {"action": "advance"}),
    ]:
        for headers in [{}, {"X-Moderator-Secret": code}, {"X-Moderator-Secret": "falsch"}]:
            response = await client.request(
                method, f"{path}?code={code}", json=body, headers=headers
            )
            assert response.status == 403, (path, headers)
            assert "Heikel" not in await response.text()
    assert list_captures(store, workshop_id)[0].hidden == 0


async def test_moderator_sees_hidden_and_hides(client, code, store, workshop_id, collecting):
    mod = {"X-Moderator-Secret": MOD_SECRET}
    capture_id = add_capture(
        store, workshop_id, "challenge", "Unpassend", agenda_item_id=collecting
    )
    keep_id = add_capture(store, workshop_id, "challenge", "Passend", agenda_item_id=collecting)
    response = await client.post(
        "/mod/item", json={"item_id": collecting, "voting_open": True}, headers=mod
    )
    assert response.status == 200
    response = await client.post(
        "/mod/hide", json={"capture_id": capture_id, "hidden": True}, headers=mod
    )
    assert response.status == 200
    ballot = await (await client.get(f"/api/ballot?code={code}")).json()
    assert [c["id"] for c in ballot["entries"]] == [keep_id]
    moderator = await (await client.get("/mod/state", headers=mod)).json()
    hidden = {c["text"]: c["hidden"] for c in moderator["captures"]}
    assert hidden == {"Unpassend": True, "Passend": False}
    await client.get(f"/j/{code}")  # the phone's identity
    vote = await client.post(f"/api/vote?code={code}", json={"dots": {capture_id: 1}})
    assert vote.status == 400  # a hidden entry gets no dots
    response = await client.post("/mod/timer", json={"action": "advance"}, headers=mod)
    assert response.status == 200
    assert (await (await client.get("/mod/state", headers=mod)).json())["snapshot"]["current"][
        "id"
    ] != collecting


async def test_body_over_16_kib_gets_413(client, code, collecting, store, workshop_id):
    big = {"client": str(uuid.uuid4()), "text": "x" * (17 * 1024)}
    response = await client.post(f"/api/submit?code={code}", json=big)
    assert response.status == 413
    assert "zu groß" in (await response.json())["error"]

    async def chunks():  # no Content-Length: the limit still holds while reading
        for _ in range(20):
            yield b"a" * 1024

    response = await client.post(
        f"/api/submit?code={code}", data=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status == 413
    assert list_captures(store, workshop_id) == []


async def test_rate_limit_gets_429(make_client, code, collecting):
    client = await make_client(limits=RateLimits())
    statuses = []
    for _ in range(12):
        response = await client.post(
            f"/api/submit?code={code}", json={"client": str(uuid.uuid4()), "text": "Flut"}
        )
        statuses.append(response.status)
    assert statuses[:10] == [200] * 10
    assert statuses[10:] == [429, 429]
    assert "Zu viele Anfragen" in (await response.json())["error"]
    assert client.app[CAPS].refused_total == 2  # counted for the app's Join screen
    assert (await client.get(f"/api/state?code={code}")).status == 200  # reading still works


async def test_everything_typed_is_escaped(client, code, store, workshop_id):
    update_workshop(store, workshop_id, title=f"Titel {XSS[0]}", venue=f"Ort {XSS[1]}")
    first = list_items(store, workshop_id)[0]
    update_item(store, first.id, title=f"Punkt {XSS[1]}")
    item_id = add_item(store, workshop_id, f"Block {XSS[0]}", 30, capture=["challenge"])
    start_or_pause(store, workshop_id)
    while (advance(store, workshop_id) or first).id != item_id:
        pass
    add_capture(store, workshop_id, "challenge", f"Eintrag {XSS[0]}", agenda_item_id=item_id)
    add_capture(store, workshop_id, "challenge", f"Eintrag {XSS[1]}", agenda_item_id=item_id)
    update_item(store, item_id, collection_open=1, voting_open=1)
    pages = [await (await client.get(f"/j/{code}")).text()]
    update_item(store, item_id, voting_open=0, results_revealed=1)
    pages.append(await (await client.get(f"/j/{code}")).text())
    pages.append(await (await client.get(f"/j/{code}/register")).text())
    registered = await client.post(
        f"/api/register?code={code}",
        data={"client": str(uuid.uuid4()), "name": f"Name {XSS[1]}", "organisation": XSS[0]},
    )
    pages.append(await registered.text())
    for page in pages:
        assert (
            "<script>alert" not in page and "<img" not in page and "onerror=alert(1)>" not in page
        )
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert (
        "Danke, Name &quot;&gt;&lt;img src=x onerror=alert(1)&gt;! Sie sind eingetragen."
        in pages[3]
    )
    assert "Eintrag &quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in pages[0]  # ballot
    assert "Eintrag &lt;script&gt;alert(1)&lt;/script&gt;" in pages[1]  # results
    assert "Block &lt;script&gt;alert(1)&lt;/script&gt;" in pages[0]  # agenda and now


async def test_errors_never_leak_a_traceback(make_client):
    async def broken(request: web.Request) -> web.Response:
        raise RuntimeError("secret detail in /home/user/db")

    client = await make_client(extra_setup=[lambda app: app.router.add_get("/api/broken", broken)])
    response = await client.get("/api/broken")
    assert response.status == 500
    text = await response.text()
    assert "Interner Fehler" in text and "secret detail" not in text and "Traceback" not in text
    page = await client.get("/nowhere")
    assert page.status == 404 and page.headers["Content-Security-Policy"] == CSP


async def test_sync_paths_get_no_exception_on_the_phone_port(make_client):
    """The phones' server knows nothing of sync: /sync/ gets the phones' limits like any path."""

    async def echo(request: web.Request) -> web.Response:
        return web.json_response({"size": len(await request.read())})

    client = await make_client(
        limits=RateLimits(),
        extra_setup=[lambda app: app.router.add_post("/sync/ops", echo)],
    )
    response = await client.post("/sync/ops", data=b"x" * 100_000)
    assert response.status == 413
    statuses = [(await client.post("/sync/ops", data=b"x")).status for _ in range(15)]
    assert 429 in statuses


async def test_moderator_endpoints_answer_400_to_huge_or_odd_numbers(client, collecting):
    mod = {"X-Moderator-Secret": MOD_SECRET}
    for body in [
        {"item_id": collecting, "dot_budget": 10**30},
        {"item_id": collecting, "dot_budget": "viele"},
        {"item_id": collecting, "dot_budget": 2.5},
    ]:
        assert (await client.post("/mod/item", json=body, headers=mod)).status == 400, body
    for minutes in [10**30, "fünf", 0]:
        answer = await client.post(
            "/mod/timer", json={"action": "extend", "minutes": minutes}, headers=mod
        )
        assert answer.status == 400 and "minutes" in (await answer.json())["error"]
