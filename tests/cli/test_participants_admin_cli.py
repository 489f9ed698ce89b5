"""`facilitator participants add|merge|delete`: what the app's Participants screen can do."""

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from tests.conftest import AGENDA

CSV = (
    "Name;Organisation;E-Mail\n"
    "Erika Musterfrau;Gemeinde Denkendorf;erika@denkendorf.de\n"
    "Erika Musterfrau;Gemeinde Denkendorf (Rathaus);\n"
    "Max Weber;Stadtwerke Esslingen;max@swe.example\n"
)


@pytest.fixture
def cli(db_path: Path, tmp_path: Path):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    made = run("new", "Workshop A", "--agenda", str(AGENDA), "--date", "2026-12-01")
    assert made.exit_code == 0, made.output
    (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
    assert run("participants", "import", str(tmp_path / "p.csv")).exit_code == 0
    return run


def _people(db_path: Path) -> dict[str, dict]:
    """The live participants by name+organisation, with their organisation's fields."""
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        found = conn.execute(
            "SELECT p.id, p.name, p.email, p.present, o.name AS org, o.org_type, o.municipality "
            "FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id "
            "WHERE p.deleted = 0"
        ).fetchall()
    return {f"{r['name']} @ {r['org'] or ''}": dict(r) for r in found}


def test_add_a_walk_in_with_organisation(cli, db_path: Path) -> None:
    result = cli(
        "participants",
        "add",
        "Dr. Özlem Yılmaz",
        "--org",
        "Gemeinde Aichwald",
        "--type",
        "Gemeinde",  # the word lists use: a synonym of "kommune"
        "--municipality",
        "Aichwald",
        "--email",
        "oezlem@aichwald.de",
        "--present",
    )
    assert result.exit_code == 0, result.output
    person = _people(db_path)["Dr. Özlem Yılmaz @ Gemeinde Aichwald"]
    assert (person["email"], person["present"]) == ("oezlem@aichwald.de", 1)
    assert (person["org_type"], person["municipality"]) == ("kommune", "Aichwald")
    assert person["id"][:8] in result.output
    # without --present someone is on the list but not yet there
    assert cli("participants", "add", "Jonas Klein").exit_code == 0
    assert _people(db_path)["Jonas Klein @ "]["present"] == 0


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("Anna", "--org", "X", "--type", "Kirche"), "Unbekannter Typ 'Kirche'"),
        (("Anna", "--municipality", "Aichwald"), "bitte auch --org angeben"),
        (("Anna", "--email", "keine-adresse"), "keine E-Mail-Adresse"),
        (("   ",), "Der Name darf nicht leer sein"),
        (("Max Weber", "--org", "Stadtwerke Esslingen"), "steht schon auf der Liste"),
        (("M. Weber", "--email", "MAX@swe.example"), "steht schon auf der Liste"),
    ],
)
def test_add_refuses_bad_input_and_duplicates(cli, db_path: Path, args, says) -> None:
    before = _people(db_path)
    result = cli("participants", "add", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _people(db_path) == before


def test_merge_folds_the_duplicate_into_the_person_kept(cli, db_path: Path) -> None:
    people = _people(db_path)
    keep = people["Erika Musterfrau @ Gemeinde Denkendorf (Rathaus)"]
    other = people["Erika Musterfrau @ Gemeinde Denkendorf"]
    # the name is shared: it names neither; the list shows the ids' starts
    ambiguous = cli("participants", "merge", "Erika Musterfrau", "max@swe.example")
    assert ambiguous.exit_code == 2 and "passt auf 2 Personen" in ambiguous.output
    assert keep["id"][:8] in cli("participants", "list").output

    result = cli("participants", "merge", keep["id"][:8], "erika@denkendorf.de")
    assert result.exit_code == 0, result.output
    after = _people(db_path)
    assert "Erika Musterfrau @ Gemeinde Denkendorf" not in after
    kept = after["Erika Musterfrau @ Gemeinde Denkendorf (Rathaus)"]
    assert kept["email"] == "erika@denkendorf.de"  # taken from the duplicate
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("SELECT deleted FROM participant WHERE id = ?", [other["id"]])
        assert row.fetchone() == (1,)

    itself = cli("participants", "merge", "max@swe.example", "Max Weber")
    assert itself.exit_code == 2 and "mit sich selbst" in itself.output


def test_delete_takes_someone_off_the_list_but_keeps_the_row(cli, db_path: Path) -> None:
    max_id = _people(db_path)["Max Weber @ Stadtwerke Esslingen"]["id"]
    result = cli("participants", "delete", "Max Weber")
    assert result.exit_code == 0, result.output
    assert "Max Weber @ Stadtwerke Esslingen" not in _people(db_path)
    with sqlite3.connect(db_path) as conn:
        # a soft delete: the row and its e-mail stay (undo brings them back); erase is GDPR
        row = conn.execute("SELECT deleted, email FROM participant WHERE id = ?", [max_id])
        assert row.fetchone() == (1, "max@swe.example")
    missing = cli("participants", "delete", "Max Weber")
    assert missing.exit_code == 2 and "gibt es in diesem Workshop nicht" in missing.output


def test_english_messages(cli, db_path: Path) -> None:
    result = cli("--lang", "en", "participants", "delete", "Nobody")
    assert result.exit_code == 2 and "This workshop has no person 'Nobody'" in result.output
    added = cli("--lang", "en", "participants", "add", "Jonas Klein")
    assert added.exit_code == 0 and added.output.startswith("Added: Jonas Klein")
