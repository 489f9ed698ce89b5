"""Provides the rules of an agenda item's kind, fixed time and method minimum, in one place.

The agenda service (adding an item), `facilitator agenda edit` and the app's item form
all ask here, so a fixed item needs its time and a block or break has none, whoever
changes it.
"""

from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.core.method_format import MethodCard
from facilitator.locale import lazy

PINNED = "pinned"


def item_timing(kind: str, at: str | None) -> dict[str, Any]:
    """The kind and time an item keeps: a fixed item needs its time, others have none."""
    if kind != PINNED:
        return {"kind": kind, "at": None}  # a block or break moves with the plan
    if not at:
        raise ValidationError(lazy("Ein fester Termin braucht eine Uhrzeit (at)."))
    return {"kind": PINNED, "at": at}


def timing_change(
    current: tuple[str, str | None], kind: str | None, at: str | None, clear_at: bool = False
) -> dict[str, Any]:
    """The kind and time fields an edit sets; {} when it changes neither.

    `current` is the item's (kind, at). Naming a time makes the item fixed (keeping
    its time when only the kind is named); naming another kind frees it; clearing
    the time of a fixed item (`clear_at`) makes it a block again.
    """
    current_kind, current_at = current
    if kind == PINNED or (kind is None and at is not None):
        return item_timing(PINNED, at or current_at)
    if kind is not None:
        return item_timing(kind, None)
    if clear_at and current_kind == PINNED:
        return item_timing("block", None)
    return {}


def below_minimum(minutes: int, card: MethodCard | None) -> bool:
    """Whether the item is shorter than its method needs: allowed, but worth saying."""
    return card is not None and minutes < card.duration_min
