"""Tests of the participant server's life in the app: started on mount, stopped on exit."""

import sys
import types

import pytest
from textual.widgets import Label

from facilitator.store import Store
from facilitator.store.captures import list_captures
from facilitator.tui.app import create_app
from tests.conftest import eventually

RUNNER = "facilitator.web.runner"


class FakeServer:
    phones_connected = 3
    refused = 0
    phones_share_address = False

    def __init__(self) -> None:
        self.stopped = False
        self.reasons: dict[str, int] = {}
        self.crowded: tuple[str, int] | None = None

    def refused_by_reason(self) -> dict[str, int]:
        return self.reasons

    def crowded_address(self) -> tuple[str, int] | None:
        return self.crowded

    def join_urls(self, code: str) -> list[str]:
        return [f"http://10.0.0.5:8765/j/{code}"]

    async def stop(self) -> None:
        self.stopped = True


def _runner(monkeypatch: pytest.MonkeyPatch, start) -> None:
    module = types.ModuleType(RUNNER)
    module.start_participant_server = start
    monkeypatch.setitem(sys.modules, RUNNER, module)


async def _no_sync() -> None:
    return None


async def _settle(pilot, app) -> None:
    """Wait until the app has started its server or given up on it."""
    await eventually(lambda: app.server is not None or app.server_problem is not None, pilot=pilot)


async def test_server_runs_inside_the_app(monkeypatch, store: Store, workshop_id):
    server = FakeServer()
    calls = []

    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
        calls.append((store_arg, port))
        return server

    _runner(monkeypatch, start)
    app = create_app(store, workshop_id, join_code="ABCDEF1234")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        assert calls == [(store, 8765)] and app.server is server
        await pilot.press("f8")
        app.screen.tick()
        url = str(app.screen.query_one("#join-url", Label).content)
        assert url == "http://10.0.0.5:8765/j/ABCDEF1234"
        assert "3 Handys" in str(app.screen.query_one("#join-server", Label).content)
        assert "abgewiesen" not in str(app.screen.query_one("#join-server", Label).content)
        server.refused = 12  # the caps refused a flood
        server.reasons = {"ballot_address": 7, "connections": 2, "rate": 3}
        app.screen.tick()
        shown = str(app.screen.query_one("#join-server", Label).content)
        assert shown == (
            "3 Handys verbunden · 12 Anfragen abgewiesen (Obergrenzen): je Adresse 9, zu schnell 3"
        )
    assert server.stopped


async def test_join_screen_suggests_and_switches_the_shared_address(
    monkeypatch, store: Store, workshop_id
):
    from facilitator.store.room import phones_share_address

    server = FakeServer()

    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
        return server

    _runner(monkeypatch, start)
    app = create_app(store, workshop_id, join_code="ABCDEF1234")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        await pilot.press("f8")
        server.crowded = ("10.0.0.1", 14)  # many cookies from one address
        app.screen.tick()
        shown = str(app.screen.query_one("#join-server", Label).content)
        assert "14 Handys kommen von 10.0.0.1" in shown and "a hebt die Obergrenzen" in shown
        await pilot.press("a")
        assert phones_share_address(store, workshop_id)
        server.phones_share_address = True
        app.screen.tick()
        shown = str(app.screen.query_one("#join-server", Label).content)
        assert "Geteilte Adresse (NAT) an" in shown and "kommen von" not in shown
        await pilot.press("a")
        assert not phones_share_address(store, workshop_id)


async def test_every_port_in_use_no_qr_one_sentence_and_the_app_works(
    monkeypatch, store, workshop_id
):
    tried = []

    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
        tried.append(port)
        raise OSError(98, "Address already in use")

    _runner(monkeypatch, start)
    app = create_app(store, workshop_id, join_host="192.168.1.20", join_code="ABCDEF1234")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        await pilot.press("f8")
        app.screen.tick()
        assert tried == [8765, *range(8767, 8775)]  # never the sync port 8766
        url = str(app.screen.query_one("#join-url").content)
        assert "Kein QR-Code: Die Ports 8765–8774 sind belegt" in url
        assert "192.168.1.20" not in url
        assert not str(app.screen.query_one("#join-qr").content).strip()
        await pilot.press("c")
        app.screen.query_one("#capture-input").value = "f: Wer lädt ein?"
        await pilot.press("enter")
    assert list_captures(store, workshop_id)[0].kind == "question"


