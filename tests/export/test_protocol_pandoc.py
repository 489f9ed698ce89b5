"""Tests the protocol's structure through pandoc: headings are headings, tables are tables."""

import json
import subprocess
from pathlib import Path

import pytest

from facilitator.export.protocol import write_protocol
from facilitator.export.protocol_layout import SECTIONS
from tests.conftest import require_programs

GERMAN_SECTIONS = [f"{n}. {title.text('de')}" for n, (title, _) in enumerate(SECTIONS, 1)]


@pytest.fixture(autouse=True)
def _pandoc_installed() -> None:
    require_programs("pandoc")


def _pandoc(path: Path, source: str) -> dict:
    result = subprocess.run(
        ["pandoc", "-f", source, "-t", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def _text(inlines: list) -> str:
    parts = []
    for inline in inlines:
        if inline["t"] == "Str":
            parts.append(inline["c"])
        elif inline["t"] in ("Space", "SoftBreak"):
            parts.append(" ")
        elif inline["t"] in ("Emph", "Strong"):
            parts.append(_text(inline["c"]))
    return "".join(parts)


def _headings(doc: dict) -> list[tuple[int, str]]:
    return [(b["c"][0], _text(b["c"][2])) for b in doc["blocks"] if b["t"] == "Header"]


def test_docx_structure(store, rich_workshop, tmp_path: Path) -> None:
    path = write_protocol(store, rich_workshop, tmp_path / "p.docx")
    doc = _pandoc(path, "docx")
    heads = _headings(doc)
    level1 = [text for level, text in heads if level == 1]
    assert level1 == ["Inhalt", *GERMAN_SECTIONS]
    assert (2, "Herausforderungen") in heads and (3, "Verwaltung") in heads
    tables = [b for b in doc["blocks"] if b["t"] == "Table"]
    assert len(tables) >= 6  # agenda, participants, counts, measures, contacts, tasks
    assert any(b["t"] == "BulletList" for b in doc["blocks"])


def test_markdown_structure(store, rich_workshop, tmp_path: Path) -> None:
    path = write_protocol(store, rich_workshop, tmp_path / "p.md", fmt="md")
    doc = _pandoc(path, "markdown")
    heads = _headings(doc)
    assert heads[0] == (1, "Vernetzungsworkshop Esslingen – Protokoll")
    assert [text for level, text in heads if level == 2] == [
        "Inhalt",
        *GERMAN_SECTIONS,
    ]
    tables = [b for b in doc["blocks"] if b["t"] == "Table"]
    assert len(tables) >= 6
    # the 5,000-character capture and the emoji survive as one list item
    text = path.read_text(encoding="utf-8")
    assert "😩" in text and "\x00" not in text


def test_realistic_workshop_read_back_every_entry_once(store, rich_workshop, tmp_path: Path):
    """All kinds, absent people, a photo, a yearless due date and measures in three states."""
    import io

    from PIL import Image

    from facilitator.core.capture_line import parse_capture_line
    from facilitator.store.captures import add_capture, list_captures
    from facilitator.store.photos import add_photo
    from facilitator.store.workshops import get_workshop

    day = get_workshop(store, rich_workshop)
    from datetime import date

    line = parse_capture_line(
        "to: Fördermittelantrag abstimmen !Kim >31.01.", date.fromisoformat(day.date)
    )
    add_capture(store, rich_workshop, line.kind, line.text, owner=line.owner, due=line.due)
    measure = parse_capture_line("m: Gemeinsame Leitstelle =fertig #sicher")
    add_capture(store, rich_workshop, "measure", measure.text, topic=measure.topic, status="fertig")
    photo = io.BytesIO()
    Image.new("RGB", (1200, 900), (240, 220, 120)).save(photo, "JPEG")
    add_photo(store, rich_workshop, photo.getvalue(), caption="Flipchart Ergebnisse")
    path = write_protocol(store, rich_workshop, tmp_path / "p.docx")
    plain = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    for capture in list_captures(store, rich_workshop, include_hidden=False):
        words = " ".join(capture.text.split())
        if "Steuer" in words:
            continue  # control characters are stripped in the document
        assert plain.count(words) == 1, (capture.kind, words)
    assert "31.01.2027" in plain  # >31.01. typed at the workshop of 01.12.2026
    assert "Abgeschlossen" in plain and "Geplant" in plain and "In Umsetzung" in plain
    assert "Flipchart Ergebnisse" in plain
    assert "Dora Abwesend" not in plain and "Bernd Geheim" not in plain
    # one unnamed person of an organisation: counted, not named by it (issue 23.6)
    assert "Stadtwerke Nürtingen (1 Person)" not in plain
    assert "weitere Organisationen (1 Person)" in plain
