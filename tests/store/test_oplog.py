"""The op log: every change an op, applied in the same transaction, LWW per field."""

import json
import sqlite3

import pytest

from facilitator.core.errors import DatabaseProblem, ValidationError
from facilitator.store import Store, open_store
from facilitator.store.captures import (
    add_capture,
    delete_capture,
    get_capture,
    list_captures,
    restore_capture,
    update_capture,
)
from facilitator.store.oplog import insert_remote_ops, ops_after


def test_connection_pragmas(store: Store) -> None:
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_every_change_is_an_op_with_the_projection_updated(store: Store, workshop_id: str) -> None:
    before = store.version
    capture_id = add_capture(
        store,
        workshop_id,
        "challenge",
        "Fehlende Schnittstellen",
        topic="verwaltung",
        organisation="Landratsamt Esslingen",
    )
    ops = ops_after(store, before)
    assert [op.kind for op in ops] == ["organisation.add", "capture.add"]
    assert ops[1].payload["id"] == capture_id
    row = get_capture(store, capture_id)
    assert (row.kind, row.topic, row.organisation) == (
        "challenge",
        "verwaltung",
        "Landratsamt Esslingen",
    )


def test_a_failing_change_leaves_neither_op_nor_row(store: Store, workshop_id: str) -> None:
    before = store.version
    with pytest.raises(RuntimeError):
        with store.transaction():
            add_capture(store, workshop_id, "need", "wird zurückgerollt")
            raise RuntimeError("boom")
    assert store.version == before
    assert list_captures(store, workshop_id) == []


def test_invalid_kind_lists_the_valid_ones(store: Store, workshop_id: str) -> None:
    with pytest.raises(ValidationError, match="erlaubt: challenge, need, driver"):
        add_capture(store, workshop_id, "wunsch", "x")


def test_german_labels_are_accepted_for_kind_and_topic(store: Store, workshop_id: str) -> None:
    capture_id = add_capture(
        store, workshop_id, "Maßnahme", "Schnittstelle bauen", topic="Energie und Umwelt"
    )
    capture = get_capture(store, capture_id)
    assert (capture.kind, capture.topic, capture.status) == ("measure", "energie_umwelt", "idee")


def test_delete_and_restore(store: Store, workshop_id: str) -> None:
    capture_id = add_capture(store, workshop_id, "idea", "Gemeinsames Bürgerportal")
    delete_capture(store, capture_id)
    assert list_captures(store, workshop_id) == []
    restore_capture(store, capture_id)
    assert [c.id for c in list_captures(store, workshop_id)] == [capture_id]


def test_edits_keep_the_old_values_for_undo(store: Store, workshop_id: str) -> None:
    capture_id = add_capture(store, workshop_id, "idea", "alt")
    update_capture(store, capture_id, text="neu")
    op = ops_after(store, 0)[-1]
    assert op.kind == "capture.edit" and op.payload["_before"] == {"text": "alt"}
    assert get_capture(store, capture_id).text == "neu"


def test_remote_ops_apply_last_writer_wins_in_any_order(tmp_path, clock) -> None:
    a = open_store(tmp_path / "a.db", now_ms=clock)
    b = open_store(tmp_path / "b.db", now_ms=clock)
    from facilitator.store.workshops import create_workshop

    ws = create_workshop(a, "WS")
    capture_id = add_capture(a, ws, "idea", "Anfang")
    insert_remote_ops(b, ops_after(a, 0))
    clock.advance(seconds=1)
    update_capture(a, capture_id, text="von A")
    clock.advance(seconds=1)
    update_capture(b, capture_id, text="von B (später)")
    a_ops, b_ops = ops_after(a, 0), ops_after(b, 0)
    insert_remote_ops(a, list(reversed(b_ops)))
    insert_remote_ops(b, a_ops)
    insert_remote_ops(b, a_ops)  # a repeated delivery changes nothing
    assert get_capture(a, capture_id).text == get_capture(b, capture_id).text == "von B (später)"
    count = "SELECT count(*) FROM op"
    assert a.conn.execute(count).fetchone() == b.conn.execute(count).fetchone() == (4,)


def test_newer_database_is_refused(db_path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(DatabaseProblem, match="neueren facilitator-Version"):
        open_store(db_path)


def test_garbage_file_is_refused_with_one_sentence(tmp_path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"kein sqlite" * 100)
    with pytest.raises(DatabaseProblem, match="keine lesbare facilitator-Datenbank"):
        open_store(path)


def test_missing_database_is_refused_unless_created(tmp_path) -> None:
    with pytest.raises(DatabaseProblem, match="gibt es nicht"):
        open_store(tmp_path / "nope.db", create=False)


def test_listeners_hear_of_ops_after_commit(store: Store, workshop_id: str) -> None:
    heard: list[list[str]] = []
    store.subscribe(lambda ops: heard.append([op.kind for op in ops]))
    with store.transaction():
        add_capture(store, workshop_id, "question", "Wer zahlt?")
        add_capture(store, workshop_id, "decision", "Wir machen weiter.")
        assert heard == []
    assert heard == [["capture.add", "capture.add"]]


def test_payload_is_json_in_the_op_table(store: Store, workshop_id: str) -> None:
    add_capture(store, workshop_id, "note", "Umlaute äöüß und Emoji 🙂")
    payload = store.conn.execute("SELECT payload FROM op ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert json.loads(payload)["text"] == "Umlaute äöüß und Emoji 🙂"
