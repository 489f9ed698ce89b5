"""A phone moves to the other laptop: identity kept, answers stored once, both addresses known."""

import pytest

from facilitator.store import open_store
from facilitator.store.agenda import list_items, update_item
from facilitator.store.captures import list_captures
from facilitator.store.oplog import insert_remote_ops, ops_after
from facilitator.store.phone_servers import announce, phone_servers
from facilitator.store.timer import advance, start_or_pause
from facilitator.store.workshops import get_workshop
from facilitator.sync.pairing import pairing_code, pairing_key, remember_pairing
from facilitator.web.app import create_app
from facilitator.web.runner import start_participant_server
from facilitator.web.security import RateLimits
from tests.conftest import FakeClock

A_URL, B_URL = "http://127.0.0.2:8765", "http://127.0.0.3:8765"


def _exchange(a, b) -> None:
    insert_remote_ops(b, ops_after(a, 0, 10**9))
    insert_remote_ops(a, ops_after(b, 0, 10**9))


@pytest.fixture
def laptop_b(tmp_path, store, workshop_id):
    """Laptop B: its own database, paired with A (it typed A's pairing code), A's data."""
    other = open_store(tmp_path / "b.db", now_ms=FakeClock())
    remember_pairing(other, "https://127.0.0.2:8766", pairing_key(pairing_code(store)))
    start_or_pause(store, workshop_id)
    advance(store, workshop_id)
    advance(store, workshop_id)
    update_item(store, list_items(store, workshop_id)[2].id, collection_open=1)
    _exchange(store, other)
    yield other
    other.close()


async def _clients(aiohttp_client, store, other, workshop_id):
    a = await aiohttp_client(
        create_app(store, workshop_id=workshop_id, rate_limits=RateLimits(enabled=False))
    )
    b = await aiohttp_client(
        create_app(other, workshop_id=workshop_id, rate_limits=RateLimits(enabled=False))
    )
    return a, b


async def _submit(client, code: str, client_id: str, text: str) -> dict:
    response = await client.post(
        f"/api/submit?code={code}", json={"client": client_id, "text": text, "kind": "challenge"}
    )
    assert response.status == 200, await response.text()
    return await response.json()


async def test_a_phone_keeps_its_identity_and_an_answer_is_stored_once(
    aiohttp_client, store, workshop_id, laptop_b
) -> None:
    a, b = await _clients(aiohttp_client, store, laptop_b, workshop_id)
    code = get_workshop(store, workshop_id).join_code
    assert (await a.get(f"/j/{code}")).status == 200  # A issues the phone's cookie
    token = (await (await a.get(f"/api/identity?code={code}")).json())["move"]
    cookie = a.session.cookie_jar.filter_cookies(a.make_url("/"))["facilitator_phone"].value
    assert token.split(".")[0] == cookie.split(".")[0] and token != cookie
    client_id = "3f1c2a9e-0000-4000-8000-000000000001"
    on_a = await _submit(a, code, client_id, "Fachkräftemangel in der IT")
    # A dies before B pulled that answer; the phone arrives on B (another origin: no cookie)
    assert (await b.post(f"/api/adopt?code={code}", json={"token": cookie})).status == 400
    assert (await b.post(f"/api/adopt?code={code}", json={"token": token})).status == 200
    again = await (await b.get(f"/api/identity?code={code}")).json()
    assert again["move"] == token  # the same phone on laptop B
    on_b = await _submit(b, code, client_id, "Fachkräftemangel in der IT")  # resent
    assert on_b["id"] == on_a["id"]
    _exchange(store, laptop_b)  # A is back: both converge on one capture, not two
    for laptop in (store, laptop_b):
        texts = [c.text for c in list_captures(laptop, workshop_id)]
        assert texts.count("Fachkräftemangel in der IT") == 1


