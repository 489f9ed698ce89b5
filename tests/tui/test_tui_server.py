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

    def __init__(self) -> None:
        self.stopped = False

    def join_urls(self, code: str) -> list[str]:
        return [f"http://10.0.0.5:8765/j/{code}"]

    async def stop(self) -> None:
        self.stopped = True


def _runner(monkeypatch: pytest.MonkeyPatch, start) -> None:
    module = types.ModuleType(RUNNER)
    module.start_participant_server = start
    monkeypatch.setitem(sys.modules, RUNNER, module)


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
        app.screen.tick()
        shown = str(app.screen.query_one("#join-server", Label).content)
        assert shown == "3 Handys verbunden · 12 Anfragen abgewiesen (Obergrenzen)"
    assert server.stopped


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
        assert tried == list(range(8765, 8775))
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

    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
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
            "http://10.0.0.5:8766/j/ABCDEF1234"
        )
        status = str(app.screen.query_one("#join-server").content)
        assert "Port 8765 ist belegt" in status and "Port 8766" in status


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
