"""Provides the keys of the per-address voter counts, and forgetting a workshop's counts.

The phone server counts each address's new voters per vote in the local `meta` table
(store/voter_counts.py) so the ceiling survives a restart. A key is `voters:<vote>:<hmac>`,
the vote an agenda item's id (a dot vote) or `activity:<id>`; the HMAC of the address is
pseudonymous, so a purge or a deletion of the workshop removes its counts with the rest.
Connection-level, as the erasures that call it.
"""

import sqlite3

PREFIX = "voters:"


def forget_workshop_voters(conn: sqlite3.Connection, workshop_id: str) -> None:
    """Delete the voter counts of every vote of the workshop (its blocks' and activities')."""
    votes = [
        row[0]
        for row in conn.execute("SELECT id FROM agenda_item WHERE workshop_id = ?", [workshop_id])
    ] + [
        f"activity:{row[0]}"
        for row in conn.execute("SELECT id FROM activity WHERE workshop_id = ?", [workshop_id])
    ]
    for vote in votes:
        conn.execute(
            "DELETE FROM meta WHERE substr(key, 1, ?) = ?",
            [len(PREFIX) + len(vote) + 1, f"{PREFIX}{vote}:"],
        )
