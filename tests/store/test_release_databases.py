"""Tests upgrading databases made by landed releases: every step runs once, nothing is lost.

The fixtures in tests/data/releases/ were made by each release's own code
(make_release_db.py there): 7a78192 (the first release, schema 2) and 18049a1, and
two commits of main between them that stamped schema 3 without later steps — 93547aa
(no 0012_org_key, photos, Wi-Fi or activities) and 764b322 (no Wi-Fi, no activities),
which the old `user_version` gate opened without migrating.
"""

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.core.errors import DatabaseProblem
from facilitator.store import open_store
from facilitator.store.columns import COLUMNS
from facilitator.store.schema import migrations, pending_names
from tests.conftest import PROJECT

RELEASES = PROJECT / "tests" / "data" / "releases"
FIXTURES = ["7a78192", "93547aa", "764b322", "18049a1"]
KNOWN_CAPTURE = "Fehlende Schnittstellen zum Landratsamt"


def _copy(name: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{name}.db"
    shutil.copy(RELEASES / f"{name}.db", path)
    return path


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def _shape(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Each table's columns and each index's name: what the code can rely on."""
    shape: dict[str, set[str]] = {}
    for (table,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ):
        shape[table] = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
    shape["(indexes)"] = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'"
        )
    }
    return shape


def _cli(db: Path, *args: str):
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("release", FIXTURES)
def test_a_release_database_upgrades_and_loses_nothing(release: str, tmp_path: Path) -> None:
    path = _copy(release, tmp_path)
    before = _counts(path)
    store = open_store(path, create=False)
    try:
        assert pending_names(store.conn) == []
        recorded = [
            row[0]
            for row in store.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'facilitator'"
            )
        ]
        assert sorted(recorded) == sorted(migrations.names)  # each once, under today's name
        texts = [row[0] for row in store.conn.execute("SELECT text FROM capture")]
    finally:
        store.close()
    after = _counts(path)
    assert {t: n for t, n in after.items() if t in before} == before
    assert KNOWN_CAPTURE in texts
    assert before["capture"] == 8 and before["participant"] == 3 and before["vote"] == 3


@pytest.mark.parametrize("release", FIXTURES)
def test_every_declared_column_exists_after_upgrading(release: str, tmp_path: Path) -> None:
    store = open_store(_copy(release, tmp_path), create=False)
    try:
        shape = _shape(store.conn)
    finally:
        store.close()
    missing = [
        f"{table}.{column}"
        for table, columns in COLUMNS.items()
        for column in [*columns, "id", "clocks"]
        if column not in shape.get(table, set())
    ]
    assert missing == []


@pytest.mark.parametrize("release", FIXTURES)
def test_an_upgraded_database_has_the_shape_of_a_new_one(release: str, tmp_path: Path) -> None:
    new = open_store(tmp_path / "new.db")
    old = open_store(_copy(release, tmp_path), create=False)
    try:
        assert _shape(old.conn) == _shape(new.conn)
    finally:
        new.close()
        old.close()


@pytest.mark.parametrize("release", FIXTURES)
def test_every_command_works_on_an_upgraded_database(release: str, tmp_path: Path) -> None:
    db = _copy(release, tmp_path)
    _cli(db, "capture", "-k", "offer", "-t", "Beratung zu Förderprogrammen",
         "--org", "Gemeinde Ammerbuch")  # fmt: skip
    _cli(db, "workshop", "edit", "--wifi-name", "Rathaus-Gast", "--wifi-password", "pw-42")
    assert _cli(db, "activity", "start", "--set", "digital-check").strip()
    shown = _cli(db, "participants", "show", "Anna Beispiel")
    assert "anna@example.org" in shown
    listed = _cli(db, "list")
    assert "Vernetzungsworkshop Tübingen" in listed
    out = tmp_path / "protokoll.docx"
    _cli(db, "export", "protocol", "-o", str(out))
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert KNOWN_CAPTURE in text and "Beratung zu Förderprogrammen" in text
    store = open_store(db, create=False)
    try:
        wifi = store.conn.execute("SELECT wifi_name FROM workshop").fetchone()[0]
        org = store.conn.execute(
            "SELECT name_key FROM organisation WHERE name = 'Gemeinde Ammerbuch'"
        ).fetchone()
    finally:
        store.close()
    assert wifi == "Rathaus-Gast" and org == ("gemeinde ammerbuch",)


def test_old_step_names_are_renamed_not_rerun(tmp_path: Path) -> None:
    path = _copy("18049a1", tmp_path)
    open_store(path, create=False).close()
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id").fetchall()
    finally:
        conn.close()
    names = [row[0] for row in rows]
    assert "0019_wifi" not in names and names.count("0006_wifi") == 1
    assert len(names) == len(migrations.names)


def test_a_skipped_step_runs_whatever_the_version_says(tmp_path: Path) -> None:
    """The old gate: user_version already at today's value, a step missing — it still runs."""
    path = tmp_path / "x.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE workshop DROP COLUMN wifi_name")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_wifi'")
    conn.commit()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    store = open_store(path)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == version
        columns = {row[1] for row in store.conn.execute("PRAGMA table_info(workshop)")}
    finally:
        store.close()
    assert "wifi_name" in columns


def test_a_step_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('facilitator', '9999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseProblem, match="neueren facilitator-Version.*9999_from_the_future"):
        open_store(path)


def test_steps_are_named_in_run_order() -> None:
    names = migrations.names
    assert names == sorted(names) and names[0] == "0001_initial"
    assert len({name[:4] for name in names}) == len(names)  # no number twice


def test_an_up_to_date_database_opens_without_sqlite_utils(tmp_path: Path) -> None:
    path = _copy("7a78192", tmp_path)
    open_store(path, create=False).close()  # upgrades (imports sqlite-utils) once
    script = (
        "import sys\n"
        "from facilitator.store import open_store\n"
        f"open_store({str(path)!r}, create=False).close()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "False", done.stderr
