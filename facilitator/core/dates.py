"""Provides the one date parser for everything typed: capture line, CLI and dialogs.

Accepted forms: `2027-01-31`, `31.01.2027`, `31.1.27` and `31.01.` — a date without
a year is the next such date on or after the reference day (the workshop's day), so
`31.01.` typed at a workshop on 29.11.2026 means 31.01.2027, not a date in the past.
"""

import re
from datetime import date

from facilitator.core.errors import ValidationError
from facilitator.locale import lazy

_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$")
# English month names spelled out here: strftime's %B follows the machine's locale.
_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


def reference_day(iso: str | None, fallback: date) -> date:
    """Return the workshop's day from its stored ISO date, or `fallback` if it has none."""
    try:
        return date.fromisoformat(str(iso)[:10]) if iso else fallback
    except ValueError:
        return fallback


def _next_yearly(day: int, month: int, after: date) -> date:
    """Return the first `day.month.` on or after `after` (29.02. waits for a leap year)."""
    for year in range(after.year, after.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= after:
            return candidate
    raise ValueError("no such day")


def parse_date(text: str, reference: date, *, label: str = "") -> str:
    """Return the ISO date meant by `text`; ValidationError (one sentence) otherwise.

    `reference` is the day a yearless date counts from; `label` names the field in
    the message ("Fälligkeit >", "--due ").
    """
    value = str(text).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat()
        return _german(value, reference)
    except ValueError:
        raise ValidationError(
            lazy(
                "{label}{value} ist kein Datum (2027-01-31, 31.01.2027 oder 31.01.).",
                label=label,
                value=value,
            )
        ) from None


def _german(value: str, reference: date) -> str:
    match = _GERMAN.match(value)
    if not match:
        raise ValueError(value)
    day, month, year = match.groups()
    if year is None:
        return _next_yearly(int(day), int(month), reference).isoformat()
    full = int(year) + (2000 if len(year) == 2 else 0)
    return date(full, int(month), int(day)).isoformat()


def format_date(iso: str | None, lang: str = "de", empty: str = "") -> str:
    """Return an ISO date as people write it: 15.10.2026 (German) or 15 October 2026."""
    try:
        day = date.fromisoformat(str(iso)[:10])
    except ValueError:
        return iso or empty
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day:%d.%m.%Y}"
