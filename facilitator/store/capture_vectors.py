"""Provides each capture's sentence vector, computed once per text and engine, then reused.

Vectors live in `capture_vector` (migration 0090), keyed by capture id and engine
version (`sentence_vectors.ENGINE`): a local cache beside the projections, written
without an op (the other laptop computes its own from the same text). Triggers drop a
capture's vector when its text changes or the capture row is deleted, so an edit, a
redaction or a workshop's erasure never leaves one behind. Encoding costs about 20 ms
for one text (well under 1 ms each in a batch), so callers fill them off the UI thread:
the app's review and topic workers, the CLI, and `VectorFiller`, a child process that stores
the vectors of new captures a moment after they arrive (from a phone or the laptop), so
the fact sheet and the clusters only read them.
"""

import subprocess
import sys
import threading
from collections.abc import Iterable

import numpy as np

from facilitator import sentence_vectors
from facilitator.store.db import Store

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
    """A child process that stores the vector of each new capture soon after it is written.

    A process, not a thread: the encoder (about 140 MB, and pure-Python tokenising that
    holds the GIL) then neither grows the phone server nor stalls its event loop or the
    app's screens. A plain child (`python -m facilitator.store.vector_child`, as the photo
    worker is), not multiprocessing: no semaphores, nothing shared but the database. It
    works on its own connection; a byte on its stdin (`poke`) wakes it at once, and it
    looks for new captures every `every` seconds in any case (a phone's capture, another
    laptop's synced one). Its stdin closing — this process ending, however — ends it.
    """

    def __init__(self, child: subprocess.Popen[bytes]) -> None:
        self._child: subprocess.Popen[bytes] | None = child

    @classmethod
    def start_for(cls, store: Store, every: float = 2.0) -> "VectorFiller | None":
        """Return a running filler for the store's database (None in memory or without encoder)."""
        path = store.path
        if not AUTO or not path or path == ":memory:" or not sentence_vectors.available():
            return None
        child = subprocess.Popen(
            [sys.executable, "-m", "facilitator.store.vector_child", path, str(every)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return cls(child)

    def poke(self) -> None:
        """Look for new captures now."""
        child = self._child
        if child is None or child.stdin is None or child.poll() is not None:
            return
        try:
            child.stdin.write(b".")
            child.stdin.flush()
        except OSError:  # it ended: the words still answer
            pass

    def stop(self, timeout: float = 2.0) -> None:
        """Stop after the batch in hand, else end the child (its transaction rolls back)."""
        child, self._child = self._child, None
        if child is None:
            return
        if child.stdin is not None:
            try:
                child.stdin.close()  # end of input: the child stops
            except OSError:
                pass
        try:
            child.wait(timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(timeout)
