"""Provides the op log: every change is an op, applied to the projections in one transaction.

Entity ops are named "<table>.<verb>" (capture.add, capture.edit, capture.delete …)
and carry {"id": …, field: value, …}; they apply last-writer-wins per field by the
op's stamp (hlc@node), so any order or repetition of delivery converges. Keys that
start with "_" (such as "_before", kept for undo) are not applied. Timer ops append.
"""

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from facilitator.core.clean import name_key
from facilitator.core.hlc import stamp
from facilitator.store.columns import COLUMNS, JSON_COLUMNS
from facilitator.store.db import Op, Store
from facilitator.store.erasure import (
    ERASE_KIND,
    PURGE_KIND,
    apply_erase,
    apply_purge,
    apply_redact,
    forget_claim,
    scrub_incoming,
)
from facilitator.store.op_check import check_ops
from facilitator.store.photo_erasure import PHOTO_ERASE_KIND, apply_photo_erase, is_photo_erased
from facilitator.store.workshop_erasure import (
    WORKSHOP_ERASE_KIND,
    apply_workshop_erase,
    is_workshop_erased,
)

OP_COLUMNS = "seq, uuid, hlc, node, kind, workshop_id, payload, created_at"


def record(store: Store, kind: str, payload: dict[str, Any], workshop_id: str | None) -> Op:
    """Append an op made on this laptop and apply it, in one transaction."""
    with store.transaction():
        hlc = store.clock.now()
        op = Op(
            0,
            uuid.uuid4().hex,
            hlc,
            store.node_id,
            kind,
            workshop_id,
            payload,
            store.now_text(),
        )
        return _insert_and_apply(store, op)


def _insert_and_apply(store: Store, op: Op) -> Op:
    # An op of an erased workshop is not stored at all: its tombstone wins.
    if op.kind != WORKSHOP_ERASE_KIND and is_workshop_erased(store.conn, op.workshop_id):
        return op
    if (
        op.kind.startswith("photo.")
        and op.kind != PHOTO_ERASE_KIND
        and is_photo_erased(store.conn, op.payload.get("id"))
    ):
        return op  # an erased photo's bytes never come back
    # An op about an erased person (an old export, a peer that had not heard) is
    # stored and applied without the personal fields: the tombstone wins.
    payload = scrub_incoming(
        store.conn, op.kind, op.payload, op.workshop_id, op_stamp=stamp(op.hlc, op.node)
    )
    if payload is not op.payload:
        op = Op(op.seq, op.uuid, op.hlc, op.node, op.kind, op.workshop_id, payload, op.created_at)
    cursor = store.conn.execute(
        "INSERT INTO op(uuid, hlc, node, kind, workshop_id, payload, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uuid) DO NOTHING",
        [
            op.uuid,
            op.hlc,
            op.node,
            op.kind,
            op.workshop_id,
            json.dumps(op.payload, ensure_ascii=False, separators=(",", ":")),
            op.created_at,
        ],
    )
    if cursor.rowcount == 0:
        return op  # already have it: delivery is idempotent
    op = Op(
        cursor.lastrowid or 0,
        *[
            getattr(op, f)
            for f in ("uuid", "hlc", "node", "kind", "workshop_id", "payload", "created_at")
        ],
    )
    apply_op(store.conn, op)
    store.note_committed(op)
    return op


def insert_remote_ops(store: Store, ops: Iterable[Op]) -> int:
    """Insert ops from the other laptop (or an import) idempotently; return how many were new.

    BadOp (a ValidationError naming the op) if one of them breaks a rule; then none is
    inserted.

    Call inside `store.transaction()` together with the cursor update.
    """
    # Every op is checked before the first is written: a bad one (BadOp names it)
    # refuses the batch, and nothing of it reaches a projection.
    ops = check_ops(ops, store.now_ms())
    new = 0
    with store.transaction():
        for op in ops:
            store.clock.observe(op.hlc)
            before = store.conn.total_changes
            _insert_and_apply(store, op)
            new += store.conn.total_changes > before
    return new


