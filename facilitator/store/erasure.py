"""Provides erasure at the op-log level: scrub a person from the projection and every op.

An erase op ("participant.erase", payload {"id": …} and nothing personal) is applied
like any op, on this laptop and on the other one when it arrives by sync or import:
it leaves a tombstone in `erasure`, removes the person's fields from the projection,
rewrites every earlier op payload that holds them, and anonymises the submissions
that carry their name (as author or to-do owner). Any op about the person that
arrives later (an old export, a peer that had not heard yet) is scrubbed before it
is stored. The connection runs
with `secure_delete`, and `Store` checkpoints the WAL after an erase commits, so
the bytes leave the files too.
"""

import json
import sqlite3
from typing import Any

from facilitator.store.photo_erasure import erase_photos_where

ERASE_KIND = "participant.erase"
PURGE_KIND = "workshop.purge"  # every person of a past workshop, and the names on its captures
# Fields of a participant op that identify the person; removed from every payload.
PERSONAL_FIELDS = ("name", "email", "client_id", "organisation_id")
_CLEARED = (
    "name",
    "email",
    "client_id",
    "organisation_id",
    "consent_at",
    "consent_given_at",
    "consent_withdrawn_at",
    "consent_source",
    "consent_text_version",
)


def is_erased(conn: sqlite3.Connection, participant_id: Any) -> bool:
    """Return whether the person with this id was erased (a tombstone exists)."""
    if not isinstance(participant_id, str):
        return False
    found = conn.execute("SELECT 1 FROM erasure WHERE participant_id = ?", [participant_id])
    return found.fetchone() is not None


def scrub_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """Return a participant op's payload without the personal fields (also in `_before`)."""
    clean = {k: v for k, v in payload.items() if k not in PERSONAL_FIELDS}
    if isinstance(clean.get("_before"), dict):
        clean["_before"] = {k: v for k, v in clean["_before"].items() if k not in PERSONAL_FIELDS}
    if clean.get("consent"):
        clean["consent"] = 0  # consent of an erased person is gone with them
    # marks the op as scrubbed: op_check lets it through without the name it no longer has
    clean["_erased"] = 1
    return clean


def _is_purged(conn: sqlite3.Connection, workshop_id: str | None) -> bool:
    if not workshop_id:
        return False
    found = conn.execute("SELECT 1 FROM purged_workshop WHERE workshop_id = ?", [workshop_id])
    return found.fetchone() is not None


def scrub_incoming(
    conn: sqlite3.Connection, kind: str, payload: dict[str, Any], workshop_id: str | None = None
) -> dict[str, Any]:
    """Return the payload to store for an op about to be inserted (tombstones respected)."""
    if kind.startswith("participant.") and kind != ERASE_KIND:
        if is_erased(conn, payload.get("id")) or _is_purged(conn, workshop_id):
            return scrub_payload(payload)
    if kind.startswith("capture.") and _is_purged(conn, workshop_id):
        return {k: ("" if k in ("author", "owner") else v) for k, v in payload.items()}
    return payload


def apply_purge(conn: sqlite3.Connection, workshop_id: str, purged_at: str) -> None:
    """Erase every participant of the workshop and the names on its captures; tombstone it."""
    conn.execute(
        "INSERT OR IGNORE INTO purged_workshop(workshop_id, purged_at) VALUES (?, ?)",
        [workshop_id, purged_at],
    )
    people = conn.execute(
        "SELECT id FROM participant WHERE workshop_id = ?", [workshop_id]
    ).fetchall()
    for (participant_id,) in people:
        apply_erase(conn, participant_id, purged_at)
    conn.execute("UPDATE capture SET author = '', owner = '' WHERE workshop_id = ?", [workshop_id])
    erase_photos_where(conn, workshop_id, purged_at)  # photos show people: they go too
    ops = conn.execute(
        "SELECT seq, payload FROM op WHERE workshop_id = ? AND kind LIKE 'capture.%'",
        [workshop_id],
    ).fetchall()
    for seq, raw in ops:
        payload = json.loads(raw)
        if any(payload.get(k) for k in ("author", "owner")) or "_before" in payload:
            clean = {k: ("" if k in ("author", "owner") else v) for k, v in payload.items()}
            if isinstance(clean.get("_before"), dict):
                before = clean["_before"]
                clean["_before"] = {
                    k: ("" if k in ("author", "owner") else v) for k, v in before.items()
                }
            if clean != payload:
                _rewrite(conn, seq, clean)


