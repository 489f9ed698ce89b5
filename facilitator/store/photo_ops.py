"""Provides the verification of photos that arrive as ops (sync, `import json`): once, bounded.

A photo op from outside is decoded before it is taken (store/op_check.py), and a
decoder that a hostile file holds up must not hold the app: each is verified in
the time-limited child process of `photo_worker`, like the uploads. On the event
loop (sync push and pull) `verify_photo_ops` runs those children before the
synchronous check; its results are remembered by content, so the check finds each
photo verified already and every photo is decoded once. The memory is by content
alone; the size an op claims is compared with the one the child found.
"""

import base64
import binascii
import hashlib
from collections import OrderedDict
from collections.abc import Iterable

from facilitator.core.errors import ValidationError
from facilitator.store.db import Op
from facilitator.store.photo_image import PreparedPhoto, not_our_jpeg
from facilitator.store.photo_worker import verify_jpeg_async, verify_jpeg_bounded

_REMEMBERED = 64  # a sync batch's photos; each clean JPEG is at most a few hundred KB


class _Verified:
    """What the children said of recent photos (by content): clean JPEG and size, or why not."""

    def __init__(self) -> None:
        self._found: OrderedDict[str, PreparedPhoto | ValidationError] = OrderedDict()

    def get(self, digest: str) -> PreparedPhoto | ValidationError | None:
        found = self._found.get(digest)
        if found is not None:
            self._found.move_to_end(digest)
        return found

    def put(self, digest: str, value: PreparedPhoto | ValidationError) -> None:
        self._found[digest] = value
        while len(self._found) > _REMEMBERED:
            self._found.popitem(last=False)


# One per process: the sync server, the client and the check share what was verified.
_verified = _Verified()


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def verified_jpeg(raw: bytes, width: int | None = None, height: int | None = None) -> bytes:
    """Return the photo's clean JPEG; ValidationError unless it is a JPEG of that size."""
    digest = _digest(raw)
    found = _verified.get(digest)
    if found is None:
        try:
            found = verify_jpeg_bounded(raw)
        except ValidationError as err:
            found = err
        _verified.put(digest, found)
    if isinstance(found, ValidationError):
        raise found
    if (width, height) not in ((None, None), (found.width, found.height)):
        raise not_our_jpeg()
    return found.jpeg


def _photo_bytes(op: Op) -> bytes | None:
    payload = op.payload
    if not op.kind.startswith("photo.") or not isinstance(payload, dict):
        return None
    jpeg = payload.get("jpeg")
    if not isinstance(jpeg, str) or not jpeg:
        return None
    try:
        return base64.b64decode(jpeg, validate=True)
    except (binascii.Error, ValueError):
        return None  # the check refuses it by name


async def verify_photo_ops(ops: Iterable[Op]) -> None:
    """Verify the photos among `ops` in child processes while the event loop serves."""
    for op in ops:
        raw = _photo_bytes(op)
        if raw is None:
            continue
        digest = _digest(raw)
        if _verified.get(digest) is not None:
            continue
        try:
            result: PreparedPhoto | ValidationError = await verify_jpeg_async(raw)
        except ValidationError as err:
            result = err
        _verified.put(digest, result)
