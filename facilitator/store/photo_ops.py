"""Provides the verification of photos that arrive as ops (sync, `import json`): once, bounded.

A photo op from outside is decoded before it is taken (store/op_check.py), and a
decoder that a hostile file holds up must not hold the app: each is verified in
the time-limited child process of `photo_worker`, like the uploads. On the event
loop (sync push and pull) `verify_photo_ops` runs those children before the
synchronous check; its results are remembered by content, so the check finds each
photo verified already and every photo is decoded once.
"""

import base64
import binascii
import hashlib
from collections import OrderedDict
from collections.abc import Iterable

from facilitator.core.errors import ValidationError
from facilitator.store.db import Op
from facilitator.store.photo_worker import verify_jpeg_async, verify_jpeg_bounded

_REMEMBERED = 64  # a sync batch's photos; each clean JPEG is at most a few hundred KB

Key = tuple[str, int | None, int | None]


class _Verified:
    """What the children said of recent photos: the clean JPEG, or why it was refused."""

    def __init__(self) -> None:
        self._found: OrderedDict[Key, bytes | ValidationError] = OrderedDict()

    def get(self, key: Key) -> bytes | ValidationError | None:
        found = self._found.get(key)
        if found is not None:
            self._found.move_to_end(key)
        return found

    def put(self, key: Key, value: bytes | ValidationError) -> None:
        self._found[key] = value
        while len(self._found) > _REMEMBERED:
            self._found.popitem(last=False)


# One per process: the sync server, the client and the check share what was verified.
_verified = _Verified()


def _key(raw: bytes, width: object, height: object) -> Key:
    size = (width, height) if isinstance(width, int) and isinstance(height, int) else (None, None)
    return (hashlib.sha256(raw).hexdigest(), *size)


def _result(found: bytes | ValidationError) -> bytes:
    if isinstance(found, ValidationError):
        raise found
    return found


def verified_jpeg(raw: bytes, width: object, height: object) -> bytes:
    """Return the photo's clean JPEG; ValidationError unless it is a JPEG of that size."""
    key = _key(raw, width, height)
    found = _verified.get(key)
    if found is None:
        try:
            found = verify_jpeg_bounded(raw, key[1], key[2])
        except ValidationError as err:
            found = err
        _verified.put(key, found)
    return _result(found)


def _photo_bytes(op: Op) -> tuple[bytes, object, object] | None:
    payload = op.payload
    if not op.kind.startswith("photo.") or not isinstance(payload, dict):
        return None
    jpeg = payload.get("jpeg")
    if not isinstance(jpeg, str) or not jpeg:
        return None
    try:
        raw = base64.b64decode(jpeg, validate=True)
    except (binascii.Error, ValueError):
        return None  # the check refuses it by name
    return raw, payload.get("width"), payload.get("height")


async def verify_photo_ops(ops: Iterable[Op]) -> None:
    """Verify the photos among `ops` in child processes while the event loop serves."""
    for op in ops:
        found = _photo_bytes(op)
        if found is None:
            continue
        raw, width, height = found
        key = _key(raw, width, height)
        if _verified.get(key) is not None:
            continue
        try:
            result: bytes | ValidationError = await verify_jpeg_async(raw, key[1], key[2])
        except ValidationError as err:
            result = err
        _verified.put(key, result)