def apply_op(conn: sqlite3.Connection, op: Op) -> None:
    """Apply one op to the projection tables."""
    table = op.kind.partition(".")[0]
    erase = _ERASURES.get(op.kind)
    if erase is not None:
        erase(conn, op)
    elif table == "timer":
        _apply_timer(conn, op)
    elif table in COLUMNS and isinstance(op.payload.get("id"), str | int):
        _apply_entity(conn, op, table)
    # Other kinds apply nothing; op_check refuses unknown kinds from outside.


def _erase_workshop(conn: sqlite3.Connection, op: Op) -> None:
    if isinstance(op.payload.get("id"), str) and op.payload["id"] == op.workshop_id:
        apply_workshop_erase(conn, op.payload["id"], op.created_at)


def _erase_photo(conn: sqlite3.Connection, op: Op) -> None:
    if isinstance(op.payload.get("id"), str):
        apply_photo_erase(conn, op.payload["id"], op.created_at)


def _erase_person(conn: sqlite3.Connection, op: Op) -> None:
    if isinstance(op.payload.get("id"), str):
        apply_erase(conn, op.payload["id"], op.created_at)


def _purge_workshop(conn: sqlite3.Connection, op: Op) -> None:
    if isinstance(op.payload.get("id"), str):
        apply_purge(conn, op.payload["id"], op.created_at)


_ERASURES: dict[str, Callable[[sqlite3.Connection, Op], None]] = {
    WORKSHOP_ERASE_KIND: _erase_workshop,
    PHOTO_ERASE_KIND: _erase_photo,
    ERASE_KIND: _erase_person,
    PURGE_KIND: _purge_workshop,
}


def _apply_timer(conn: sqlite3.Connection, op: Op) -> None:
    payload = op.payload
    if not _valid_timer(payload):
        return  # ops from outside never get here malformed (op_check); old log entries may
    conn.execute(
        "INSERT OR IGNORE INTO timer_event(id, workshop_id, item_id, kind, at_ms, minutes,"
        " hlc, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            op.uuid,
            op.workshop_id,
            payload.get("item_id"),
            payload["kind"],
            int(payload["at_ms"]),
            int(payload.get("minutes") or 0),
            op.hlc,
            op.node,
        ],
    )


def _apply_entity(conn: sqlite3.Connection, op: Op, table: str) -> None:
    verb, row_id = op.kind.partition(".")[2], str(op.payload["id"])
    # A value SQLite cannot store is left out: op_check refuses such ops from outside,
    # but a database written by an older version may still hold one in its log.
    fields = {
        k: v
        for k, v in op.payload.items()
        if k in COLUMNS[table] and (k in JSON_COLUMNS or _storable(v))
    }
    if verb == "add" and "hlc" in COLUMNS[table]:
        # The row's creation clock orders captures "oldest first" on both laptops;
        # services cannot put it in the payload (the clock ticks in `record`).
        fields.setdefault("hlc", op.hlc)
    lww_upsert(conn, table, row_id, fields, stamp(op.hlc, op.node))
    _after_upsert(conn, op, table, row_id, fields)


def _after_upsert(
    conn: sqlite3.Connection, op: Op, table: str, row_id: str, fields: dict[str, Any]
) -> None:
    """What follows from a row's new fields beyond the row itself."""
    verb = op.kind.partition(".")[2]
    if table == "organisation" and "name" in fields:
        # the indexed lookup key follows whichever name won last-writer-wins
        conn.execute(
            "UPDATE organisation SET name_key = ? WHERE id = ?",
            [name_key(_stored_name(conn, row_id)), row_id],
        )
    if verb == "redact":  # the old words leave the earlier ops too (store/name_hits)
        apply_redact(conn, table, row_id, fields, stamp(op.hlc, op.node))
    if table == "claim" and fields.get("status") not in (None, "open"):
        forget_claim(conn, row_id)  # decided: its copy of the person goes