async def test_an_unpaired_laptop_refuses_the_move_token(aiohttp_client, tmp_path, store):
    from tests.conftest import create_test_workshop

    workshop_id = create_test_workshop(store)
    stranger = open_store(tmp_path / "c.db", now_ms=FakeClock())
    try:
        insert_remote_ops(stranger, ops_after(store, 0, 10**9))  # same data, never paired
        a, c = await _clients(aiohttp_client, store, stranger, workshop_id)
        code = get_workshop(store, workshop_id).join_code
        await a.get(f"/j/{code}")
        token = (await (await a.get(f"/api/identity?code={code}")).json())["move"]
        refused = await c.post(f"/api/adopt?code={code}", json={"token": token})
        assert refused.status == 400 and "QR-Code neu scannen" in (await refused.json())["error"]
        assert (await c.get(f"/api/identity?code={code}")).status == 403
    finally:
        stranger.close()


async def test_both_addresses_reach_the_phones_and_the_page_may_probe_them(
    aiohttp_client, store, workshop_id, laptop_b
) -> None:
    assert announce(store, workshop_id, [A_URL]) and not announce(store, workshop_id, [A_URL])
    announce(laptop_b, workshop_id, [B_URL])
    _exchange(store, laptop_b)
    assert phone_servers(store, workshop_id) == [A_URL, B_URL]  # this laptop's first
    assert phone_servers(laptop_b, workshop_id) == [B_URL, A_URL]
    a, _ = await _clients(aiohttp_client, store, laptop_b, workshop_id)
    code = get_workshop(store, workshop_id).join_code
    state = await (await a.get(f"/api/state?code={code}")).json()
    assert state["servers"] == [A_URL, B_URL]
    page = await a.get(f"/j/{code}")
    csp = page.headers["Content-Security-Policy"]
    assert f"connect-src 'self' {A_URL} {B_URL};" in csp and "script-src 'self';" in csp
    assert '<script src="/static/failover.js" defer>' in await page.text()
    assert (await a.get("/static/failover.js")).status == 200


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "http://x:0", "http://a b:80", "ftp://h:1"])
def test_a_bad_address_is_refused(store, workshop_id, bad) -> None:
    from facilitator.core.errors import ValidationError

    with pytest.raises(ValidationError):
        announce(store, workshop_id, [bad])
    assert phone_servers(store, workshop_id) == []


async def test_the_heartbeat_is_not_rate_limited(aiohttp_client, store, workshop_id) -> None:
    limits = RateLimits(get_burst=2, get_per_second=0.01)
    client = await aiohttp_client(create_app(store, workshop_id=workshop_id, rate_limits=limits))
    assert [(await client.get("/api/ping")).status for _ in range(10)] == [204] * 10
    code = get_workshop(store, workshop_id).join_code
    statuses = [(await client.get(f"/api/ping?code={code}")).status for _ in range(4)]
    assert 429 in statuses  # asking about a code is no heartbeat: limited as anything else


async def test_the_probe_says_whether_this_laptop_serves_the_workshop(
    aiohttp_client, store, workshop_id
) -> None:
    from facilitator.store.workshops import create_workshop

    other = get_workshop(store, create_workshop(store, "Anderer Workshop", None))
    client = await aiohttp_client(
        create_app(store, workshop_id=workshop_id, rate_limits=RateLimits(enabled=False))
    )
    code = get_workshop(store, workshop_id).join_code
    probe = await client.get(f"/api/ping?code={code}", headers={"Origin": A_URL})
    assert probe.status == 204 and probe.headers["Access-Control-Allow-Origin"] == "*"
    # a laptop that serves another workshop: the phone must not move there
    assert (await client.get(f"/api/ping?code={other.join_code}")).status == 403
    assert (await client.get("/api/ping?code=nichtda")).status == 403


async def test_the_server_announces_where_it_serves(store, workshop_id) -> None:
    server = await start_participant_server(store, "127.0.0.1", 0, workshop_id)
    try:
        assert phone_servers(store, workshop_id) == [f"http://127.0.0.1:{server.port}"]
        seq = store.version
        server.announce()  # nothing moved: no new op
        assert store.version == seq
    finally:
        await server.stop()


