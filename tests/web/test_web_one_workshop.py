"""One session, one workshop: the projector and phones stay on the chosen workshop."""

import asyncio
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from facilitator.store.session import remember_workshop, session_workshop
from facilitator.store.timer import start_or_pause
from facilitator.store.workshops import create_workshop, get_workshop, list_workshops
from facilitator.web.app import create_app
from facilitator.web.keys import HUB
from facilitator.web.projector import projector_path
from facilitator.web.security import RateLimits
from tests.conftest import cli_env, create_test_workshop


def _second(store) -> str:
    return create_workshop(store, "Zweiter Workshop Ulm", None, date="2026-12-09")


async def _client(aiohttp_client, store, workshop_id):
    app = create_app(store, workshop_id=workshop_id, rate_limits=RateLimits(enabled=False))
    return await aiohttp_client(app)


async def test_a_new_workshop_does_not_take_the_projector_or_phones(
    aiohttp_client, store, workshop_id
) -> None:
    client = await _client(aiohttp_client, store, workshop_id)
    first = get_workshop(store, workshop_id)
    other = get_workshop(store, _second(store))  # as `new` (or sync) would
    html = await (await client.get(projector_path(store))).text()
    assert "Vernetzungsworkshop Esslingen" in html and f"/j/{first.join_code}" in html
    assert "Zweiter Workshop Ulm" not in html and other.join_code not in html
    # the newer workshop's code opens nothing on this session's server
    assert (await client.get(f"/j/{other.join_code}")).status == 403
    assert (await client.get(f"/j/{first.join_code}")).status == 200


async def test_the_projector_follows_an_explicit_switch(aiohttp_client, store, workshop_id):
    client = await _client(aiohttp_client, store, workshop_id)
    other = _second(store)
    response = await client.get(projector_path(store) + "/events")

    async def next_stage() -> str:
        while True:
            line = (await response.content.readline()).decode()
            if line.startswith("data: "):
                return json.loads(line[6:])["html"]

    assert "Vernetzungsworkshop Esslingen" in await asyncio.wait_for(next_stage(), 5)
    client.server.app[HUB].follow(other)  # as the app does when F2 opens another
    assert "Zweiter Workshop Ulm" in await asyncio.wait_for(next_stage(), 5)
    response.close()
    code = get_workshop(store, other).join_code
    assert (await client.get(f"/j/{code}")).status == 200


def test_workshops_made_in_the_same_millisecond_keep_their_order(store) -> None:
    # the test clock stands still: every workshop has the same created_at
    made = [create_workshop(store, f"Workshop {n}", None) for n in range(5)]
    assert len({w["created_at"] for w in list_workshops(store)}) == 1
    assert [w["id"] for w in list_workshops(store)] == made[::-1]
    assert "." in list_workshops(store)[0]["created_at"]  # milliseconds, not seconds


def test_the_session_returns_to_the_running_timer(store) -> None:
    running = create_test_workshop(store)
    start_or_pause(store, running)
    later = _second(store)  # newer, created (or synced) after the timer started
    assert list_workshops(store)[0]["id"] == later
    assert session_workshop(store).id == running
    start_or_pause(store, running)  # paused mid-block: still the one to return to
    assert session_workshop(store).id == running


def test_without_a_timer_the_session_returns_to_the_last_opened(store) -> None:
    opened = create_test_workshop(store)
    newest = _second(store)
    assert session_workshop(store).id == newest
    remember_workshop(store, opened)
    assert session_workshop(store).id == opened
    assert session_workshop(store, newest[:8]).id == newest  # an explicit choice wins


@pytest.mark.slow
def test_serve_after_a_crash_shows_the_running_workshop(store, db_path) -> None:
    """A restart (`serve` without -w) serves the workshop whose timer ran, not the newest."""
    from tests.web.test_web_cli import free_port

    running = get_workshop(store, create_test_workshop(store))
    start_or_pause(store, running.id)
    newest = get_workshop(store, _second(store))
    path = projector_path(store)
    store.close()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=cli_env(db_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        deadline, seen = time.monotonic() + 30, ""
        while time.monotonic() < deadline and "Beamer:" not in seen:
            seen += process.stdout.readline()
        assert running.title in seen and newest.title not in seen
        base = f"http://127.0.0.1:{port}"
        page = urllib.request.urlopen(base + path, timeout=10).read().decode()
        assert 'id="timer"' in page  # the running block of the first workshop
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/j/{newest.join_code}", timeout=10)
        assert refused.value.code == 403
    finally:
        process.kill()
        process.wait()


async def test_a_workshop_synced_from_the_other_laptop_does_not_take_the_projector(
    aiohttp_client, tmp_path, store, workshop_id
) -> None:
    from facilitator.store import open_store
    from facilitator.store.oplog import insert_remote_ops, ops_after
    from tests.conftest import FakeClock

    client = await _client(aiohttp_client, store, workshop_id)
    start_or_pause(store, workshop_id)
    later = FakeClock(1_796_000_060_000)  # a minute later than this laptop
    other_laptop = open_store(tmp_path / "b.db", now_ms=later)
    try:
        synced = create_workshop(other_laptop, "Workshop vom Laptop B", None)
        insert_remote_ops(store, ops_after(other_laptop, 0, 10**9))
    finally:
        other_laptop.close()
    assert list_workshops(store)[0]["id"] == synced  # the newest now
    html = await (await client.get(projector_path(store))).text()
    assert 'id="timer"' in html and "Workshop vom Laptop B" not in html
    assert session_workshop(store).id == workshop_id  # and a restart stays too
