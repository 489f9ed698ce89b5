"""Tests of the Export screen's follow-up files: fact sheet, invitation (.ics), contacts (CSV)."""

from pathlib import Path

from docx2python import docx2python
from textual.widgets import Input, Label

from facilitator.store import Store
from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant
from facilitator.store.workshops import update_workshop
from tests.conftest import eventually


def _result(app) -> str:
    return str(app.screen.query_one("#export-result", Label).content)


def _message(app) -> str:
    return str(app.screen.query_one("#message").content)


async def test_invitation_and_contacts(app, store: Store, workshop_id, tmp_path: Path):
    add_participant(
        store, workshop_id, "Anna Zustimmung", organisation="Stadt Ulm",
        email="anna@ulm.example", consent=True,
    )  # fmt: skip
    add_participant(
        store, workshop_id, "Bert Ohne", organisation="Stadt Aalen", email="bert@aalen.example"
    )
    out = tmp_path / "out"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        app.screen.query_one("#export-folder", Input).value = str(out)
        # No next date yet: the screen says how to set one, and writes nothing.
        await pilot.press("i")
        await eventually(
            lambda: "nächsten Termin" in _message(app), pilot=pilot, describe=lambda: _message(app)
        )
        assert "facilitator next-date" in _message(app)
        assert not list(out.glob("*.ics"))
        update_workshop(store, workshop_id, next_date="2027-01-20", next_venue="Rathaus Ulm")
        await pilot.press("i")
        await eventually(
            lambda: list(out.glob("*.ics")) and "20.01.2027" in _result(app), pilot=pilot
        )
        [ics] = out.glob("*.ics")
        text = ics.read_text(encoding="utf-8")
        assert "DTSTART" in text and "20270120T" in text and "Rathaus Ulm" in text
        assert str(ics) in _result(app)

        await pilot.press("k")
        await eventually(
            lambda: list(out.glob("*.csv")) and "Einwilligung" in _result(app), pilot=pilot
        )
        [csv] = out.glob("*.csv")
        rows = csv.read_text(encoding="utf-8-sig")
        assert "anna@ulm.example" in rows and "Anna Zustimmung" in rows
        assert "bert@aalen.example" not in rows and "Bert Ohne" not in rows
        assert "1 von 2" in _result(app)


async def test_factsheet_of_all_workshops(app, store: Store, workshop_id, tmp_path: Path):
    for _ in range(2):  # said twice: a cluster the fact sheet lists (once is summarised)
        add_capture(store, workshop_id, "challenge", "Fachkräfte fehlen", topic="verwaltung")
    out = tmp_path / "out"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        app.screen.query_one("#export-folder", Input).value = str(out)
        await pilot.press("f")
        await eventually(
            lambda: "Geschrieben" in _result(app) or "fehl" in _message(app), pilot=pilot
        )
        [sheet] = out.glob("*Faktenblatt.docx")
        assert sheet.name == "Alle-Workshops-Faktenblatt.docx"  # not one workshop's title
        with docx2python(sheet) as document:
            assert "Fachkräfte fehlen" in document.text
        assert str(sheet) in _result(app)


async def test_factsheet_file_is_named_after_the_series(app, store: Store, workshop_id, tmp_path):
    from facilitator.store.series import ensure_series
    from facilitator.store.workshops import update_workshop

    series = ensure_series(store, "Digitalreihe Ostalb 2027")
    update_workshop(store, workshop_id, series_id=series)
    out = tmp_path / "out"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        app.screen.query_one("#export-folder", Input).value = str(out)
        await pilot.press("f")
        await eventually(lambda: list(out.glob("*.docx")), pilot=pilot)
        assert [p.name for p in out.glob("*.docx")] == ["Digitalreihe-Ostalb-2027-Faktenblatt.docx"]
