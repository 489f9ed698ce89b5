"""Forged ops replayed through a real sync server on 127.0.0.1 (push and pull): each is
refused by name, and nothing of its batch reaches the op log or a projection."""

import io
import json

import aiohttp
import pytest
from hostile_ops import FORGED, op
from sync_helpers import new_workshop, open_laptop

from facilitator.core.hlc import format_hlc
from facilitator.store.agenda import list_items
from facilitator.store.captures import list_captures
from facilitator.store.oplog import op_to_dict, ops_after
from facilitator.sync.client import SyncClient, SyncUnavailable
from facilitator.sync.pairing import pairing_code
from facilitator.sync.routes import CODE_HEADER
from facilitator.sync.server import bound_port, start_sync_server
from tests.conftest import FakeClock
from tests.sync.sync_helpers import sync_key as sync_code


@pytest.fixture
async def served(store, workshop_id):
    runner = await start_sync_server(store, "127.0.0.1", 0)
    yield f"https://127.0.0.1:{bound_port(runner)}"
    await runner.cleanup()


async def _push(url: str, code: str, ops: list[dict], source: str = "127.0.0.1"):
    connector = aiohttp.TCPConnector(local_addr=(source, 0), ssl=False)  # a forger pins nothing
    async with aiohttp.ClientSession(connector=connector) as session:
        body = json.dumps({"node": "forger", "ops": ops})  # escapes: lone surrogates travel
        async with session.post(
            url + "/sync/ops",
            data=body.encode(),
            headers={CODE_HEADER: code, "Content-Type": "application/json"},
        ) as response:
            return response.status, await response.json()


def _good_capture(workshop_id: str, now_ms: int) -> dict:
    return op(
        "capture.add",
        {"id": "good-1", "workshop_id": workshop_id, "kind": "idea", "text": "Gute Idee"},
        workshop_id,
        format_hlc(now_ms - 2000, 0),
    )


@pytest.mark.parametrize("case", sorted(FORGED))
async def test_a_pushed_forged_op_is_refused_by_name(case, store, workshop_id, clock, served):
    item = list_items(store, workshop_id)[0].id
    forged = FORGED[case](workshop_id, item, clock.ms)
    before = store.version
    number = sorted(FORGED).index(case)
    status, answer = await _push(
        served,
        sync_code(store),
        [_good_capture(workshop_id, clock.ms), forged],
        source=f"127.0.{number // 200}.{number % 200 + 10}",
    )
    assert status == 400, answer
    assert forged["uuid"] in answer["error"]
    assert store.version == before  # nothing of the batch, not even the good op
    assert [c.text for c in list_captures(store, workshop_id)] == []


@pytest.mark.parametrize("case", sorted(FORGED))
async def test_a_pulled_forged_op_is_refused_by_name(case, tmp_path):
    a = open_laptop(tmp_path / "a.db", FakeClock())
    b = open_laptop(tmp_path / "b.db", FakeClock())
    workshop_id = new_workshop(a)
    forged = FORGED[case](workshop_id, list_items(a, workshop_id)[0].id, a.now_ms())
    # the peer's database holds it already (an older version let it in)
    a.conn.execute(
        "INSERT INTO op(uuid, hlc, node, kind, workshop_id, payload, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            forged["uuid"],
            forged["hlc"],
            forged["node"],
            forged["kind"],
            forged["workshop_id"],
            json.dumps(forged["payload"]),
            forged["created_at"],
        ],
    )
    runner = await start_sync_server(a, "127.0.0.1", 0)
    client = SyncClient(b, f"https://127.0.0.1:{bound_port(runner)}", pairing_code(a))
    try:
        with pytest.raises(SyncUnavailable, match=forged["uuid"]):
            await client.run_once()
        assert forged["uuid"] in client.status.message
        # refused with its batch (a 7 MB op comes in a batch of its own)
        assert forged["uuid"] not in {o.uuid for o in ops_after(b, 0, 10**9)}
        assert list_captures(b, workshop_id) == []
    finally:
        await client.close()
        await runner.cleanup()
        a.close()
        b.close()


