"""The phone agenda shows the times as they are now, not as planned (issue 15)."""

from facilitator.store import Store
from facilitator.store.timer import advance, start_or_pause
from facilitator.web.snapshot import build_snapshot


def test_a_late_block_moves_what_follows_but_not_the_pinned_lunch(
    store: Store, workshop_id: str, clock
) -> None:
    start_or_pause(store, workshop_id)  # arrival, planned 09:00–09:15
    clock.advance(minutes=40)  # 25 minutes late
    advance(store, workshop_id)  # greeting starts at 09:40 instead of 09:15
    agenda = build_snapshot(store, workshop_id, "de", {}, 1)["agenda"]
    times = [(row["title"], row["start"], row["end"]) for row in agenda]
    assert times[0][1:] == ("09:00", "09:40")
    assert times[1][1:] == ("09:40", "09:55")
    assert times[2][1:] == ("09:55", "10:40")
    assert times[3] == ("Mittagsimbiss", "11:00", "11:30")  # pinned: still 11:00
    current = build_snapshot(store, workshop_id, "de", {}, 2)["current"]
    assert (current["start"], current["end"]) == ("09:40", "09:55")


def test_before_the_start_the_plan_is_shown(store: Store, workshop_id: str) -> None:
    agenda = build_snapshot(store, workshop_id, "de", {}, 1)["agenda"]
    assert [row["start"] for row in agenda] == ["09:00", "09:15", "09:30", "11:00", "11:30"]
