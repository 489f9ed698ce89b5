"""F2 `d` deletes a workshop to the bytes; purge reaches workshops without a date; the app
says at start when workshops are past retention_days."""

from textual.widgets import Label

from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant
from facilitator.store.people import purge_before
from facilitator.store.queries import rows
from facilitator.store.workshops import create_workshop, list_workshops
from facilitator.tui.app import create_app
from tests.conftest import eventually


async def test_f2_d_erases_the_workshop_rows_and_ops(store, workshop_id):
    app = create_app(store, workshop_id, server=False, join_host="127.0.0.1", join_code="X")
    add_participant(store, workshop_id, "Erika Zebra", email="erika@zebra.example")
    add_capture(store, workshop_id, "todo", "Zebra streichen", owner="Erika Zebra")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "d")
        await pilot.pause()
        assert "endgültig" in str(app.screen.query_one(".dialog-title", Label).content)
        await pilot.press("j")
        await eventually(lambda: list_workshops(store) == [], pilot=pilot)
    assert rows(store, "SELECT id FROM participant") == []
    assert rows(store, "SELECT id FROM capture") == []
    kinds = rows(store, "SELECT kind FROM op WHERE workshop_id = ?", [workshop_id])
    assert [k["kind"] for k in kinds] == ["workshop.erase"]
    dump = "\n".join(store.conn.iterdump())
    assert "erika@zebra.example" not in dump and "Zebra streichen" not in dump


def test_purge_reaches_a_workshop_without_a_date(store, clock):
    undated = create_workshop(store, "Ohne Datum")
    add_participant(store, undated, "Otto Ohnedatum", email="otto@ohne.example")
    clock.advance(minutes=60 * 24 * 400)  # 400 days later
    assert purge_before(store, "2027-12-01") == 1
    found = rows(store, "SELECT name, email FROM participant WHERE workshop_id = ?", [undated])
    assert found == [{"name": None, "email": None}]


async def test_the_app_says_at_start_that_workshops_are_past_retention(
    store, clock, tmp_path, monkeypatch
):
    own = tmp_path / "privacy.toml"
    own.write_text("retention_days = 30\n", encoding="utf-8")
    monkeypatch.setenv("FACILITATOR_PRIVACY", str(own))
    create_workshop(store, "Ohne Datum")
    clock.advance(minutes=60 * 24 * 31)
    app = create_app(store, None, server=False, join_host="127.0.0.1", join_code="X")
    async with app.run_test(size=(80, 24)) as pilot:

        def message() -> str:
            return str(app.screen.query_one("#message").content)

        await eventually(lambda: "Speicherdauer" in message(), pilot=pilot)
        assert "1 Workshop(s)" in message() and "facilitator purge" in message()


async def test_f2_shift_d_erases_the_whole_series(store):
    from facilitator.store.series import ensure_series

    ostalb = ensure_series(store, "Ostalb")
    first = create_workshop(store, "Aalen", date="2026-12-01", series_id=ostalb)
    create_workshop(store, "Ellwangen", date="2027-01-10", series_id=ostalb)
    create_workshop(store, "Ulm", date="2026-12-02")
    add_participant(store, first, "Erika Zebra", email="erika@zebra.example")
    app = create_app(store, None, server=False, join_host="127.0.0.1", join_code="X")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        screen = app.screen
        titles = [w["title"] for w in screen.workshops]
        screen.table.move_cursor(row=titles.index("Ulm"))
        await pilot.press("D")  # Ulm is in no series: nothing asked, nothing deleted
        await eventually(lambda: "keiner Reihe" in str(screen.query_one("#message").content))
        screen.table.move_cursor(row=titles.index("Aalen"))
        await pilot.press("D")
        await pilot.pause()
        assert "2 Workshop(s)" in str(app.screen.query_one(".dialog-title", Label).content)
        await pilot.press("j")
        await eventually(lambda: [w["title"] for w in list_workshops(store)] == ["Ulm"])
    dump = "\n".join(store.conn.iterdump())
    assert "erika@zebra.example" not in dump and "Ellwangen" not in dump
