"""The sync client against a real sync server on loopback (in one event loop)."""

import asyncio

import pytest
from aiohttp import web
from sync_helpers import new_workshop, open_laptop, projection, serve_tls

from facilitator.store import sync_state
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.sync_state import get_peer
from facilitator.sync.client import SyncAuthError, SyncClient, SyncUnavailable, parse_peer_url
from facilitator.sync.pairing import pairing_code
from facilitator.sync.server import bound_port, start_sync_server
from tests.conftest import FakeClock, eventually


def _count_rounds(client: SyncClient) -> list[int]:
    """Count the client's rounds (run_forever calls run_once each time), as [n]."""
    rounds = [0]
    run_once = client.run_once

    async def counted() -> tuple[int, int]:
        rounds[0] += 1
        return await run_once()

    client.run_once = counted  # type: ignore[method-assign]
    return rounds


@pytest.fixture
async def laptops(tmp_path):
    """Laptop A serving on a free port with one workshop, laptop B empty."""
    a = open_laptop(tmp_path / "a.db", FakeClock())
    b = open_laptop(tmp_path / "b.db", FakeClock(1_796_000_000_500))
    workshop_id = new_workshop(a)
    runner = await start_sync_server(a, "127.0.0.1", 0)
    url = f"https://127.0.0.1:{bound_port(runner)}"
    yield a, b, workshop_id, url, runner
    await runner.cleanup()
    a.close()
    b.close()


async def test_one_round_pulls_and_pushes(laptops):
    a, b, ws, url, _ = laptops
    client = SyncClient(b, url, pairing_code(a))
    pulled, pushed = await client.run_once()
    assert pulled == a.version and pushed == 0
    add_capture(b, ws, "need", "Gemeinsame Cloud")
    add_capture(a, ws, "driver", "OZG-Druck")
    assert await client.run_once() == (1, 1)
    assert await client.run_once() == (0, 0)  # nothing new, nothing sent twice
    assert projection(a, ws) == projection(b, ws)
    peer = get_peer(b, a.node_id)
    assert peer.cursor == a.version and peer.pushed == b.version
    assert client.status.connected and client.status.behind == 0 and client.status.unsent == 0
    assert client.status.label == "Sync: verbunden"
    await client.close()


async def test_wrong_code_is_refused(laptops):
    a, b, ws, url, _ = laptops
    right = pairing_code(a)
    client = SyncClient(b, url, ("zzzz" if not right.startswith("zzzz") else "yyyy") + right[4:])
    with pytest.raises(SyncAuthError, match="Pairing-Code passt nicht"):
        await client.run_once()
    assert not client.status.connected
    assert b.version == 0
    await client.close()


async def test_cursor_and_ops_are_one_transaction(laptops, monkeypatch):
    a, b, ws, url, _ = laptops
    real = sync_state.insert_remote_ops

    def crash_after_insert(store, ops):
        real(store, ops)
        raise OSError("power cut")

    monkeypatch.setattr(sync_state, "insert_remote_ops", crash_after_insert)
    client = SyncClient(b, url, pairing_code(a))
    with pytest.raises(SyncUnavailable):
        await client.run_once()
    assert b.version == 0  # neither the ops …
    assert get_peer(b, a.node_id).cursor == 0  # … nor the cursor
    monkeypatch.setattr(sync_state, "insert_remote_ops", real)
    assert (await client.run_once())[0] == a.version
    await client.close()


async def test_peer_down_then_back(laptops):
    a, b, ws, url, runner = laptops
    port = int(url.rsplit(":", 1)[1])
    await runner.cleanup()  # A's server is gone
    client = SyncClient(b, url, pairing_code(a), timeout_s=1)
    with pytest.raises(SyncUnavailable, match="nicht erreichbar"):
        await client.run_once()
    assert client.status.label == "Sync: getrennt"
    attempts = _count_rounds(client)
    task = asyncio.create_task(client.run_forever(interval=0.05))
    await eventually(lambda: attempts[0] >= 3)
    assert not task.done()  # keeps trying, does not crash
    again = await start_sync_server(a, "127.0.0.1", port)
    try:
        await eventually(lambda: client.status.connected and b.version >= a.version)
        add_capture(b, ws, "question", "Wer hostet?")
        # pushed right away (woken by the commit)
        await eventually(lambda: len(list_captures(a, ws)) == 1)
        assert [c.text for c in list_captures(a, ws)] == ["Wer hostet?"]
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await again.cleanup()


@pytest.mark.parametrize(
    "answer",
    [
        lambda: web.Response(text="<html>Captive portal</html>"),
        lambda: web.json_response([1, 2, 3]),
        lambda: web.json_response({"node": "x", "ops": [{"uuid": 1}], "last": 3}),
        lambda: web.Response(status=500, text="kaputt"),
    ],
)
async def test_nonsense_answers_become_a_status_message(aiohttp_server, store, answer):
    async def reply(request):
        return answer()

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", reply)
    runner, url = await serve_tls(app, store)
    client = SyncClient(store, url, pairing_code(store))
    with pytest.raises(SyncUnavailable):
        await client.run_once()
    assert not client.status.connected and client.status.message
    attempts = _count_rounds(client)
    task = asyncio.create_task(client.run_forever(interval=0.02))
    await eventually(lambda: attempts[0] >= 3)
    assert not task.done()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await runner.cleanup()


