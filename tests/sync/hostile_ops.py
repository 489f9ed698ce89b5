"""Provides forged ops (issue 12, item 6) for the sync and `import json` hostile suites.

Each entry builds an op dict as `op_to_dict` writes it, for a workshop with one agenda
item, at a clock just behind `now_ms`; the sync route, the sync client and `import json`
must refuse each one by name and write nothing.
"""

import uuid
from collections.abc import Callable
from typing import Any

from facilitator.core.hlc import format_hlc

YEAR_MS = 365 * 24 * 3600 * 1000

Forge = Callable[[str, str, int], dict[str, Any]]


def op(kind: str, payload: dict[str, Any], workshop_id: str | None, hlc: str) -> dict[str, Any]:
    """Return an op dict from a forged peer."""
    return {
        "uuid": "forged-" + uuid.uuid4().hex[:12],
        "hlc": hlc,
        "node": "forger",
        "kind": kind,
        "workshop_id": workshop_id,
        "payload": payload,
        "created_at": "2026-11-29T10:00:00+01:00",
    }


def _recent(now_ms: int) -> str:
    return format_hlc(now_ms - 1000, 0)


def _capture(ws: str, now_ms: int, hlc: str | None = None, **fields: Any) -> dict[str, Any]:
    payload = {"id": uuid.uuid4().hex, "workshop_id": ws, "kind": "idea", "text": "Idee"}
    return op("capture.add", {**payload, **fields}, ws, hlc or _recent(now_ms))


def _item(ws: str, item: str, now_ms: int, **fields: Any) -> dict[str, Any]:
    return op("agenda_item.update", {"id": item, **fields}, ws, _recent(now_ms))


FORGED: dict[str, Forge] = {
    "arabic-indic digits in the clock": lambda ws, item, now: _capture(
        ws, now, "١" * 15 + "." + "١" * 5
    ),
    "maximal clock": lambda ws, item, now: _capture(ws, now, "999999999999999.99999"),
    "overlong clock": lambda ws, item, now: _capture(ws, now, "0" + _recent(now)),
    "clock 100 years ahead": lambda ws, item, now: _capture(
        ws, now, format_hlc(now + 100 * YEAR_MS, 0)
    ),
    "clock 100 years ahead, unknown kind": lambda ws, item, now: op(
        "gadget.spin", {"id": "g1"}, ws, format_hlc(now + 100 * YEAR_MS, 0)
    ),
    "unknown kind": lambda ws, item, now: op("gadget.spin", {"id": "g1"}, ws, _recent(now)),
    "minutes abc": lambda ws, item, now: _item(ws, item, now, minutes="abc"),
    "at 99:99": lambda ws, item, now: _item(ws, item, now, at="99:99"),
    "dot_budget many": lambda ws, item, now: _item(ws, item, now, dot_budget="many"),
    "position infinite": lambda ws, item, now: _item(ws, item, now, position=float("inf")),
    "workshop start xx": lambda ws, item, now: op(
        "workshop.update", {"id": ws, "start": "xx"}, ws, _recent(now)
    ),
    "organisation named null": lambda ws, item, now: op(
        "organisation.add", {"id": "o-null", "name": None}, None, _recent(now)
    ),
    "organisation merged into itself": lambda ws, item, now: op(
        "organisation.merge", {"id": "o1", "merged_into": "o1"}, None, _recent(now)
    ),
    "7 MB capture text": lambda ws, item, now: _capture(ws, now, text="x" * 7_000_000),
    "capture of another workshop": lambda ws, item, now: _capture(ws, now, workshop_id="other"),
    "capture kind unknown": lambda ws, item, now: _capture(ws, now, kind="rant"),
    "capture id not text": lambda ws, item, now: _capture(ws, now, id={"nested": 1}),
    "vote of 99 dots": lambda ws, item, now: op(
        "vote.set",
        {"id": "c:v", "workshop_id": ws, "capture_id": "c", "voter": "v", "dots": 99},
        ws,
        _recent(now),
    ),
    "timer event in 100 years": lambda ws, item, now: op(
        "timer.start",
        {"kind": "start", "item_id": item, "at_ms": now + 100 * YEAR_MS, "minutes": 0},
        ws,
        _recent(now),
    ),
    "unknown field": lambda ws, item, now: _capture(ws, now, colour="red"),
    # json.loads keeps "\\ud800" as a lone surrogate, which SQLite cannot store
    "lone surrogate in capture text": lambda ws, item, now: _capture(ws, now, text="Idee \ud800"),
    "lone surrogate in a field name": lambda ws, item, now: _capture(ws, now, **{"\udfff": "x"}),
}
