"""Provides the follow-up invitation as iCalendar (RFC 5545), written by hand.

CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT
values escaped, local times with TZID=Europe/Berlin and the matching VTIMEZONE, so
Outlook, Thunderbird and phones all show the same time.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from facilitator.core.errors import ValidationError
from facilitator.locale import lazy

TZID = "Europe/Berlin"
# The EU rules since 1996: last Sunday of March 02:00 -> CEST, last Sunday of October -> CET.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


DEFAULT_REMINDER_MINUTES = 24 * 60  # one day before: time to plan the trip
_REMINDER = re.compile(r"^\s*(\d{1,4})\s*(d|tag|tage|h|std|stunde|stunden|m|min|minuten)?\s*$")
_UNIT_MINUTES = {"d": 1440, "tag": 1440, "tage": 1440, "h": 60, "std": 60, "stunde": 60}


def parse_reminder(text: str) -> int | None:
    """Read "1d", "2 Tage", "3h", "30min" (or "0"/"keine"/"none") as minutes before the start."""
    value = text.strip().lower()
    if value in ("0", "keine", "kein", "none", "no", "nein"):
        return None
    found = _REMINDER.match(value)
    if not found:
        raise ValidationError(
            lazy("--reminder versteht „1d“, „3h“, „30min“ oder „keine“, nicht „{text}“.", text=text)
        )
    amount, unit = int(found.group(1)), found.group(2) or "d"
    minutes = amount * _UNIT_MINUTES.get(unit, 1)
    if minutes > 60 * 24 * 60:
        raise ValidationError(lazy("Eine Erinnerung höchstens 60 Tage vorher."))
    return minutes or None


def _trigger(minutes: int) -> str:
    """RFC 5545 duration before the start: -P1D, -PT3H, -PT30M."""
    if minutes % 1440 == 0:
        return f"-P{minutes // 1440}D"
    if minutes % 60 == 0:
        return f"-PT{minutes // 60}H"
    return f"-PT{minutes}M"


def summary_text(title: str) -> str:
    """The calendar entry's title: "Vernetzungsworkshop:" before it only if it lacks the word."""
    if "workshop" in title.lower():
        return title
    return f"Vernetzungsworkshop: {title}"


@dataclass
class Invitation:
    """What the calendar entry says."""

    uid: str
    title: str
    day: date
    start: str  # HH:MM, local time in Germany
    minutes: int
    location: str = ""
    description: str = ""
    # a reminder this many minutes before the start (VALARM); None: no reminder
    reminder_minutes: int | None = DEFAULT_REMINDER_MINUTES


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets joined by CRLF + space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines start with one space
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _local(day: date, clock: str) -> datetime:
    hours, minutes = (int(x) for x in clock.split(":"))
    return datetime(day.year, day.month, day.day, hours, minutes)


def invitation_ics(invitation: Invitation, now: datetime | None = None) -> str:
    """Return the .ics text (CRLF line ends) for one invitation."""
    start = _local(invitation.day, invitation.start)
    end = start + timedelta(minutes=invitation.minutes)
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//facilitator//Vernetzungsworkshop//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:{invitation.uid}",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART;TZID={TZID}:{start:%Y%m%dT%H%M%S}",
        f"DTEND;TZID={TZID}:{end:%Y%m%dT%H%M%S}",
        f"SUMMARY:{escape_text(summary_text(invitation.title))}",
    ]
    if invitation.location:
        lines.append(f"LOCATION:{escape_text(invitation.location)}")
    if invitation.description:
        lines.append(f"DESCRIPTION:{escape_text(invitation.description)}")
    lines.append("TRANSP:OPAQUE")
    if invitation.reminder_minutes:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(summary_text(invitation.title))}",
            f"TRIGGER:{_trigger(invitation.reminder_minutes)}",
            "END:VALARM",
        ]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
