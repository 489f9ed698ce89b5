"""Provides what the screens show about the timer, computed from the store's services.

The timer state is re-derived only when the data changed (the app counts commits);
between changes each tick is arithmetic on the cached state, so the Run screen costs
next to nothing while it counts down.
"""

from dataclasses import dataclass, field

from facilitator.core import live_plan
from facilitator.core.models import AgendaItem
from facilitator.core.schedule import Schedule
from facilitator.core.timer import Countdown, TimerState, countdown, delay_ms
from facilitator.store.agenda import workshop_schedule
from facilitator.store.db import Store
from facilitator.store.timer import next_open_item, timer_state
from facilitator.store.workshops import get_workshop


@dataclass
class Snapshot:
    """The agenda and timer as stored, at one data version."""

    items: list[AgendaItem] = field(default_factory=list)
    plan: Schedule | None = None
    state: TimerState = field(default_factory=TimerState)
    upcoming: AgendaItem | None = None
    workshop_date: str | None = None
    title: str = ""

    @property
    def current(self) -> AgendaItem | None:
        return next((it for it in self.items if it.id == self.state.current_id), None)


def load_snapshot(store: Store, workshop_id: str) -> Snapshot:
    """Read the agenda, its schedule and the timer state (a few small queries)."""
    workshop = get_workshop(store, workshop_id)
    items, plan = workshop_schedule(store, workshop_id)
    state = timer_state(store, workshop_id)
    upcoming = next_open_item(store, workshop_id, state)
    return Snapshot(items, plan, state, upcoming, workshop.date, workshop.title)


def reading(snapshot: Snapshot, now_ms: int) -> Countdown | None:
    """Return the countdown of the running (or paused) item, if any."""
    item = snapshot.current
    if item is None:
        return None
    return countdown(snapshot.state, item.id, item.minutes, now_ms)


def plan_base_ms(snapshot: Snapshot, now_ms: int) -> int | None:
    """Return the moment the plan's clock times count from (see core.live_plan)."""
    return live_plan.plan_base_ms(
        snapshot.items, snapshot.plan, snapshot.state, snapshot.workshop_date, now_ms
    )


def workshop_delay_ms(snapshot: Snapshot, now_ms: int) -> int | None:
    """How far the running item will end after (+) or before (-) its planned end."""
    item, current = snapshot.current, reading(snapshot, now_ms)
    base = plan_base_ms(snapshot, now_ms)
    if item is None or current is None or base is None or snapshot.plan is None:
        return None
    position = next(i for i, it in enumerate(snapshot.items) if it.id == item.id)
    planned_end = base + snapshot.plan.slots[position].end * 60_000
    return delay_ms(current, planned_end, now_ms)


def open_item_after(snapshot: Snapshot, item: AgendaItem) -> AgendaItem | None:
    """The first item after `item` that has not run yet (what follows the one space starts)."""
    ids = [it.id for it in snapshot.items]
    start = ids.index(item.id) + 1 if item.id in ids else len(ids)
    for later in snapshot.items[start:]:
        run = snapshot.state.runs.get(later.id)
        if later.id != snapshot.state.current_id and (run is None or not run.done):
            return later
    return None


def remaining_items(snapshot: Snapshot) -> list[AgendaItem]:
    """The running item and every item after it that has not run yet."""
    ids = [it.id for it in snapshot.items]
    start = ids.index(snapshot.state.current_id) if snapshot.state.current_id in ids else 0
    return [
        it
        for it in snapshot.items[start:]
        if it.id == snapshot.state.current_id
        or it.id not in snapshot.state.runs
        or not snapshot.state.runs[it.id].done
    ]


@dataclass(frozen=True)
class RestOfDay:
    """What a re-plan works on: the items still to come and when the first one starts."""

    items: list[AgendaItem]
    start: int  # minutes since midnight on the plan's clock
    end: int | None  # when the workshop must be over


def rest_of_day(snapshot: Snapshot, now_ms: int) -> RestOfDay | None:
    """The items after the running one, starting when it is projected to end.

    None while the plan's clock cannot be placed (nothing started on another day).
    """
    base = plan_base_ms(snapshot, now_ms)
    if base is None or snapshot.plan is None:
        return None
    current = reading(snapshot, now_ms)
    ends_ms = now_ms + max(0, current.remaining_ms) if current else now_ms
    start = -(-(ends_ms - base) // 60_000)  # whole minutes, rounded up
    items = [it for it in remaining_items(snapshot) if it.id != snapshot.state.current_id]
    return RestOfDay(items, start, snapshot.plan.available_end)


def clock_text(ms: int) -> str:
    """Return mm:ss (or h:mm:ss) of a duration; the sign is the caller's business."""
    seconds = abs(ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def timer_text(current: Countdown) -> str:
    """What the big digits show: time left, or "+overtime" once it ran over."""
    if current.remaining_ms > 0:
        # round up so the display reaches 00:00 exactly when the time is up
        return clock_text(current.remaining_ms + 999)
    return "+" + clock_text(current.overtime_ms)