async def test_a_push_the_peer_refuses_is_reported_by_the_client(tmp_path, workshop_id, store):
    """The pushing laptop shows the refusal (naming the op), not 'error 400'."""
    b = open_laptop(tmp_path / "b.db", FakeClock())
    runner = await start_sync_server(store, "127.0.0.1", 0)
    client = SyncClient(b, f"https://127.0.0.1:{bound_port(runner)}", pairing_code(store))
    try:
        await client.run_once()
        # an old version let a bad value into b's own log: b pushes it
        b.conn.execute(
            "UPDATE op SET payload = json_set(payload, '$.minutes', 'abc') "
            "WHERE seq = (SELECT max(seq) FROM op)"
        )
        from facilitator.store.agenda import update_item

        update_item(b, list_items(b, workshop_id)[0].id, minutes=7)
        bad = ops_after(b, b.version - 1)[0]
        b.conn.execute(
            "UPDATE op SET payload = json_set(payload, '$.minutes', 'abc') WHERE uuid = ?",
            [bad.uuid],
        )
        with pytest.raises(SyncUnavailable, match=f"lehnt ab: Op {bad.uuid}"):
            await client.run_once()
    finally:
        await client.close()
        await runner.cleanup()
        b.close()


async def test_control_characters_in_pushed_text_are_stripped(store, workshop_id, clock, served):
    good = _good_capture(workshop_id, clock.ms)
    good["payload"]["text"] = "Ampel\x1b[31m\x00schaltung\x07\nzweite Zeile\x85"
    good["payload"]["author"] = "Eve\x01\x9b"
    status, answer = await _push(served, sync_code(store), [good])
    assert status == 200, answer
    [capture] = list_captures(store, workshop_id)
    assert capture.text == "Ampel[31mschaltung\nzweite Zeile"
    assert capture.author == "Eve"
    stored = ops_after(store, store.version - 1)[0]
    assert stored.payload["text"] == capture.text  # the op log holds the cleaned text too


async def test_a_clock_a_little_ahead_is_accepted(store, workshop_id, clock, served):
    """Laptop clocks drift by seconds or a minute: that must still sync."""
    ahead = _good_capture(workshop_id, clock.ms)
    ahead["hlc"] = format_hlc(clock.ms + 2 * 60 * 1000, 0)
    status, answer = await _push(served, sync_code(store), [ahead])
    assert status == 200, answer
    assert [c.text for c in list_captures(store, workshop_id)] == ["Gute Idee"]
    assert op_to_dict(ops_after(store, store.version - 1)[0])["hlc"] == ahead["hlc"]


@pytest.mark.parametrize("node", ["\ud800", "a" * 100_000, "", "evil node\x1b"])
async def test_a_push_from_a_node_with_no_valid_id_is_refused(node, store, served):
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as session:
        body = json.dumps({"node": node, "ops": []}).encode()  # \ud800 travels as an escape
        async with session.post(
            served + "/sync/ops",
            data=body,
            headers={CODE_HEADER: sync_code(store), "Content-Type": "application/json"},
        ) as response:
            assert response.status == 400
            assert "Kennung" in (await response.json())["error"]
    assert store.conn.execute("SELECT count(*) FROM sync_peer").fetchone()[0] == 0


async def test_a_refused_op_with_a_broken_uuid_is_named_cleanly(store, workshop_id, clock, served):
    forged = _good_capture(workshop_id, clock.ms)
    forged["uuid"] = "\ud800forged\x1b"
    status, answer = await _push(served, sync_code(store), [forged])
    assert status == 400
    assert answer["error"].startswith("Op forged (capture.add) abgelehnt")


async def test_a_push_of_5000_deep_json_is_a_400(store, served):
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as session:
        async with session.post(
            served + "/sync/ops",
            data=("[" * 5000 + "]" * 5000).encode(),
            headers={CODE_HEADER: sync_code(store), "Content-Type": "application/json"},
        ) as response:
            assert response.status == 400


