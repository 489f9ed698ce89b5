"""Tests of the re-plan after an overrun: fixed points and the end are kept."""

from dataclasses import dataclass

from facilitator.core.replan import floor_minutes, lateness, propose_replan
from facilitator.core.schedule import parse_clock


@dataclass
class Item:
    id: str
    minutes: int
    kind: str = "block"
    at: str | None = None


def at(text: str) -> int:
    return parse_clock(text)


def test_only_the_blocks_before_the_pinned_break_give_time() -> None:
    # 21 min late: the next block starts 10:21 instead of 10:00; coffee fixed at 11:00
    items = [
        Item("a", 30),
        Item("b", 30),
        Item("coffee", 15, "pinned", "11:00"),
        Item("c", 45),
        Item("d", 30),
    ]
    plan = propose_replan(items, at("10:21"), at("12:30"))
    assert set(plan.minutes) == {"a", "b"}
    assert sum(30 - m for m in plan.minutes.values()) == 21
    assert (plan.saved, plan.shortfall) == (21, 0)
    # after the break nothing changes, so the plan still ends at 12:30, not 29 min early
    assert [s.left for s in plan.stretches] == [0, 0]
    assert plan.stretches[0].fixed_id == "coffee" and plan.stretches[1].fixed_id is None


def test_the_end_is_a_fixed_point_too() -> None:
    items = [Item("a", 40), Item("pause", 15, "break"), Item("b", 20)]
    plan = propose_replan(items, at("11:10"), at("12:20"))
    # 11:10 + 75 = 12:25: five minutes past the end, taken from the blocks only
    assert plan.saved == 5 and "pause" not in plan.minutes
    assert sum(plan.minutes.values()) == 55


def test_a_stretch_that_fits_is_left_alone() -> None:
    items = [Item("a", 30), Item("lunch", 45, "pinned", "12:00"), Item("b", 60)]
    assert not propose_replan(items, at("11:00"), at("14:00")).possible


def test_card_minimum_and_five_minutes_are_floors() -> None:
    items = [Item("a", 30, "block"), Item("b", 8), Item("lunch", 30, "pinned", "10:00")]
    floors = {"a": floor_minutes(25), "b": floor_minutes(None)}
    plan = propose_replan(items, at("09:40"), None, floor=lambda it: floors[it.id])
    # 18 min into lunch; a can give 5, b can give 3: 10 min remain
    assert plan.minutes == {"a": 25, "b": 5}
    assert (plan.saved, plan.shortfall) == (8, 10)


def test_a_late_pinned_item_pushes_what_follows() -> None:
    items = [Item("a", 6), Item("lunch", 30, "pinned", "10:00"), Item("b", 30)]
    stretches = lateness(items, at("09:59"), at("11:00"))
    # lunch starts 10:05 (5 min late), ends 10:35; b ends 11:05: 5 past the end
    assert [s.over for s in stretches] == [5, 5]


def test_rounding_keeps_the_total() -> None:
    items = [Item(str(i), 20) for i in range(3)]
    plan = propose_replan(items, at("09:10"), at("10:00"))
    assert sum(20 - m for m in plan.minutes.values()) == 10
    assert sorted(plan.minutes.values()) == [16, 17, 17]


def test_nothing_to_do_on_time() -> None:
    assert not propose_replan([Item("a", 30)], at("09:00"), at("09:30")).possible
    assert not propose_replan([Item("a", 5)], at("09:00"), at("09:01")).possible