def _stored_name(conn: sqlite3.Connection, org_id: str) -> str | None:
    row = conn.execute("SELECT name FROM organisation WHERE id = ?", [org_id]).fetchone()
    return row[0] if row else None


_SCALARS = frozenset({type(None), str, int, float, bool})


def _storable(value: Any) -> bool:
    return type(value) in _SCALARS


def _valid_timer(payload: dict[str, Any]) -> bool:
    try:
        int(payload["at_ms"])
        int(payload.get("minutes") or 0)
    except (KeyError, TypeError, ValueError):
        return False
    return isinstance(payload.get("kind"), str) and _storable(payload.get("item_id"))


def lww_upsert(
    conn: sqlite3.Connection, table: str, row_id: str, fields: dict[str, Any], op_stamp: str
) -> None:
    """Set each field whose stored stamp is older than `op_stamp`; create the row if new."""
    values = {
        k: json.dumps(v, ensure_ascii=False) if k in JSON_COLUMNS else v for k, v in fields.items()
    }
    row = conn.execute(f"SELECT clocks FROM {table} WHERE id = ?", [row_id]).fetchone()
    if row is None:
        _insert_row(conn, table, row_id, values, op_stamp)
        return
    clocks = json.loads(row[0] or "{}")
    newer = {k: v for k, v in values.items() if op_stamp > clocks.get(k, "")}
    if not newer:
        return
    clocks.update({k: op_stamp for k in newer})
    assignments = ", ".join(f"{k} = ?" for k in newer)
    conn.execute(
        f"UPDATE {table} SET {assignments}, clocks = ? WHERE id = ?",
        [*newer.values(), json.dumps(clocks), row_id],
    )


def _insert_row(
    conn: sqlite3.Connection, table: str, row_id: str, values: dict[str, Any], op_stamp: str
) -> None:
    clocks = {k: op_stamp for k in values}
    names = ["id", *values, "clocks"]
    conn.execute(
        f"INSERT INTO {table}({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [row_id, *values.values(), json.dumps(clocks)],
    )


def row_to_op(row: sqlite3.Row | tuple) -> Op:
    """Build an Op from a row selected with OP_COLUMNS."""
    seq, op_uuid, hlc, node, kind, workshop_id, payload, created_at = row
    return Op(seq, op_uuid, hlc, node, kind, workshop_id, json.loads(payload), created_at)


def ops_after(store: Store, after: int, limit: int = 1000) -> list[Op]:
    """Return ops with a local sequence number above `after`, oldest first."""
    rows = store.conn.execute(
        f"SELECT {OP_COLUMNS} FROM op WHERE seq > ? ORDER BY seq LIMIT ?", [after, limit]
    ).fetchall()
    return [row_to_op(r) for r in rows]


def op_to_dict(op: Op) -> dict[str, Any]:
    """Return an op as JSON-able data (without the local sequence number)."""
    return {
        "uuid": op.uuid,
        "hlc": op.hlc,
        "node": op.node,
        "kind": op.kind,
        "workshop_id": op.workshop_id,
        "payload": op.payload,
        "created_at": op.created_at,
    }


def op_from_dict(data: dict[str, Any]) -> Op:
    """Build an op from `op_to_dict` data; KeyError/ValueError if malformed.

    Only the shape is checked here; `insert_remote_ops` checks the clock and the content
    (and names the op it refuses).
    """
    if (
        not isinstance(data["hlc"], str)
        or not isinstance(data["payload"], dict)
        or not isinstance(data["kind"], str)
        or not isinstance(data["uuid"], str)
        or not data["uuid"]
        or not isinstance(data["node"], str)
        or not isinstance(data.get("workshop_id"), str | None)
    ):
        raise ValueError("malformed op")
    return Op(
        0,
        str(data["uuid"]),
        data["hlc"],
        str(data["node"]),
        data["kind"],
        data.get("workshop_id"),
        data["payload"],
        str(data.get("created_at", "")),
    )
