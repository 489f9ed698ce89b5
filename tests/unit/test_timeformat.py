"""A consent date without a time (from a CSV) reads as a date, not as midnight."""

from facilitator.core.timeformat import local_time_text


def test_a_date_stays_a_date() -> None:
    assert local_time_text("2026-11-01") == "01.11.2026"
    assert local_time_text("2026-11-01", "en") == "2026-11-01"
    assert local_time_text("2026-13-01") == "2026-13-01"  # not a date: shown as stored
