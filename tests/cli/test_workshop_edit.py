"""`facilitator workshop edit` and the date forms of `capture --due`."""

import json
from pathlib import Path

from click.testing import CliRunner

from facilitator.cli import main
from tests.conftest import AGENDA


def _run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args])


def _new(db: Path) -> None:
    result = _run(db, "new", "Workshop", "--agenda", str(AGENDA), "--date", "2026-11-29")
    assert result.exit_code == 0, result.output


def _workshop(db: Path) -> dict:
    return json.loads(_run(db, "export", "json", "-o", "-").output)


def test_workshop_edit_sets_every_detail(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    _new(db)
    result = _run(
        db,
        "workshop",
        "edit",
        "--title",
        "Digitalisierung Esslingen",
        "--start",
        "9:30",
        "--end",
        "13:00",
        "--venue",
        "Rathaus, Saal 2",
        "--series",
        "Digitale Kommune BW",
        "--moderation",
        "Jörg Weiß",
        "--minutes-by",
        "Ülkü Öztürk",
        "--distribution",
        "Alle Teilnehmenden; Landratsamt",
        "--next-date",
        "15.03.",
        "--next-venue",
        "Nürtingen",
    )
    assert result.exit_code == 0, result.output
    data = _workshop(db)
    w = data["workshop"]
    assert w["title"] == "Digitalisierung Esslingen"
    assert (w["start"], w["end"], w["venue"]) == ("09:30", "13:00", "Rathaus, Saal 2")
    assert (w["moderation"], w["minute_taker"]) == ("Jörg Weiß", "Ülkü Öztürk")
    assert w["distribution"] == ["Alle Teilnehmenden", "Landratsamt"]
    assert w["next_date"] == "2027-03-15"  # the next 15 March after 29.11.2026
    assert w["next_venue"] == "Nürtingen" and w["series_id"]


def test_workshop_edit_bad_input_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    _new(db)
    before = _workshop(db)["workshop"]
    result = _run(db, "workshop", "edit", "--venue", "Neu", "--next-date", "31.02.")
    assert result.exit_code == 2 and "kein Datum" in result.output
    assert "Traceback" not in result.output
    assert _workshop(db)["workshop"]["venue"] == before["venue"]
    assert _run(db, "workshop", "edit", "--end", "25:00").exit_code == 2
    assert _run(db, "workshop", "edit").exit_code == 2


def test_capture_due_without_year_and_status_short_form(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    _new(db)
    assert _run(db, "capture", "-k", "todo", "-t", "Protokoll", "--due", "31.01.").exit_code == 0
    assert (
        _run(db, "capture", "-k", "measure", "-t", "Kataster", "--status", "fertig").exit_code == 0
    )
    bad = _run(db, "capture", "-k", "todo", "-t", "X", "--due", "gestern")
    assert bad.exit_code == 2 and "kein Datum" in bad.output
    captures = _workshop(db)["captures"]
    assert {c["text"]: (c["due"], c["status"]) for c in captures} == {
        "Protokoll": ("2027-01-31", None),
        "Kataster": (None, "abgeschlossen"),
    }


def test_new_and_next_date_take_the_same_date_forms(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    result = _run(db, "new", "Workshop", "--agenda", str(AGENDA), "--date", "29.11.2026")
    assert result.exit_code == 0, result.output
    assert _workshop(db)["workshop"]["date"] == "2026-11-29"
    assert _run(db, "next-date", "15.03.").exit_code == 0
    assert _workshop(db)["workshop"]["next_date"] == "2027-03-15"
    bad = _run(db, "next-date", "15.13.")
    assert bad.exit_code == 2 and "kein Datum" in bad.output


def test_workshop_edit_sets_wifi_and_the_poster_shows_it(tmp_path: Path) -> None:
    from docx import Document

    db = tmp_path / "w.db"
    _new(db)
    result = _run(
        db, "workshop", "edit", "--wifi-name", "LRA-ES-Gast", "--wifi-password", "Neckar  2026"
    )
    assert result.exit_code == 0, result.output
    w = _workshop(db)["workshop"]
    # the password as typed: its two spaces are part of it
    assert (w["wifi_name"], w["wifi_password"]) == ("LRA-ES-Gast", "Neckar  2026")
    poster = tmp_path / "poster.docx"
    url = ["--url", "http://10.1.2.3:8765/j/abc"]
    made = _run(db, "export", "agenda", "-o", str(poster), "--poster", *url)
    assert made.exit_code == 0, made.output
    text = "\n".join(p.text for p in Document(str(poster)).paragraphs)
    assert "LRA-ES-Gast" in text and "Passwort: Neckar  2026" in text
    # cleared again: the poster says nothing about Wi-Fi
    assert _run(db, "workshop", "edit", "--wifi-name", "", "--wifi-password", "").exit_code == 0
    assert _run(db, "export", "agenda", "-o", str(poster), "--poster", *url).exit_code == 0
    assert "WLAN" not in "\n".join(p.text for p in Document(str(poster)).paragraphs)


def test_wifi_fields_are_capped_everywhere(tmp_path: Path) -> None:
    from dataclasses import replace

    import pytest

    from facilitator.core.hlc import format_hlc
    from facilitator.core.rules import WIFI_MAX
    from facilitator.store import open_store
    from facilitator.store.db import Op
    from facilitator.store.op_check import BadOp
    from facilitator.store.oplog import insert_remote_ops

    db = tmp_path / "w.db"
    _new(db)
    long = "x" * (WIFI_MAX + 1)
    result = _run(db, "workshop", "edit", "--venue", "Neu", "--wifi-password", long)
    assert result.exit_code == 2 and "wifi_password" in result.output
    assert "Traceback" not in result.output
    assert _workshop(db)["workshop"]["venue"] != "Neu"  # nothing written
    made = _run(db, "new", "W2", "--agenda", str(AGENDA), "--wifi-name", long)
    assert made.exit_code == 2 and "Traceback" not in made.output
    # the same rule checks an op from the other laptop or a JSON file
    store = open_store(db)
    workshop_id = _workshop(db)["workshop"]["id"]
    at = format_hlc(store.now_ms() + 1_000, 0)  # newer than the local stamps
    op = Op(0, "remote-1", at, "peer", "workshop.update", workshop_id, {}, "")
    for value, refused in ((long, True), ("x" * WIFI_MAX, False)):
        payload = {"id": workshop_id, "wifi_name": value}
        if refused:
            with pytest.raises(BadOp, match="länger als 64 Zeichen"):
                insert_remote_ops(store, [replace(op, payload=payload)])
        else:
            insert_remote_ops(store, [replace(op, uuid="remote-2", payload=payload)])
    store.close()
    assert _workshop(db)["workshop"]["wifi_name"] == "x" * WIFI_MAX
