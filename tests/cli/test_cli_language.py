"""`--lang en` speaks English on every line a command prints; German gets its plurals right."""

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import COMMANDS, main, run
from tests.conftest import AGENDA

# Words that only a German line would contain (user data in these tests avoids them).
GERMAN = re.compile(
    r"\b(Geschrieben|Eintrag|Einträge|Punkte?|Teilnehmende|Fehler|Keine?|Noch|Geändert|"
    r"Unverändert|Hinzugefügt|Zusammengeführt|bitte|gibt es nicht|Änderungen?|Aufruf|"
    r"Optionen|Befehle|Beendet|offen|Antworten?|Einwilligung|Nichts|gelöscht|Warnung|"
    r"Unbekannte[r]?|erlaubt|möglich|Datei|Hilfe|Interner)\b"
)
# click's own English, which a German screen must not show
CLICK_ENGLISH = re.compile(
    r"Usage:|Options:|Commands:|Show this message|\[required\]|default:|\[OPTIONS\]|"
    r"\bCOMMAND\b|\bFILE\b|\bINTEGER\b|Error:|Try '"
)


@pytest.fixture
def cli(db_path: Path):
    def invoke(*args: str, lang: str = "en", stdin: str | None = None):
        return CliRunner().invoke(main, ["--lang", lang, "--db", str(db_path), *args], input=stdin)

    return invoke


@pytest.fixture
def ws(cli) -> str:
    made = cli("new", "Vernetzung Nord", "--agenda", str(AGENDA), "--date", "2026-12-01")
    assert made.exit_code == 0, made.output
    return made.output.strip()


def english(result) -> str:
    """The command's whole output, checked to hold no German word."""
    text = result.output
    assert not GERMAN.search(text), text
    return text


def test_every_command_family_speaks_english(cli, ws: str, tmp_path: Path) -> None:
    assert "(5 items, 0 participants, 0 entries)" in english(cli("list"))
    assert english(cli("capture", "--kind", "idee", "--text", "Open data portal")).strip()
    assert "(5 items, 0 participants, 1 entry)" in english(cli("list"))
    assert english(cli("agenda", "edit", "1", "--minutes", "25")).startswith("Changed (")
    assert english(cli("agenda", "edit", "1", "--minutes", "25")).strip() == "Unchanged."
    assert "Error: Unknown kind 'x'" in english(cli("agenda", "edit", "1", "--kind", "x"))
    assert english(cli("workshop", "edit")).startswith("Error: Nothing to change")
    added = english(cli("participants", "add", "Ada Lovelace", "--org", "City of Ulm"))
    assert added.startswith("Added: Ada Lovelace (")
    assert "Ada Lovelace" in english(cli("participants", "list"))
    twin = cli("participants", "add", "Ada Lovelace", "--org", "City of Ulm")
    assert "already on the list" in english(twin)
    assert "(5 items, 1 participant, 1 entry)" in english(cli("list"))
    assert "City of Ulm" in english(cli("orgs", "list"))
    cli("participants", "add", "Cy Young", "--org", "Town", "--municipality", "Nowhereville")
    warned = cli("orgs", "list")
    assert "Warning: Town: Place “Nowhereville” not found" in english(warned)
    assert english(cli("orgs", "pending")).strip() == "No organisations wait."
    assert english(cli("activity", "list")).strip() == "No activities yet."
    assert english(cli("activity", "stop")).strip() == "Error: No activity is open."
    out = tmp_path / "w.json"
    assert english(cli("export", "json", "-o", str(out))).strip() == f"Written: {out}"
    imported = english(cli("import", "json", str(out)))
    assert re.fullmatch(r"0 new changes imported from .*\.\n", imported)
    assert "Unknown phase 'xx'" in english(cli("methods", "--phase", "xx"))
    assert "please give a target file" in english(cli("methods", "--print"))
    both = cli("sync", "--peer", "https://x:1", "--listen", "0.0.0.0:1")
    assert english(both).startswith("Error: Please give only one")
    assert "does not exist" in english(cli("photo", "add", str(tmp_path / "none.jpg")))
    assert "is not a date" in english(cli("purge", "--before", "soon", "--yes"))
    assert "must be a time HH:MM" in english(cli("next-date", "2027-01-10", "--start", "late"))
    assert english(cli("examples", "list", "--examples", str(tmp_path))).strip() == (
        "No practice examples yet."
    )


def test_erase_asks_and_answers_in_english(cli, ws: str) -> None:
    cli("participants", "add", "Grace Hopper")
    refused = english(cli("participants", "erase", "Grace Hopper", stdin="n\n"))
    assert "Erase 1 entry for good? This cannot be undone. [y/N]" in refused
    assert refused.rstrip().endswith("Nothing erased.")
    erased = english(cli("participants", "erase", "Grace Hopper", stdin="y\n"))
    assert erased.rstrip().endswith("1 entry erased; their contributions stay, without names.")


