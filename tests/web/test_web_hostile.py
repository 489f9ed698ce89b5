"""Tests the participant server against the attacks of issue 12, on a real server on 127.0.0.1.

Each attacker and phone connects from its own source address in 127.0.x.y (all of
127/8 is loopback on Linux), so the caps per address meet what they would meet on
the venue's Wi-Fi. Every test is bounded in requests and seconds.
"""

import asyncio
import json
import socket
import uuid

import aiohttp
import pytest

from facilitator.store.agenda import update_item
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.participants import list_participants
from facilitator.store.queries import rows
from facilitator.web import events as events_module
from facilitator.web import forms as forms_module
from facilitator.web import hub as hub_module
from facilitator.web.caps import Caps
from facilitator.web.gate import ConnectionLimits
from facilitator.web.runner import start_participant_server
from facilitator.web.security import RateLimits
from tests.web.conftest import MOD_SECRET


def _loopback_aliases_work() -> bool:
    try:
        with socket.socket() as probe:
            probe.bind(("127.0.3.4", 0))
        return True
    except OSError:  # macOS and Windows configure 127.0.0.1 only
        return False


pytestmark = pytest.mark.skipif(
    not _loopback_aliases_work(), reason="needs 127.0.x.y source addresses"
)


def address(n: int) -> str:
    """Return the n-th attacker's source address, 127.0.x.y."""
    return f"127.0.{10 + n // 250}.{1 + n % 250}"


def phone(ip: str) -> aiohttp.ClientSession:
    """Return a client session that connects from `ip` and keeps cookies like a browser."""
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(local_addr=(ip, 0), force_close=True),
        cookie_jar=aiohttp.CookieJar(unsafe=True),
        timeout=aiohttp.ClientTimeout(total=10),
    )


@pytest.fixture
async def served(store, workshop_id):
    """Start a real server; `served(caps=…, limits=…)` returns (server, base URL)."""
    started = []

    async def start(caps=None, limits=None, rate_limits=None):
        server = await start_participant_server(
            store,
            "127.0.0.1",
            0,
            workshop_id,
            moderator_secret=MOD_SECRET,
            rate_limits=rate_limits or RateLimits(),
            caps=caps,
            connection_limits=limits,
        )
        started.append(server)
        return server, f"http://127.0.0.1:{server.port}"

    yield start
    for server in started:
        await server.stop()


def submission(text: str = "Fachkräftemangel") -> dict:
    return {"client": str(uuid.uuid4()), "kind": "challenge", "text": text}