def apply_erase(conn: sqlite3.Connection, participant_id: str, erased_at: str) -> None:
    """Tombstone the person, clear their row, rewrite their ops, anonymise their submissions."""
    row = conn.execute(
        "SELECT name, workshop_id FROM participant WHERE id = ?", [participant_id]
    ).fetchone()
    conn.execute(
        "INSERT OR IGNORE INTO erasure(participant_id, erased_at) VALUES (?, ?)",
        [participant_id, erased_at],
    )
    if row is not None:
        assignments = ", ".join(f"{k} = NULL" for k in _CLEARED)
        conn.execute(
            f"UPDATE participant SET {assignments}, consent = 0, present = 0, deleted = 1 "
            "WHERE id = ?",
            [participant_id],
        )
    ops = conn.execute(
        "SELECT seq, payload FROM op WHERE kind LIKE 'participant.%' AND kind != ? "
        "AND json_extract(payload, '$.id') = ?",
        [ERASE_KIND, participant_id],
    ).fetchall()
    for seq, raw in ops:
        _rewrite(conn, seq, scrub_payload(json.loads(raw)))
    name, workshop_id = (row[0], row[1]) if row is not None else (None, None)
    if name:
        _anonymise_submissions(conn, workshop_id, name)
        _erase_named_photos(conn, workshop_id, name, erased_at)


def _erase_named_photos(conn: sqlite3.Connection, workshop_id: str, name: str, at: str) -> None:
    """Photos whose caption names the person go, bytes and ops (store/photo_erasure.py)."""
    erase_photos_where(conn, workshop_id, at, caption_names=name)


def _anonymise_submissions(conn: sqlite3.Connection, workshop_id: str, name: str) -> None:
    """Submissions stay, without the person's name as author or to-do owner (rows and ops)."""
    key = name.casefold()
    for field in ("author", "owner"):
        found = conn.execute(
            f"SELECT id, {field} FROM capture WHERE workshop_id = ? AND {field} IS NOT NULL "
            f"AND {field} != ''",
            [workshop_id],
        ).fetchall()
        ids = [cid for cid, value in found if value.strip().casefold() == key]
        for capture_id in ids:
            conn.execute(f"UPDATE capture SET {field} = '' WHERE id = ?", [capture_id])
            ops = conn.execute(
                "SELECT seq, payload FROM op WHERE kind LIKE 'capture.%' "
                "AND json_extract(payload, '$.id') = ?",
                [capture_id],
            ).fetchall()
            for seq, raw in ops:
                payload = json.loads(raw)
                changed = _without(payload, field, key)
                if changed is not payload:
                    _rewrite(conn, seq, changed)


def _without(payload: dict[str, Any], field: str, key: str) -> dict[str, Any]:
    """Return the payload with `field` emptied where it names the person (also in _before)."""
    result = payload
    if str(payload.get(field) or "").strip().casefold() == key:
        result = {**result, field: ""}
    before = payload.get("_before")
    if isinstance(before, dict) and str(before.get(field) or "").strip().casefold() == key:
        result = {**result, "_before": {**before, field: ""}}
    return result


def _rewrite(conn: sqlite3.Connection, seq: int, payload: dict[str, Any]) -> None:
    conn.execute(
        "UPDATE op SET payload = ? WHERE seq = ?",
        [json.dumps(payload, ensure_ascii=False, separators=(",", ":")), seq],
    )