async def test_a_fixed_address_leads_the_join_links_and_the_announcement(store, workshop_id):
    from facilitator.store.join_address import set_fixed_host
    from facilitator.web.projector import projector_path

    set_fixed_host(store, "raum-a.local")
    server = await start_participant_server(store, "127.0.0.1", 0, workshop_id)
    try:
        code = get_workshop(store, workshop_id).join_code
        first = f"http://raum-a.local:{server.port}"
        assert server.join_urls(code)[0] == f"{first}/j/{code}"
        assert phone_servers(store, workshop_id)[0] == first
        import aiohttp

        start_or_pause(store, workshop_id)
        url = f"http://127.0.0.1:{server.port}{projector_path(store)}"
        async with aiohttp.ClientSession() as session, session.get(url) as page:
            assert f"raum-a.local:{server.port}/j/{code}" in await page.text()  # the corner
    finally:
        await server.stop()


async def test_a_move_token_expires(aiohttp_client, store, workshop_id, laptop_b, clock) -> None:
    a, b = await _clients(aiohttp_client, store, laptop_b, workshop_id)
    code = get_workshop(store, workshop_id).join_code
    await a.get(f"/j/{code}")
    token = (await (await a.get(f"/api/identity?code={code}")).json())["move"]
    clock.advance(minutes=150)  # A's clock: B reads its own, two and a half hours on too
    laptop_b.now_ms = store.now_ms
    assert (await b.post(f"/api/adopt?code={code}", json={"token": token})).status == 400


async def test_the_move_page_lands_the_phone_as_itself_and_keeps_the_token_out_of_sight(
    aiohttp_client, store, workshop_id, laptop_b
) -> None:
    a, b = await _clients(aiohttp_client, store, laptop_b, workshop_id)
    code = get_workshop(store, workshop_id).join_code
    await a.get(f"/j/{code}")
    token = (await (await a.get(f"/api/identity?code={code}")).json())["move"]
    moved = await b.get(f"/j/{code}/move?t={token}&lang=de", allow_redirects=False)
    page = await moved.text()
    assert moved.status == 200
    assert moved.headers["Referrer-Policy"] == "no-referrer"  # no Referer carries the token
    assert "no-store" in moved.headers["Cache-Control"]
    assert '<meta name="referrer" content="no-referrer">' in page
    assert f'data-to="/j/{code}?lang=de"' in page and token not in page  # on to a clean URL
    assert '<script src="/static/move.js" defer>' in page
    assert (await b.get("/static/move.js")).status == 200
    # one page load: the cookie is set, the join page and every answer are this phone's
    again = await (await b.get(f"/api/identity?code={code}")).json()
    assert again["move"] == token
    client_id = "3f1c2a9e-0000-4000-8000-000000000002"
    on_a = await _submit(a, code, client_id, "Breitband im ländlichen Raum")
    assert (await _submit(b, code, client_id, "Breitband im ländlichen Raum"))["id"] == on_a["id"]


async def test_the_move_page_refuses_a_forged_token_and_sets_no_cookie(
    aiohttp_client, store, workshop_id, laptop_b
) -> None:
    _, b = await _clients(aiohttp_client, store, laptop_b, workshop_id)
    code = get_workshop(store, workshop_id).join_code
    forged = "0" * 32 + "." + "0" * 24
    refused = await b.get(f"/j/{code}/move?t={forged}", allow_redirects=False)
    assert refused.status == 400 and "Set-Cookie" not in refused.headers
    assert "QR-Code neu scannen" in await refused.text()
    assert refused.headers["Referrer-Policy"] == "no-referrer"
    assert (await b.get(f"/api/identity?code={code}")).status == 403
    assert (await b.get(f"/j/nichtda/move?t={forged}")).status == 403
