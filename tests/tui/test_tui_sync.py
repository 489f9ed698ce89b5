"""Tests of pairing two laptops in the app: a real participant server on loopback for A."""

from textual.widgets import Input, Label

from facilitator.store import Store, open_store
from facilitator.store.captures import add_capture, list_captures
from facilitator.sync.pairing import pairing_code
from facilitator.sync.server import start_sync_server
from facilitator.tui.app import create_app
from facilitator.tui.dialogs.pair import PairDialog
from facilitator.web.runner import start_participant_server
from tests.conftest import FakeClock, eventually
from tests.tui.conftest import palette_offers


def _header_sync(app) -> str:
    return str(app.screen.query_one("#header-sync", Label).content)


async def test_pairing_brings_the_other_laptops_captures(tmp_path, store: Store, workshop_id):
    server = await start_sync_server(store, "127.0.0.1", 0)
    # the same fake day as `store`: a peer clock hours ahead of ours is refused (op_check)
    other = open_store(tmp_path / "b.db", create=True, now_ms=FakeClock(1_796_000_000_500))
    try:
        app = create_app(other, None, server=False, join_host="127.0.0.1", join_code="X")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f8")  # the projected Join screen: the dialog is refused there
            app.action_pair()
            await pilot.pause()
            assert not isinstance(app.screen, PairDialog)
            assert "QR-Bildschirm" in str(app.screen.query_one("#message").content)
            await pilot.press("f2", "v")
            await eventually(lambda: isinstance(app.screen, PairDialog), pilot=pilot)
            assert "Noch kein Code" in str(app.screen.query_one("#pair-offers", Label).content)
            app.screen.query_one("#pair-url", Input).value = server.url
            app.screen.query_one("#pair-code", Input).value = "falsch-falsch"
            await pilot.click("#pair-connect")
            await eventually(lambda: "Pairing-Code" in _message(app), pilot=pilot)
            assert (
                isinstance(app.screen, PairDialog) and app.sync is None or app.sync.status is None
            )
            code = app.screen.query_one("#pair-code", Input)
            code.value = pairing_code(store)
            code.focus()
            await pilot.press("enter")
            await eventually(
                lambda: not isinstance(app.screen, PairDialog),
                pilot=pilot,
                describe=lambda: _message(app),
            )
            # The workshop came over; the app shows it once opened.
            await eventually(lambda: "Sync: verbunden" in _header_sync(app), pilot=pilot)
            app.open_workshop(workshop_id)
            await pilot.press("f5")
            add_capture(store, workshop_id, "challenge", "Funklöcher im Kreis")
            table = app.screen.query_one("#captures-table")
            await eventually(
                lambda: any("Funklöcher" in str(c) for c in _cells(table)),
                pilot=pilot,
                describe=lambda: "the peer's capture did not reach the list",
            )
            assert "Sync: verbunden" in _header_sync(app)
            # B captures; A (the serving laptop) gets it.
            add_capture(other, workshop_id, "idea", "Gemeinsamer Chatbot")
            await eventually(
                lambda: any(
                    c.text == "Gemeinsamer Chatbot" for c in list_captures(store, workshop_id)
                ),
                pilot=pilot,
            )
            # A goes away: B keeps capturing and its header counts what waits.
            await server.cleanup()
            await eventually(lambda: "Sync: getrennt" in _header_sync(app), pilot=pilot)
            add_capture(other, workshop_id, "need", "Schulungen")
            app.screen.tick()
            await eventually(lambda: "1 ausstehend" in _header_sync(app), pilot=pilot)
        assert app.sync.client is not None
    finally:
        await server.cleanup()
        other.close()


def _message(app) -> str:
    try:
        return str(app.screen.query_one("#pair-message", Label).content)
    except Exception:
        return ""


def _cells(table) -> list:
    return [cell for row in range(table.row_count) for cell in table.get_row_at(row)]


async def test_serving_laptop_header_says_connected(
    monkeypatch, tmp_path, store: Store, workshop_id
):
    app = create_app(store, workshop_id, join_code="X")
    # the same fake day as `store`: a peer clock hours ahead of ours is refused (op_check)
    other = open_store(tmp_path / "b.db", create=True, now_ms=FakeClock(1_796_000_000_500))

    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
        return await start_participant_server(store_arg, host="127.0.0.1", port=0)

    monkeypatch.setattr("facilitator.web.runner.start_participant_server", start)
    app.sync_port = 0  # any free port for the app's own sync server
    code = pairing_code(store)  # a pairing offered earlier: the app listens at start
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await eventually(lambda: app.sync_server is not None, pilot=pilot)
            assert _header_sync(app) == ""
            from facilitator.sync.session import SyncSession

            session = SyncSession(other)
            url = f"https://127.0.0.1:{app.sync_server.port}"
            await session.connect(url, code, interval=0.2)
            await eventually(lambda: "Sync: verbunden" in _header_sync(app), pilot=pilot)
            await session.stop()
    finally:
        other.close()


