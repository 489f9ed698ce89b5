"""The leftovers of issue 28.6: each once a 500, a traceback, "Interner Fehler" or a refusal."""

import json
import logging
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.store.activities import answer_activity, results, start_activity
from facilitator.store.captures import add_capture
from facilitator.web.projector import projector_path
from tests.web.test_web_activities import post


@pytest.mark.parametrize("key", ["c²", "c" + "1" * 5000, "c١"])
async def test_choice_keys_that_int_cannot_read_are_a_400(
    client, store, workshop_id, code, key
) -> None:
    pick = start_activity(
        store, workshop_id, "choice", "Wohin?", {"options": ["Ulm", "Heilbronn"], "multiple": True}
    )
    answer = await post(client, code, {"activity": pick, "c0": "on", key: "on"})
    assert answer.status == 400
    assert "Diese Option gibt es nicht" in await answer.text()
    assert results(store, pick)["answers"] == 0


async def test_emoji_only_words_are_answers(client, store, workshop_id, code) -> None:
    cloud = start_activity(store, workshop_id, "wordcloud", "Ein Wort zum Tag")
    answer = await post(client, code, {"activity": cloud, "w0": "🚀", "w1": "👩‍💻"})
    assert answer.status == 303
    assert sorted(w["word"] for w in results(store, cloud)["words"]) == ["👩‍💻", "🚀"]
    too_long = await post(client, code, {"activity": cloud, "w0": "🎉" * 41})
    assert too_long.status == 400  # bounded like any word: 40 characters


async def test_the_projector_is_never_cached(client, store) -> None:
    page = await client.get(projector_path(store))
    assert page.status == 200 and page.headers["Cache-Control"] == "no-store"


async def test_a_stream_closed_before_its_headers_logs_nothing(
    client, code, monkeypatch, caplog
) -> None:
    async def closed(self, request):
        raise ConnectionResetError("Cannot write to closing transport")

    monkeypatch.setattr(web.StreamResponse, "prepare", closed)
    with caplog.at_level(logging.ERROR):
        try:
            await client.get(f"/events?code={code}")
        except aiohttp.ServerDisconnectedError:
            pass  # as the phone that went away would see it
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_import_json_bounds_the_dots_of_an_answer(
    store, workshop_id, db_path: Path, tmp_path: Path
) -> None:
    entry = add_capture(store, workshop_id, "need", "Schnittstellen")
    vote = start_activity(store, workshop_id, "dots", "Was zuerst?", {"ballot": [entry]})
    answer_activity(store, workshop_id, vote, "phone-1", {f"d.{entry}": "2"})
    exported = tmp_path / "w.json"
    assert _invoke("--db", str(db_path), "export", "json", "-o", str(exported)).exit_code == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    (op,) = [o for o in data["ops"] if o["kind"] == "activity_answer.set"]
    op["payload"]["answer_value"]["dots"][entry] = 10**15
    exported.write_text(json.dumps(data), encoding="utf-8")
    done = _invoke("--db", str(tmp_path / "fresh.db"), "import", "json", str(exported))
    assert done.exit_code == 2, done.output
    assert "ungültige Zahl 1000000000000000" in done.output and "Interner" not in done.output


def test_participant_csv_in_utf16_and_with_huge_fields(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    assert _invoke("--db", db, "new", "T", "--agenda", "vernetzungsworkshop").exit_code == 0
    excel = tmp_path / "unicode.txt"  # Excel's "Unicode-Text": UTF-16 with its mark, tabs
    excel.write_bytes("Name\tE-Mail\nJürgen Weiß\tj@example.org\n".encode("utf-16"))
    done = _invoke("--db", db, "participants", "import", str(excel))
    assert done.exit_code == 0 and "1 teilnehmende Person neu" in done.output, done.output
    huge = tmp_path / "huge.csv"
    huge.write_text("Name;E-Mail\nAnna;" + "x" * 140_000 + "\n", encoding="utf-8")
    done = _invoke("--db", db, "participants", "import", str(huge))
    assert done.exit_code == 2 and f"{huge}:2: die Zeile lässt sich nicht lesen" in done.output
    bare = tmp_path / "bare.csv"  # UTF-16 without its mark
    bare.write_bytes("Name\nAnna\n".encode("utf-16-le"))
    done = _invoke("--db", db, "participants", "import", str(bare))
    assert done.exit_code == 2 and "keine Textdatei" in done.output
    assert "Interner Fehler" not in done.output
