"""Provides each capture's sentence vector, computed once per text and engine, then reused.

Vectors live in `capture_vector` (migration 0090), keyed by capture id and engine
version (`sentence_vectors.ENGINE`): a local cache beside the projections, written
without an op (the other laptop computes its own from the same text). Triggers drop a
capture's vector when its text changes or the capture row is deleted, so an edit, a
redaction or a workshop's erasure never leaves one behind. Encoding costs about 20 ms
for one text (well under 1 ms each in a batch), so callers fill them off the UI thread:
the app's review and topic workers, the CLI, the fact sheet.
"""

from collections.abc import Iterable

import numpy as np

from facilitator import sentence_vectors
from facilitator.store.db import Store

_BATCH = 500  # placeholders per query, well below SQLite's limit


def stored_vectors(store: Store, capture_ids: Iterable[str]) -> dict[str, np.ndarray]:
    """Return the stored vectors of these captures (those computed so far)."""
    ids = list(dict.fromkeys(capture_ids))
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        marks = ", ".join("?" * len(chunk))
        cursor = store.conn.execute(
            f"SELECT capture_id, vector FROM capture_vector WHERE engine = ? "
            f"AND capture_id IN ({marks})",
            [sentence_vectors.ENGINE, *chunk],
        )
        for capture_id, blob in cursor:
            found[capture_id] = sentence_vectors.from_blob(blob)
    return found


def capture_vectors(store: Store, captures: Iterable[tuple[str, str]]) -> dict[str, np.ndarray]:
    """Return capture id -> vector for (id, text) pairs, encoding and storing the missing ones.

    Empty when the encoder is not installed. The new vectors are written in one
    transaction; a text that changed meanwhile has lost its row to the trigger and is
    written again from the text given here only if the capture still has that text.
    """
    wanted = dict(captures)
    if not wanted or not sentence_vectors.available():
        return {}
    found = stored_vectors(store, wanted)
    missing = [cid for cid in wanted if cid not in found]
    if missing:
        vectors = sentence_vectors.encode([wanted[cid] for cid in missing])
        with store.transaction():
            for cid, vector in zip(missing, vectors, strict=True):
                # Only while the capture still holds the text the vector was computed from.
                store.conn.execute(
                    "INSERT OR REPLACE INTO capture_vector(capture_id, engine, vector) "
                    "SELECT id, ?, ? FROM capture WHERE id = ? AND text = ?",
                    [sentence_vectors.ENGINE, sentence_vectors.to_blob(vector), cid, wanted[cid]],
                )
                found[cid] = vector
    return found
