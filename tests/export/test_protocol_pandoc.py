"""Tests the protocol's structure through pandoc: headings are headings, tables are tables."""

import json
import subprocess
from pathlib import Path

from facilitator.export.protocol import write_protocol
from facilitator.export.protocol_layout import SECTIONS
from facilitator.export.strings import STRINGS

GERMAN_SECTIONS = [f"{n}. {STRINGS(key, 'de')}" for n, (key, _) in enumerate(SECTIONS, 1)]


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