async def test_palette_opens_the_pairing_dialog(app, type_text):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Zweiten Laptop")
        await eventually(lambda: palette_offers(app, "Zweiten Laptop"), pilot=pilot)
        await pilot.press("enter")
        await eventually(lambda: isinstance(app.screen, PairDialog), pilot=pilot)
        # No server on this laptop: no sync code to show, but it can connect.
        assert "Noch kein Code" in str(app.screen.query_one("#pair-offers", Label).content)
        assert not app.screen.query_one("#pair-this-code", Label).display


async def test_the_sync_port_opens_only_with_an_offered_code(monkeypatch, store, workshop_id):
    app = create_app(store, workshop_id, join_code="X")

    async def start(store_arg, host="0.0.0.0", port=8765, workshop_id=None):
        return await start_participant_server(store_arg, "127.0.0.1", 0, workshop_id)

    monkeypatch.setattr("facilitator.web.runner.start_participant_server", start)
    app.sync_port = 0
    async with app.run_test(size=(80, 24)) as pilot:
        await eventually(lambda: app.server is not None, pilot=pilot)
        await pilot.pause(0.3)
        assert app.sync_server is None  # never paired: nothing listens for sync
        await pilot.press("f2", "v")
        await eventually(lambda: isinstance(app.screen, PairDialog), pilot=pilot)
        assert "Noch kein Code" in str(app.screen.query_one("#pair-offers", Label).content)
        await pilot.click("#pair-offer-workshop")
        await eventually(lambda: app.sync_server is not None, pilot=pilot)
        shown = str(app.screen.query_one("#pair-this-code", Label).content)
        await eventually(lambda: "nur jetzt sichtbar" in _message(app), pilot=pilot)
        assert "Workshop „" in str(app.screen.query_one("#pair-offers", Label).content)
        code = shown.split(":", 1)[1].replace("\n", "").strip()
        from facilitator.sync.pairing import pairing_key
        from facilitator.sync.secret import check_sync_key

        assert check_sync_key(store, pairing_key(code).key) is not None
        await pilot.click("#pair-offer-series")  # the test workshop is in no series
        await eventually(lambda: "keiner Reihe" in _message(app), pilot=pilot)
        await pilot.click("#pair-revoke")
        await eventually(lambda: "widerrufen" in _message(app), pilot=pilot)
        assert check_sync_key(store, pairing_key(code).key) is None
        assert app.sync_server is None  # nothing offered: the port is closed again


async def test_the_second_laptop_pairs_by_the_short_code_in_both_apps(
    monkeypatch, tmp_path, store, workshop_id
):
    """A shows a short code (Kurzcode); B types it with A's address in its own dialog."""
    add_capture(store, workshop_id, "need", "Digitale Bauakte")
    app = create_app(store, workshop_id, server=False, join_code="X")
    app.sync_port = 0
    app.server_host = "127.0.0.1"
    other = open_store(tmp_path / "b.db", create=True, now_ms=FakeClock(1_796_000_000_500))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "v")
        await eventually(lambda: isinstance(app.screen, PairDialog), pilot=pilot)
        await pilot.click("#pair-offer-short")
        await eventually(lambda: "Kurzcode für Workshop" in _message(app), pilot=pilot)
        shown = str(app.screen.query_one("#pair-this-code", Label).content)
        assert shown.startswith("Kurzcode: ") and "5 Versuche" in shown
        assert app.screen.query_one("#pair-this-code", Label).region.right <= 80
        short = shown.split()[1]
        url = f"https://127.0.0.1:{app.sync_server.port}"
        b_app = create_app(other, None, server=False, join_code="Y")
        async with b_app.run_test(size=(80, 24)) as b_pilot:
            await b_pilot.press("f2", "v")
            await eventually(lambda: isinstance(b_app.screen, PairDialog), pilot=b_pilot)
            b_app.screen.query_one("#pair-url", Input).value = url
            b_app.screen.query_one("#pair-code", Input).value = short
            await b_pilot.click("#pair-connect")
            await eventually(lambda: not isinstance(b_app.screen, PairDialog), pilot=b_pilot)
            assert b_app.sync.status.connected
            await eventually(lambda: list_captures(other, workshop_id), pilot=b_pilot)
        assert [c.text for c in list_captures(other, workshop_id)] == ["Digitale Bauakte"]
        assert app.sync_server.short_codes.current is None  # used: void
    other.close()
