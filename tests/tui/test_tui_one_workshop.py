"""The app's phone server and projector follow the workshop the moderators opened, only it."""

import aiohttp

from facilitator.store.session import session_workshop
from facilitator.store.workshops import create_workshop, get_workshop
from facilitator.tui import app as app_module
from facilitator.tui.app import create_app
from facilitator.web.projector import projector_path
from tests.conftest import eventually
from tests.web.test_web_cli import free_port


async def _get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def test_projector_and_phones_stay_on_the_open_workshop(monkeypatch, store, workshop_id):
    monkeypatch.setattr(app_module, "SERVER_PORT", free_port())
    app = create_app(store, workshop_id, server_host="127.0.0.1")
    app.sync_port = 0
    first = get_workshop(store, workshop_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await eventually(lambda: app.server is not None or app.server_problem, pilot=pilot)
        assert app.server is not None, app.server_problem
        base = f"http://127.0.0.1:{app.server.port}"
        # a second workshop appears (`facilitator new` on this laptop, or synced)
        other = get_workshop(store, create_workshop(store, "Zweiter Workshop Ulm", None))
        status, html = await _get(base + projector_path(store))
        assert status == 200 and first.title in html and f"/j/{first.join_code}" in html
        assert other.title not in html
        assert (await _get(f"{base}/j/{other.join_code}"))[0] == 403
        assert (await _get(f"{base}/j/{first.join_code}"))[0] == 200
        # the moderators open the other workshop on F2: now the room follows it
        app.open_workshop(other.id)
        status, html = await _get(base + projector_path(store))
        assert other.title in html and first.title not in html
        assert (await _get(f"{base}/j/{other.join_code}"))[0] == 200
        assert (await _get(f"{base}/j/{first.join_code}"))[0] == 403
    # and the next start (no timer runs) returns to the workshop opened last
    assert session_workshop(store).id == other.id


async def test_j_hides_and_shows_the_projector_join_corner(app, store, workshop_id) -> None:
    from facilitator.store.workshops import workshop_row

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "j")
        await eventually(lambda: workshop_row(store, workshop_id)["beamer_join_hidden"] == 1)
        assert "ausgeblendet" in str(app.screen.query_one("#message").content)
        await pilot.press("f8", "j")
        await eventually(lambda: not workshop_row(store, workshop_id)["beamer_join_hidden"])
