"""Provides photo services: flipchart and pinboard photos attached to an agenda block.

A photo's id is the SHA-256 of its prepared JPEG, so the same photo added twice (or
by both laptops) is one row. The op carries the JPEG as base64, so sync brings it
to the other laptop like any other change.
"""

import base64
from dataclasses import dataclass
from datetime import datetime

from facilitator.core.errors import NotFound, ValidationError
from facilitator.locale import lazy
from facilitator.store.agenda import get_item
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.photo_erasure import PHOTO_ERASE_KIND, is_photo_erased
from facilitator.store.photo_image import PreparedPhoto
from facilitator.store.photo_worker import prepare_photo_bounded
from facilitator.store.queries import one, rows

MAX_CAPTION = 300
MAX_PHOTOS_PER_WORKSHOP = 200


@dataclass(frozen=True)
class Photo:
    id: str
    workshop_id: str
    agenda_item_id: str | None
    caption: str
    width: int
    height: int
    size: int  # bytes of the JPEG


def add_photo(
    store: Store,
    workshop_id: str,
    data: bytes,
    *,
    name: str = "Foto",
    caption: str = "",
    agenda_item_id: str | None = None,
) -> str:
    """Prepare (in a bounded worker process) and store one photo; return its id.

    The id is the content hash of the prepared JPEG.
    Adding the same photo again only updates its caption and block.
    """
    return store_photo(
        store,
        workshop_id,
        prepare_photo_bounded(data, name),
        caption=caption,
        agenda_item_id=agenda_item_id,
    )


def store_photo(
    store: Store,
    workshop_id: str,
    prepared: PreparedPhoto,
    *,
    caption: str = "",
    agenda_item_id: str | None = None,
) -> str:
    """Store a photo prepared by `prepare_photo` (the upload page prepares it off the loop)."""
    caption = " ".join(str(caption).split())
    if len(caption) > MAX_CAPTION:
        raise ValidationError(
            lazy(
                "Die Bildunterschrift ist länger als {max_caption} Zeichen.",
                max_caption=MAX_CAPTION,
            )
        )
    if agenda_item_id:
        item = get_item(store, agenda_item_id)
        if item.workshop_id != workshop_id:
            raise NotFound(
                lazy(
                    "Der Programmpunkt {agenda_item_id} gehört nicht zu diesem Workshop.",
                    agenda_item_id=repr(agenda_item_id),
                )
            )
    photo_id = prepared.digest
    if is_photo_erased(store.conn, photo_id):
        raise ValidationError(
            lazy("Dieses Foto wurde gelöscht und kommt nicht wieder (Löschung nach DSGVO).")
        )
    existing = one(store, "SELECT deleted FROM photo WHERE id = ?", [photo_id])
    if existing is None and len(list_photos(store, workshop_id)) >= MAX_PHOTOS_PER_WORKSHOP:
        raise ValidationError(
            lazy(
                "Mehr als {max_photos_per_workshop} Fotos je Workshop nehme ich nicht an.",
                max_photos_per_workshop=MAX_PHOTOS_PER_WORKSHOP,
            )
        )
    fields = {"id": photo_id, "caption": caption, "agenda_item_id": agenda_item_id, "deleted": 0}
    if existing is None:
        fields |= {
            "workshop_id": workshop_id,
            "jpeg": base64.b64encode(prepared.jpeg).decode("ascii"),
            "width": prepared.width,
            "height": prepared.height,
            "size": len(prepared.jpeg),
            "created_at": datetime.fromtimestamp(store.now_ms() / 1000).isoformat("T", "seconds"),
        }
    record(store, "photo.add" if existing is None else "photo.edit", fields, workshop_id)
    return photo_id


def list_photos(store: Store, workshop_id: str) -> list[Photo]:
    """Return the workshop's photos in the order they were added (without the JPEGs)."""
    found = rows(
        store,
        "SELECT id, workshop_id, agenda_item_id, coalesce(caption, '') AS caption, width,"
        " height, size FROM photo WHERE workshop_id = ? AND deleted = 0 AND jpeg IS NOT NULL"
        " ORDER BY created_at, rowid",
        [workshop_id],
    )
    return [Photo(**r) for r in found]


def photo_jpeg(store: Store, photo_id: str) -> bytes:
    """Return the JPEG of a photo; NotFound if there is none."""
    row = one(store, "SELECT jpeg FROM photo WHERE id = ? AND deleted = 0", [photo_id])
    if row is None or not row["jpeg"]:
        raise _no_photo(photo_id)
    return base64.b64decode(row["jpeg"])


def delete_photo(store: Store, photo_id: str) -> None:
    """Delete a photo (tombstone)."""
    row = one(store, "SELECT workshop_id FROM photo WHERE id = ?", [photo_id])
    if row is None:
        raise _no_photo(photo_id)
    record(store, "photo.delete", {"id": photo_id, "deleted": 1}, row["workshop_id"])


def find_photo(store: Store, photo_id: str) -> Photo:
    """Return a photo by id or unique id prefix (at least 4 characters); NotFound otherwise."""
    text = photo_id.strip().lower()
    found = rows(
        store,
        "SELECT id, workshop_id, agenda_item_id, coalesce(caption, '') AS caption, width,"
        " height, size FROM photo WHERE substr(id, 1, ?) = ? AND deleted = 0"
        " AND jpeg IS NOT NULL",
        [len(text), text],
    )
    if len(text) < 4 or len(found) != 1:
        raise _no_photo(photo_id)
    return Photo(**found[0])


def erase_photo(store: Store, photo_id: str) -> Photo:
    """Delete a photo to the bytes, here and on the other laptop (store/photo_erasure.py)."""
    photo = find_photo(store, photo_id)
    record(store, PHOTO_ERASE_KIND, {"id": photo.id}, photo.workshop_id)
    return photo


def _no_photo(photo_id: str) -> NotFound:
    return NotFound(lazy("Ein Foto {photo_id} gibt es nicht.", photo_id=repr(photo_id)))
