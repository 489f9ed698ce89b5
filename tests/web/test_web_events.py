"""Tests the live stream: snapshot on connect and on change, keep-alive, quick shutdown."""

import asyncio
import json
import time
import uuid

import aiohttp

from facilitator.net import lan_addresses
from facilitator.store.agenda import update_item
from facilitator.store.captures import add_capture
from facilitator.store.timer import advance, start_or_pause
from facilitator.web import hub as hub_module
from facilitator.web.caps import Caps
from facilitator.web.gate import ConnectionLimits
from facilitator.web.runner import start_participant_server
from facilitator.web.security import RateLimits
from tests.conftest import eventually


async def next_event(response) -> dict | str:
    """Return the next SSE data (parsed) or comment, skipping blank lines and `retry:`."""
    while True:
        raw = await asyncio.wait_for(response.content.readline(), 5)
        assert raw, "the stream ended"
        line = raw.decode().rstrip("\n")
        if line.startswith("data: "):
            return json.loads(line[6:])
        if line.startswith(":"):
            return line


async def test_snapshot_on_connect_and_on_every_change(client, code, store, workshop_id):
    response = await client.get(f"/events?code={code}")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    first = await next_event(response)
    assert first["version"] == store.version and first["current"] is None
    start_or_pause(store, workshop_id)  # the moderator starts the workshop
    second = await next_event(response)
    assert second["version"] == store.version > first["version"]
    assert second["current"]["title"] == "Ankommen und Kaffee"
    advance(store, workshop_id)
    third = await next_event(response)
    assert third["current"]["title"] == "Begrüßung und Ziele"
    assert [i["state"] for i in third["agenda"][:2]] == ["done", "running"]
    response.close()


async def test_one_snapshot_per_version_for_all_streams(
    make_client, code, store, workshop_id, monkeypatch
):
    client = await make_client(caps=Caps(streams_per_address=5))
    built = []
    real = hub_module.build_snapshot
    monkeypatch.setattr(hub_module, "build_snapshot", lambda *a: built.append(a[-1]) or real(*a))
    streams = [await client.get(f"/events?code={code}") for _ in range(5)]
    for stream in streams:
        await next_event(stream)
    built.clear()
    start_or_pause(store, workshop_id)
    versions = [(await next_event(s))["version"] for s in streams]
    assert len(set(versions)) == 1 and built == [versions[0]]  # built once, sent five times
    for stream in streams:
        stream.close()


async def test_writes_from_another_thread_arrive(client, code, store, workshop_id, collecting):
    response = await client.get(f"/events?code={code}")
    await next_event(response)
    await asyncio.to_thread(
        add_capture, store, workshop_id, "need", "aus dem Thread", agenda_item_id=collecting
    )
    snap = await next_event(response)
    assert snap["version"] == store.version
    response.close()


async def test_keep_alive_comments(client, code, monkeypatch):
    monkeypatch.setattr(hub_module, "KEEP_ALIVE_SECONDS", 0.05)
    monkeypatch.setattr(hub_module, "WATCH_SECONDS", 0.05)
    response = await client.get(f"/events?code={code}")
    await next_event(response)
    assert await next_event(response) == ": keep-alive"
    response.close()


async def test_shutdown_with_phones_connected_is_quick(store, workshop_id, code):
    server = await start_participant_server(
        store,
        "127.0.0.1",
        0,
        workshop_id,
        rate_limits=RateLimits(enabled=False),
        caps=Caps(streams_per_address=20),
        connection_limits=ConnectionLimits(per_address=40),
    )
    url = server.join_urls(code)[0]
    assert url.startswith("http://127.0.0.1:") and url.endswith(f"/j/{code}")
    base = url.split("/j/")[0]
    async with aiohttp.ClientSession() as session:
        streams = [await session.get(f"{base}/events?code={code}") for _ in range(20)]
        for stream in streams:
            await next_event(stream)
        assert server.phones_connected == 20
        streams[0].close()
        await eventually(lambda: server.phones_connected == 19)
        # Open streams must not hold the shutdown up (aiohttp would wait 60 s for them).
        await asyncio.wait_for(server.stop(), 10)
        for stream in streams[1:]:  # every phone's stream ended
            assert (await asyncio.wait_for(stream.content.read(), 2)).strip() == b""
        assert server.phones_connected == 0


async def test_join_urls_on_all_addresses(store, workshop_id, code):
    server = await start_participant_server(store, "0.0.0.0", 0, workshop_id)
    try:
        urls = server.join_urls(code)
        assert urls == [f"http://{a}:{server.port}/j/{code}" for a in lan_addresses()]
        async with aiohttp.ClientSession() as session:
            response = await session.get(f"http://127.0.0.1:{server.port}/j/{code}")
            assert response.status == 200
    finally:
        await server.stop()


async def test_submission_pushes_to_streams(client, code, store, workshop_id, collecting):
    response = await client.get(f"/events?code={code}")
    await next_event(response)
    update_item(store, collecting, voting_open=1)
    assert (await next_event(response))["current"]["voting_open"] is True
    posted = await client.post(
        f"/api/submit?code={code}", json={"client": str(uuid.uuid4()), "text": "neu"}
    )
    version = (await posted.json())["version"]
    snap = await next_event(response)
    assert snap["version"] == version and snap["current"]["ballot_size"] == 1
    ballot = await (await client.get(f"/api/ballot?code={code}")).json()
    assert [b["text"] for b in ballot["entries"]] == ["neu"] and ballot["key"] == snap["current"][
        "ballot_key"
    ]
    response.close()


async def test_a_burst_of_writes_is_one_broadcast_per_interval(
    client, code, store, workshop_id, collecting, monkeypatch
):
    monkeypatch.setattr(hub_module, "BROADCAST_SECONDS", 0.5)
    response = await client.get(f"/events?code={code}")
    await next_event(response)
    started = time.monotonic()
    for n in range(20):  # a flood of accepted writes within 0.2 s
        add_capture(store, workshop_id, "need", f"Flut {n}", agenda_item_id=collecting)
        await asyncio.sleep(0.01)
    received = []

    async def read() -> None:
        while True:
            received.append(await next_event(response))

    reader = asyncio.create_task(read())
    await asyncio.sleep(1.0 - (time.monotonic() - started))
    reader.cancel()
    await asyncio.gather(reader, return_exceptions=True)
    assert 1 <= len(received) <= 3  # not twenty snapshots to every phone
    assert received[-1]["version"] == store.version  # the last change arrives
    response.close()
