"""Provides the replication bookkeeping: per-peer cursors, saved with the ops they cover.

`sync_peer` keeps, per peer laptop (its node id), how far we have pulled from it
(`cursor`, the peer's op sequence number) and how far we have pushed to it
(`pushed`, our own sequence number). The pull cursor is written in the same
transaction as the ops it covers, so a crash can never skip or half-apply a batch.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.store.db import Op, Store
from facilitator.store.op_check import check_node
from facilitator.store.oplog import insert_remote_ops, ops_after
from facilitator.store.queries import one, scalar
from facilitator.store.sync_pairing import SyncScope, ops_in_scope


@dataclass(frozen=True)
class SyncPeer:
    """What we know about the other laptop."""

    node: str
    url: str
    cursor: int  # the peer's seq we have pulled up to
    pushed: int  # our seq we have pushed up to
    last_seen: str | None


def _peer(row: dict | None) -> SyncPeer | None:
    if row is None:
        return None
    return SyncPeer(
        row["node"], row["url"] or "", row["cursor"] or 0, row["pushed"] or 0, row["last_seen"]
    )


def get_peer(store: Store, node: str) -> SyncPeer | None:
    """Return the bookkeeping for one peer node, or None if never seen."""
    return _peer(one(store, "SELECT * FROM sync_peer WHERE node = ?", [node]))


def ensure_peer(store: Store, node: str, url: str = "") -> SyncPeer:
    """Return the peer's row, creating it (cursor 0) the first time; remember its URL."""
    with store.transaction():
        store.conn.execute(
            "INSERT INTO sync_peer(node, url, cursor, pushed, last_seen) VALUES (?, ?, 0, 0, ?) "
            "ON CONFLICT(node) DO UPDATE SET url = CASE WHEN excluded.url != '' "
            "THEN excluded.url ELSE sync_peer.url END",
            [node, url, store.now_text()],
        )
        peer = get_peer(store, node)
    assert peer is not None
    return peer


def _anchor_key(node: str) -> str:
    return f"sync_anchor:{node}"


def apply_pulled(
    store: Store, node: str, ops: Sequence[Op], last: int, anchor: str | None = None
) -> int:
    """Insert ops pulled from `node` and move its cursor to `last`, in ONE transaction.

    `anchor` is the uuid of the peer's op at `last`: the next pull sends it along,
    so a peer whose database went back in time (a restored backup) is noticed.
    Returns how many ops were new. The cursor never moves backwards.
    """
    with store.transaction():
        new = insert_remote_ops(store, ops)
        store.conn.execute(
            "UPDATE sync_peer SET cursor = max(coalesce(cursor, 0), ?), last_seen = ? "
            "WHERE node = ?",
            [last, store.now_text(), node],
        )
        if anchor:
            store.set_meta(_anchor_key(node), anchor)
    return new


def peer_anchor(store: Store, node: str) -> str | None:
    """Return the uuid of the peer's op our cursor points at, if known."""
    return store.get_meta(_anchor_key(node)) or None


def anchor_of(store: Store, seq: int) -> str | None:
    """Return the uuid of our op with sequence number `seq` (None if there is none)."""
    return scalar(store, "SELECT uuid FROM op WHERE seq = ?", [seq]) if seq > 0 else None


def anchor_matches(store: Store, seq: int, anchor: str) -> bool:
    """Return whether the peer's `anchor` (our op's uuid at `seq`) is still what we have.

    An op that an erasure deleted (a workshop's or a photo's) leaves a gap below our
    highest sequence number: that is no restored backup, so it matches. A backup that
    went back in time has a lower sequence counter, or another op at `seq`.
    """
    found = anchor_of(store, seq)
    if found is not None:
        return found == anchor
    counter = scalar(store, "SELECT seq FROM sqlite_sequence WHERE name = 'op'") or 0
    return 0 < seq <= int(counter)


def accept_pushed(store: Store, node: str, ops: Sequence[Op]) -> int:
    """Insert ops the peer pushed to us; note when we last heard from it. Returns new ops.

    ValidationError (BadOp naming the op) if the node id or an op breaks a rule.
    """
    check_node(node)
    with store.transaction():
        new = insert_remote_ops(store, ops)
        store.conn.execute(
            "INSERT INTO sync_peer(node, url, cursor, pushed, last_seen) VALUES (?, '', 0, 0, ?) "
            "ON CONFLICT(node) DO UPDATE SET last_seen = excluded.last_seen",
            [node, store.now_text()],
        )
    return new


def ops_to_push(
    store: Store,
    peer: SyncPeer,
    limit: int = 1000,
    *,
    include_peer_ops: bool = False,
    scope: SyncScope | None = None,
) -> tuple[list[Op], int]:
    """Return our ops after the peer's `pushed` mark that did not come from the peer.

    Also returns the sequence number the mark may move to once they are delivered.
    Ops that came from the peer itself are skipped, not sent back — unless the
    peer lost them (`include_peer_ops`, after it was restored from a backup).
    """
    found = ops_after(store, peer.pushed, limit)
    if not found:
        return [], peer.pushed
    upto = found[-1].seq
    if scope is not None:  # the pairing shares only its workshops or series
        found = ops_in_scope(found, scope, scope.workshop_ids(store))
    if include_peer_ops:
        return found, upto
    return [op for op in found if op.node != peer.node], upto


def reset_peer(store: Store, node: str) -> None:
    """Start over with a peer whose database went back in time (restored from a backup).

    Pulling and pushing everything again is safe: inserts are idempotent.
    """
    with store.transaction():
        store.conn.execute("UPDATE sync_peer SET cursor = 0, pushed = 0 WHERE node = ?", [node])
        store.set_meta(_anchor_key(node), "")


def mark_pushed(store: Store, node: str, seq: int) -> None:
    """Remember that the peer has our ops up to `seq` (never moves backwards)."""
    with store.transaction():
        store.conn.execute(
            "UPDATE sync_peer SET pushed = max(coalesce(pushed, 0), ?) WHERE node = ?",
            [seq, node],
        )


def ops_waiting(
    store: Store, after: int, exclude_node: str | None, workshop_ids: set[str] | None = None
) -> int:
    """Return how many ops after `after` a peer (`exclude_node`) has still to pull.

    With `workshop_ids`, only those of these workshops (and of no workshop) count.
    """
    sql = "SELECT count(*) FROM op WHERE seq > ? AND node != ?"
    params: list = [after, exclude_node or ""]
    if workshop_ids is not None:
        sql += " AND (workshop_id IS NULL OR workshop_id IN (SELECT value FROM json_each(?)))"
        params.append(json.dumps(sorted(workshop_ids)))
    return int(scalar(store, sql, params) or 0)


def unsent_count(store: Store, peer: SyncPeer, scope: SyncScope | None = None) -> int:
    """Return how many of our ops (within the pairing's scope) the peer has not been sent yet."""
    ids = scope.workshop_ids(store) if scope is not None else None
    return ops_waiting(store, peer.pushed, peer.node, ids)
