"""Deleting a workshop (or a series) removes its personal data to the bytes on both laptops.

Two laptops sync over the real TLS server; after the deletion the database files
(db and -wal) of both are searched for every value the workshop held, and an old JSON
export, the old ops or a second pull bring nothing back.
"""

import base64
import subprocess
from pathlib import Path

import pytest

from facilitator.core.errors import NotFound
from facilitator.store import open_store
from facilitator.store.activities import answer_activity, ask_question, start_activity
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.exchange import export_workshop, import_workshop
from facilitator.store.oplog import insert_remote_ops, op_from_dict
from facilitator.store.participants import add_participant
from facilitator.store.people import find_people
from facilitator.store.photos import add_photo, photo_jpeg
from facilitator.store.series import ensure_series
from facilitator.store.sync_pairing import SyncScope
from facilitator.store.workshops import create_workshop, erase_workshops, list_workshops
from facilitator.sync.client import SyncClient
from facilitator.sync.pairing import pairing_code
from facilitator.sync.server import start_sync_server
from tests.conftest import PYTHON, FakeClock, cli_env
from tests.store.test_photos import camera_photo

EMAIL = "erika.zebra@aalen.example"


def _file_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file() and ".db" in p.name)


def _fill(store, workshop_id: str) -> list[bytes]:
    """Give the workshop people, entries, a photo and answers; return values to search for."""
    add_participant(store, workshop_id, "Erika Zebra", email=EMAIL, consent=True)
    add_capture(store, workshop_id, "todo", "Geheimprojekt Zebra", owner="Erika Zebra")
    photo_id = add_photo(store, workshop_id, camera_photo(400, 300), caption="Erika am Flipchart")
    cloud = start_activity(store, workshop_id, "wordcloud", "Ein Wort")
    answer_activity(store, workshop_id, cloud, "phone-aaaa", {"w0": "Zebrastreifen"})
    qa = start_activity(store, workshop_id, "questions", "Fragen")
    ask_question(store, workshop_id, qa, "phone-aaaa", "Wer zahlt das Zebra?", "q-zebra-1")
    jpeg = base64.b64encode(photo_jpeg(store, photo_id))[200:260]  # as the op and row hold it
    return [
        EMAIL.encode(),
        "Geheimprojekt Zebra".encode(),
        "Erika am Flipchart".encode(),
        b"Zebrastreifen",
        "Wer zahlt das Zebra".encode(),
        jpeg,
    ]


async def test_a_deleted_workshop_leaves_no_byte_on_either_laptop(tmp_path: Path, monkeypatch):
    import facilitator.sync.client as client_module

    resets = []
    real_reset = client_module.reset_peer
    monkeypatch.setattr(
        client_module, "reset_peer", lambda *args: resets.append(args) or real_reset(*args)
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = open_store(tmp_path / "a" / "a.db", now_ms=FakeClock())
    b = open_store(tmp_path / "b" / "b.db", now_ms=FakeClock())
    gone = create_workshop(a, "Aalen", date="2026-12-01")
    kept = create_workshop(a, "Ulm", date="2026-12-02")
    add_capture(a, kept, "need", "Bleibt in Ulm")
    secrets = _fill(a, gone)
    server = await start_sync_server(a, "127.0.0.1", 0)
    client = SyncClient(b, server.url, pairing_code(a, SyncScope(workshops=(gone, kept))))
    try:
        await client.run_once()
        assert find_people(b, EMAIL)  # B had everything
        old_export = export_workshop(a, gone)
        erase_workshops(a, [gone])  # B's cursor points at an op the erasure deletes
        await client.run_once()
        assert resets == []  # a gap left by erasure is no restored backup: no full resync
        add_capture(b, gone, "idea", "B wusste es nicht")  # B writes on before it hears: gone
        await client.run_once()
    finally:
        await client.close()
        await server.cleanup()
    # an old JSON export and the old ops cannot bring it back, on either laptop
    for laptop in (a, b):
        import_workshop(laptop, old_export)
        insert_remote_ops(laptop, [op_from_dict(raw) for raw in old_export["ops"]])
        with pytest.raises(NotFound):  # participants show finds nobody
            find_people(laptop, EMAIL)
        assert list_captures(laptop, gone) == []
        assert [w["title"] for w in list_workshops(laptop)] == ["Ulm"]
        assert [c.text for c in list_captures(laptop, kept)] == ["Bleibt in Ulm"]
        laptop.checkpoint()
    for folder in (tmp_path / "a", tmp_path / "b"):
        found = _file_bytes(folder)
        for secret in secrets:
            assert secret not in found, (folder.name, secret[:30])
        assert b"Bleibt in Ulm" in found
    a.close()
    b.close()


@pytest.mark.slow  # a child process
def test_cli_deletes_a_whole_series_after_asking(db_path: Path, store):
    ostalb = ensure_series(store, "Ostalb")
    first = create_workshop(store, "Aalen", date="2026-12-01", series_id=ostalb)
    second = create_workshop(store, "Ellwangen", date="2027-01-10", series_id=ostalb)
    other = create_workshop(store, "Ulm", date="2026-12-02")
    add_participant(store, first, "Erika Zebra", email=EMAIL)
    add_participant(store, second, "Hans Zebra", email="hans.zebra@ellwangen.example")
    add_participant(store, other, "Olga Bleibt", email="olga@ulm.example")
    store.close()

    def run(*args: str, answer: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [PYTHON, "-m", "facilitator", "workshop", "delete", *args],
            env=cli_env(db_path),
            input=answer,
            capture_output=True,
            text=True,
            timeout=60,
        )

    kept = run("--series", "Ostalb", answer="n\n")
    assert "Nichts gelöscht" in kept.stdout and "Aalen" in kept.stdout
    done = run("--series", "Ostalb", answer="j\n")
    assert done.returncode == 0 and "2 Workshops gelöscht" in done.stdout, done.stderr
    unknown = run("--series", "Nirgendwo", "--yes")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1
    data = _file_bytes(db_path.parent)
    assert EMAIL.encode() not in data and b"hans.zebra@ellwangen.example" not in data
    assert b"olga@ulm.example" in data


def test_import_json_of_a_deleted_workshop_says_why_nothing_came_back(
    store, workshop_id, db_path: Path, tmp_path: Path
):
    from click.testing import CliRunner

    from facilitator.cli import main
    from facilitator.store.exchange import dumps

    add_participant(store, workshop_id, "Erika Zebra", email=EMAIL)
    old = tmp_path / "alt.json"
    old.write_text(dumps(export_workshop(store, workshop_id)), encoding="utf-8")
    erase_workshops(store, [workshop_id])
    answer = CliRunner().invoke(main, ["--db", str(db_path), "import", "json", str(old)])
    assert answer.exit_code == 0, answer.output
    assert "0 neue Änderungen" in answer.output and "endgültig gelöscht" in answer.output
    with pytest.raises(NotFound):
        find_people(store, EMAIL)
