"""Tests the open activity's per-phone forms on a real server: read once per version.

A room of phones refetches its form whenever the activity changes; each request
used to read the open activity, the phone's answer and the ballot entries, render
the form, and ask the op log for its newest seq twice.
"""

import asyncio
import re

import pytest

from facilitator.store.activities import answer_activity, start_activity
from facilitator.store.captures import add_capture
from facilitator.web import hub as hub_module
from facilitator.web.keys import HUB
from tests.web.test_web_hostile import (  # noqa: F401 - served is a fixture
    _loopback_aliases_work,
    address,
    phone,
    served,
)

pytestmark = pytest.mark.skipif(
    not _loopback_aliases_work(), reason="needs 127.0.x.y source addresses"
)


def _count_statements(store, needle: str) -> list[str]:
    seen: list[str] = []
    store.conn.set_trace_callback(lambda sql: seen.append(sql) if needle in sql else None)
    return seen


async def _fragment(base: str, code: str, ip: str) -> tuple[str, str]:
    """Return (this phone's cookie identity, its activity fragment)."""
    async with phone(ip) as session:
        await session.get(f"{base}/j/{code}")
        cookie = next(c.value for c in session.cookie_jar)
        response = await session.get(f"{base}/j/{code}/activity")
        assert response.status == 200
        return cookie.split(".")[0], await response.text()


async def test_a_room_refetching_the_dot_vote_costs_one_rendering_and_no_version_query(
    served,  # noqa: F811 - the fixture
    store,
    workshop_id,
    code,
    monkeypatch,
) -> None:
    # The hub's own watcher asks for the version once a second (other processes may
    # write); on a busy machine the 40 requests outlast a tick. Only requests count here.
    monkeypatch.setattr(hub_module, "WATCH_SECONDS", 3600)
    monkeypatch.setattr(hub_module, "KEEP_ALIVE_SECONDS", 3600)
    server, base = await served()
    hub = server.app[HUB]
    entries = [add_capture(store, workshop_id, "need", f"Bedarf {n}") for n in range(12)]
    activity = start_activity(store, workshop_id, "dots", "Punkte", {"ballot": entries})
    answer_activity(store, workshop_id, activity, "a" * 32, {f"d.{entries[0]}": "2"})
    await _fragment(base, code, address(0))  # the version's first request reads it
    renders = hub.forms.renders
    versions = _count_statements(store, "max(seq)")
    try:
        fetched = await asyncio.gather(*(_fragment(base, code, address(n)) for n in range(1, 41)))
    finally:
        store.conn.set_trace_callback(None)
    assert versions == []  # no request asked the op log for its version
    assert hub.forms.renders == renders  # every phone without an answer got the one rendering
    for voter, html in fetched:
        # each form carries its own phone's identity, and all twelve entries
        assert re.findall(r'name="client" value="([^"]+)"', html) == [voter]
        assert html.count('type="number"') == 12
    assert len({voter for voter, _ in fetched}) == 40


async def test_a_phone_sees_its_own_answer_and_a_change_at_once(
    served,  # noqa: F811
    store,
    workshop_id,
    code,
) -> None:
    _, base = await served()
    entries = [add_capture(store, workshop_id, "need", f"Bedarf {n}") for n in range(3)]
    activity = start_activity(store, workshop_id, "dots", "Punkte", {"ballot": entries})
    async with phone(address(0)) as session:
        await session.get(f"{base}/j/{code}")
        answer = await session.post(
            f"{base}/api/activity?code={code}",
            data={"activity": activity, f"d.{entries[1]}": "2"},
            headers={"Accept": "application/json"},
        )
        assert answer.status == 200
        html = await (await session.get(f"{base}/j/{code}/activity")).text()
        assert re.search(rf'name="d.{entries[1]}"[^>]*value="2"', html)
        other = await _fragment(base, code, address(1))
        assert not re.search(r'value="2"', other[1])
