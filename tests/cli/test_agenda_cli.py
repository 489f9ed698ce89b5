"""`facilitator agenda list|edit`: every field the app's item form edits, by number or id."""

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from tests.conftest import AGENDA


@pytest.fixture
def cli(db_path: Path):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    made = run("new", "Workshop A", "--agenda", str(AGENDA), "--date", "2026-12-01")
    assert made.exit_code == 0, made.output
    return run


def _items(db_path: Path) -> list[dict]:
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        found = conn.execute(
            "SELECT id, title, minutes, kind, at, method, capture, notes FROM agenda_item "
            "WHERE deleted = 0 ORDER BY position"
        ).fetchall()
    return [{**dict(r), "capture": json.loads(r["capture"] or "[]")} for r in found]


def test_list_shows_number_times_and_kind(cli) -> None:
    result = cli("agenda", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[2].split() == ["3", "09:30–10:15", "45", "min", "Block", "Herausforderungen"] + [
        "sammeln"
    ]
    assert "11:00–11:30" in lines[3] and "Fester Termin" in lines[3]
    listed = json.loads(cli("agenda", "list", "--json").output)
    assert [i["number"] for i in listed] == [1, 2, 3, 4, 5] and listed[3]["at"] == "11:00"


def test_edit_every_field_by_number_and_by_id(cli, db_path: Path) -> None:
    before = _items(db_path)
    result = cli(
        "agenda",
        "edit",
        "3",
        "--title",
        "Herausforderungen & Bedarfe",
        "--minutes",
        "40",
        "--method",
        "1-2-4-all",
        "--capture",
        "Herausforderung, need, Bedarf",
        "--notes",
        "Moderationskarten bereitlegen",
    )
    assert result.exit_code == 0, result.output
    item = _items(db_path)[2]
    assert (item["title"], item["minutes"], item["method"]) == (
        "Herausforderungen & Bedarfe",
        40,
        "1-2-4-all",
    )
    assert item["capture"] == ["challenge", "need"]
    assert item["notes"] == "Moderationskarten bereitlegen"

    # by the start of its id: pin the greeting at 9:20 (stored as 09:20), then let it go
    greeting = before[1]["id"]
    assert cli("agenda", "edit", greeting[:6], "--at", "9:20").exit_code == 0
    assert (_items(db_path)[1]["kind"], _items(db_path)[1]["at"]) == ("pinned", "09:20")
    assert cli("agenda", "edit", greeting, "--kind", "Block").exit_code == 0
    assert (_items(db_path)[1]["kind"], _items(db_path)[1]["at"]) == ("block", None)
    # lunch becomes a break that moves with the plan; the method is taken off again
    assert cli("agenda", "edit", "4", "--kind", "Pause").exit_code == 0
    assert (_items(db_path)[3]["kind"], _items(db_path)[3]["at"]) == ("break", None)
    assert cli("agenda", "edit", "3", "--method", "", "--capture", "").exit_code == 0
    assert (_items(db_path)[2]["method"], _items(db_path)[2]["capture"]) == (None, [])


def test_below_the_cards_minimum_is_allowed_with_a_note(cli, db_path: Path) -> None:
    result = cli("agenda", "edit", "3", "--method", "1-2-4-all", "--minutes", "6")
    assert result.exit_code == 0, result.output
    assert "Hinweis: kürzer als die 12 min" in result.output
    assert _items(db_path)[2]["minutes"] == 6


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("9", "--title", "X"), "gibt es in diesem Workshop nicht (Nummer 1–5)"),
        (("2", "--minutes", "0"), "Die Dauer muss 1 bis 600 Minuten sein"),
        (("2", "--minutes", "viel"), "Die Dauer muss 1 bis 600 Minuten sein"),
        (("2", "--kind", "Mittag"), "Unbekannte Art 'Mittag'"),
        (("2", "--kind", "pinned"), "braucht eine Uhrzeit"),
        (("2", "--at", "25:00"), "keine Uhrzeit"),
        (("2", "--method", "brainstorminng"), "meinten Sie: brainstorming"),
        (("2", "--capture", "idee, wunsch"), "Unbekannte Erfassungsart 'wunsch'"),
        (("2", "--title", "  "), "darf nicht leer sein"),
        (("2",), "Nichts zu ändern"),
    ],
)
def test_bad_input_is_one_sentence_and_changes_nothing(cli, db_path: Path, args, says) -> None:
    before = _items(db_path)
    result = cli("agenda", "edit", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _items(db_path) == before


def test_a_short_id_start_is_not_taken_for_an_item(cli, db_path: Path) -> None:
    items = _items(db_path)
    first = items[0]["id"]
    # an id start that is also an item's number ("3") names that item: leave those out
    refs = [
        r
        for r in (first[:1], first[:2], first[:3])
        if not (r.isdecimal() and 1 <= int(r) <= len(items))
    ]
    for ref in refs:
        result = cli("agenda", "edit", ref, "--title", "X")
        assert result.exit_code == 2 and "gibt es in diesem Workshop nicht" in result.output
    assert cli("agenda", "edit", first[:4], "--title", "X").exit_code == 0
    assert _items(db_path)[0]["title"] == "X"


def test_an_edit_is_one_undoable_op(cli, db_path: Path) -> None:
    from facilitator.store import open_store
    from facilitator.store.undo import undo_last

    assert cli("agenda", "edit", "2", "--minutes", "20", "--notes", "kurz").exit_code == 0
    store = open_store(db_path)
    try:
        workshop_id = store.conn.execute("SELECT id FROM workshop").fetchone()[0]
        undo_last(store, workshop_id)
    finally:
        store.close()
    assert (_items(db_path)[1]["minutes"], _items(db_path)[1]["notes"]) == (15, "")


def test_english(cli) -> None:
    result = cli("--lang", "en", "agenda", "edit", "2", "--minutes", "20")
    assert result.exit_code == 0 and result.output.startswith("Changed (Begrüßung und Ziele)")
    assert "Fixed time" in cli("--lang", "en", "agenda", "list").output
