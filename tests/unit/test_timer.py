"""The timer derived from events: running block, time left, warnings, overtime."""

from facilitator.core.models import TimerEvent
from facilitator.core.timer import countdown, delay_ms, derive

MIN = 60_000


def events(*specs: tuple) -> list[TimerEvent]:
    return [
        TimerEvent(kind, item, at, minutes, order=f"{n:05d}")
        for n, (kind, item, at, *rest) in enumerate(specs)
        for minutes in [rest[0] if rest else 0]
    ]


def test_running_item_counts_down() -> None:
    state = derive(events(("start", "a", 0)))
    reading = countdown(state, "a", 10, 4 * MIN)
    assert state.current_id == "a" and state.running
    assert reading.remaining_ms == 6 * MIN
    assert reading.level == "ok"


def test_pause_stops_the_clock_and_resume_continues() -> None:
    state = derive(events(("start", "a", 0), ("pause", "a", 2 * MIN), ("start", "a", 10 * MIN)))
    assert countdown(state, "a", 10, 11 * MIN).elapsed_ms == 3 * MIN


def test_warning_levels_at_20_and_5_percent_and_overtime() -> None:
    state = derive(events(("start", "a", 0)))
    assert countdown(state, "a", 100, 79 * MIN).level == "ok"
    assert countdown(state, "a", 100, 81 * MIN).level == "warn"
    assert countdown(state, "a", 100, 96 * MIN).level == "critical"
    over = countdown(state, "a", 100, 103 * MIN)
    assert over.level == "over" and over.overtime_ms == 3 * MIN


def test_extend_and_shorten_change_the_planned_time() -> None:
    state = derive(events(("start", "a", 0), ("extend", "a", 1, 5), ("extend", "a", 2, -2)))
    assert countdown(state, "a", 10, 0).planned_ms == 13 * MIN


def test_starting_the_next_item_ends_the_previous_one() -> None:
    state = derive(events(("start", "a", 0), ("finish", "a", 5 * MIN), ("start", "b", 5 * MIN)))
    assert state.runs["a"].ended_ms == 5 * MIN
    assert state.current_id == "b"


def test_starting_the_next_item_without_finish_ends_the_running_one() -> None:
    # The moderator presses "next" on a running block: no finish event, only a start.
    state = derive(events(("start", "a", 0), ("start", "b", 7 * MIN)))
    assert state.runs["a"].ended_ms == 7 * MIN and state.runs["a"].done
    assert countdown(state, "a", 10, 20 * MIN).elapsed_ms == 7 * MIN  # its clock stopped
    assert (state.current_id, state.running) == ("b", True)


def test_skip_marks_an_unstarted_item_as_skipped() -> None:
    state = derive(events(("skip", "b", 0)))
    assert state.runs["b"].skipped and state.runs["b"].done


def test_events_are_replayed_in_merge_order_not_arrival_order() -> None:
    evs = events(("start", "a", 0), ("pause", "a", 2 * MIN))
    assert derive(reversed(evs)).running is False


def test_delay_is_positive_when_behind_the_plan() -> None:
    state = derive(events(("start", "a", 0)))
    reading = countdown(state, "a", 10, 12 * MIN)  # two minutes over
    assert delay_ms(reading, planned_end_ms=10 * MIN, now_ms=12 * MIN) == 2 * MIN
    early = countdown(state, "a", 10, 1 * MIN)
    assert delay_ms(early, planned_end_ms=15 * MIN, now_ms=1 * MIN) == -5 * MIN
