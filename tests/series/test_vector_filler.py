"""Each capture's sentence vector is stored once, soon after the capture arrives, off the UI."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from facilitator import sentence_vectors
from facilitator.store import open_store
from facilitator.store.capture_vectors import (
    VectorFiller,
    fill_missing,
    missing_vectors,
    stored_vectors,
)
from facilitator.store.captures import add_capture, update_capture
from facilitator.store.workshops import create_workshop

pytestmark = pytest.mark.skipif(
    not sentence_vectors.available(), reason="the sentence encoder is not installed"
)


def test_fill_missing_stores_each_vector_once_and_an_edit_gets_a_new_one(db_path: Path) -> None:
    store = open_store(db_path, create=True)
    wid = create_workshop(store, "Vektoren")
    first = add_capture(store, wid, "challenge", "Glasfaser fehlt in den Teilorten")
    second = add_capture(store, wid, "need", "Schnelles Internet für die Weiler")
    assert fill_missing(store) == 2
    assert fill_missing(store) == 0  # stored: never encoded again
    kept = stored_vectors(store, [first, second])
    expected = sentence_vectors.encode(["Glasfaser fehlt in den Teilorten"])[0]
    assert float(kept[first] @ expected) > 0.99
    update_capture(store, first, text="Rufbus am Wochenende")
    assert [cid for cid, _ in missing_vectors(store)] == [first]
    assert fill_missing(store) == 1
    moved = stored_vectors(store, [first])[first]
    assert float(moved @ expected) < 0.9  # the new text's vector, not the old one
    store.close()


def test_filler_thread_stores_vectors_of_captures_written_elsewhere(db_path: Path) -> None:
    store = open_store(db_path, create=True)
    wid = create_workshop(store, "Telefone")
    filler = VectorFiller.start_for(store, every=0.2)
    assert filler is not None
    try:
        ids = [add_capture(store, wid, "idea", f"Mängelmelder-App Nummer {n}") for n in range(3)]
        filler.poke()
        deadline = time.monotonic() + 60
        while len(stored_vectors(store, ids)) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        found = stored_vectors(store, ids)
        assert sorted(found) == sorted(ids)
        assert all(np.isclose(np.linalg.norm(v), 1.0, atol=0.01) for v in found.values())
    finally:
        filler.stop()
        store.close()


def test_reports_read_stored_vectors_and_encode_only_a_few_missing(db_path: Path) -> None:
    from facilitator.store.capture_vectors import vectors_if_ready

    store = open_store(db_path, create=True)
    wid = create_workshop(store, "Bericht")
    said = [(add_capture(store, wid, "challenge", f"Funkloch Nummer {n}"), "") for n in range(5)]
    said = [(cid, f"Funkloch Nummer {n}") for n, (cid, _) in enumerate(said)]
    assert vectors_if_ready(store, said, encode_up_to=2) == {}  # too many missing: words
    assert stored_vectors(store, [cid for cid, _ in said]) == {}  # and nothing encoded
    fill_missing(store)
    update_capture(store, said[0][0], text="Kein Netz am Ortsrand")
    found = vectors_if_ready(store, [(said[0][0], "Kein Netz am Ortsrand"), *said[1:]], 2)
    assert sorted(found) == sorted(cid for cid, _ in said)  # the one missing, encoded
    store.close()


def test_clusters_by_meaning_do_not_depend_on_the_order_they_came_in() -> None:
    from facilitator.core.clusters import Mention, cluster_mentions

    texts = [
        "Fehlendes Personal für Digitalisierung", "Rufbus am Wochenende",
        "Uns fehlt Personal für die Digitalisierung", "Glasfaser für die Teilorte",
    ]  # fmt: skip
    vectors = sentence_vectors.encode(texts)
    pairs = enumerate(zip(texts, vectors, strict=True))
    said = [Mention(t, key=str(k), vector=v) for k, (t, v) in pairs]
    forward = cluster_mentions(said)
    backward = cluster_mentions(said[::-1])
    assert [sorted(m.key for m in c.members) for c in forward] == [["0", "2"], ["3"], ["1"]]
    assert {tuple(sorted(m.key for m in c.members)) for c in backward} == {
        tuple(sorted(m.key for m in c.members)) for c in forward
    }


_PARENT = """
import sys, time
from facilitator.store import open_store
from facilitator.store.capture_vectors import VectorFiller
from facilitator.store.captures import add_capture
from facilitator.store.workshops import create_workshop
store = open_store(sys.argv[1], create=True)
add_capture(store, create_workshop(store, "Kind"), "idea", "Glasfaser für jeden Weiler")
filler = VectorFiller.start_for(store, every=0.2)
print(filler._child.pid, flush=True)
time.sleep(600)
"""


@pytest.mark.slow  # child processes
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and /proc are POSIX")
def test_the_filler_is_its_own_process_and_ends_when_its_parent_is_killed(db_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert child != parent.pid  # the encoder's memory and CPU are not the server's
        store = open_store(db_path, create=False)
        deadline = time.monotonic() + 60
        while not _count_vectors(store) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _count_vectors(store) == 1  # it works on its own connection
        store.close()
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 15
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(child)  # no orphan left encoding after a crash
    finally:
        if parent.poll() is None:
            parent.kill()


def _count_vectors(store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM capture_vector").fetchone()[0])


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False
