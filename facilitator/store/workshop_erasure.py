"""Provides deleting a workshop to the bytes: its people, captures, photos, activities and ops.

A workshop erase op ("workshop.erase", payload {"id": …} and nothing else) is applied
like any op, here and on the other laptop when it arrives by sync or import: it leaves
a tombstone in `erased_workshop`, deletes every projection row of the workshop
(participants with their e-mails, captures, photos with their JPEG bytes, votes,
activities and their answers and questions, agenda, timer) and every earlier op of
the workshop, whose payloads hold the same values. What is left is the erase op and a
bare workshop row (id, series, creation time: the pairing's scope still finds it).
Any op of the workshop that arrives later (an old export, a peer that had not heard)
is not stored at all. The connection runs with `secure_delete`, and `Store` checkpoints
the WAL after the commit, so the bytes leave the files too.
"""

import sqlite3
from typing import Any

from facilitator.store.voter_keys import forget_workshop_voters

WORKSHOP_ERASE_KIND = "workshop.erase"
# Tables whose rows belong to one workshop (workshop_id); all of them go.
_WORKSHOP_TABLES = (
    "activity_answer",
    "activity_question",
    "activity",
    "vote",
    "photo",
    "capture",
    "participant",
    "timer_event",
    "agenda_item",
)
# Workshop columns that stay on the bare row: nothing personal, and the scope needs them.
_KEPT = {"id", "series_id", "created_at", "deleted", "clocks"}


def is_workshop_erased(conn: sqlite3.Connection, workshop_id: Any) -> bool:
    """Return whether this workshop was erased (a tombstone exists)."""
    if not isinstance(workshop_id, str):
        return False
    found = conn.execute("SELECT 1 FROM erased_workshop WHERE workshop_id = ?", [workshop_id])
    return found.fetchone() is not None


def apply_workshop_erase(conn: sqlite3.Connection, workshop_id: str, erased_at: str) -> None:
    """Tombstone the workshop and delete its rows and earlier ops (see the module docstring)."""
    conn.execute(
        "INSERT OR IGNORE INTO erased_workshop(workshop_id, erased_at) VALUES (?, ?)",
        [workshop_id, erased_at],
    )
    forget_workshop_voters(conn, workshop_id)  # before its blocks and activities go
    for table in _WORKSHOP_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE workshop_id = ?", [workshop_id])
    columns = [row[1] for row in conn.execute("PRAGMA table_info(workshop)")]
    cleared = ", ".join(f"{c} = NULL" for c in columns if c not in _KEPT)
    conn.execute(f"UPDATE workshop SET {cleared}, deleted = 1 WHERE id = ?", [workshop_id])
    conn.execute(
        "DELETE FROM op WHERE workshop_id = ? AND kind != ?", [workshop_id, WORKSHOP_ERASE_KIND]
    )
