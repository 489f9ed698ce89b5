"""Provides the hybrid logical clock that orders ops across the two laptops.

A timestamp is the string ``"{wall_ms:015d}.{counter:05d}"``; strings compare in
the same order as the clocks, so SQLite can sort and compare them directly. Ties
between laptops are broken by node id (see :func:`stamp`).
"""

from collections.abc import Callable

_COUNTER_MAX = 99_999


def format_hlc(wall_ms: int, counter: int) -> str:
    """Return the sortable text form of a clock reading."""
    return f"{wall_ms:015d}.{counter:05d}"


def parse_hlc(text: str) -> tuple[int, int]:
    """Return (wall_ms, counter) of a clock string; ValueError if malformed."""
    wall, _, counter = text.partition(".")
    if len(wall) != 15 or len(counter) != 5 or not (wall + counter).isdigit():
        raise ValueError(f"not a hybrid clock value: {text!r}")
    return int(wall), int(counter)


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
        """Take a timestamp from the other laptop into account."""
        r_wall, r_counter = parse_hlc(remote)
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
