"""Tests the sync port against a flood of idle connections, beside a real phone server.

Both servers run in this process as the app runs them, with a descriptor limit a
laptop may well have; the attacker is another process (its sockets are its own) that
holds about 2,000 idle connections to the sync port from one and from many 127.0.x.y
addresses. Honest phones must load the join page all the while.
"""

import asyncio
import contextlib
import socket
import subprocess
import sys
import textwrap

import aiohttp
import pytest

from facilitator.store.workshops import get_workshop
from facilitator.sync.listener import SyncLimits
from facilitator.sync.server import start_sync_server
from facilitator.web import runner as runner_module
from facilitator.web.runner import start_participant_server

resource = pytest.importorskip("resource")  # the descriptor limit is a POSIX notion


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

ATTACKER = textwrap.dedent(
    """
    import asyncio, resource, sys
    port, count = int(sys.argv[1]), int(sys.argv[2])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 256), hard))

    async def one(n):
        # half from one address, the rest from 200 others
        ip = "127.0.9.9" if n % 2 else f"127.0.{20 + n % 200 // 250}.{1 + n % 200}"
        try:
            return await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", port, local_addr=(ip, 0)), 5)
        except (OSError, asyncio.TimeoutError):
            return None

    async def main():
        held = []
        for start in range(0, count, 200):
            held += await asyncio.gather(*(one(n) for n in range(start, min(count, start + 200))))
        print("ready", sum(1 for h in held if h), flush=True)
        await asyncio.sleep(60)

    asyncio.run(main())
    """
)

DESCRIPTORS = 1536  # a laptop's soft limit may be 1024 to 2048 (macOS: 256 until raised)


@pytest.fixture
def small_descriptor_limit(monkeypatch):
    """Run the servers under a soft limit of DESCRIPTORS (restored afterwards)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(DESCRIPTORS, hard), hard))
    monkeypatch.setattr(runner_module, "raise_descriptor_limit", lambda: DESCRIPTORS)
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


async def test_idle_sync_connections_lock_out_no_phone(store, workshop_id, small_descriptor_limit):
    phones = await start_participant_server(store, "127.0.0.1", 0, workshop_id)
    sync = await start_sync_server(store, "127.0.0.1", 0)
    attacker = subprocess.Popen(
        [sys.executable, "-c", ATTACKER, str(sync.port), "2000"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = await asyncio.to_thread(attacker.stdout.readline)
        assert line.startswith("ready"), line
        code = get_workshop(store, workshop_id).join_code
        loaded = failed = 0
        for n in range(15):
            connector = aiohttp.TCPConnector(local_addr=(f"127.0.60.{n + 1}", 0))
            try:
                async with aiohttp.ClientSession(
                    connector=connector, timeout=aiohttp.ClientTimeout(total=5)
                ) as phone:
                    answer = await phone.get(f"http://127.0.0.1:{phones.port}/j/{code}")
                    body = await answer.text()
                    loaded += answer.status == 200 and "<html" in body.lower()
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
                failed += 1
        assert (loaded, failed) == (15, 0)
        # the attacker held its sockets open, yet the sync port keeps to its budget
        assert sync.listener.open_connections <= SyncLimits().total
        assert sync.listener.refused > 1000
    finally:
        attacker.kill()
        attacker.wait()
        await sync.cleanup()
        await phones.stop()


async def test_silent_and_trickling_sync_connections_are_closed(store):
    sync = await start_sync_server(
        store, "127.0.0.1", 0, limits=SyncLimits(handshake_seconds=0.5, idle_seconds=1.0)
    )
    try:
        silent = await asyncio.open_connection("127.0.0.1", sync.port)  # never says hello
        with contextlib.suppress(ConnectionError):
            assert await asyncio.wait_for(silent[0].read(), 3) == b""
        assert sync.listener.open_connections == 0
        # five from one address: the cap (4) closes the fifth at once
        held = [await asyncio.open_connection("127.0.0.1", sync.port) for _ in range(5)]
        with contextlib.suppress(ConnectionError):
            assert await asyncio.wait_for(held[4][0].read(), 1) == b""
        assert sync.listener.refused >= 1
        for _, writer in held:
            writer.close()
    finally:
        await sync.cleanup()


async def test_the_client_refuses_a_300_mb_answer_without_holding_it(tmp_path):
    from aiohttp import web

    from facilitator.store import open_store
    from facilitator.sync.client import MAX_ANSWER_BYTES, SyncClient, SyncUnavailable
    from facilitator.sync.pairing import pairing_code
    from tests.conftest import FakeClock
    from tests.sync.sync_helpers import serve_tls

    hostile = open_store(tmp_path / "hostile.db", now_ms=FakeClock())
    honest = open_store(tmp_path / "honest.db", now_ms=FakeClock())
    chunk = b" " * (1024 * 1024)

    async def hello(request: web.Request) -> web.Response:
        return web.json_response({"app": "facilitator", "protocol": 2, "node": "n" * 12})

    async def ops(request: web.Request) -> web.StreamResponse:
        answer = web.StreamResponse(headers={"Content-Type": "application/json"})
        answer.enable_chunked_encoding()  # no length to refuse up front: it must count
        await answer.prepare(request)
        with contextlib.suppress(ConnectionError):
            for _ in range(300):
                await answer.write(chunk)
        return answer

    app = web.Application()
    app.router.add_get("/sync/hello", hello)
    app.router.add_get("/sync/ops", ops)
    runner, url = await serve_tls(app, hostile)
    client = SyncClient(honest, url, pairing_code(hostile), timeout_s=60)
    import tracemalloc

    tracemalloc.start()
    try:
        with pytest.raises(SyncUnavailable, match="zu große Antwort"):
            await client.run_once()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        await client.close()
        await runner.cleanup()
    # what it held is bounded by the answer limit (32 MiB) plus a copy, never 300 MB
    assert peak < 2 * MAX_ANSWER_BYTES + 16 * 1024 * 1024, peak


async def test_the_other_laptop_gets_in_while_strangers_hold_every_slot(tmp_path):
    from facilitator.store import open_store
    from facilitator.sync.client import SyncClient
    from facilitator.sync.pairing import pairing_code
    from tests.conftest import FakeClock
    from tests.sync.sync_helpers import new_workshop

    a = open_store(tmp_path / "a.db", now_ms=FakeClock())
    b = open_store(tmp_path / "b.db", now_ms=FakeClock())
    new_workshop(a)
    sync = await start_sync_server(a, "127.0.0.1", 0, limits=SyncLimits(per_address=2, total=8))
    held = []
    try:
        for n in range(8):  # every slot taken, from four addresses
            held.append(
                await asyncio.open_connection(
                    "127.0.0.1", sync.port, local_addr=(f"127.0.70.{n // 2 + 1}", 0)
                )
            )
        await asyncio.sleep(0.2)
        assert sync.listener.open_connections == 8
        client = SyncClient(b, sync.url, pairing_code(a))
        try:
            pulled, _ = await client.run_once()
        finally:
            await client.close()
        assert pulled > 5 and sync.listener.open_connections <= 8
    finally:
        for _, writer in held:
            writer.close()
        await sync.cleanup()
        a.close()
        b.close()
