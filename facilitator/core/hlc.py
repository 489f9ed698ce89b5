"""Provides the hybrid logical clock that orders ops across the two laptops.

A timestamp is the string ``"{wall_ms:015d}.{counter:05d}"``; strings compare in
the same order as the clocks, so SQLite can sort and compare them directly. Ties
between laptops are broken by node id (see :func:`stamp`).
"""

import re
from collections.abc import Callable

_COUNTER_MAX = 99_999
_WALL_MAX = 10**15 - 1  # 15 digits: a wider stamp would sort wrongly as text
# ASCII digits only: str.isdigit() also takes "١" or "²", which sort after "9" as text
# and would win every last-writer-wins comparison for ever.
_FORM = re.compile(r"[0-9]{15}\.[0-9]{5}")
# SQLite's GLOB for the same form (the store reads its last clock with it).
HLC_GLOB = "[0-9]" * 15 + "." + "[0-9]" * 5
# How far a clock from the other laptop (or a file) may run ahead of our wall clock.
MAX_AHEAD_MS = 5 * 60 * 1000


def format_hlc(wall_ms: int, counter: int) -> str:
    """Return the sortable text form of a clock reading."""
    if not 0 <= wall_ms <= _WALL_MAX or not 0 <= counter <= _COUNTER_MAX:
        raise ValueError(f"clock reading out of range: {wall_ms}.{counter}")
    return f"{wall_ms:015d}.{counter:05d}"


def parse_hlc(text: str) -> tuple[int, int]:
    """Return (wall_ms, counter) of a clock string; ValueError if malformed."""
    if not isinstance(text, str) or not _FORM.fullmatch(text):
        raise ValueError(f"not a hybrid clock value: {str(text)[:40]!r}")
    wall, _, counter = text.partition(".")
    return int(wall), int(counter)


def check_remote(text: str, now_ms: int, max_ahead_ms: int = MAX_AHEAD_MS) -> tuple[int, int]:
    """Return (wall_ms, counter) of a clock from elsewhere; ValueError if malformed or
    more than `max_ahead_ms` ahead of `now_ms` (once absorbed, it would never come back)."""
    wall, counter = parse_hlc(text)
    if wall > now_ms + max_ahead_ms:
        raise ValueError(f"clock {text} is {(wall - now_ms) // 60_000} minutes ahead")
    return wall, counter


def stamp(hlc: str, node: str) -> str:
    """Return the total order key of an op: clock first, node id breaks ties."""
    return f"{hlc}@{node}"


class HybridClock:
    """A hybrid logical clock: never runs backwards, absorbs the clocks it sees."""

    def __init__(self, now_ms: Callable[[], int], last: str | None = None) -> None:
        self._now_ms = now_ms
        self._wall, self._counter = parse_hlc(last) if last else (0, 0)

    def now(self) -> str:
        """Return a new timestamp for a local event, later than every one seen."""
        wall = self._now_ms()
        if wall > self._wall:
            self._wall, self._counter = wall, 0
        else:
            self._advance_counter()
        return format_hlc(self._wall, self._counter)

    def observe(self, remote: str) -> None:
        """Take a timestamp from the other laptop into account; ValueError if it is
        malformed or runs more than MAX_AHEAD_MS ahead of our wall clock."""
        r_wall, r_counter = check_remote(remote, self._now_ms())
        if r_wall > self._wall:
            self._wall, self._counter = r_wall, r_counter
        elif r_wall == self._wall and r_counter > self._counter:
            self._counter = r_counter

    def _advance_counter(self) -> None:
        if self._counter >= _COUNTER_MAX:
            # More than 100,000 events in one millisecond: borrow from the future.
            self._wall, self._counter = self._wall + 1, 0
        else:
            self._counter += 1
