"""Tests the sync port against half-open TLS handshakes from many addresses: memory stays flat.

The attacker, another process, holds 20 connections from each of 100 addresses
(127.0.81.x) and opens new ones as the port closes them: most send a TLS record
begun and never finished, some a whole ClientHello and then nothing. The port must
keep its TLS state to the handshake cap (asyncio allocates 256 KiB per handshake),
its memory flat, its descriptors to its budget, and still sync with the other laptop.
"""

import asyncio
import gc
import socket
import subprocess
import sys
import textwrap
from asyncio.sslproto import SSLProtocol
from pathlib import Path

import pytest

from facilitator.store import open_store
from facilitator.sync.client import SyncClient
from facilitator.sync.listener import SyncLimits
from facilitator.sync.pairing import pairing_code
from facilitator.sync.server import start_sync_server
from tests.conftest import FakeClock
from tests.sync.sync_helpers import new_workshop

STATUS = Path("/proc/self/status")


def _loopback_aliases_work() -> bool:
    try:
        with socket.socket() as probe:
            probe.bind(("127.0.81.4", 0))
        return True
    except OSError:  # macOS and Windows configure 127.0.0.1 only
        return False


pytestmark = pytest.mark.skipif(
    not (_loopback_aliases_work() and STATUS.exists()),
    reason="needs 127.0.x.y source addresses and /proc (Linux)",
)

ATTACKER = textwrap.dedent(
    """
    import asyncio, resource, ssl, sys, time
    port, seconds = int(sys.argv[1]), float(sys.argv[2])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    bio = ssl.MemoryBIO()
    try:
        context.wrap_bio(ssl.MemoryBIO(), bio).do_handshake()
    except ssl.SSLWantReadError:
        pass
    hello = bio.read()  # a whole ClientHello, after which this client says nothing
    deadline = time.monotonic() + seconds
    opened = 0

    async def flood(n):
        global opened
        ip = f"127.0.81.{n + 1}"
        held = []
        while time.monotonic() < deadline:
            held = [w for w in held if not w.is_closing()]
            while len(held) < 20 and time.monotonic() < deadline:
                try:
                    _, writer = await asyncio.open_connection(
                        "127.0.0.1", port, local_addr=(ip, 0))
                except OSError:
                    break
                writer.write(hello if opened % 10 == 0 else b"\\x16\\x03\\x01")
                held.append(writer)
                opened += 1
            await asyncio.sleep(0.5)
        for writer in held:
            writer.close()

    async def main():
        print("ready", flush=True)
        await asyncio.gather(*(flood(n) for n in range(100)))
        print(opened, flush=True)

    asyncio.run(main())
    """
)


def _rss_mb() -> float:
    for line in STATUS.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _tls_states() -> int:
    """Handshakes and connections holding asyncio's TLS state, alive or not yet collected."""
    return sum(1 for thing in gc.get_objects() if isinstance(thing, SSLProtocol))


async def test_half_open_handshakes_from_100_addresses_keep_memory_flat(tmp_path):
    a = open_store(tmp_path / "a.db", now_ms=FakeClock())
    b = open_store(tmp_path / "b.db", now_ms=FakeClock())
    new_workshop(a)
    limits = SyncLimits()
    sync = await start_sync_server(a, "127.0.0.1", 0)
    gc.collect()
    before = _rss_mb()
    attacker = subprocess.Popen(
        [sys.executable, "-c", ATTACKER, str(sync.port), "6"], stdout=subprocess.PIPE, text=True
    )
    states, rss, descriptors = [], [], []
    try:
        line = await asyncio.to_thread(attacker.stdout.readline)
        assert line.startswith("ready"), line
        for _ in range(20):
            await asyncio.sleep(0.25)
            states.append(_tls_states())
            rss.append(_rss_mb())
            descriptors.append(sync.listener.open_connections)
        # mid-flood, the other laptop still pulls
        client = SyncClient(b, sync.url, pairing_code(a))
        try:
            pulled, _ = await client.run_once()
        finally:
            await client.close()
        opened = int((await asyncio.to_thread(attacker.communicate, timeout=30))[0].split()[-1])
    finally:
        attacker.kill()
        attacker.wait()
        await sync.cleanup()
        a.close()
        b.close()
    assert opened > 1000  # the flood was real
    assert pulled > 5
    # TLS state for at most the handshakes in progress (and the laptop's connection);
    # before the gate, every half-open socket had its own: hundreds alive at once
    assert max(states) <= limits.handshakes + 2, states
    assert max(rss) - before < 40, (before, rss)
    assert max(descriptors) <= limits.total
