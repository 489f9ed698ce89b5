"""Provides each capture's sentence vector, computed once per text and engine, then reused.

Vectors live in `capture_vector` (migration 0090), keyed by capture id and engine
version (`sentence_vectors.ENGINE`): a local cache beside the projections, written
without an op (the other laptop computes its own from the same text). Triggers drop a
capture's vector when its text changes or the capture row is deleted, so an edit, a
redaction or a workshop's erasure never leaves one behind. Encoding costs about 20 ms
for one text (well under 1 ms each in a batch), so callers fill them off the UI thread:
the app's review and topic workers, the CLI, and `VectorFiller`, a thread that stores
the vectors of new captures a moment after they arrive (from a phone or the laptop), so
the fact sheet and the clusters only read them.
"""

import threading
from collections.abc import Iterable

import numpy as np

from facilitator import sentence_vectors
from facilitator.store.db import Store, open_store

_BATCH = 500  # placeholders per query, well below SQLite's limit
FILL_BATCH = 64  # captures encoded per transaction: a write lock held for well under a second
AUTO = True  # whether servers start a VectorFiller (tests without the encoder switch it off)


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
        texts = list(dict.fromkeys(wanted[cid] for cid in missing))  # each wording once
        by_text = dict(zip(texts, sentence_vectors.encode(texts), strict=True))
        with store.transaction():
            for cid in missing:
                vector = by_text[wanted[cid]]
                # Only while the capture still holds the text the vector was computed from.
                store.conn.execute(
                    "INSERT OR REPLACE INTO capture_vector(capture_id, engine, vector) "
                    "SELECT id, ?, ? FROM capture WHERE id = ? AND text = ?",
                    [sentence_vectors.ENGINE, sentence_vectors.to_blob(vector), cid, wanted[cid]],
                )
                found[cid] = vector
    return found


def vectors_if_ready(
    store: Store, captures: Iterable[tuple[str, str]], encode_up_to: int = 200
) -> dict[str, np.ndarray]:
    """Return every capture's vector when all are stored or few are missing, else {}.

    For reports over a whole series (the fact sheet): the filler thread has stored the
    vectors as captures arrived; a few missing ones are encoded here in one batch (about
    a second for 200), many (an old database) leave the report to the words alone rather
    than keep it waiting.
    """
    wanted = dict(captures)
    if not wanted or not sentence_vectors.available():
        return {}
    found = stored_vectors(store, wanted)
    missing = len(wanted) - len(found)
    if missing > encode_up_to:
        return {}
    return capture_vectors(store, wanted.items()) if missing else found


def missing_vectors(store: Store, limit: int = FILL_BATCH) -> list[tuple[str, str]]:
    """Return (id, text) of up to `limit` captures that have no vector of this engine yet."""
    cursor = store.conn.execute(
        "SELECT c.id, c.text FROM capture c LEFT JOIN capture_vector v "
        "ON v.capture_id = c.id AND v.engine = ? "
        "WHERE v.capture_id IS NULL AND c.text != '' ORDER BY c.rowid DESC LIMIT ?",
        [sentence_vectors.ENGINE, limit],
    )
    return [(cid, text) for cid, text in cursor]


def fill_missing(store: Store, stop: threading.Event | None = None) -> int:
    """Encode and store every capture's missing vector, a batch at a time; return how many.

    The newest captures first (the ones a moderator is about to look at). Nothing when
    the encoder is not installed.
    """
    if not sentence_vectors.available():
        return 0
    done = 0
    while not (stop and stop.is_set()):
        batch = missing_vectors(store)
        if not batch:
            break
        before = len(stored_vectors(store, (cid for cid, _ in batch)))
        capture_vectors(store, batch)
        written = len(stored_vectors(store, (cid for cid, _ in batch))) - before
        done += written
        if not written:  # every text changed meanwhile: the next round sees the new ones
            break
    return done


class VectorFiller:
    """A daemon thread that stores the vector of each new capture soon after it is written.

    It works on its own connection (the database's path) so neither the UI thread nor the
    phone server's event loop ever waits for the encoder; `poke` wakes it at once, and it
    looks for new captures every `every` seconds in any case (a phone's capture, another
    laptop's synced one).
    """

    def __init__(self, path: str, every: float = 2.0) -> None:
        self.path = path
        self.every = every
        self.filled = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="capture-vectors", daemon=True)

    @classmethod
    def start_for(cls, store: Store, every: float = 2.0) -> "VectorFiller | None":
        """Return a running filler for the store's database (None in memory or without encoder)."""
        path = store.path
        if not AUTO or not path or path == ":memory:" or not sentence_vectors.available():
            return None
        filler = cls(path, every)
        filler._thread.start()
        return filler

    def poke(self) -> None:
        """Look for new captures now."""
        self._wake.set()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop after the batch in hand (at most one batch of encoding)."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        store = None
        try:
            while not self._stop.is_set():
                if store is None:
                    store = open_store(self.path, create=False)
                self.filled += fill_missing(store, self._stop)
                self._wake.wait(self.every)
                self._wake.clear()
        except Exception:  # a vector is optional: the words still answer
            return
        finally:
            if store is not None:
                store.close()
