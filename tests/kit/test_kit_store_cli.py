"""Tests the Wi-Fi fields (store, migration, `new`) and the kit's commands as a user runs them."""

import sqlite3
import subprocess
from pathlib import Path

import pytest
from docx import Document

from facilitator.store import Store, open_store
from facilitator.store.workshops import get_workshop, update_workshop
from tests.conftest import AGENDA, PYTHON, cli_env


def _run(db_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-m", "facilitator", *args],
        env=cli_env(db_path),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_wifi_is_a_workshop_field(store: Store, workshop_id: str) -> None:
    update_workshop(store, workshop_id, wifi_name="LRA-Gast", wifi_password="geheim 123")
    workshop = get_workshop(store, workshop_id)
    assert (workshop.wifi_name, workshop.wifi_password) == ("LRA-Gast", "geheim 123")
    op = store.conn.execute("SELECT payload FROM op ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert "LRA-Gast" in op  # an op like every change: it syncs to the other laptop


def test_migration_adds_wifi_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "alt.db"
    open_store(path, create=True).close()
    conn = sqlite3.connect(path)  # make it look like a database from before 0019
    conn.execute("ALTER TABLE workshop DROP COLUMN wifi_name")
    conn.execute("ALTER TABLE workshop DROP COLUMN wifi_password")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_wifi'")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    store = open_store(path)
    columns = {row[1] for row in store.conn.execute("PRAGMA table_info(workshop)")}
    store.close()
    assert {"wifi_name", "wifi_password"} <= columns


@pytest.mark.slow  # six processes
def test_kit_commands(db_path: Path, tmp_path: Path) -> None:
    made = _run(
        db_path, "new", "Workshop Ulm", "--agenda", str(AGENDA), "--date", "2026-12-01",
        "--wifi-name", "Ulm-Gast", "--wifi-password", "pw-42",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    poster = tmp_path / "poster.docx"
    done = _run(
        db_path,
        "export",
        "agenda",
        "-o",
        str(poster),
        "--poster",
        "--url",
        "http://10.1.2.3:8765/j/abc",
    )
    assert done.returncode == 0, done.stderr
    assert "http://10.1.2.3:8765/j/abc" in done.stdout  # says which address the QR code holds
    text = "\n".join(p.text for p in Document(str(poster)).paragraphs)
    assert "Ulm-Gast" in text and "pw-42" in text
    # without --url: the join address `serve` and `qr` print (this laptop, port 8765)
    default = _run(db_path, "export", "agenda", "-o", str(tmp_path / "a.docx"))
    assert default.returncode == 0 and ":8765/j/" in default.stdout
    for kind in ("runsheet", "signin", "badges"):
        result = _run(db_path, "--lang", "en", "export", kind, "-o", str(tmp_path / f"{kind}.docx"))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / f"{kind}.docx").stat().st_size > 5000
    signin = Document(str(tmp_path / "signin.docx"))
    assert "Nobody registered yet" in "\n".join(p.text for p in signin.paragraphs)


@pytest.mark.slow  # three processes
def test_unknown_layout_is_one_sentence_and_exit_2(db_path: Path, tmp_path: Path) -> None:
    assert _run(db_path, "new", "W", "--agenda", str(AGENDA)).returncode == 0
    target = tmp_path / "b.docx"
    result = _run(db_path, "export", "badges", "-o", str(target), "--layout", "3x7")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "2x4" in result.stderr
    assert "Traceback" not in result.stderr and not target.exists()
    bad = _run(
        db_path, "export", "signin", "-o", str(target), "--template", str(tmp_path / "x.docx")
    )
    assert bad.returncode == 2 and not target.exists()
