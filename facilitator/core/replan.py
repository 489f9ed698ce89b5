"""Provides the re-plan after an overrun: shorten the flexible blocks that are still to come.

Only ordinary blocks give time; breaks and pinned items keep theirs, and no block
is cut below a minimum. The cut is shared in proportion to what each block can give
(its minutes above the minimum), in whole minutes.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

MINIMUM_MINUTES = 5


class Replannable(Protocol):
    id: str
    minutes: int
    kind: str


@dataclass(frozen=True)
class Replan:
    """A proposal: new minutes per item id (changed items only), and what it achieves."""

    minutes: dict[str, int]
    saved: int  # minutes gained
    shortfall: int  # minutes of the overrun it could not recover

    @property
    def possible(self) -> bool:
        return bool(self.minutes)


def propose_replan(
    items: Sequence[Replannable], overrun_minutes: int, minimum: int = MINIMUM_MINUTES
) -> Replan:
    """Return the shortened minutes of `items` (the rest of the agenda) to recover the overrun."""
    if overrun_minutes <= 0:
        return Replan({}, 0, 0)
    slack = {it.id: max(0, it.minutes - minimum) for it in items if it.kind == "block"}
    total_slack = sum(slack.values())
    goal = min(overrun_minutes, total_slack)
    if goal == 0:
        return Replan({}, 0, overrun_minutes)
    shares = {key: goal * value / total_slack for key, value in slack.items()}
    cuts = {key: int(share) for key, share in shares.items()}
    # largest remainder: hand out the minutes lost to rounding down, biggest fractions first
    leftover = goal - sum(cuts.values())
    order = sorted(shares, key=lambda key: (cuts[key] - shares[key], key))
    for key in order[:leftover]:
        cuts[key] += 1
    minutes = {it.id: it.minutes - cuts[it.id] for it in items if cuts.get(it.id)}
    return Replan(minutes, goal, overrun_minutes - goal)
