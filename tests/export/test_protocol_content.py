"""Tests the protocol's content and order, read back with python-docx and docx2python."""

import zipfile
from pathlib import Path

from docx import Document
from docx2python import docx2python
from protocol_fixtures import LONG_TEXT, SECRET_EMAIL, SHARED_EMAIL

from facilitator.export.protocol import write_protocol
from facilitator.export.protocol_layout import SECTIONS


def numbered(lang: str) -> list[str]:
    """The section headings as the protocol numbers them: "10. Anhang: Methoden"."""
    return [f"{n}. {title.text(lang)}" for n, (title, _) in enumerate(SECTIONS, 1)]


GERMAN_SECTIONS = numbered("de")


def _headings(document) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]


def test_sections_in_order_with_german_headings(store, rich_workshop, tmp_path: Path) -> None:
    path = write_protocol(store, rich_workshop, tmp_path / "protokoll.docx")
    document = Document(str(path))
    heads = _headings(document)
    assert heads[0] == ("Title", "Vernetzungsworkshop Esslingen – Protokoll")
    level1 = [text for style, text in heads if style == "Heading 1"]
    assert level1 == ["Inhalt", *GERMAN_SECTIONS]
    level2 = [text for style, text in heads if style == "Heading 2"]
    assert {"Ziele", "Ablauf", "Herausforderungen", "Bedarfe", "Treiber", "Ideen"} <= set(level2)
    assert "Kontakte" in level2
    assert "Verwaltung" in [text for style, text in heads if style == "Heading 3"]
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Inhalt") + 1
    assert texts[start : start + len(GERMAN_SECTIONS)] == GERMAN_SECTIONS
    assert "10. Anhang: Methoden" in GERMAN_SECTIONS


def test_header_block_and_results(store, rich_workshop, tmp_path: Path) -> None:
    path = write_protocol(store, rich_workshop, tmp_path / "protokoll.docx")
    text = docx2python(str(path)).text
    for expected in (
        "Datum: 01.12.2026",
        "Ort: Landratsamt Esslingen",
        "Moderation: Jörg Weiß, Ülkü Öztürk",
        "Protokoll: Grüße Straße",
        "Verteiler: Alle Teilnehmenden; Landratsamt Esslingen, Stabsstelle Digitales",
        "Herausforderungen der Digitalisierung sammeln",
        "Fehlende Schnittstellen 😩 zwischen Fachverfahren (7 Punkte)",
        "Gemeinsame Plattform für Bürgerdienste",
        "OZG 2.0 und Fördermittel",
        "Zweiter Workshop im Frühjahr",
        "Wer koordiniert die Plattform?",
        "Nächster Termin: 15.03.2027",
        "Folgetermin abstimmen",
        "Steuerzeichen imText",  # control characters stripped at entry (\x0b as a space)
    ):
        assert expected in text, expected
    assert LONG_TEXT.strip() in text
    assert "Versteckter Beitrag" not in text
    # sorted by dots: 9 before 7 within Verwaltung
    assert text.index("Fachkräftemangel in der IT (9 Punkte)") < text.index(
        "Fehlende Schnittstellen"
    )


def test_tables_agenda_participants_measures_tasks(store, rich_workshop, tmp_path: Path) -> None:
    path = write_protocol(store, rich_workshop, tmp_path / "protokoll.docx")
    document = Document(str(path))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    by_header = {tuple(t[0]): t[1:] for t in tables}
    agenda = by_header[("Programmpunkt", "geplant", "tatsächlich", "Methode")]
    assert [r[0] for r in agenda][:3] == [
        "Ankommen und Kaffee",
        "Begrüßung und Ziele",
        "Herausforderungen sammeln",
    ]
    assert agenda[0][1] == "09:00–09:15"
    assert agenda[-1][2] == "entfallen"  # the last item was skipped
    assert agenda[2][2].count(":") == 2  # actual start–end from the timer
    people = by_header[("Name", "Organisation", "Art")]
    assert ["Anna Schäfer", "Stadt Esslingen", "Kommune"] in people
    assert all("Bernd Geheim" not in row for row in people)  # no consent: not by name
    assert all("Dora Abwesend" not in row for row in people)  # absent: only counted
    counts = by_header[("Art", "Anzahl")]
    assert ["Gesamt", "3"] in counts
    measures = [row for table in tables if table[0][0] == "Maßnahme" for row in table[1:]]
    assert ["Open-Data-Portal aufbauen", "In Umsetzung", "Stadt Esslingen"] in measures
    assert ["Ladesäulenkataster", "Geplant", "Stadtwerke Nürtingen"] in measures
    tasks = by_header[("Wer", "Was", "Bis wann")]
    assert tasks == [
        ["Jörg Weiß", "Protokoll an alle versenden", "08.12.2026"],
        ["Kim", "Raum für den Folgeworkshop reservieren", "31.01.2027"],
    ]


