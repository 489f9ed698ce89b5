"""An erasure while another connection reads: the command never says "gelöscht" while the
value still sits in the -wal, and the bytes go once the reader has ended."""

import sqlite3
import subprocess

from facilitator.store import open_store
from facilitator.store.participants import add_participant
from tests.conftest import PYTHON, cli_env

EMAIL = "wal.zeugin@esslingen.example"


def _cli(db, *args):
    return subprocess.run(
        [PYTHON, "-m", "facilitator", *args],
        env=cli_env(db),
        capture_output=True,
        text=True,
        timeout=60,
    )


def _file_bytes(db) -> bytes:
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*") if p.is_file())


def test_erase_during_a_long_read_says_what_remains(db_path, workshop_id, store):
    add_participant(store, workshop_id, "Wal Zeugin", email=EMAIL, consent=True)
    db = db_path
    store.close()
    reader = sqlite3.connect(db)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM op").fetchone()  # holds a snapshot: no truncate
    try:
        done = _cli(db, "participants", "erase", EMAIL, "--yes")
        assert done.returncode == 0, done.stderr
        assert "gelöscht" not in done.stdout and "(db, -wal)" in done.stdout, done.stdout
        assert EMAIL.encode() in _file_bytes(db)  # what the sentence says: still there
    finally:
        reader.rollback()
        reader.close()
    again = _cli(db, "list")  # the next command after the read has ended
    assert again.returncode == 0, again.stderr
    assert EMAIL.encode() not in _file_bytes(db)


def test_erase_without_a_reader_says_geloescht_and_leaves_no_bytes(db_path, workshop_id, store):
    add_participant(store, workshop_id, "Wal Zeugin", email=EMAIL, consent=True)
    db = db_path
    store.close()
    done = _cli(db, "participants", "erase", EMAIL, "--yes")
    assert done.returncode == 0 and "gelöscht" in done.stdout, done.stderr
    assert EMAIL.encode() not in _file_bytes(db)
    reopened = open_store(db)
    reopened.close()
