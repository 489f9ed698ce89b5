"""Provides the agenda's times as they are now: what ran when, and when the rest will run.

The plan says when each item should start; once the workshop runs late (or early)
the phones and the screens should show when it actually started and when the rest
will start, pinned items staying at their time unless the day runs into them.
All times are minutes since the plan's midnight; the time is passed in.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

from facilitator.core.schedule import Schedulable, Schedule, Slot
from facilitator.core.timer import ItemRun, TimerState, countdown


class LiveItem(Schedulable, Protocol):
    id: str


def _midnight_ms(day: date) -> int:
    return int(datetime.combine(day, time()).timestamp() * 1000)


def plan_base_ms(
    items: Sequence[LiveItem],
    plan: Schedule | None,
    state: TimerState,
    workshop_date: str | None,
    now_ms: int,
) -> int | None:
    """Return the moment the plan's clock times count from (midnight of the workshop day).

    On the workshop's day that is the real midnight. On any other day (a rehearsal,
    the demo) the plan is anchored to when the first item actually started, so
    "ahead/behind" still means something. None if neither is known.
    """
    today = datetime.fromtimestamp(now_ms / 1000).date()
    if workshop_date == today.isoformat():
        return _midnight_ms(today)
    if plan is None:
        return None
    index = {it.id: i for i, it in enumerate(items)}
    started = [
        (run.started_ms, index[item_id])
        for item_id, run in state.runs.items()
        if run.started_ms is not None and item_id in index
    ]
    if not started:
        return None
    first_ms, position = min(started)
    return first_ms - plan.slots[position].start * 60_000


def live_times(
    items: Sequence[LiveItem],
    plan: Schedule,
    state: TimerState,
    now_ms: int,
    base_ms: int | None,
) -> list[tuple[int, int]]:
    """(start, end) of every item as it is now, in minutes on the plan's clock.

    Items that ran keep their real times; the running one ends when its time is up
    (or now, if it ran over); the rest follow it, pinned items not before their time.
    Skipped items and, before anything started, the whole plan keep their planned times.
    """
    if base_ms is None:
        return [(slot.start, slot.end) for slot in plan.slots]
    clock = _Clock(base_ms, now_ms)
    times: list[tuple[int, int]] = []
    for item, slot in zip(items, plan.slots, strict=False):
        start, end = _item_times(item, slot, state, clock)
        times.append((start, end))
    return times


@dataclass
class _Clock:
    """Minutes on the plan's clock from times in ms, and where the plan has got to."""

    base_ms: int
    now_ms: int
    at: int | None = None  # the end of the last item placed; None: nothing ran yet

    def minutes(self, ms: int) -> int:
        return round((ms - self.base_ms) / 60_000)


def _item_times(item: LiveItem, slot: Slot, state: TimerState, clock: _Clock) -> tuple[int, int]:
    run = state.runs.get(item.id)
    times = _ran(item, run, state, clock) if run is not None else None
    if times is None:
        if (run is not None and run.done) or clock.at is None:
            return slot.start, slot.end
        times = _following(item, slot, state, clock)
    clock.at = times[1]
    return times


def _ran(item: LiveItem, run: ItemRun, state: TimerState, clock: _Clock) -> tuple[int, int] | None:
    """The real times of the running item or of one that ran; None for any other."""
    if run.started_ms is None:
        return None
    start = clock.minutes(run.started_ms)
    if item.id == state.current_id:  # it ends when its time is up, or now if it ran over
        reading = countdown(state, item.id, item.minutes, clock.now_ms)
        return start, clock.minutes(clock.now_ms + max(0, reading.remaining_ms))
    if run.done:
        end = clock.minutes(run.ended_ms) if run.ended_ms is not None else start + item.minutes
        return start, end
    return None


def _following(item: LiveItem, slot: Slot, state: TimerState, clock: _Clock) -> tuple[int, int]:
    """An item still to come: after the one before, a pinned one not before its time."""
    assert clock.at is not None
    if state.current_id is None:  # between blocks: nothing starts in the past
        clock.at = max(clock.at, clock.minutes(clock.now_ms))
    start = max(slot.start, clock.at) if item.kind == "pinned" and item.at else clock.at
    return start, start + item.minutes