@pytest.mark.parametrize("after", ["1e23", str(10**23), "-1", "١١"])
async def test_a_pull_cursor_out_of_range_is_a_400(after, store, served):
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as session:
        async with session.get(
            served + "/sync/ops", params={"after": after}, headers={CODE_HEADER: sync_code(store)}
        ) as response:
            assert response.status == 400


async def test_a_pulled_answer_of_5000_deep_json_is_refused_in_one_sentence(tmp_path):
    from aiohttp import web

    from tests.sync.sync_helpers import serve_tls

    hostile = open_laptop(tmp_path / "hostile.db", FakeClock())
    honest = open_laptop(tmp_path / "honest.db", FakeClock())

    async def hello(request: web.Request) -> web.Response:
        return web.json_response({"app": "facilitator", "protocol": 2, "node": "n" * 12})

    async def ops(request: web.Request) -> web.Response:
        return web.Response(body=b"[" * 5000 + b"]" * 5000, content_type="application/json")

    app = web.Application()
    app.router.add_get("/sync/hello", hello)
    app.router.add_get("/sync/ops", ops)
    runner, url = await serve_tls(app, hostile)
    client = SyncClient(honest, url, pairing_code(hostile))
    version = honest.version
    try:
        with pytest.raises(SyncUnavailable):
            await client.run_once()
        assert "unverständlich" in client.status.message
        assert honest.version == version
    finally:
        await client.close()
        await runner.cleanup()
        hostile.close()
        honest.close()


@pytest.mark.parametrize("path", ["/sync/pair/start", "/sync/pair/finish"])
async def test_a_pairing_request_of_deep_json_is_a_400(path, store, served):
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as session:
        async with session.post(
            served + path,
            data=("[" * 2000 + "]" * 2000).encode(),
            headers={"Content-Type": "application/json"},
        ) as response:
            assert response.status == 400


# the field rules take a size in digits too: what was verified must not depend on its spelling
# (each case another photo: what one verified, the process remembers by content)
@pytest.mark.parametrize("size", [(640, 480), ("320", "240")])
async def test_a_pushed_photo_is_verified_in_a_child_while_the_loop_serves(
    size, store, workshop_id, clock, served, tmp_path, monkeypatch
):
    import asyncio
    import base64
    import time

    from PIL import Image

    from facilitator.store import photo_image
    from facilitator.store.photos import add_photo, list_photos, photo_jpeg
    from tests.store.test_photo_hardening import gps_jpeg

    # a photo of the other laptop, its bytes swapped for a camera's (GPS in its EXIF)
    other = open_laptop(tmp_path / "other.db", FakeClock())
    other_workshop = new_workshop(other)
    add_photo(other, other_workshop, gps_jpeg((int(size[0]), int(size[1]))), name="Flipchart")
    (made,) = [o for o in ops_after(other, 0, 10**6) if o.kind == "photo.add"]
    forged = op_to_dict(made)
    forged["workshop_id"] = workshop_id
    forged["payload"] |= {
        "workshop_id": workshop_id,
        "jpeg": base64.b64encode(gps_jpeg((int(size[0]), int(size[1])))).decode(),
        "width": size[0],
        "height": size[1],
    }
    other.close()
    # a decoder held up in this process would hold every phone of this laptop
    slow = photo_image.verify_jpeg

    def held_up(*args, **kwargs):
        time.sleep(5)
        return slow(*args, **kwargs)

    monkeypatch.setattr(photo_image, "verify_jpeg", held_up)
    longest, running = 0.0, True

    async def tick() -> None:
        nonlocal longest
        last = time.monotonic()
        while running:
            await asyncio.sleep(0.02)
            now = time.monotonic()
            longest, last = max(longest, now - last), now

    ticker = asyncio.create_task(tick())
    try:
        status, answer = await _push(served, sync_code(store), [forged])
    finally:
        running = False
        await ticker
    assert status == 200, answer
    assert longest < 2.0, longest
    (photo,) = list_photos(store, workshop_id)
    stored = photo_jpeg(store, photo.id)
    assert b"Exif" not in stored and b"GPSLatitude" not in stored
    assert Image.open(io.BytesIO(stored)).size == (int(size[0]), int(size[1]))
