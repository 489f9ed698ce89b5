"""Both ports listen with a room's backlog (issue 28.7): a QR-scan burst is not dropped."""

import shutil
import subprocess

import pytest

from facilitator.net import ROOM_BACKLOG, listen_backlog
from facilitator.sync.server import start_sync_server
from facilitator.web.runner import start_participant_server

pytestmark = pytest.mark.skipif(shutil.which("ss") is None, reason="needs ss (Linux)")


def _backlog(port: int) -> int:
    """Return the listening socket's backlog as the kernel has it (ss: Send-Q)."""
    shown = subprocess.run(
        ["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(shown[2])


async def test_phone_and_sync_ports_listen_with_a_room_backlog(store) -> None:
    assert listen_backlog() == min(ROOM_BACKLOG, int(open("/proc/sys/net/core/somaxconn").read()))
    phones = await start_participant_server(store, "127.0.0.1", 0)
    sync = await start_sync_server(store, "127.0.0.1", 0)
    try:
        assert _backlog(phones.port) == listen_backlog() >= 1024
        assert _backlog(sync.port) == listen_backlog()
    finally:
        await phones.stop()
        await sync.cleanup()
