"""Tests of the re-plan after an overrun."""

from dataclasses import dataclass

from facilitator.core.replan import propose_replan


@dataclass
class Item:
    id: str
    minutes: int
    kind: str = "block"


def test_shortens_blocks_in_proportion() -> None:
    items = [Item("a", 45), Item("b", 25), Item("pause", 15, "break")]
    plan = propose_replan(items, 10)
    assert plan.saved == 10 and plan.shortfall == 0
    # slack 40 and 20: a gives two thirds
    assert plan.minutes == {"a": 38, "b": 22}
    assert "pause" not in plan.minutes


def test_breaks_and_pinned_keep_their_time() -> None:
    items = [Item("lunch", 30, "pinned"), Item("pause", 15, "break"), Item("x", 20)]
    assert propose_replan(items, 5).minutes == {"x": 15}


def test_never_below_minimum_and_reports_shortfall() -> None:
    items = [Item("a", 8), Item("b", 6), Item("c", 4)]
    plan = propose_replan(items, 20)
    assert plan.minutes == {"a": 5, "b": 5}
    assert (plan.saved, plan.shortfall) == (4, 16)


def test_nothing_to_do() -> None:
    assert not propose_replan([Item("a", 30)], 0).possible
    assert not propose_replan([Item("a", 5)], 10).possible


def test_rounding_keeps_the_total() -> None:
    items = [Item(str(i), 20) for i in range(3)]
    plan = propose_replan(items, 10)
    assert sum(20 - m for m in plan.minutes.values()) == 10
    assert sorted(plan.minutes.values()) == [16, 17, 17]
