"""Agenda scheduling: clock times from durations, pinned items, overruns."""

from dataclasses import dataclass

import pytest

from facilitator.core.schedule import format_clock, parse_clock, schedule


@dataclass
class Item:
    minutes: int
    kind: str = "block"
    at: str | None = None


def test_items_follow_each_other_from_the_start_time() -> None:
    plan = schedule([Item(15), Item(30), Item(45)], "09:00", "11:00")
    assert [(s.start_text, s.end_text) for s in plan.slots] == [
        ("09:00", "09:15"),
        ("09:15", "09:45"),
        ("09:45", "10:30"),
    ]
    assert plan.total_minutes == 90
    assert plan.available_minutes == 120
    assert plan.fits and plan.overrun_minutes == 0


def test_pinned_item_keeps_its_clock_time_and_leaves_a_gap() -> None:
    plan = schedule([Item(30), Item(30, "pinned", "10:00"), Item(20)], "09:00", "11:00")
    assert plan.slots[1].start_text == "10:00"
    assert plan.slots[1].gap_before == 30
    assert plan.slots[2].start_text == "10:30"


def test_items_that_run_into_a_pinned_item_are_an_overrun() -> None:
    plan = schedule([Item(50), Item(30, "pinned", "09:45")], "09:00", "12:00")
    assert plan.slots[1].start_text == "09:45"
    assert plan.slots[1].squeezed == 5
    assert plan.overrun_minutes == 5 and not plan.fits


def test_plan_past_its_end_is_an_overrun() -> None:
    plan = schedule([Item(100), Item(30)], "09:00", "11:00")
    assert plan.overrun_minutes == 10
    assert not plan.fits


def test_no_end_means_no_overrun_against_the_end() -> None:
    assert schedule([Item(600)], "09:00").overrun_minutes == 0


@pytest.mark.parametrize("text", ["9", "24:00", "09:60", "ab:cd", "9:5", ""])
def test_bad_clock_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_clock(text)


def test_clock_round_trip() -> None:
    assert format_clock(parse_clock("07:05")) == "07:05"
    assert format_clock(25 * 60) == "01:00"


def test_overlap_and_past_end_add_up_and_match_the_total() -> None:
    # 20 min run into the lunch at 10:00, and after it the plan ends 30 min past 11:00
    items = [Item(80), Item(30, "pinned", "10:00"), Item(60)]
    plan = schedule(items, "09:00", "11:00")
    assert [s.index for s in plan.overlaps()] == [1]
    assert (plan.squeezed_minutes, plan.past_end_minutes) == (20, 30)
    assert plan.overrun_minutes == 50
    assert plan.total_minutes - plan.available_minutes == plan.overrun_minutes
