"""Provides the re-plan after an overrun: catch up before each fixed point, nothing after it.

The rest of the agenda is cut into stretches, each ending at a fixed point: a pinned
item (lunch at 12:00) or the workshop's end. Only a stretch that runs into its fixed
point is shortened, and only its ordinary blocks give time — breaks and pinned items
keep theirs, and no block goes below its floor (the method card's minimum, never
below five minutes). The cut is shared in proportion to what each block can give,
in whole minutes. A stretch that already fits is left alone, so the plan does not
end early.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from facilitator.core.schedule import parse_clock

MINIMUM_MINUTES = 5


class Replannable(Protocol):
    id: str
    minutes: int
    kind: str
    at: str | None


# The caller's own item type (an AgendaItem in the app), so its floor may read its fields.
Item = TypeVar("Item", bound=Replannable)


@dataclass(frozen=True)
class Stretch:
    """The items up to one fixed point, and how far they run into it."""

    item_ids: tuple[str, ...]
    fixed_id: str | None  # the pinned item it ends at; None: the workshop's end
    fixed_at: int | None  # minutes since midnight; None: no end known
    over: int  # minutes into the fixed point before the re-plan
    left: int  # minutes into it after the proposed cut


@dataclass(frozen=True)
class Replan:
    """A proposal: new minutes per item id (changed items only), and what it achieves."""

    minutes: dict[str, int]
    saved: int  # minutes gained
    shortfall: int  # minutes of overlap it could not recover
    stretches: tuple[Stretch, ...] = ()

    @property
    def possible(self) -> bool:
        return bool(self.minutes)


def floor_minutes(card_minimum: int | None) -> int:
    """The shortest a block may become: its card's minimum, never below five minutes."""
    return max(MINIMUM_MINUTES, card_minimum or 0)


def share_cut(items: Sequence[Item], goal: int, floor: Callable[[Item], int]) -> dict[str, int]:
    """Minutes to take from each block to gain `goal` (or as much as they can give)."""
    slack = {it.id: max(0, it.minutes - floor(it)) for it in items if it.kind == "block"}
    total_slack = sum(slack.values())
    goal = min(goal, total_slack)
    if goal <= 0:
        return {}
    shares = {key: goal * value / total_slack for key, value in slack.items()}
    cuts = {key: int(share) for key, share in shares.items()}
    # largest remainder: hand out the minutes lost to rounding down, biggest fractions first
    leftover = goal - sum(cuts.values())
    order = sorted(shares, key=lambda key: (cuts[key] - shares[key], key))
    for key in order[:leftover]:
        cuts[key] += 1
    return {key: cut for key, cut in cuts.items() if cut}


def propose_replan(
    items: Sequence[Item],
    start: int,
    end: int | None,
    floor: Callable[[Item], int] | None = None,
) -> Replan:
    """Shorten `items` (what is still to come, in order) so each fixed point is kept.

    `start` is when the first of them will begin (minutes since midnight: the running
    block's projected end); `end` when the workshop must be over (None: open end).
    """
    floor = floor or (lambda item: MINIMUM_MINUTES)
    minutes: dict[str, int] = {}
    stretches: list[Stretch] = []
    clock, stretch = start, list[Item]()
    pinned_at = _fixed_points(items, start)
    for item in [*items, None]:
        if item is not None and item.id not in pinned_at:
            stretch.append(item)
            clock += item.minutes
            continue
        fixed_at = end if item is None else pinned_at[item.id]
        closed, shortened = _close(stretch, clock, item, fixed_at, floor)
        minutes.update(shortened)
        stretches.append(closed)
        if item is None:
            break
        # a pinned item starts at its time, or late if the stretch could not catch up
        clock = max(pinned_at[item.id], clock - (closed.over - closed.left)) + item.minutes
        stretch = []
    saved = sum(s.over - s.left for s in stretches)
    return Replan(minutes, saved, sum(s.left for s in stretches), tuple(stretches))


def _fixed_points(items: Sequence[Replannable], start: int) -> dict[str, int]:
    """Each pinned item's id -> its time (minutes since midnight of the start's day)."""
    return {it.id: _clock(it.at, start) for it in items if it.kind == "pinned" and it.at}


def _close(
    stretch: list[Item],
    clock: int,
    item: Item | None,
    fixed_at: int | None,
    floor: Callable[[Item], int],
) -> tuple[Stretch, dict[str, int]]:
    """The stretch up to a fixed point (None: the end), and its items' shortened minutes."""
    over = 0 if fixed_at is None else max(0, clock - fixed_at)
    cuts = share_cut(stretch, over, floor) if over else {}
    closed = Stretch(
        tuple(it.id for it in stretch),
        None if item is None else item.id,
        fixed_at,
        over,
        over - sum(cuts.values()),
    )
    return closed, {it.id: it.minutes - cuts[it.id] for it in stretch if it.id in cuts}


def _clock(text: str, day_start: int) -> int:
    at = parse_clock(text)
    # a fixed point after midnight of a workshop that started the evening before
    return at + 24 * 60 if at < day_start - 12 * 60 else at


def lateness(items: Sequence[Replannable], start: int, end: int | None) -> tuple[Stretch, ...]:
    """How far each stretch runs into its fixed point with the minutes as they are."""
    return propose_replan(items, start, end, floor=lambda item: item.minutes).stretches