def test_word_craft(store, rich_workshop, tmp_path: Path) -> None:
    path = write_protocol(store, rich_workshop, tmp_path / "protokoll.docx")
    document = Document(str(path))
    section = document.sections[0]
    assert "Vernetzungsworkshop Esslingen" in section.header.paragraphs[0].text
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml and "Seite" in footer_xml
    for table in document.tables:
        assert "w:tblHeader" in table.rows[0]._tr.xml
    with zipfile.ZipFile(path) as package:
        styles = package.read("word/styles.xml").decode()
    assert 'w:val="de-DE"' in styles
    props = document.core_properties
    assert props.title == "Vernetzungsworkshop Esslingen – Protokoll"
    assert props.author == "facilitator"
    assert props.language == "de-DE"
    assert props.created is not None and props.created.year == 2026
    assert any(p.style.name == "List Bullet" for p in document.paragraphs)


def test_english(store, rich_workshop, tmp_path: Path) -> None:
    path = write_protocol(store, rich_workshop, tmp_path / "minutes.docx", lang="en")
    document = Document(str(path))
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == ["Contents", *numbered("en")]
    with zipfile.ZipFile(path) as package:
        assert 'w:val="en-GB"' in package.read("word/styles.xml").decode()
    assert "Page" in document.sections[0].footer._element.xml
    text = docx2python(str(path)).text
    assert "Date: 1 December 2026" in text and "Time: 09:00–12:00" in text
    assert "Next date: 15 March 2027" in text and "Keine Einträge" not in text


def test_consent_gate_covers_every_part(store, rich_workshop, tmp_path: Path) -> None:
    docx_path = write_protocol(store, rich_workshop, tmp_path / "p.docx")
    md_path = write_protocol(store, rich_workshop, tmp_path / "p.md", fmt="md")
    with zipfile.ZipFile(docx_path) as package:
        names = package.namelist()
        assert any(n.startswith("word/header") for n in names)
        assert "docProps/core.xml" in names
        everything = b"".join(package.read(n) for n in names)
    assert SHARED_EMAIL.encode() in everything  # consented: shown
    assert SECRET_EMAIL.encode() not in everything
    assert b"geheim.ohne" not in everything
    md = md_path.read_text(encoding="utf-8")
    assert SHARED_EMAIL in md and SECRET_EMAIL not in md


def test_workshop_without_captures(store, workshop_id, tmp_path: Path) -> None:
    path = write_protocol(store, workshop_id, tmp_path / "leer.docx")
    document = Document(str(path))
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == ["Inhalt", *GERMAN_SECTIONS]
    empty = [p.text for p in document.paragraphs if p.text == "Keine Einträge."]
    assert len(empty) >= 8
    # every section says something: no heading is directly followed by another heading 1
    paragraphs = [p for p in document.paragraphs if p.text]
    for before, after in zip(paragraphs, paragraphs[1:], strict=False):
        if before.style.name == "Heading 1" and before.text != "Inhalt":
            assert after.style.name != "Heading 1", before.text


def test_every_visible_entry_exactly_once(store, rich_workshop, tmp_path: Path) -> None:
    from facilitator.core.taxonomy import CAPTURE_KINDS
    from facilitator.export.docx_common import clean
    from facilitator.store.captures import list_captures

    captures = list_captures(store, rich_workshop, include_hidden=False)
    assert {c.kind for c in captures} == set(CAPTURE_KINDS)  # the fixture has every kind
    for fmt in ("docx", "md"):
        path = write_protocol(store, rich_workshop, tmp_path / f"p.{fmt}", fmt=fmt)
        if fmt == "docx":
            text = docx2python(str(path)).text
        else:
            text = path.read_text("utf-8").replace("\\", "")
        for capture in captures:
            expected = " ".join(clean(capture.text).split()) if fmt == "md" else clean(capture.text)
            assert text.count(expected) == 1, (fmt, capture.kind, capture.text[:40])
        assert "Versteckter Beitrag" not in text