def test_peer_url_forms():
    assert parse_peer_url("192.168.1.20:8765") == ("https://192.168.1.20:8765", None)
    assert parse_peer_url("http://laptop-a:8765/sync/?code=abc") == ("https://laptop-a:8765", "abc")
    with pytest.raises(Exception, match="keine Sync-Adresse"):
        parse_peer_url("ftp://x")


async def test_a_skewed_laptop_clock_is_shown(tmp_path):
    a = open_laptop(tmp_path / "a.db", FakeClock(1_796_000_000_000 + 37_000))
    b = open_laptop(tmp_path / "b.db", FakeClock())
    new_workshop(a)
    runner = await start_sync_server(a, "127.0.0.1", 0)
    client = SyncClient(b, f"https://127.0.0.1:{bound_port(runner)}", pairing_code(a))
    try:
        await client.run_once()
        assert client.status.clock_offset_ms == 37_000
        assert client.status.label == "Sync: verbunden · Uhren weichen 37 s ab"
    finally:
        await client.close()
        await runner.cleanup()


async def test_peer_restored_from_a_backup_gets_everything_again(laptops, tmp_path):
    import shutil

    a, b, ws, url, runner = laptops
    add_capture(a, ws, "need", "Vor der Sicherung")
    backup = tmp_path / "backup.db"
    a.conn.execute("PRAGMA wal_checkpoint(FULL)")
    shutil.copy(tmp_path / "a.db", backup)
    client = SyncClient(b, url, pairing_code(a))
    await client.run_once()
    add_capture(a, ws, "need", "Nach der Sicherung, verloren")
    await client.run_once()
    add_capture(b, ws, "idea", "Von B")
    await client.run_once()
    await client.close()
    await runner.cleanup()
    a.close()
    shutil.copy(backup, tmp_path / "a.db")  # A's disk died; the morning's backup is back
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"a.db{suffix}").unlink(missing_ok=True)
    restored = open_laptop(tmp_path / "a.db", FakeClock())
    runner = await start_sync_server(restored, "127.0.0.1", 0)
    client = SyncClient(b, f"https://127.0.0.1:{bound_port(runner)}", pairing_code(restored))
    try:
        add_capture(restored, ws, "driver", "Nach der Wiederherstellung")
        await client.run_once()
        print(
            "R",
            [c.text for c in list_captures(restored, ws)],
            "B",
            [c.text for c in list_captures(b, ws)],
        )
        assert projection(restored, ws) == projection(b, ws)
        assert len(list_captures(b, ws)) == 4
    finally:
        await client.close()
        await runner.cleanup()
        restored.close()


async def test_idle_polls_do_not_write(laptops):
    a, b, ws, url, _ = laptops
    client = SyncClient(b, url, pairing_code(a))
    await client.run_once()
    changes = b.conn.total_changes
    for _ in range(3):
        assert await client.run_once() == (0, 0)
    assert b.conn.total_changes == changes  # no write transaction, no fsync every tick
    await client.close()


async def test_wrong_address_says_so(aiohttp_server, store):
    runner, url = await serve_tls(web.Application(), store)  # another web server: 404s
    client = SyncClient(store, url, pairing_code(store))
    with pytest.raises(SyncUnavailable, match="antwortet kein facilitator-Sync"):
        await client.run_once()
    await client.close()
    await runner.cleanup()


async def test_run_forever_reports_changes(laptops):
    a, b, ws, url, _ = laptops
    heard = []
    client = SyncClient(
        b,
        url,
        pairing_code(a),
        on_change=lambda status, pulled, pushed: heard.append((status.connected, pulled, pushed)),
    )
    task = asyncio.create_task(client.run_forever(interval=0.05))
    try:
        await eventually(lambda: heard)
        add_capture(a, ws, "need", "Neu auf A")
        await eventually(lambda: len(heard) >= 2)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert heard[0] == (True, a.version - 1, 0)
    assert heard[1] == (True, 1, 0)
    assert len(heard) == 2  # quiet rounds are not reported


def test_push_bodies_stay_under_the_server_limit_in_bytes():
    from facilitator.core.hlc import format_hlc
    from facilitator.store.db import Op
    from facilitator.sync.client import _chunks
    from facilitator.sync.routes import MAX_PUSH_BYTES

    wide = "数字化🙂" * 2400  # 4 bytes per character for the emoji, 3 for the rest
    ops = [
        Op(
            0,
            f"u{n}",
            format_hlc(n + 1, 0),
            "b",
            "capture.add",
            "w",
            {"id": f"c{n}", "text": wide},
            "",
        )
        for n in range(600)
    ]
    bodies = _chunks("b", ops)
    assert len(bodies) > 1 and all(len(body) <= MAX_PUSH_BYTES for body in bodies)
    import json

    assert sum(len(json.loads(body)["ops"]) for body in bodies) == 600
