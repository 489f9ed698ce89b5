"""Provides the agenda's times as they are now: what ran when, and when the rest will run.

The plan says when each item should start; once the workshop runs late (or early)
the phones and the screens should show when it actually started and when the rest
will start, pinned items staying at their time unless the day runs into them.
All times are minutes since the plan's midnight; the time is passed in.
"""

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Protocol

from facilitator.core.schedule import Schedulable, Schedule
from facilitator.core.timer import TimerState, countdown


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

    def minutes(ms: int) -> int:
        return round((ms - base_ms) / 60_000)

    times: list[tuple[int, int]] = []
    clock: int | None = None
    for item, slot in zip(items, plan.slots, strict=False):
        run = state.runs.get(item.id)
        # spelt out (not a `started` flag) so that the checker sees run and its start are set
        if run is not None and run.started_ms is not None and item.id == state.current_id:
            reading = countdown(state, item.id, item.minutes, now_ms)
            start, end = minutes(run.started_ms), minutes(now_ms + max(0, reading.remaining_ms))
            clock = end
        elif run is not None and run.started_ms is not None and run.done:
            start = minutes(run.started_ms)
            end = minutes(run.ended_ms) if run.ended_ms is not None else start + item.minutes
            clock = end
        elif (run is not None and run.done) or clock is None:
            start, end = slot.start, slot.end
        else:
            if state.current_id is None:  # between blocks: nothing starts in the past
                clock = max(clock, minutes(now_ms))
            start = max(slot.start, clock) if item.kind == "pinned" and item.at else clock
            end = start + item.minutes
            clock = end
        times.append((start, end))
    return times
