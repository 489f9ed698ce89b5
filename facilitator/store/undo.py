"""Provides undo (ctrl+z): reverse the last change this laptop made in a workshop.

Undo is itself an op, so the other laptop sees it and it survives a restart. Each
undo op names the op it reverses in "_undo" (keys starting with "_" are not applied),
so pressing undo again reverses the change before, not the undo. Ops that share a
"_batch" id (one CSV import) are reversed together by one undo.
"""

import json
from dataclasses import dataclass
from typing import Any

from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import rows

UNDOABLE_TABLES = ("capture", "agenda_item", "participant")
_DELETE_VERB = {"capture": "delete", "agenda_item": "remove", "participant": "delete"}
_LOOKBACK = 500  # ops of this laptop searched for something to undo


@dataclass(frozen=True)
class Undone:
    """What an undo reversed."""

    kind: str  # the op kind reversed, e.g. "capture.add"
    entity_id: str


def _reverse(kind: str, payload: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    table, _, verb = kind.partition(".")
    entity_id = payload.get("id")
    if table not in UNDOABLE_TABLES or not entity_id:
        return None
    if "_before" in payload:
        before = payload["_before"]
        after = {k: payload[k] for k in before if k in payload}
        return kind, {"id": entity_id, **before, "_before": after}
    if verb == "add":
        return f"{table}.{_DELETE_VERB[table]}", {"id": entity_id, "deleted": 1}
    if "deleted" in payload:
        flipped = 0 if payload["deleted"] else 1
        verb = "restore" if not flipped else _DELETE_VERB[table]
        return f"{table}.{verb}", {"id": entity_id, "deleted": flipped}
    return None


def last_undoable(store: Store, workshop_id: str) -> tuple[str, str, dict[str, Any]] | None:
    """Return (uuid, kind, payload) of the newest op of this laptop that undo would reverse."""
    found = rows(
        store,
        "SELECT uuid, kind, payload FROM op WHERE node = ? AND workshop_id = ? "
        "ORDER BY seq DESC LIMIT ?",
        [store.node_id, workshop_id, _LOOKBACK],
    )
    undone: set[str] = set()
    for row in found:
        payload = json.loads(row["payload"])
        if "_undo" in payload:
            undone.add(payload["_undo"])
            continue
        if payload.get("_auto"):  # the timer opened or closed a form: not a moderator's step
            continue
        if row["uuid"] in undone:
            continue
        if _reverse(row["kind"], payload) is not None:
            return row["uuid"], row["kind"], payload
    return None


def _batch_ops(store: Store, workshop_id: str, batch: str) -> list[tuple[str, str, dict]]:
    """Return (uuid, kind, payload) of this laptop's ops in one batch, newest first."""
    found = rows(
        store,
        "SELECT uuid, kind, payload FROM op WHERE node = ? AND workshop_id = ? "
        "AND json_extract(payload, '$._batch') = ? ORDER BY seq DESC",
        [store.node_id, workshop_id, batch],
    )
    return [(r["uuid"], r["kind"], json.loads(r["payload"])) for r in found]


def undo_last(store: Store, workshop_id: str) -> Undone | None:
    """Reverse the last change of this laptop in the workshop; None if there is nothing."""
    with store.transaction():
        last = last_undoable(store, workshop_id)
        if last is None:
            return None
        op_uuid, kind, payload = last
        batch = payload.get("_batch")
        group = _batch_ops(store, workshop_id, batch) if isinstance(batch, str) else [last]
        for member_uuid, member_kind, member_payload in group:
            reverse = _reverse(member_kind, member_payload)
            if reverse is None:
                continue
            new_kind, new_payload = reverse
            record(store, new_kind, {**new_payload, "_undo": member_uuid}, workshop_id)
    return Undone(kind, str(payload["id"]))
