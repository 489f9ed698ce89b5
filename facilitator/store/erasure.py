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

import hashlib
import hmac
import json
import secrets
import sqlite3
from typing import Any

from facilitator.store.entities import erased_columns, personal_columns
from facilitator.store.photo_erasure import erase_photos_where
from facilitator.store.voter_keys import forget_workshop_voters

ERASE_KIND = "participant.erase"
PURGE_KIND = "workshop.purge"  # every person of a past workshop, and the names on its captures
# Fields of a participant op that identify the person; removed from every payload.
PERSONAL_FIELDS = personal_columns("participant")  # declared in store/entities.py
# What a claim (store/claims.py) holds about a person: forgotten once it is decided.
CLAIM_PERSONAL = personal_columns("claim")
# A person's row loses these too: the consent trail names nobody once the person is gone.
_CLEARED = erased_columns("participant")
# The names typed on a capture (author, to-do owner): emptied where they name the person.
_NAMED = personal_columns("capture")


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
    conn: sqlite3.Connection,
    kind: str,
    payload: dict[str, Any],
    workshop_id: str | None = None,
    *,
    op_stamp: str = "",
) -> dict[str, Any]:
    """Return the payload to store for an op about to be inserted (tombstones respected).

    `op_stamp` (hlc@node) tells an op older than a redaction from a later edit.
    """
    table, _, verb = kind.partition(".")
    if kind.startswith("participant.") and _person_gone(conn, kind, payload, workshop_id):
        return scrub_payload(payload)
    if table in REDACTABLE and verb != "redact" and isinstance(payload.get("id"), str):
        payload = _with_redactions(conn, table, payload, op_stamp)
    if kind.startswith("claim.") and _claim_forgotten_personal(conn, payload):
        return scrub_claim(payload)
    if kind.startswith("capture.") and _is_purged(conn, workshop_id):
        return _unnamed(payload)
    return payload


def _person_gone(
    conn: sqlite3.Connection, kind: str, payload: dict[str, Any], workshop_id: str | None
) -> bool:
    """The person was erased, or their workshop purged: an op about them keeps no name."""
    if kind == ERASE_KIND:
        return False  # the erasure itself
    return is_erased(conn, payload.get("id")) or _is_purged(conn, workshop_id)


def _claim_forgotten_personal(conn: sqlite3.Connection, payload: dict[str, Any]) -> bool:
    personal = any(k in payload for k in CLAIM_PERSONAL)
    return personal and _claim_forgotten(conn, payload)


