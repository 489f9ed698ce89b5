"""Tests a QR-scan burst of streams on a real server: one encoding of the snapshot for all.

The first event is most of a stream's cost: a few hundred phones open their streams
within a second, and each used to encode the whole snapshot again.
"""

import asyncio
import json

import pytest

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


async def _first_event(base: str, code: str, ip: str) -> dict:
    async with phone(ip) as session:
        async with session.get(f"{base}/events?code={code}") as stream:
            assert stream.status == 200
            assert await stream.content.readline() == b"retry: 2000\n"
            assert await stream.content.readline() == b"\n"
            line = await stream.content.readline()
            assert line.startswith(b"data: ")
            return json.loads(line[len(b"data: ") :])


async def test_a_burst_of_streams_shares_one_encoding_with_a_fresh_clock(
    served,  # noqa: F811 - the fixture
    store,
    workshop_id,
    code,
    clock,
) -> None:
    server, base = await served()
    hub = server.app[HUB]
    before = hub.first_events_encoded
    events = await asyncio.gather(*(_first_event(base, code, address(n)) for n in range(60)))
    assert hub.first_events_encoded == before + 1
    assert {e["version"] for e in events} == {store.version}
    title = store.conn.execute("SELECT title FROM workshop WHERE id = ?", [workshop_id]).fetchone()
    assert all(e["workshop"]["title"] == title[0] for e in events)
    # the bytes are shared, the server's clock is not: a phone's timer needs it fresh
    clock.advance(seconds=90)
    later = await _first_event(base, code, address(61))
    assert hub.first_events_encoded == before + 1
    assert later["server_ms"] == clock.ms
    assert {k: v for k, v in later.items() if k != "server_ms"} == {
        k: v for k, v in events[0].items() if k != "server_ms"
    }
