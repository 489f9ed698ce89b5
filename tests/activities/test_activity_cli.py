"""`facilitator activity start/stop/results/list` as a script would use them."""

import json

from click.testing import CliRunner

from facilitator.cli import main
from facilitator.store import open_store
from facilitator.store.activities import answer_activity
from tests.conftest import AGENDA


def run(db_path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db_path), *args])


def test_start_answer_results_stop_list(db_path) -> None:
    workshop_id = run(db_path, "new", "Workshop", "--agenda", str(AGENDA)).output.strip()
    started = run(
        db_path, "activity", "start", "--type", "choice", "--prompt", "Wohin?",
        "--option", "Stuttgart", "--option", "Ulm",
    )  # fmt: skip
    assert started.exit_code == 0, started.output
    activity_id = started.output.strip()
    store = open_store(db_path)
    answer_activity(store, workshop_id, activity_id, "phone-aaaa", {"choice": "1"})
    store.close()
    found = json.loads(run(db_path, "activity", "results", "--json").output)
    assert found["options"] == [
        {"option": "Stuttgart", "count": 0},
        {"option": "Ulm", "count": 1},
    ]
    text = run(db_path, "activity", "results").output
    assert "Wohin? (offen; 1 Antwort)" in text and "Ulm" in text
    assert run(db_path, "activity", "stop").exit_code == 0
    listed = run(db_path, "activity", "list").output
    assert activity_id[:8] in listed and "offen" not in listed and "Auswahl" in listed


def test_bad_input_is_one_line_and_status_2(db_path) -> None:
    run(db_path, "new", "Workshop", "--agenda", str(AGENDA))
    one_option = run(
        db_path, "activity", "start", "--type", "choice", "--prompt", "x", "--option", "a"
    )
    assert one_option.exit_code == 2 and "mindestens 2 Optionen" in one_option.output
    no_entries = run(db_path, "activity", "start", "--type", "dots", "--prompt", "Was zuerst?")
    assert no_entries.exit_code == 2 and "Noch keine Einträge" in no_entries.output
    assert run(db_path, "activity", "stop").exit_code == 2
    assert "Traceback" not in one_option.output + no_entries.output


def test_entries_as_a_comma_list_delete_and_kinds_when_merging(db_path) -> None:
    from facilitator.store.activities import get_activity, list_activities
    from facilitator.store.captures import add_capture

    workshop_id = run(db_path, "new", "Workshop", "--agenda", str(AGENDA)).output.strip()
    store = open_store(db_path)
    offer = add_capture(store, workshop_id, "offer", "Wir bieten Schulungen zur E-Akte an")
    measure = add_capture(store, workshop_id, "measure", "Schulungen zur E-Akte anbieten")
    add_capture(store, workshop_id, "note", "Kaffee war gut")
    store.close()
    started = run(
        db_path, "activity", "start", "--type", "dots", "--prompt", "Was zuerst?",
        "--entries", f"{offer[:8]},{measure[:8]}",
    )  # fmt: skip
    assert started.exit_code == 0, started.output
    store = open_store(db_path)
    assert get_activity(store, started.output.strip())["config"]["ballot"] == [offer, measure]
    store.close()
    text = run(db_path, "activity", "results").output
    assert "[Biete] „Wir bieten Schulungen" in text and "[Maßnahme] „Schulungen" in text
    deleted = run(db_path, "activity", "delete")
    assert deleted.exit_code == 0 and "Gelöscht: Was zuerst?" in deleted.output
    store = open_store(db_path)
    assert list_activities(store, workshop_id) == []
    kept = run(
        db_path, "activity", "start", "--type", "choice", "--prompt", "A?", "--option", "A",
        "--option", "B",
    ).output.strip()  # fmt: skip
    answer_activity(store, workshop_id, kept, "phone-aaaa", {"choice": "0"})
    store.close()
    refused = run(db_path, "activity", "delete", kept)
    assert refused.exit_code == 2 and "hat schon Antworten" in refused.output
    assert "Traceback" not in refused.output
