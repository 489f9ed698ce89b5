"""Follow-up: the .ics invitation read back, the contact list with consenting people only."""

import csv
import io
from datetime import date, datetime, timezone

from facilitator.export.ics import Invitation, escape_text, fold, invitation_ics
from tests.series.conftest import run_cli


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_folds_escapes_and_uses_tzid():
    long_title = "Digitale Daseinsvorsorge für Städte, Gemeinden; Landkreise – " + "ä" * 60
    text = invitation_ics(
        Invitation(
            "u1@facilitator",
            long_title,
            date(2027, 1, 20),
            "09:00",
            240,
            "Rathaus Esslingen, Saal 2",
            "Zeile eins\nZeile zwei \\ Ende",
        ),
        datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc),
    )
    raw = text.encode("utf-8")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no character split across a fold
    lines = _unfold(text)
    assert "DTSTART;TZID=Europe/Berlin:20270120T090000" in lines
    assert "DTEND;TZID=Europe/Berlin:20270120T130000" in lines
    assert "DTSTAMP:20261130T080000Z" in lines and "TZID:Europe/Berlin" in lines
    summary = next(x for x in lines if x.startswith("SUMMARY:"))
    assert summary == "SUMMARY:" + escape_text("Vernetzungsworkshop: " + long_title)
    assert "\\, Gemeinden\\; Landkreise" in summary
    assert "LOCATION:Rathaus Esslingen\\, Saal 2" in lines
    assert "DESCRIPTION:Zeile eins\\nZeile zwei \\\\ Ende" in lines
    assert lines.count("BEGIN:VTIMEZONE") == 1 and lines[-2] == "END:VCALENDAR"
    assert fold("x" * 75) == "x" * 75 and fold("x" * 76) == "x" * 75 + "\r\n x"


def test_cli_ics_needs_next_date_then_writes_it(series_db, tmp_path):
    target = tmp_path / "next.ics"
    bad = run_cli(series_db, "export", "ics", "-o", str(target), check=False)
    assert bad.returncode == 2 and "facilitator next-date" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1 and not target.exists()
    run_cli(series_db, "next-date", "2027-03-04", "--start", "9:30", "--venue", "Rathaus Ulm")
    run_cli(series_db, "export", "ics", "-o", str(target))
    lines = _unfold(target.read_bytes().decode("utf-8"))
    assert "DTSTART;TZID=Europe/Berlin:20270304T093000" in lines
    assert "LOCATION:Rathaus Ulm" in lines
    summary = next(x for x in lines if x.startswith("SUMMARY:"))
    assert summary.startswith("SUMMARY:Vernetzungsworkshop ")  # the title once, not twice
    assert "Vernetzungsworkshop: Vernetzungsworkshop" not in summary
    # a reminder one day before, as a calendar shows it
    alarm = lines[lines.index("BEGIN:VALARM") : lines.index("END:VALARM") + 1]
    assert "TRIGGER:-P1D" in alarm and "ACTION:DISPLAY" in alarm
    assert lines.index("END:VALARM") < lines.index("END:VEVENT")
    run_cli(series_db, "export", "ics", "-o", str(target), "--reminder", "3h")
    assert "TRIGGER:-PT3H" in _unfold(target.read_bytes().decode("utf-8"))
    run_cli(series_db, "export", "ics", "-o", str(target), "--reminder", "keine")
    assert "BEGIN:VALARM" not in target.read_text(encoding="utf-8")
    before = target.read_bytes()
    bad = run_cli(series_db, "export", "ics", "-o", str(target), "--reminder", "bald", check=False)
    assert bad.returncode == 2 and "--reminder" in bad.stderr and target.read_bytes() == before
    assert run_cli(series_db, "next-date", "2027-13-01", check=False).returncode == 2


def test_contacts_only_with_consent(series_db, tmp_path):
    target = tmp_path / "kontakte.csv"
    out = run_cli(
        series_db, "export", "contacts", "-o", str(target), "--series", "Digitalregion BW 2026"
    )
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Name", "Organisation", "Typ", "Kommune", "E-Mail"]
    emails = {r[4] for r in rows[1:]}
    # In the dataset every second place of a region consented (place index 0 and 2).
    assert "kontakt@mannheim.example" in emails and "kontakt@weinheim.example" in emails
    assert "kontakt@heidelberg.example" not in emails
    assert "kontakt@heidelberg.example" not in raw.decode("utf-8-sig")
    assert len(rows) - 1 == 12 and "12 von 24" in out.stdout
    assert [
        "Person Mannheim",
        "Stadt Mannheim",
        "Kommune",
        "Mannheim",
        "kontakt@mannheim.example",
    ] in rows


def test_contacts_of_one_workshop_and_bad_series(series_db, tmp_path):
    target = tmp_path / "k.csv"
    run_cli(series_db, "export", "contacts", "-o", str(target))
    assert 1 <= len(target.read_text(encoding="utf-8-sig").splitlines()) - 1 <= 8
    bad = run_cli(
        series_db, "export", "contacts", "-o", str(tmp_path / "x.csv"), "--series", "X", check=False
    )
    assert bad.returncode == 2 and "Digitalregion BW 2026" in bad.stderr
    assert not (tmp_path / "x.csv").exists()
