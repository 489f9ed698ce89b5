"""Provides deleting a photo to the bytes: the JPEG leaves the projection and every op.

A photo's JPEG sits base64 in its row and in the payload of its "photo.add" op (that
is how sync and `export json` carry it). A photo erase op ("photo.erase", payload
{"id": …} and nothing else) is applied like any op, here and on the other laptop: it
leaves a tombstone in `erased_photo`, deletes the row and every earlier op of the
photo (add, edit, delete). A photo op that arrives later for that id (an old export,
a peer that had not heard) is not stored at all. Purge and a person's erasure call
`erase_photos_where` for the photos they cover.
"""

import sqlite3
from typing import Any

PHOTO_ERASE_KIND = "photo.erase"


def is_photo_erased(conn: sqlite3.Connection, photo_id: Any) -> bool:
    """Return whether this photo was erased (a tombstone exists)."""
    if not isinstance(photo_id, str):
        return False
    found = conn.execute("SELECT 1 FROM erased_photo WHERE photo_id = ?", [photo_id])
    return found.fetchone() is not None


def apply_photo_erase(conn: sqlite3.Connection, photo_id: str, erased_at: str) -> None:
    """Tombstone the photo, delete its row and its earlier ops."""
    conn.execute(
        "INSERT OR IGNORE INTO erased_photo(photo_id, erased_at) VALUES (?, ?)",
        [photo_id, erased_at],
    )
    conn.execute("DELETE FROM photo WHERE id = ?", [photo_id])
    conn.execute(
        "DELETE FROM op WHERE kind LIKE 'photo.%' AND kind != ? "
        "AND json_extract(payload, '$.id') = ?",
        [PHOTO_ERASE_KIND, photo_id],
    )


def erase_photos_where(
    conn: sqlite3.Connection, workshop_id: str, erased_at: str, *, caption_names: str | None = None
) -> int:
    """Erase the workshop's photos (all, or those whose caption names `caption_names`).

    Called while applying a purge or a person's erasure, which reach the other laptop
    as their own ops, so this needs no op of its own. Returns how many went.
    """
    found = conn.execute(
        "SELECT id, coalesce(caption, '') FROM photo WHERE workshop_id = ?", [workshop_id]
    ).fetchall()
    key = (caption_names or "").strip().casefold()
    chosen = [pid for pid, caption in found if not key or key in caption.casefold()]
    for photo_id in chosen:
        apply_photo_erase(conn, photo_id, erased_at)
    return len(chosen)
