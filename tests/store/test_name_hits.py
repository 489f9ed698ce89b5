"""Erasure finds the person's name forms in free text and redacts them everywhere (23.7)."""

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from facilitator.cli import main
from facilitator.store import open_store
from facilitator.store.activities import answer_activity, ask_question, start_activity
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.name_hits import name_hits, redact_hits
from facilitator.store.oplog import insert_remote_ops, ops_after
from facilitator.store.participants import add_participant
from facilitator.store.people import AmbiguousPerson, find_people, person_report
from facilitator.store.photos import add_photo
from facilitator.store.queries import rows


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 60, 40)).save(out, "JPEG")
    return out.getvalue()


def _named_everywhere(store, workshop_id: str) -> None:
    add_participant(store, workshop_id, "Dr. Erika Muster", organisation="Gemeinde Denkendorf")
    add_capture(store, workshop_id, "need", "Erika Muster braucht eine Schulung")
    add_capture(store, workshop_id, "todo", "Antrag", owner="Hans Zeuge, Erika Muster")
    add_capture(store, workshop_id, "todo", "Termin", owner="Erika")
    add_capture(store, workshop_id, "idea", "Mustervorlage teilen")  # not a name form
    qa = start_activity(store, workshop_id, "questions", "Fragen")
    ask_question(store, workshop_id, qa, "phone-1", "Frau Muster, wann geht es los?", "q1")
    cloud = start_activity(store, workshop_id, "wordcloud", "Ein Wort")
    answer_activity(store, workshop_id, cloud, "phone-2", {"w0": "Erika"})
    add_photo(store, workshop_id, _jpeg(), caption="Flipchart von Erika Muster")


def test_hits_in_every_free_text_field_are_listed_and_redacted_on_both_laptops(
    store, workshop_id, tmp_path: Path, clock, db_path: Path
) -> None:
    _named_everywhere(store, workshop_id)
    people = find_people(store, "Dr. Erika Muster")
    hits = name_hits(store, people)
    assert sorted(h.place for h in hits) == [
        "answer",
        "capture",
        "owner",
        "owner",
        "photo",
        "question",
    ]
    report = person_report(store, people)["entries"][0]
    assert len(report["name_hits"]) == 6 and len(report["owned_todos"]) == 2
    assert [p["caption"] for p in report["photos"]] == ["Flipchart von Erika Muster"]

    other = open_store(tmp_path / "b.db", now_ms=clock)
    insert_remote_ops(other, ops_after(store, 0))
    assert redact_hits(store, people, hits) == 6
    insert_remote_ops(other, ops_after(store, 0))
    for laptop in (store, other):
        texts = {c.text: c.owner for c in list_captures(laptop, workshop_id)}
        assert "N. N. braucht eine Schulung" in texts
        assert texts["Antrag"] == "Hans Zeuge, N. N." and texts["Termin"] == "N. N."
        assert "Mustervorlage teilen" in texts  # "Muster" inside a word is not a name
        assert rows(laptop, "SELECT caption FROM photo") == [{"caption": "Flipchart von N. N."}]
        assert rows(laptop, "SELECT text FROM activity_question") == [
            {"text": "Frau N. N., wann geht es los?"}
        ]
        payloads = " ".join(r["payload"] for r in rows(laptop, "SELECT payload FROM op"))
        assert "Erika" not in payloads.replace("Dr. Erika Muster", "")  # only the person's row
    other.close()


def test_show_by_a_name_two_people_share_asks_which_one(db_path: Path, tmp_path: Path) -> None:
    from tests.conftest import AGENDA

    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    assert run("new", "A", "--agenda", str(AGENDA)).exit_code == 0
    assert run("participants", "add", "Erika Muster", "--org", "Stadt Ulm").exit_code == 0
    assert run("new", "B", "--agenda", str(AGENDA)).exit_code == 0
    assert run("participants", "add", "Erika Muster", "--org", "Firma X").exit_code == 0
    shown = run("participants", "show", "Erika Muster")
    assert shown.exit_code == 2 and "2 Einträge heißen 'Erika Muster'" in shown.output
    assert "Stadt Ulm" in shown.output and "Firma X" in shown.output
    assert "Workshop:" not in shown.output  # no merged report
    refused = run("participants", "erase", "Erika Muster", "--yes")
    assert refused.exit_code == 2
    with pytest.raises(AmbiguousPerson):
        store = open_store(str(db_path))
        try:
            find_people(store, "Erika Muster")
        finally:
            store.close()