def _unnamed(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload with the fields that name people emptied."""
    return {k: ("" if k in _NAMED else v) for k, v in payload.items()}


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
    emptied = ", ".join(f"{k} = ''" for k in _NAMED)
    conn.execute(f"UPDATE capture SET {emptied} WHERE workshop_id = ?", [workshop_id])
    erase_photos_where(conn, workshop_id, purged_at)  # photos show people: they go too
    forget_workshop_voters(conn, workshop_id)  # HMACs of the phones' addresses
    ops = conn.execute(
        "SELECT seq, payload FROM op WHERE workshop_id = ? AND kind LIKE 'capture.%'",
        [workshop_id],
    ).fetchall()
    for seq, raw in ops:
        payload = json.loads(raw)
        if any(payload.get(k) for k in _NAMED) or "_before" in payload:
            clean = _unnamed(payload)
            if isinstance(clean.get("_before"), dict):
                clean["_before"] = _unnamed(clean["_before"])
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
        _keep_erased_keys(conn, participant_id, erased_at)
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
    if name and workshop_id:  # a participant always has a workshop
        _anonymise_submissions(conn, workshop_id, name)
        _erase_named_photos(conn, workshop_id, name, erased_at)
    claims = conn.execute("SELECT id FROM claim WHERE participant_id = ?", [participant_id])
    for (claim_id,) in claims.fetchall():
        forget_claim(conn, claim_id)
    # nobody is left to claim: the erase op does this on both laptops alike
    conn.execute("UPDATE claim SET deleted = 1 WHERE participant_id = ?", [participant_id])


def _erase_named_photos(conn: sqlite3.Connection, workshop_id: str, name: str, at: str) -> None:
    """Photos whose caption names the person go, bytes and ops (store/photo_erasure.py)."""
    erase_photos_where(conn, workshop_id, at, caption_names=name)


def _anonymise_submissions(conn: sqlite3.Connection, workshop_id: str, name: str) -> None:
    """Submissions stay, without the person's name as author or to-do owner (rows and ops)."""
    key = name.casefold()
    for field in _NAMED:
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


def scrub_claim(payload: dict[str, Any]) -> dict[str, Any]:
    """Return a claim op's payload without what it says about a person (marked scrubbed)."""
    clean = {k: v for k, v in payload.items() if k not in CLAIM_PERSONAL}
    clean["_erased"] = 1
    return clean


def _claim_forgotten(conn: sqlite3.Connection, payload: dict[str, Any]) -> bool:
    """True if an arriving claim op is about a decided claim or an erased person."""
    if payload.get("status") not in (None, "open"):
        return True  # the decision itself: what the claim said goes with it
    if is_erased(conn, payload.get("participant_id")):
        return True
    row = conn.execute(
        "SELECT status, participant_id FROM claim WHERE id = ?", [payload.get("id")]
    ).fetchone()
    return row is not None and (row[0] != "open" or is_erased(conn, row[1]))


def forget_claim(conn: sqlite3.Connection, claim_id: str) -> None:
    """Clear a decided (or erased person's) claim from its row and from every claim op.

    Accepted, the person's record holds the data now; rejected, nobody should: either
    way the copy in the claim goes, so erasure never has to look for it.
    """
    assignments = ", ".join(f"{k} = NULL" for k in CLAIM_PERSONAL)
    conn.execute(f"UPDATE claim SET {assignments} WHERE id = ?", [claim_id])
    ops = conn.execute(
        "SELECT seq, payload FROM op WHERE kind LIKE 'claim.%' "
        "AND json_extract(payload, '$.id') = ?",
        [claim_id],
    ).fetchall()
    for seq, raw in ops:
        payload = json.loads(raw)
        if any(k in payload for k in CLAIM_PERSONAL):
            _rewrite(conn, seq, scrub_claim(payload))


def _fold(text: str | None) -> str:
    return " ".join(str(text or "").split()).casefold()


def _secret(conn: sqlite3.Connection) -> bytes:
    """This database's key for the erased people's fingerprints (made on first use)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'erasure_key'").fetchone()
    if row:
        return bytes.fromhex(row[0])
    key = secrets.token_bytes(32)
    conn.execute("INSERT INTO meta(key, value) VALUES ('erasure_key', ?)", [key.hex()])
    return key


def erased_fingerprints(
    conn: sqlite3.Connection, workshop_id: str, name: str, organisation: str, email: str
) -> list[str]:
    """Return the keyed fingerprints a list row is matched by: its e-mail, its name + org.

    A keyed hash, not the words: the tombstone can recognise the person in a re-import
    without keeping their name or address (and the key never leaves this laptop).
    """
    key = _secret(conn)
    values = [f"email:{_fold(email)}"] if _fold(email) else []
    if _fold(name):
        values.append(f"name:{_fold(name)}|{_fold(organisation)}")
    return [
        hmac.new(key, f"{workshop_id}:{value}".encode(), hashlib.sha256).hexdigest()
        for value in values
    ]


def _keep_erased_keys(conn: sqlite3.Connection, participant_id: str, erased_at: str) -> None:
    """Fingerprint the person before their fields go, so a re-import leaves them out."""
    row = conn.execute(
        "SELECT p.workshop_id, p.name, coalesce(o.name, ''), coalesce(p.email, '') "
        "FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id "
        "WHERE p.id = ?",
        [participant_id],
    ).fetchone()
    if row is None or not row[1]:
        return
    for fingerprint in erased_fingerprints(conn, row[0], row[1], row[2], row[3]):
        conn.execute(
            "INSERT OR IGNORE INTO erased_key(fingerprint, workshop_id, erased_at) "
            "VALUES (?, ?, ?)",
            [fingerprint, row[0], erased_at],
        )


def is_erased_row(
    conn: sqlite3.Connection, workshop_id: str, name: str, organisation: str, email: str
) -> bool:
    """True if a list row (CSV) names a person erased from this workshop."""
    prints = erased_fingerprints(conn, workshop_id, name, organisation, email)
    if not prints:
        return False
    marks = ", ".join("?" * len(prints))
    found = conn.execute(f"SELECT 1 FROM erased_key WHERE fingerprint IN ({marks})", prints)
    return found.fetchone() is not None


def apply_redact(
    conn: sqlite3.Connection, table: str, row_id: str, fields: dict[str, Any], op_stamp: str
) -> None:
    """Put a redacted field's new value into every earlier op of the row (store/name_hits).

    The redact op itself carries only the new value; applied on both laptops, the old
    words (a name in a capture's text, a to-do owner) leave the op log as well. The new
    values are kept in `redaction`, so an older op of the row that arrives later (a
    backup, a peer that had not synced) is stored with them too (`scrub_incoming`).
    """
    row = conn.execute(
        "SELECT fields FROM redaction WHERE entity = ? AND row_id = ?", [table, row_id]
    ).fetchone()
    kept = {**(json.loads(row[0]) if row else {}), **fields, "_stamp": op_stamp}
    conn.execute(
        "INSERT INTO redaction(entity, row_id, fields) VALUES (?, ?, ?) "
        "ON CONFLICT(entity, row_id) DO UPDATE SET fields = excluded.fields",
        [table, row_id, json.dumps(kept, ensure_ascii=False)],
    )
    ops = conn.execute(
        "SELECT seq, payload FROM op WHERE kind LIKE ? AND kind != ? "
        "AND json_extract(payload, '$.id') = ?",
        [f"{table}.%", f"{table}.redact", row_id],
    ).fetchall()
    for seq, raw in ops:
        payload = json.loads(raw)
        clean = {k: (fields[k] if k in fields else v) for k, v in payload.items()}
        if isinstance(clean.get("_before"), dict):
            before = clean["_before"]
            clean["_before"] = {k: (fields[k] if k in fields else v) for k, v in before.items()}
        if clean != payload:
            _rewrite(conn, seq, clean)


# the tables whose free text a redaction may change (store/name_hits.FIELDS)
REDACTABLE = ("capture", "activity_question", "activity_answer", "photo")


def _with_redactions(
    conn: sqlite3.Connection, table: str, payload: dict[str, Any], op_stamp: str
) -> dict:
    """An op older than the row's redaction is stored with the redacted values."""
    row = conn.execute(
        "SELECT fields FROM redaction WHERE entity = ? AND row_id = ?", [table, payload["id"]]
    ).fetchone()
    if row is None:
        return payload
    fields = json.loads(row[0])
    if op_stamp > fields.pop("_stamp", ""):
        return payload  # a later edit: what the moderator typed after the redaction stands
    clean = {k: (fields[k] if k in fields else v) for k, v in payload.items()}
    if isinstance(clean.get("_before"), dict):
        clean["_before"] = {
            k: (fields[k] if k in fields else v) for k, v in clean["_before"].items()
        }
    return clean
