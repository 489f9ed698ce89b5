"""Provides the workshop timer, derived from stored timer events.

The timer keeps no state of its own: replaying the events (sorted by their
merge order) gives the running block and its time left, so a restart or the
other laptop arrives at the same answer. Time is always passed in.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from facilitator.core.models import TimerEvent

TIMER_KINDS = ("start", "pause", "extend", "skip", "finish")
WARN_FRACTION = 0.20
CRITICAL_FRACTION = 0.05


@dataclass
class ItemRun:
    """What has happened to one agenda item so far."""

    item_id: str
    started_ms: int | None = None  # first start
    ended_ms: int | None = None
    elapsed_ms: int = 0  # closed segments only
    extension_min: int = 0
    skipped: bool = False

    @property
    def done(self) -> bool:
        return self.skipped or self.ended_ms is not None


@dataclass
class TimerState:
    """The timer as the events leave it."""

    current_id: str | None = None
    running: bool = False
    segment_start_ms: int | None = None
    runs: dict[str, ItemRun] = field(default_factory=dict)

    def run(self, item_id: str) -> ItemRun:
        """Return the run record of an item, creating an empty one."""
        if item_id not in self.runs:
            self.runs[item_id] = ItemRun(item_id)
        return self.runs[item_id]

    def elapsed_ms(self, item_id: str, now_ms: int) -> int:
        """Return the time an item has run, including a running segment."""
        run = self.runs.get(item_id)
        if run is None:
            return 0
        extra = 0
        if self.running and self.current_id == item_id and self.segment_start_ms is not None:
            extra = max(0, now_ms - self.segment_start_ms)
        return run.elapsed_ms + extra


@dataclass(frozen=True)
class Countdown:
    """The big timer's reading for one item at one moment."""

    item_id: str
    planned_ms: int
    elapsed_ms: int
    running: bool

    @property
    def remaining_ms(self) -> int:
        """Time left; negative once the item runs over."""
        return self.planned_ms - self.elapsed_ms

    @property
    def overtime_ms(self) -> int:
        return max(0, -self.remaining_ms)

    @property
    def fraction_left(self) -> float:
        return 0.0 if self.planned_ms <= 0 else max(0.0, self.remaining_ms / self.planned_ms)

    @property
    def level(self) -> str:
        """'ok', 'warn' (20 % left), 'critical' (5 % left) or 'over'."""
        if self.remaining_ms <= 0:
            return "over"
        if self.fraction_left <= CRITICAL_FRACTION:
            return "critical"
        if self.fraction_left <= WARN_FRACTION:
            return "warn"
        return "ok"


def _close_segment(state: TimerState, at_ms: int) -> None:
    if state.running and state.current_id is not None and state.segment_start_ms is not None:
        state.run(state.current_id).elapsed_ms += max(0, at_ms - state.segment_start_ms)
    state.running = False
    state.segment_start_ms = None


def apply_event(state: TimerState, event: TimerEvent) -> None:
    """Apply one event to the state in place."""
    item = event.item_id or state.current_id
    if event.kind == "pause":
        if state.running:
            _close_segment(state, event.at_ms)
        return
    handler = _ITEM_EVENTS.get(event.kind)
    if handler is not None and item is not None:
        handler(state, event, item)


def _start(state: TimerState, event: TimerEvent, item: str) -> None:
    if state.current_id not in (None, item):
        _close_segment(state, event.at_ms)
        state.run(state.current_id).ended_ms = event.at_ms
    elif state.running:
        return  # already running this item
    run = state.run(item)
    run.ended_ms = None
    run.skipped = False
    if run.started_ms is None:
        run.started_ms = event.at_ms
    state.current_id, state.running, state.segment_start_ms = (item, True, event.at_ms)


def _extend(state: TimerState, event: TimerEvent, item: str) -> None:
    state.run(item).extension_min += event.minutes


def _finish(state: TimerState, event: TimerEvent, item: str) -> None:
    """finish or skip: the item's run ends (if it started); skip also marks it skipped."""
    if state.current_id == item:
        _close_segment(state, event.at_ms)
        state.current_id = None
    run = state.run(item)
    if event.kind == "skip":
        # skipped, even once started ("n" then "s"): the moderators did not hold it
        run.skipped = True
    if run.started_ms is not None and run.ended_ms is None:
        run.ended_ms = event.at_ms


# the events about one item (the event's, else the current one); pause is the other
_ITEM_EVENTS: dict[str, Callable[[TimerState, TimerEvent, str], None]] = {
    "start": _start,
    "extend": _extend,
    "finish": _finish,
    "skip": _finish,
}


def derive(events: Iterable[TimerEvent]) -> TimerState:
    """Replay events in merge order and return the resulting state."""
    state = TimerState()
    for event in sorted(events, key=lambda e: e.order):
        apply_event(state, event)
    return state


def countdown(state: TimerState, item_id: str, minutes: int, now_ms: int) -> Countdown:
    """Return the countdown of an item planned for `minutes` (extensions added)."""
    run = state.runs.get(item_id)
    planned = max(0, minutes + (run.extension_min if run else 0)) * 60_000
    running = state.running and state.current_id == item_id
    return Countdown(item_id, planned, state.elapsed_ms(item_id, now_ms), running)


def delay_ms(reading: Countdown, planned_end_ms: int, now_ms: int) -> int:
    """How far the workshop is behind (+) or ahead (-) of the plan at the running item.

    The running item is projected to end when its (extended) time is up, or now if it
    already ran over; the difference to its planned end is the delay.
    """
    projected_end = now_ms + max(0, reading.remaining_ms)
    return projected_end - planned_end_ms
