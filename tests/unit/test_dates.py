"""The one date parser: full dates, German dates, and yearless dates from the workshop's day."""

from datetime import date

import pytest

from facilitator.core.capture_line import format_capture_line, parse_capture_line
from facilitator.core.dates import format_date, parse_date
from facilitator.core.errors import ValidationError

WORKSHOP_DAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("2027-01-31", "2027-01-31"),
        ("31.01.2027", "2027-01-31"),
        ("31.1.27", "2027-01-31"),
        ("31.01.", "2027-01-31"),  # after the workshop's day: next year
        ("15.12.", "2026-12-15"),  # still this year
        ("29.11.", "2026-11-29"),  # the day itself
        ("29.02.", "2028-02-29"),  # waits for a leap year
    ],
)
def test_dates_typed_anywhere(typed: str, iso: str) -> None:
    assert parse_date(typed, WORKSHOP_DAY) == iso


@pytest.mark.parametrize("typed", ["32.01.", "31.02.2027", "morgen", "2027-1-31", ""])
def test_a_bad_date_is_one_sentence(typed: str) -> None:
    with pytest.raises(ValidationError, match="kein Datum"):
        parse_date(typed, WORKSHOP_DAY)


def test_format_date_is_german_or_english() -> None:
    assert format_date("2026-10-15") == "15.10.2026"
    assert format_date("2026-10-15", "en") == "15 October 2026"


def test_capture_line_due_without_year_counts_from_the_workshop_day() -> None:
    parsed = parse_capture_line("to: Protokoll versenden !Jörg >31.01.", WORKSHOP_DAY)
    assert parsed.due == "2027-01-31"


@pytest.mark.parametrize(
    ("tag", "status"),
    [
        ("=in_umsetzung", "in_umsetzung"),
        ("=umsetzung", "in_umsetzung"),
        ("=geplant", "geplant"),
        ("=fertig", "abgeschlossen"),
        ("=Abgeschlossen", "abgeschlossen"),
        ("=idee", "idee"),
    ],
)
def test_capture_line_measure_status(tag: str, status: str) -> None:
    parsed = parse_capture_line(f"m: Ladesäulenkataster {tag} #mobil")
    assert (parsed.kind, parsed.text, parsed.status) == ("measure", "Ladesäulenkataster", status)
    line = format_capture_line("measure", parsed.text, parsed.topic, status=parsed.status)
    assert parse_capture_line(line).status == status


def test_capture_line_status_refused_off_measures_and_unknown() -> None:
    with pytest.raises(ValidationError, match="nur Maßnahmen"):
        parse_capture_line("h: Fachkräftemangel =geplant")
    with pytest.raises(ValidationError, match="Unbekannter Status"):
        parse_capture_line("m: Kataster =vielleicht")


def test_next_step_prefix() -> None:
    parsed = parse_capture_line("ns: Protokoll bis Freitag versenden")
    assert (parsed.kind, parsed.text) == ("next_step", "Protokoll bis Freitag versenden")