async def test_submission_caps_per_phone_address_and_item(
    served, store, workshop_id, code, collecting
):
    caps = Caps(submissions_per_phone=3, submissions_per_address=5, submissions_per_item=8)
    server, base = await served(caps=caps)
    url = f"{base}/api/submit?code={code}"
    async with phone(address(0)) as first:
        statuses = [(await first.post(url, json=submission())).status for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        refused = await first.post(url, json=submission())
        assert "schon 3 Beiträge" in (await refused.json())["error"]
    async with phone(address(0)) as same_address:  # a phone that dropped its cookie
        statuses = [(await same_address.post(url, json=submission())).status for _ in range(3)]
        assert statuses == [200, 200, 429]
        english = await same_address.post(url, json=submission(), headers={"Accept-Language": "en"})
        assert (
            "5 contributions already came from this connection" in (await english.json())["error"]
        )
    statuses = []
    for n in range(1, 6):
        async with phone(address(n)) as other:
            statuses.append((await other.post(url, json=submission())).status)
    assert statuses == [200, 200, 200, 409, 409]  # the block holds 8
    assert len(list_captures(store, workshop_id)) == 8
    assert server.refused == 2 + 2 + 2  # the app's Join screen shows this count


async def test_workshop_cap(served, store, workshop_id, code, collecting):
    server, base = await served(caps=Caps(submissions_per_workshop=2))
    async with phone(address(0)) as attacker:
        url = f"{base}/api/submit?code={code}"
        statuses = [(await attacker.post(url, json=submission())).status for _ in range(3)]
        assert statuses == [200, 200, 409]
        assert (
            "keine weiteren Beiträge"
            in (await (await attacker.post(url, json=submission())).json())["error"]
        )


async def test_flood_from_many_addresses_keeps_the_snapshot_small(
    served, store, workshop_id, code, collecting
):
    server, base = await served(caps=Caps(submissions_per_item=120))
    url = f"{base}/api/submit?code={code}"

    async def flood(n: int) -> list[int]:
        async with phone(address(n)) as attacker:
            return [
                (await attacker.post(url, json=submission(f"{n}-{i} " + "x" * 490))).status
                for i in range(4)
            ]

    statuses = [s for batch in await asyncio.gather(*(flood(n) for n in range(40))) for s in batch]
    assert statuses.count(200) == 120 and set(statuses) == {200, 409}
    update_item(store, collecting, collection_open=0, voting_open=1)
    async with phone(address(99)) as honest:
        state = await (await honest.get(f"{base}/api/state?code={code}")).read()
        assert len(state) < 8 * 1024  # no ballot in the snapshot: it does not grow with it
        assert json.loads(state)["current"]["ballot_size"] == 120
        entries, offset = [], 0
        while offset is not None:
            page = await (await honest.get(f"{base}/api/ballot?code={code}&offset={offset}")).json()
            assert len(page["entries"]) <= 50
            entries += page["entries"]
            offset = page["next"]
        assert len(entries) == 120
        update_item(store, collecting, voting_open=0, results_revealed=1)
        state = await (await honest.get(f"{base}/api/state?code={code}")).read()
        assert len(json.loads(state)["current"]["results"]) == 30 and len(state) < 256 * 1024


async def test_ballot_stuffing_is_refused(served, store, workshop_id, code, collecting):
    ids = [add_capture(store, workshop_id, "challenge", t, agenda_item_id=collecting) for t in "AB"]
    update_item(store, collecting, collection_open=0, voting_open=1, dot_budget=4)
    server, base = await served(caps=Caps(voters_per_address=3))
    url = f"{base}/api/vote?code={code}"
    ballot = {"item": collecting, "dots": {ids[0]: 2}}
    async with phone(address(0)) as stuffer:
        # no identity from this server: a script that never loaded the page
        refused = await stuffer.post(url, json={**ballot, "client": str(uuid.uuid4())})
        assert refused.status == 403 and "neu" in (await refused.json())["error"]
        await stuffer.get(f"{base}/j/{code}")
        assert (await stuffer.post(url, json=ballot)).status == 200
        assert (await stuffer.post(url, json=ballot)).status == 200  # the same voter again
        other = await stuffer.post(url, json={**ballot, "client": "f" * 32})  # naming another
        assert other.status == 403 and "eigenen Punkte" in (await other.json())["error"]
        stuffer.cookie_jar.clear()
        stuffer.cookie_jar.update_cookies({"facilitator_phone": "a" * 32 + "." + "0" * 24})
        assert (await stuffer.post(url, json=ballot)).status == 403  # a forged identity
    statuses = []
    for _ in range(4):  # fresh identities from one address: three voters at most
        async with phone(address(0)) as again:
            await again.get(f"{base}/j/{code}")
            statuses.append((await again.post(url, json=ballot)).status)
    assert statuses == [200, 200, 429, 429]
    voters = rows(store, "SELECT DISTINCT voter FROM vote WHERE dots > 0")
    assert len(voters) == 3
    assert sum(r["dots"] for r in rows(store, "SELECT dots FROM vote")) == 6


async def test_one_registration_per_person_and_few_people_per_phone(
    served, store, workshop_id, code
):
    server, base = await served()
    url = f"{base}/api/register?code={code}"
    async with phone(address(0)) as person:
        await person.get(f"{base}/j/{code}/register")
        for _ in range(2):  # registering again as the same person updates that person
            answer = await person.post(url, json={"name": "Erika Muster"})
            assert answer.status == 200
        assert len(list_participants(store, workshop_id)) == 1
        # colleagues sharing the phone are people of their own, up to a few
        for name in ("Hans Zeuge", "Ida Dritte"):
            assert (await person.post(url, json={"name": name})).status == 200
        refused = await person.post(url, json={"name": "Flut Vierte"})
        assert refused.status == 400 and "Moderation" in await refused.text()
    assert len(list_participants(store, workshop_id)) == 3
    async with phone(address(1)) as someone_else:
        await someone_else.post(url, json={"name": "Max Probe"})
    assert len(list_participants(store, workshop_id)) == 4


async def test_identity_cookie_is_httponly_strict_and_kept(served, code):
    server, base = await served()
    async with phone(address(0)) as person:
        first = await person.get(f"{base}/j/{code}")
        cookie = first.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        second = await person.get(f"{base}/j/{code}")
        assert "Set-Cookie" not in second.headers  # the same phone, the same identity


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
async def test_cross_site_posts_are_refused(served, store, workshop_id, code, collecting, headers):
    server, base = await served()
    async with phone(address(0)) as victim:
        for path, body in [
            ("submit", submission()),
            ("register", {"name": "Opfer"}),
            ("vote", {"dots": {}}),
        ]:
            answer = await victim.post(f"{base}/api/{path}?code={code}", json=body, headers=headers)
            assert answer.status == 403
            assert "anderen Seite" in (await answer.json())["error"]
        own = {"Origin": base, "Sec-Fetch-Site": "same-origin"}
        assert (
            await victim.post(f"{base}/api/submit?code={code}", json=submission(), headers=own)
        ).status == 200
    assert (
        len(list_captures(store, workshop_id)) == 1 and list_participants(store, workshop_id) == []
    )


async def _raw(ip: str, port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection("127.0.0.1", port, local_addr=(ip, 0))


async def _closed_within(reader: asyncio.StreamReader, seconds: float) -> bool:
    try:
        while await asyncio.wait_for(reader.read(4096), seconds):
            pass
        return True
    except ConnectionError:
        return True
    except TimeoutError:
        return False


async def test_idle_and_half_sent_connections_are_closed(served, code):
    server, base = await served(limits=ConnectionLimits(idle_seconds=1.0))
    silent = await _raw(address(0), server.port)
    half_line = await _raw(address(1), server.port)
    half_line[1].write(b"GET /api/sta")
    half_headers = await _raw(address(2), server.port)
    half_headers[1].write(f"GET /api/state?code={code} HTTP/1.1\r\nHost: x\r\n".encode())
    keep_alive = await _raw(address(3), server.port)
    keep_alive[1].write(f"GET /api/state?code={code} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    for reader, writer in (silent, half_line, half_headers, keep_alive):
        assert await _closed_within(reader, 4.0)
        writer.close()


async def test_slow_body_gets_408(served, code, collecting, monkeypatch):
    monkeypatch.setattr(forms_module, "BODY_SECONDS", 0.5)
    server, base = await served()
    reader, writer = await _raw(address(0), server.port)
    writer.write(
        f"POST /api/submit?code={code} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        'Content-Length: 100\r\n\r\n{"text":'.encode()
    )
    head = await asyncio.wait_for(reader.readline(), 5)
    assert b" 408 " in head
    writer.close()


async def test_connections_per_address_are_capped(served, code):
    server, base = await served(limits=ConnectionLimits(per_address=5))
    held = [await _raw(address(0), server.port) for _ in range(5)]
    extra_reader, extra_writer = await _raw(address(0), server.port)
    assert await _closed_within(extra_reader, 2.0)  # the sixth is refused at once
    async with phone(address(1)) as honest:  # everyone else still gets in
        assert (await honest.get(f"{base}/api/state?code={code}")).status == 200
    assert server.refused >= 1
    for _, writer in [*held, (extra_reader, extra_writer)]:
        writer.close()


async def test_streams_per_address_are_capped(served, code):
    server, base = await served(caps=Caps(streams_per_address=2))
    async with phone(address(0)) as greedy:
        streams = [await greedy.get(f"{base}/events?code={code}") for _ in range(2)]
        assert all(s.status == 200 for s in streams)
        third = await greedy.get(f"{base}/events?code={code}")
        assert third.status == 429 and "Verbindungen" in (await third.json())["error"]
        async with phone(address(1)) as honest:
            assert (await honest.get(f"{base}/events?code={code}")).status == 200
        for stream in streams:
            stream.close()


@pytest.mark.slow  # thousands of snapshots until the socket buffers are full
async def test_a_stream_that_is_not_read_is_dropped(
    served, store, workshop_id, code, collecting, monkeypatch
):
    monkeypatch.setattr(events_module, "MAX_UNSENT", 4096)
    monkeypatch.setattr(events_module, "WRITE_SECONDS", 0.5)
    monkeypatch.setattr(hub_module, "BROADCAST_SECONDS", 0.0)  # every change, at once
    server, base = await served()
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.bind((address(0), 0))
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", server.port))
    sock.send(f"GET /events?code={code} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    for _ in range(50):
        await asyncio.sleep(0.02)
        if server.phones_connected:
            break
    assert server.phones_connected == 1
    for n in range(3000):  # the moderators keep working; the phone never reads
        # the longest title there may be: a snapshot of a few KB each time
        update_item(store, collecting, title=f"Sammeln {n} " + "s" * 280)
        await asyncio.sleep(0.002)
        if server.phones_connected == 0:
            break
    assert server.phones_connected == 0  # dropped, not buffered for
    sock.close()


@pytest.mark.parametrize(
    "body,content_type",
    [
        (b'{"dots": {"x": Infinity}}', "application/json"),
        (b'{"dots": {"x": 1e400}}', "application/json"),
        (b'{"dots": {"x": 1.5}}', "application/json"),
        (b'{"dots": {"x": "\xef\xbc\x91"}}', "application/json"),  # a full-width digit
        (b'{"client": "\\ud800", "text": "\\ud800"}', "application/json"),
        (b"[" * 5000 + b"]" * 5000, "application/json"),
        (b"text=\xff\xfe&client=12345678", "application/x-www-form-urlencoded"),
        (b"\xff\xfe", "application/json"),
    ],
)
async def test_careless_or_hostile_bodies_get_400(
    served, store, workshop_id, code, collecting, body, content_type, caplog
):
    update_item(store, collecting, voting_open=1)
    server, base = await served()
    async with phone(address(0)) as attacker:
        await attacker.get(f"{base}/j/{code}")
        for path in ("vote", "submit", "register"):
            answer = await attacker.post(
                f"{base}/api/{path}?code={code}", data=body, headers={"Content-Type": content_type}
            )
            assert answer.status == 400, path
            # a form post gets a short page with a way back (issue 25.10), a script JSON
            assert len(await answer.read()) < (700 if "form" in content_type else 300)
    assert "Traceback" not in caplog.text and not [
        r for r in caplog.records if r.levelname == "ERROR"
    ]
    assert list_captures(store, workshop_id) == []


async def test_leftovers_answer_short_and_right(served, store, code):
    server, base = await served()
    async with phone(address(0)) as visitor:
        for path in ["/static/" + "a" * 300, "/static/nicht-da.js", "/static/%2e%2e%2fapp.py"]:
            answer = await visitor.get(base + path)
            assert answer.status == 404 and answer.content_type == "text/plain"
            assert await answer.text() == "Nicht gefunden."
        assert (await visitor.get(f"{base}/static/join.js")).status == 200
        ok = await visitor.get(f"{base}/j/{code}")
        assert ok.headers["Server"] == "facilitator"
        wrong = await visitor.get(f"{base}/mod/state", headers={"X-Moderator-Secret": "falsch"})
        assert wrong.status == 403
        message = (await wrong.json())["error"]
        assert message == "Moderationsschlüssel fehlt oder ist falsch." and "QR" not in message
        far = await visitor.get(f"{base}/api/ballot?code={code}&offset=1e23")
        assert far.status == 400


async def test_honest_phone_still_served_during_a_flood(
    served, store, workshop_id, code, collecting
):
    server, base = await served(caps=Caps(submissions_per_item=1000))
    url = f"{base}/api/submit?code={code}"

    async def attacker(n: int) -> None:
        async with phone(address(n)) as session:
            for _ in range(15):
                await session.post(url, json=submission())

    flood = asyncio.gather(*(attacker(n) for n in range(30)))
    async with phone(address(200)) as honest:
        for _ in range(10):
            answer = await honest.get(f"{base}/api/state?code={code}")
            assert answer.status == 200
        await flood
        answer = await honest.post(url, json=submission("ehrlich"))
        assert answer.status == 200, await answer.text()


async def test_idle_sockets_from_many_addresses_cannot_lock_phones_out(served, code):
    server, base = await served(limits=ConnectionLimits(per_address=4, total=12))
    idle = [await _raw(address(n % 6), server.port) for n in range(12)]  # every slot taken
    async with phone(address(50)) as honest:
        for _ in range(3):  # a new connection replaces the longest-idle one when full
            assert (await honest.get(f"{base}/api/state?code={code}")).status == 200
    assert await _closed_within(idle[0][0], 0.5)
    for _, writer in idle:
        writer.close()


async def test_a_link_from_another_site_keeps_the_phones_identity(served, code):
    server, base = await served()
    async with phone(address(0)) as person:
        # A link in a chat: the browser withholds the Strict cookie on that navigation.
        person.cookie_jar.clear()
        linked = await person.get(f"{base}/j/{code}", headers={"Sec-Fetch-Site": "cross-site"})
        assert linked.status == 200 and "Set-Cookie" not in linked.headers  # kept, not replaced
        typed = await person.get(f"{base}/j/{code}", headers={"Sec-Fetch-Site": "none"})
        assert "facilitator_phone=" in typed.headers["Set-Cookie"]  # a first visit: issued
