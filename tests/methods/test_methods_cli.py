"""Tests `facilitator methods` as a user runs it: table, filters, JSON, own cards, printing."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx2python import docx2python

from facilitator.library import load_methods
from tests.conftest import PROJECT, PYTHON, cli_env

OWN = PROJECT / "tests" / "data" / "methods-own"


def _run(db_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-m", "facilitator", "methods", *args],
        env={**cli_env(db_path), "COLUMNS": "160", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_table_lists_every_card(db_path) -> None:
    result = _run(db_path)
    assert result.returncode == 0, result.stderr
    shipped = load_methods(include_user=False)
    for card in shipped.values():
        assert card.id in result.stdout
    assert f"Methoden ({len(shipped)})" in result.stdout
    assert "Ankommen" in result.stdout and "Min." in result.stdout


def test_table_at_80_columns_breaks_names_between_words(db_path) -> None:
    result = _run(db_path, COLUMNS="80")
    assert result.returncode == 0, result.stderr
    # each one-word name whole on its line (they were cut "Check-in-Rund" / "e")
    for name in ("Check-in-Runde", "Erwartungsabfrage", "Kennenlern-Bingo", "Soziometrische"):
        assert name in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_phase_search_and_json(db_path) -> None:
    result = _run(db_path, "--phase", "priorisieren", "--json")
    data = json.loads(result.stdout)
    assert data and {c["phase"] for c in data} == {"priorisieren"}
    result = _run(db_path, "--search", "Kopfstandmetode", "--json")
    data = json.loads(result.stdout)
    assert data[0]["id"] == "kopfstand" and data[0]["score"] > 90
    assert data[0]["name"]["de"] == "Kopfstandmethode"
    result = _run(db_path, "--search", "Ideen sammeln", "--phase", "Ideen sammeln", "--lang", "en")
    assert result.returncode == 0 and "Collecting ideas" in result.stdout
    result = _run(db_path, "--search", "xyzzy")
    assert result.returncode == 0 and "Keine Methode passt" in result.stdout


def test_bad_phase_and_unknown_id(db_path) -> None:
    result = _run(db_path, "--phase", "mittagessen")
    assert result.returncode == 2 and "Phase" in result.stderr and "Traceback" not in result.stderr
    result = _run(db_path, "--id", "kopfstnd")
    assert result.returncode == 2 and "kopfstand" in result.stderr


def test_own_cards_from_folder_and_data_dir(db_path, tmp_path: Path) -> None:
    result = _run(db_path, "--methods", str(OWN), "--json", "--id", "zukunftswerkstatt-kurz")
    assert json.loads(result.stdout)[0]["name"]["de"] == "Zukunftswerkstatt (Kurzform)"
    result = _run(db_path, "--search", "zukunftswerkstatt", FACILITATOR_METHODS=str(OWN))
    assert "zukunftswerkstatt-kurz" in result.stdout
    result = _run(db_path, "--methods", str(tmp_path / "gibt-es-nicht"))
    assert result.returncode == 2 and "gibt-es-nicht" in result.stderr


def test_two_cards_with_one_id_name_both_files(db_path, tmp_path: Path) -> None:
    own = tmp_path / "eigene"
    own.mkdir()
    shutil.copy(PROJECT / "methods" / "world-cafe.md", own / "world-cafe.md")
    result = _run(db_path, "--methods", str(own))
    assert result.returncode == 2
    assert str(own / "world-cafe.md") in result.stderr
    assert str(PROJECT / "methods" / "world-cafe.md") in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # child processes
def test_print_kit_and_one_card(db_path, tmp_path: Path) -> None:
    kit = tmp_path / "Methodenkoffer.docx"
    result = _run(db_path, "--print", "-o", str(kit))
    assert result.returncode == 0, result.stderr
    document = Document(str(kit))
    shipped = load_methods(include_user=False)
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "Methodenkoffer"
    names = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert names[0] == "Inhalt" and len(names) == len(shipped) + 1
    assert names.index("Blitzlicht") < names.index("Punktabfrage")  # arriving before priorities
    breaks = document.element.body.xml.count('w:type="page"')
    assert breaks == len(shipped) + 1  # after the title page, and before every card
    text = docx2python(str(kit)).text
    for heading in ("Material", "Schritte", "Für die Teilnehmenden", "Tipps", "Stolpersteine"):
        assert heading in text
    assert "Brainwriting 6-3-5" in text and "Quelle" in text
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Methodenkoffer"
    assert "NUMPAGES" in section.footer._element.xml
    assert document.core_properties.language == "de-DE"

    one = tmp_path / "karte.docx"
    result = _run(db_path, "--print", "-o", str(one), "--id", "world-cafe", "--lang", "en")
    assert result.returncode == 0, result.stderr
    document = Document(str(one))
    names = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert names == ["World Café"]
    text = docx2python(str(one)).text
    assert "Steps" in text and "Pitfalls" in text and "Schritte" not in text


def test_print_needs_output(db_path) -> None:
    result = _run(db_path, "--print")
    assert result.returncode == 2 and "-o" in result.stderr