def test_german_counts_have_their_singular_and_plural(cli, ws: str) -> None:
    assert "(5 Punkte, 0 Teilnehmende, 0 Einträge)" in cli("list", lang="de").output
    cli("capture", "--kind", "idee", "--text", "Offene Daten", lang="de")
    cli("participants", "add", "Ada Lovelace", lang="de")
    assert "(5 Punkte, 1 teilnehmende Person, 1 Eintrag)" in cli("list", lang="de").output
    cli("capture", "--kind", "idee", "--text", "Noch eine Idee", lang="de")
    assert "(5 Punkte, 1 teilnehmende Person, 2 Einträge)" in cli("list", lang="de").output
    asked = cli("participants", "erase", "Ada Lovelace", lang="de", stdin="j\n").output
    assert "1 Eintrag endgültig löschen?" in asked and "1 Eintrag gelöscht;" in asked


def test_the_language_also_comes_from_facilitator_lang(db_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACILITATOR_LANG", "en")
    result = CliRunner().invoke(main, ["--db", str(db_path), "list"])
    assert result.exit_code == 2 and "Error:" in result.output and not GERMAN.search(result.output)


def test_german_help_has_no_english_click_words_and_english_help_has_them() -> None:
    runner = CliRunner()
    for name in ["", *COMMANDS]:
        german = runner.invoke(main, [name, "--help"] if name else ["--help"])
        assert german.exit_code == 0, (name, german.output)
        assert not CLICK_ENGLISH.search(german.output), (name, german.output)
        assert "Aufruf:" in german.output and "Diese Hilfe zeigen und beenden." in german.output
        english_help = runner.invoke(main, ["--lang", "en", *([name] if name else []), "--help"])
        assert (
            "Usage:" in english_help.output and "Show this message and exit." in english_help.output
        )
    new_help = runner.invoke(main, ["new", "--help"]).output
    assert (
        "[erforderlich]" in new_help and "[Standard: de]" in runner.invoke(main, ["--help"]).output
    )
    # click 8.5 writes an optional subcommand in brackets ("[COMMAND]"), 8.4 does not
    usage = runner.invoke(main, ["--help"]).output
    assert re.search(r"Aufruf: main \[OPTIONEN\] \[?BEFEHL\]? \[ARGUMENTE\]\.\.\.", usage), usage


def test_our_help_texts_in_english_and_german_again_afterwards() -> None:
    runner = CliRunner()
    for name in [*COMMANDS, "export protocol", "participants add", "sync code"]:
        args = name.split()
        shown = runner.invoke(main, ["--lang", "en", *args, "--help"]).output
        assert not GERMAN.search(shown), shown
    english_root = runner.invoke(main, ["--lang", "en", "--help"]).output
    assert "List the workshops in the database, the newest first." in english_root
    assert "--db FILE       Database file (default: in the user's data folder)." in english_root
    german_root = runner.invoke(main, ["--help"]).output
    assert "Die Workshops in der Datenbank auflisten, den neuesten zuerst." in german_root
    assert "Datenbankdatei (Standard: im Datenordner des Benutzers)." in german_root


def test_click_usage_errors_in_both_languages(cli, ws: str) -> None:
    german = cli("list", "--bogus", lang="de")
    assert german.exit_code == 2 and "Fehler: Eine Option '--bogus' gibt es nicht." in german.output
    assert "Hilfe: 'main list --help'." in german.output  # CliRunner names the program "main"
    english_error = cli("list", "--bogus")
    assert "Error: No such option '--bogus'." in english_error.output
    choice = cli("--lang", "fr", "list", lang="de")
    assert "Ungültiger Wert für '--lang': 'fr' ist keins von 'de', 'en'." in choice.output


def test_the_internal_error_line_in_english(db_path: Path, monkeypatch, capsys) -> None:
    def broken(store):
        raise RuntimeError("disk on fire")

    # `facilitator list` reads the workshops through cli/workshop.py's import of the service
    monkeypatch.setattr("facilitator.cli.workshop.query", broken)
    CliRunner().invoke(main, ["--db", str(db_path), "new", "T", "--agenda", str(AGENDA)])
    for lang, expected in (
        ("en", "Internal error: disk on fire (FACILITATOR_DEBUG=1 shows details)"),
        ("de", "Interner Fehler: disk on fire (FACILITATOR_DEBUG=1 zeigt Details)"),
    ):
        monkeypatch.setattr(
            sys, "argv", ["facilitator", "--lang", lang, "--db", str(db_path), "list"]
        )
        with pytest.raises(SystemExit) as stopped:
            run()
        assert stopped.value.code == 1
        assert capsys.readouterr().err.strip() == expected


def test_json_output_stays_data(cli, ws: str) -> None:
    found = json.loads(cli("list", "--json").output)
    assert found[0]["title"] == "Vernetzung Nord"


def test_a_command_s_own_lang_chooses_the_document_not_the_messages(cli, ws: str) -> None:
    german = cli("methods", "--lang", "en", "--bogus", lang="de")
    assert "Fehler: Eine Option '--bogus' gibt es nicht." in german.output
    phase = cli("methods", "--lang", "en", "--phase", "xx", lang="de")
    assert "Fehler: Unbekannte Phase 'xx'" in phase.output
    after_db = CliRunner().invoke(main, ["--db", "en", "--lang", "en", "list", "--bogus"])
    assert "Error: No such option '--bogus'." in after_db.output  # "en" was the --db value
