"""The command line: new, list, check, capture, participants import, export/import json."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import COMMANDS, main
from tests.conftest import AGENDA

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(db_path: Path):
    runner = CliRunner()

    def run(*args: str, stdin: str | None = None):
        return runner.invoke(main, ["--db", str(db_path), *args], input=stdin)

    return run


@pytest.fixture
def ws(cli) -> str:
    result = cli(
        "new",
        "Vernetzungsworkshop Esslingen",
        "--agenda",
        str(AGENDA),
        "--date",
        "2026-12-01",
        "--venue",
        "Landratsamt Esslingen",
    )
    assert result.exit_code == 0, result.output
    return result.output.strip()


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for name in COMMANDS:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Aufruf:" in result.output


def test_new_then_list(cli, ws: str) -> None:
    result = cli("list")
    assert result.exit_code == 0
    assert ws[:8] in result.output and "Vernetzungsworkshop Esslingen" in result.output
    assert "5 Punkte" in result.output


def test_new_with_a_shipped_template_and_a_later_start(cli) -> None:
    result = cli("new", "Kick-off", "--agenda", "vernetzungsworkshop", "--start", "13:00")
    assert result.exit_code == 0, result.output
    listed = json.loads(cli("list", "--json").output)
    assert listed[0]["start"] == "13:00" and listed[0]["end"] == "17:00"


def test_capture_and_its_errors(cli, ws: str, db_path: Path) -> None:
    ok = cli(
        "capture",
        "--kind",
        "challenge",
        "--text",
        "Fehlende Schnittstellen",
        "--topic",
        "verwaltung",
        "--org",
        "Gemeinde Aichwald",
    )
    assert ok.exit_code == 0, ok.output
    bad_kind = cli("capture", "--kind", "wunsch", "--text", "x")
    assert bad_kind.exit_code == 2
    assert "erlaubt: challenge, need, driver, measure" in bad_kind.output
    bad_topic = cli("capture", "--kind", "need", "--text", "x", "--topic", "weltraum")
    assert bad_topic.exit_code == 2 and "verwaltung, infrastruktur" in bad_topic.output
    assert "Traceback" not in bad_kind.output + bad_topic.output


def test_capture_from_stdin_is_one_transaction(cli, ws: str) -> None:
    result = cli("capture", "--kind", "need", "--text", "-", stdin="Eins\n\nZwei\nDrei\n")
    assert result.exit_code == 0
    assert len(result.output.split()) == 3
    exported = json.loads(cli("export", "json", "-o", "-").output)
    assert sorted(c["text"] for c in exported["captures"]) == ["Drei", "Eins", "Zwei"]
    assert {op["kind"] for op in exported["ops"]} >= {"capture.add"}


def test_participants_import_and_bad_rows(cli, ws: str, tmp_path: Path) -> None:
    good = tmp_path / "ok.csv"
    good.write_text(
        "name,organisation,org_type,municipality,email,consent\n"
        "Anna Berger,Stadt Esslingen,kommune,Esslingen,anna@example.org,yes\n",
        encoding="utf-8",
    )
    assert cli("participants", "import", str(good)).exit_code == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Name;E-Mail;Einwilligung\nAnna;anna@x.de;ja\n;b@x.de;nein\nC;c@x.de;vielleicht\n",
        encoding="utf-8",
    )
    result = cli("participants", "import", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:3: der Name fehlt" in result.output
    assert f"{bad}:4: Einwilligung 'vielleicht' ist weder ja noch nein" in result.output
    exported = json.loads(cli("export", "json", "-o", "-").output)
    assert [p["name"] for p in exported["participants"]] == ["Anna Berger"]  # nothing imported


def test_participants_import_of_no_text_file_is_one_sentence(cli, ws: str, tmp_path: Path) -> None:
    """An .xlsx saved as .csv is neither UTF-8 nor Windows-1252: exit 2, not an internal error."""
    binary = tmp_path / "liste.csv"
    binary.write_bytes(b"PK\x03\x04\x81\x8d\x90\x9d")
    result = cli("participants", "import", str(binary))
    assert result.exit_code == 2
    assert result.output.startswith(f"{binary}: keine Textdatei")
    assert len(result.output.strip().splitlines()) == 1


def test_json_round_trip_through_the_cli(cli, ws: str, tmp_path: Path) -> None:
    cli("capture", "-k", "driver", "-t", "Fördermittel des Landes", "--topic", "querschnitt")
    first = tmp_path / "a.json"
    assert cli("export", "json", "-o", str(first)).exit_code == 0
    other_db, second = tmp_path / "other.db", tmp_path / "b.json"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(other_db), "import", "json", str(first)]).exit_code == 0
    assert (
        runner.invoke(main, ["--db", str(other_db), "export", "json", "-o", str(second)]).exit_code
        == 0
    )
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_check_reports_path_line_message(tmp_path: Path) -> None:
    agenda = tmp_path / "a.toml"
    agenda.write_text('title = "x"\n[[item]]\ntitle = "A"\nminutes = "zehn"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(agenda)])
    assert result.exit_code == 2
    assert result.output.startswith(f"{agenda}:4: Punkt 1: „minutes“")


def test_shipped_methods_and_agendas_are_valid() -> None:
    result = CliRunner().invoke(main, ["check", str(PROJECT / "methods"), str(PROJECT / "agendas")])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("content", [b"garbage" * 200, None])
def test_missing_or_corrupt_database_is_one_sentence(tmp_path: Path, content) -> None:
    path = tmp_path / "x.db"
    if content:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["--db", str(path), "list"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Fehler: ")
    assert not path.exists() or content  # a missing database is not created by `list`


def test_errors_in_english_with_lang_en(cli, ws):
    result = cli("--lang", "en", "capture", "--kind", "wunsch", "--text", "x")
    assert result.exit_code == 2
    assert "Unknown kind 'wunsch'; allowed:" in result.output
    assert "Unbekannte" not in result.output and "Fehler" not in result.output
    german = cli("capture", "--kind", "wunsch", "--text", "x")
    assert german.exit_code == 2 and "Unbekannte Art 'wunsch'" in german.output


def test_capture_topic_by_its_beginning_like_the_capture_line(cli, ws: str) -> None:
    ok = cli("capture", "--kind", "need", "--text", "Bürgerbeteiligung", "--topic", "partizip")
    assert ok.exit_code == 0, ok.output
    exported = json.loads(cli("export", "json", "-o", "-").output)
    assert exported["captures"][0]["topic"] == "partizipation_transparenz"


def test_csv_type_synonyms(cli, ws: str, tmp_path: Path) -> None:
    csv = tmp_path / "liste.csv"
    csv.write_text(
        "Name;Organisation;Typ\n"
        "Anna Berger;Gemeinde Aichwald;Gemeinde\n"
        "Ben Roth;Hochschule Esslingen;Hochschule\n"
        "Cem Aydin;Landratsamt Esslingen;Landratsamt\n",
        encoding="utf-8",
    )
    result = cli("participants", "import", str(csv))
    assert result.exit_code == 0, result.output
    exported = json.loads(cli("export", "json", "-o", "-").output)
    types = {o["name"]: o["org_type"] for o in exported["organisations"]}
    assert types["Gemeinde Aichwald"] == "kommune"
    assert types["Hochschule Esslingen"] == "wissenschaft"
    assert types["Landratsamt Esslingen"] == "landkreis"


def test_click_speaks_german_and_english_with_lang_en(cli, ws: str) -> None:
    german = CliRunner().invoke(main, ["list", "--help"])
    assert "Diese Hilfe zeigen und beenden." in german.output
    assert "Show this message" not in german.output
    wrong = cli("list", "--bogus")
    assert wrong.exit_code == 2 and "Fehler: Eine Option '--bogus' gibt es nicht." in wrong.output
    english = CliRunner().invoke(main, ["--lang", "en", "list", "--bogus"])
    assert "Error: No such option '--bogus'." in english.output
    again = CliRunner().invoke(main, ["list", "--help"])  # back to German afterwards
    assert "Diese Hilfe zeigen" in again.output