def test_erase_shows_hits_and_redacts_in_one_step(db_path: Path, tmp_path: Path) -> None:
    from tests.conftest import AGENDA

    runner = CliRunner()

    def run(*args: str, stdin: str | None = None):
        return runner.invoke(main, ["--db", str(db_path), *args], input=stdin)

    assert run("new", "A", "--agenda", str(AGENDA)).exit_code == 0
    store = open_store(str(db_path))
    workshop_id = rows(store, "SELECT id FROM workshop")[0]["id"]
    _named_everywhere(store, workshop_id)
    store.close()
    shown = run("participants", "show", "Dr. Erika Muster").output
    assert "Name in freiem Text: 6" in shown and "Aufgaben (verantwortlich): 2" in shown
    assert "[owner] Hans Zeuge, Erika Muster" in shown
    unclear = run("participants", "erase", "Dr. Erika Muster", "--yes")
    assert unclear.exit_code == 2 and "--redact all" in unclear.output
    kept = run("participants", "erase", "Dr. Erika Muster", stdin="n\nn\n")
    assert (
        "Der Name steht außerdem an 6 Stellen" in kept.output and "Nichts gelöscht" in kept.output
    )
    done = run("participants", "erase", "Dr. Erika Muster", "--yes", "--redact", "all")
    assert done.exit_code == 0, done.output
    assert "1 Eintrag gelöscht; 6 Stellen geschwärzt." in done.output
    store = open_store(str(db_path))
    store.checkpoint()
    store.close()
    for file in db_path.parent.glob(db_path.name + "*"):
        data = file.read_bytes()
        assert b"Erika" not in data and b"Frau Muster" not in data, file


def test_older_ops_arriving_after_a_redaction_bring_nothing_back(
    store, workshop_id, tmp_path: Path, clock
) -> None:
    from facilitator.store.captures import update_capture

    add_participant(store, workshop_id, "Erika Muster")
    capture = add_capture(store, workshop_id, "need", "Erika Muster braucht Hilfe")
    redact_hits(
        store,
        find_people(store, "Erika Muster"),
        name_hits(store, find_people(store, "Erika Muster")),
    )
    late = open_store(tmp_path / "late.db", now_ms=clock)
    insert_remote_ops(late, list(reversed(ops_after(store, 0))))  # the redaction first
    payloads = " ".join(r["payload"] for r in rows(late, "SELECT payload FROM op"))
    assert "braucht Hilfe" in payloads and "Erika Muster braucht" not in payloads
    clock.advance(seconds=1)
    update_capture(store, capture, text="Erika Muster hat es selbst gesagt")  # typed later
    assert list_captures(store, workshop_id)[0].text == "Erika Muster hat es selbst gesagt"
    late.close()


def test_erase_redacts_the_name_in_practice_examples_too(db_path: Path, tmp_path: Path) -> None:
    from tests.conftest import AGENDA

    library = tmp_path / "beispiele"
    library.mkdir()
    example = library / "lora.md"
    example.write_text(
        '+++\ntitle = "LoRaWAN"\norganisation = "Stadt Ulm"\n'
        'summary = "Erika Muster hat es eingeführt."\n+++\nFrag Erika nach den Sensoren.\n',
        encoding="utf-8",
    )
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    assert run("new", "A", "--agenda", str(AGENDA)).exit_code == 0
    assert run("participants", "add", "Erika Muster").exit_code == 0
    done = run(
        "participants",
        "erase",
        "Erika Muster",
        "--yes",
        "--redact",
        "all",
        "--examples",
        str(library),
    )
    assert done.exit_code == 0, done.output
    assert "lora.md:4] summary = " in done.output and "2 Stellen geschwärzt." in done.output
    text = example.read_text("utf-8")
    assert "Erika" not in text and "N. N. hat es eingeführt." in text
    assert "Frag N. N. nach den Sensoren." in text
