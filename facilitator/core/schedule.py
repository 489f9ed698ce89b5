"""Provides agenda scheduling: clock times from durations, pinned items, overruns."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Schedulable(Protocol):
    minutes: int
    kind: str
    at: str | None


def parse_clock(text: str) -> int:
    """Return minutes since midnight for 'HH:MM'; ValueError if malformed."""
    hours, sep, minutes = text.strip().partition(":")
    # isascii: "٠٩" passes isdigit and int(), and would be stored as typed
    digits = hours + minutes
    if not sep or not digits.isascii() or not digits.isdigit() or len(minutes) != 2:
        raise ValueError(f"keine Uhrzeit im Format HH:MM: {text!r}")
    h, m = int(hours), int(minutes)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ValueError(f"keine gültige Uhrzeit: {text!r}")
    return h * 60 + m


def format_clock(minutes: int) -> str:
    """Return 'HH:MM' for minutes since midnight (past midnight wraps)."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Slot:
    """Where one agenda item sits on the clock."""

    index: int
    start: int  # minutes since midnight
    end: int
    gap_before: int = 0  # free minutes before a pinned item
    squeezed: int = 0  # minutes the items before a pinned item run into it

    @property
    def start_text(self) -> str:
        return format_clock(self.start)

    @property
    def end_text(self) -> str:
        return format_clock(self.end)


@dataclass(frozen=True)
class Schedule:
    """The agenda on the clock, with its total against the available time."""

    slots: tuple[Slot, ...]
    start: int
    end: int  # when the last item ends
    available_end: int | None  # when the workshop must end, if known

    @property
    def squeezed_minutes(self) -> int:
        """Minutes the items before pinned items run into them, all pinned items together."""
        return sum(s.squeezed for s in self.slots)

    @property
    def past_end_minutes(self) -> int:
        """Minutes the last item ends after the workshop's end (0 if it does not)."""
        return 0 if self.available_end is None else max(0, self.end - self.available_end)

    @property
    def total_minutes(self) -> int:
        """The planned minutes (items and free gaps), overlaps counted: what must fit."""
        return self.end - self.start + self.squeezed_minutes

    @property
    def available_minutes(self) -> int | None:
        return None if self.available_end is None else self.available_end - self.start

    @property
    def overrun_minutes(self) -> int:
        """Minutes too many: every overlap with a pinned item plus the time past the end.

        This is `total_minutes - available_minutes` whenever the plan has no free gap,
        so the total and the warning never disagree.
        """
        return self.squeezed_minutes + self.past_end_minutes

    @property
    def fits(self) -> bool:
        return self.overrun_minutes == 0

    def overlaps(self) -> list[Slot]:
        """The slots of pinned items that the items before them run into."""
        return [s for s in self.slots if s.squeezed]


def schedule(items: Sequence[Schedulable], start: str, end: str | None = None) -> Schedule:
    """Compute start and end times: items follow each other, pinned items keep their time.

    When the items before a pinned item do not fit, the pinned item still starts at
    its time; the overlap is reported as `squeezed` so the plan can warn.
    """
    begin = parse_clock(start)
    clock = begin
    slots: list[Slot] = []
    for index, item in enumerate(items):
        gap = squeezed = 0
        if item.kind == "pinned" and item.at:
            pinned = parse_clock(item.at)
            if pinned < begin:  # a pinned time after midnight
                pinned += 24 * 60
            gap, squeezed = max(0, pinned - clock), max(0, clock - pinned)
            clock = pinned
        slots.append(Slot(index, clock, clock + item.minutes, gap, squeezed))
        clock += item.minutes
    available = parse_clock(end) if end else None
    if available is not None and available < begin:
        available += 24 * 60
    return Schedule(tuple(slots), begin, clock, available)