async def test_busy_port_takes_the_next_and_says_so(monkeypatch, store, workshop_id):
    server = FakeServer()
    tried = []

    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
        tried.append(port)
        if port == 8765:
            raise OSError(98, "Address already in use")
        server.port = port
        return server

    server.join_urls = lambda code: [f"http://10.0.0.5:{server.port}/j/{code}"]
    _runner(monkeypatch, start)
    app = create_app(store, workshop_id, join_code="ABCDEF1234")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        await pilot.press("f8")
        app.screen.tick()
        assert str(app.screen.query_one("#join-url").content) == (
            "http://10.0.0.5:8767/j/ABCDEF1234"
        )
        status = str(app.screen.query_one("#join-server").content)
        assert "Port 8765 ist belegt" in status and "Port 8767" in status
        # 8766 is the laptops' sync port: the phone server never takes it
        assert tried == [8765, 8767] and "8766" not in status


async def test_without_the_server_module(monkeypatch, store, workshop_id):
    monkeypatch.setitem(sys.modules, RUNNER, None)  # import fails
    app = create_app(store, workshop_id, join_host="192.168.1.20", join_code="ABCDEF1234")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        await pilot.press("f8")
        app.screen.tick()
        # no server, no QR code that leads nowhere: one sentence instead
        assert "nicht verfügbar" in str(app.screen.query_one("#join-url").content)
        assert not str(app.screen.query_one("#join-qr").content).strip()


async def test_a_broken_install_says_so_where_the_qr_code_would_be(monkeypatch, store, workshop_id):
    # A wheel without web/static: importing the server fails with FileNotFoundError.
    broken = types.ModuleType(RUNNER)

    def missing(name: str):
        raise FileNotFoundError(2, "No such file or directory", "/site/facilitator/web/static")

    broken.__getattr__ = missing
    monkeypatch.setitem(sys.modules, RUNNER, broken)
    app = create_app(store, workshop_id, join_code="ABCDEF1234")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        await pilot.press("f8")
        app.screen.tick()
        shown = str(app.screen.query_one("#join-url").content)
        assert shown.startswith("Kein QR-Code: Der Teilnehmer-Server startet nicht")
        assert "web/static" in shown and "8765" not in shown
        assert not str(app.screen.query_one("#join-qr").content).strip()


async def test_a_server_that_fails_to_start_is_one_sentence(monkeypatch, store, workshop_id):
    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
        raise ValueError("No directory exists at '/site/facilitator/web/static'")

    _runner(monkeypatch, start)
    app = create_app(store, workshop_id, join_code="ABCDEF1234")
    app._start_sync_server = _no_sync  # its sync port would listen on every address
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        await pilot.press("f8")
        app.screen.tick()
        shown = str(app.screen.query_one("#join-url").content)
        assert "startet nicht (No directory exists" in shown
        assert not str(app.screen.query_one("#join-qr").content).strip()


async def test_no_qr_code_before_the_server_serves(monkeypatch, store, workshop_id):
    import asyncio

    server = FakeServer()
    ready = asyncio.Event()

    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
        await ready.wait()
        return server

    _runner(monkeypatch, start)
    app = create_app(store, workshop_id, join_code="ABCDEF1234")
    app._start_sync_server = _no_sync  # its sync port would listen on every address
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f8")
        app.screen.refresh_data()
        assert not str(app.screen.query_one("#join-qr").content).strip()
        assert "startet" in str(app.screen.query_one("#join-url").content)
        ready.set()
        await _settle(pilot, app)
        app.screen.tick()
        await eventually(lambda: str(app.screen.query_one("#join-qr").content).strip(), pilot=pilot)
        assert str(app.screen.query_one("#join-url").content).endswith(":8765/j/ABCDEF1234")


async def test_the_app_says_when_the_printed_poster_leads_elsewhere(
    monkeypatch, store: Store, workshop_id
):
    from facilitator.store.join_address import remember_poster

    remember_poster(store, workshop_id, "http://192.168.1.20:8765/j/abc")  # printed last week

    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
        return FakeServer()  # today this laptop is 10.0.0.5

    _runner(monkeypatch, start)
    app = create_app(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        assert app.poster_note and "192.168.1.20" in app.poster_note
        assert "10.0.0.5" in app.poster_note and "join-host" in app.poster_note
        assert "192.168.1.20" in str(app.screen.query_one("#message").content)
    remember_poster(store, workshop_id, "http://10.0.0.5:8765/j/abc")  # reprinted
    app = create_app(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, app)
        assert app.poster_note is None
