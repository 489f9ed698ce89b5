"""SyncSession: what the app uses to pair, reconnect on start, and show the status."""

import pytest
from sync_helpers import new_workshop, open_laptop, projection

from facilitator.core.errors import ValidationError
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.sync_pairing import SyncScope
from facilitator.sync.client import SyncAuthError
from facilitator.sync.pairing import pairing_code, pairing_key, remembered_pairing
from facilitator.sync.server import bound_port, start_sync_server
from facilitator.sync.session import SyncSession
from tests.conftest import FakeClock, eventually


async def test_connect_resume_and_stop(tmp_path):
    a = open_laptop(tmp_path / "a.db", FakeClock())
    b = open_laptop(tmp_path / "b.db", FakeClock())
    workshop_id = new_workshop(a)
    runner = await start_sync_server(a, "127.0.0.1", 0)
    url = f"https://127.0.0.1:{bound_port(runner)}"
    heard = []
    session = SyncSession(b, on_change=lambda status, *_: heard.append(status.label))
    try:
        with pytest.raises(ValidationError):
            await session.connect(url, "falsch")  # no pairing code at all
        with pytest.raises(SyncAuthError, match="Zertifikat"):
            # a well-formed code for another laptop
            await session.connect(url, pairing_code(b, SyncScope(workshops=(workshop_id,))))
        assert remembered_pairing(b) is None and session.status is None

        code = pairing_code(a)
        status = await session.connect(url, code)
        assert status.connected and remembered_pairing(b) == (url, pairing_key(code))
        assert code.replace("-", "")[:12] not in str(b.get_meta("sync_pairing"))  # no code kept
        add_capture(b, workshop_id, "need", "Von B")
        await eventually(lambda: len(list_captures(a, workshop_id)) == 1)
        await session.stop()

        add_capture(a, workshop_id, "need", "Während B aus war")
        again = SyncSession(b)  # the app starts again
        assert await again.resume()
        await eventually(lambda: projection(a, workshop_id) == projection(b, workshop_id))
        assert again.status.label == "Sync: verbunden"
        await again.stop()
    finally:
        await session.stop()
        await runner.cleanup()


async def test_unreachable_peer_is_remembered_and_retried(tmp_path):
    from sync_helpers import free_port

    a = open_laptop(tmp_path / "a.db", FakeClock())
    b = open_laptop(tmp_path / "b.db", FakeClock())
    new_workshop(a)
    port = free_port()
    session = SyncSession(b)
    status = await session.connect(f"https://127.0.0.1:{port}", pairing_code(a), interval=0.05)
    assert not status.connected and "nicht erreichbar" in status.message
    runner = await start_sync_server(a, "127.0.0.1", port)
    try:
        await eventually(lambda: b.version >= a.version, 8)
        assert session.status.connected
    finally:
        await session.stop()
        await runner.cleanup()
