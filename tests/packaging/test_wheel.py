"""Tests the built wheel in a fresh virtual environment: cards, agendas and exports ship with it."""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_the_installed_package_is_the_wheel(venv: Path, run) -> None:
    where = run(venv / "python", "-c", "import facilitator; print(facilitator.__file__)")
    assert Path(where.strip()).is_relative_to(venv.parent)


def test_methods_agendas_and_protocol_from_the_wheel(venv: Path, run, tmp_path: Path) -> None:
    cards = json.loads(run(venv / "facilitator", "methods", "--json"))
    assert len(cards) >= 30 and "world-cafe" in {card["id"] for card in cards}

    workshop = run(
        venv / "facilitator",
        "new",
        "Vernetzungsworkshop Tübingen",
        "--agenda",
        "vernetzungsworkshop",
        "--date",
        "2027-03-04",
    ).strip()
    assert workshop

    out = tmp_path / "protokoll.docx"
    run(venv / "facilitator", "export", "protocol", "-o", str(out))
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Vernetzungsworkshop Tübingen" in text
    assert "Elevator Pitch" in text  # an item of the shipped template


def test_demo_seeds_from_the_wheel(venv: Path, run) -> None:
    script = (
        "from facilitator.demo import seed_demo\n"
        "from facilitator.store import open_store\n"
        "from facilitator.store.agenda import list_items\n"
        "import os\n"
        "store = open_store(os.environ['FACILITATOR_DB'])\n"
        "print(len(list_items(store, seed_demo(store))))\n"
    )
    assert int(run(venv / "python", "-c", script)) >= 5


def test_both_languages_from_the_wheel(venv: Path, run) -> None:
    # the gettext catalogues are package data: without them --lang en would print German
    # and click's help English
    run(venv / "facilitator", "new", "Nord", "--agenda", "vernetzungsworkshop")
    assert "(10 items, 0 participants, 0 entries)" in run(
        venv / "facilitator", "--lang", "en", "list"
    )
    german_help = run(venv / "facilitator", "list", "--help")
    assert "Aufruf:" in german_help and "Diese Hilfe zeigen und beenden." in german_help
    english_help = run(venv / "facilitator", "--lang", "en", "list", "--help")
    assert "List the workshops in the database, the newest first." in english_help
