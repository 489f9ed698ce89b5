"""The message line forgets old news; consent times read as local German time."""

import time

import pytest
from textual.widgets import DataTable

import facilitator.tui.screens.base as base
from facilitator.core.timeformat import local_time_text
from facilitator.store import Store
from facilitator.store.participants import add_participant


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_consent_time_is_local_and_german(berlin) -> None:
    assert local_time_text("2026-11-30T08:15:00+00:00") == "30.11.2026, 09:15 Uhr"
    assert local_time_text("2026-11-30T08:15:00Z", "en") == "2026-11-30 09:15"
    assert local_time_text("kein Datum") == "kein Datum"


async def test_stale_message_clears(app, store: Store, workshop_id, monkeypatch, berlin):
    monkeypatch.setattr(base, "MESSAGE_SECONDS", 0.2)
    add_participant(store, workshop_id, "Anna Weber")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        app.screen.query_one("#participants-table", DataTable).move_cursor(row=0)
        await pilot.press("e", "j")  # the consent text first, then yes
        shown = str(app.screen.query_one("#message").content)
        assert "Einwilligung von Anna Weber gespeichert" in shown
        assert "Uhr)" in shown and "T" not in shown.split("(")[1]  # not ISO
        await pilot.pause(0.5)
        assert str(app.screen.query_one("#message").content) == ""
