"""Tests that a port has one listener: a second server is refused, and the app takes the next port.

On Windows `reuse_address=True` let two servers share 8765, so the app never moved on;
both servers now bind through net.listen_socket (SO_EXCLUSIVEADDRUSE there).
"""

import socket

import aiohttp
import pytest

from facilitator.core.errors import UserError
from facilitator.net import bind_options, listen_socket
from facilitator.store import Store
from facilitator.sync.server import start_sync_server
from facilitator.tui.app import create_app
from facilitator.web.runner import start_participant_server
from tests.conftest import eventually


def test_windows_binds_exclusively_posix_reuses_time_wait() -> None:
    windows = bind_options("win32")
    assert (socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) not in windows
    exclusive = getattr(socket, "SO_EXCLUSIVEADDRUSE", ~socket.SO_REUSEADDR)
    assert windows == [(socket.SOL_SOCKET, exclusive, 1)]
    assert bind_options("linux") == [(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)]


def test_a_second_listener_on_the_same_port_is_refused() -> None:
    first = listen_socket("127.0.0.1", 0, backlog=8)
    try:
        port = first.getsockname()[1]
        with pytest.raises(OSError):
            listen_socket("127.0.0.1", port).close()
    finally:
        first.close()
    listen_socket("127.0.0.1", port).close()  # free again once the first has gone


async def test_a_second_participant_server_on_the_port_is_refused(store: Store) -> None:
    first = await start_participant_server(store, "127.0.0.1", 0)
    try:
        with pytest.raises(UserError, match=f"Port {first.port} auf 127.0.0.1 ist belegt"):
            await start_participant_server(store, "127.0.0.1", first.port)
        async with aiohttp.ClientSession() as session:  # the first still answers
            async with session.get(f"http://127.0.0.1:{first.port}/static/join.css") as answer:
                assert answer.status == 200
    finally:
        await first.stop()


async def test_a_second_sync_server_on_the_port_is_refused(store: Store) -> None:
    first = await start_sync_server(store, "127.0.0.1", 0)
    try:
        with pytest.raises(OSError):
            await start_sync_server(store, "127.0.0.1", first.port)
    finally:
        await first.cleanup()


async def _no_sync() -> None:
    return None


async def test_the_app_takes_the_next_port_when_its_own_is_held(
    monkeypatch, store: Store, workshop_id: str
) -> None:
    holder = await start_participant_server(store, "127.0.0.1", 0)
    try:
        monkeypatch.setattr("facilitator.tui.app.SERVER_PORT", holder.port)
        app = create_app(store, workshop_id, join_code="ABCDEF1234", server_host="127.0.0.1")
        app._start_sync_server = _no_sync  # its sync port would listen on every address
        async with app.run_test(size=(80, 24)) as pilot:
            await eventually(lambda: app.server or app.server_problem, pilot=pilot)
            assert app.server is not None and app.server.port != holder.port
            assert app.server.port in range(holder.port + 1, holder.port + 10)
            assert f"Port {holder.port} ist belegt" in (app.server_note or "")
            assert app.join_url() == f"http://127.0.0.1:{app.server.port}/j/ABCDEF1234"
    finally:
        await holder.stop()
