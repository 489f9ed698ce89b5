"""Tests the kit's four documents read back with python-docx: content, order, layout."""

from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm
from kit_fixtures import JOIN_URL, PEOPLE

from facilitator.core.errors import UserError
from facilitator.core.names import split_name
from facilitator.core.step_fit import fit_minutes
from facilitator.export.kit import (
    kit_model,
    write_agenda,
    write_badges,
    write_runsheet,
    write_signin,
)
from facilitator.export.kit_model import privacy_line
from facilitator.export.kit_signin import consent_rows, foot_rows, walk_in_rows
from facilitator.library import load_methods
from facilitator.store import Store
from facilitator.store.consent import consent_text
from facilitator.store.workshops import create_workshop


def _texts(cell) -> str:
    # no-break spaces ("zu …", "10 Min.") read as spaces: the words are checked here,
    # the no-break spaces in test_typography.py
    return "\n".join(p.text for p in cell.paragraphs).replace("\xa0", " ")


def _is_header(row) -> bool:
    tr_pr = row._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def test_runsheet_rows_follow_the_plan_and_the_cards(
    store: Store, kit_workshop: str, tmp_path: Path
):
    path = write_runsheet(store, kit_workshop, tmp_path / "regie.docx")
    document = Document(str(path))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.sections[0].page_width > document.sections[0].page_height
    model = kit_model(store, kit_workshop)
    table = document.tables[0]
    assert _is_header(table.rows[0])
    assert [c.text for c in table.rows[0].cells][:3] == [
        "Zeit",
        "Programmpunkt",
        "Methode und Ablauf",
    ]
    rows = table.rows[1:]
    assert len(rows) == len(model.blocks) == 10
    cards = load_methods()
    pitch = next(r for r, b in zip(rows, model.blocks, strict=True) if b.method)
    card = cards["elevator-pitch"]
    cells = pitch.cells
    assert cells[0].text.startswith("09:25–09:55")
    method_text = _texts(cells[2])
    assert method_text.splitlines()[0] == card.name.de
    clock = 9 * 60 + 25
    # every step of the card, with its start time and minutes fitted to the 30-minute block
    fitted = fit_minutes([step.minutes for step in card.steps], 30)
    assert sum(fitted) == 30 != sum(step.minutes for step in card.steps)
    for step, minutes in zip(card.steps, fitted, strict=True):
        start = f"{clock // 60:02d}:{clock % 60:02d}"
        assert f"{start} ({minutes} Min.) {step.text.de}" in method_text
        clock += minutes
    assert clock == 9 * 60 + 55  # the last step ends with the block
    assert "Karte: 32 Min., geplant: 30 Min." in method_text
    assert "Leitung: Jörg Weiß" in _texts(cells[3]) and "Protokoll: Ülkü Öztürk" in _texts(cells[3])
    for material in card.materials["de"]:
        assert f"• {material}" in _texts(cells[4])
    assert _texts(cells[5]) == card.setup.de
    assert "90 Sekunden" in _texts(cells[6])  # the item's notes from the agenda
    # the break has no leader; the pinned coffee break is marked as a fixed time
    assert _texts(rows[0].cells[3]) == ""
    assert "feste Zeit" in _texts(rows[4].cells[0])
    # the checklist: every material of every card used, once, each with a box
    checklist = document.tables[1]
    ticked = [_texts(c) for row in checklist.rows for c in row.cells if c.text]
    assert all(t.startswith("☐ ") for t in ticked)
    names = [t[2:] for t in ticked]
    assert sorted(names) == sorted(model.materials) and len(names) == len(set(names))
    expected = {m for b in model.blocks for m in b.materials}
    assert len(names) <= len(expected)  # near-duplicates are one box (issue 25.6)


def test_runsheet_in_english(store: Store, kit_workshop: str, tmp_path: Path):
    path = write_runsheet(store, kit_workshop, tmp_path / "run.docx", lang="en")
    document = Document(str(path))
    text = "\n".join(c.text for row in document.tables[0].rows for c in row.cells)
    assert "Method and steps" in text and "Leads: Jörg Weiß" in text
    assert load_methods()["elevator-pitch"].steps[0].text.en in text
    assert "Materials checklist" in "\n".join(p.text for p in document.paragraphs)


def test_agenda_page_and_poster(store: Store, kit_workshop: str, tmp_path: Path):
    path = write_agenda(store, kit_workshop, tmp_path / "aushang.docx", JOIN_URL)
    document = Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    text = "\n".join(p.text for p in document.paragraphs).replace("\xa0", " ")
    assert "Vernetzungsworkshop Esslingen" in text
    assert "Dienstag, 1. Dezember 2026 · 09:00–13:00 Uhr" in text
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0][0] == "09:00–09:15" and rows[0][1] == "Ankommen, Kaffee und Namensschilder"
    assert any("Kaffeepause" in r[1] and "feste Zeit" in r[1] for r in rows)
    # the poster: the address in text, the Wi-Fi, a QR picture at least 12 cm wide
    assert JOIN_URL in text
    assert "LRA-Gast" in text and "Neckar-2026!" in text
    [picture] = document.inline_shapes
    assert picture.width >= Cm(12)
    big = [r for p in document.paragraphs for r in p.runs if r.font.size and r.font.size.pt >= 16]
    assert big, "large type on the wall"


def test_poster_alone_without_wifi(store: Store, workshop_id: str, tmp_path: Path):
    path = write_agenda(store, workshop_id, tmp_path / "p.docx", JOIN_URL, poster_only=True)
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert not document.tables  # no agenda, only the poster
    assert JOIN_URL in text and "WLAN" not in text
    assert len(document.inline_shapes) == 1


def test_signin_lists_everyone_once_by_surname(store: Store, kit_workshop: str, tmp_path: Path):
    path = write_signin(store, kit_workshop, tmp_path / "liste.docx")
    document = Document(str(path))
    table = document.tables[0]
    assert _is_header(table.rows[0]) and _is_header(table.rows[1])
    assert not _is_header(table.rows[2])
    title = table.rows[0].cells[0].text
    assert "Vernetzungsworkshop Esslingen" in title and "1. Dezember 2026" in title
    assert "Landratsamt Esslingen" in title
    assert [c.text for c in table.rows[1].cells] == [
        "Nr.",
        "Name",
        "Organisation",
        "Einw.",
        "Unterschrift",
    ]
    body = [[c.text for c in row.cells] for row in table.rows[2:]]
    names = [r[1] for r in body if r[1]]
    assert sorted(names) == sorted(n for n, _ in PEOPLE)  # everyone, once
    assert names == [
        "Eva Ärger",
        "Anna von Berg",
        "Maximiliane-Friederike Hohenzollern-Sigmaringen",
        "Dr. Katrin Maier",
        "Ülkü Öztürk",
        "Prof. Dr. Andreas Roth",
        "Jonas Weber",
        "Dipl.-Ing. Jörg Weiß",
    ]
    assert body[0][2] == "Neckar <b>Digital</b> GmbH"  # text stays text
    empty = body[len(names) :]
    foot = foot_rows(privacy_line("de"))  # the privacy line's room comes off the rows
    head = consent_rows(consent_text("2026-12-de-workshop"))  # so does the consent text's
    assert len(empty) == walk_in_rows(len(PEOPLE), foot, head) >= 8
    assert all(r[1] == r[2] == r[4] == "" and r[3] == "☐" for r in empty)
    assert [r[0] for r in body] == [str(n) for n in range(1, len(body) + 1)]
    # the signature column is the widest
    widths = [c.width for c in table.rows[1].cells]
    assert widths[4] == max(widths)
    # the consent text paper consent records, with its version, above the list
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Textversion 2026-12-de-workshop" in text
    assert consent_text("2026-12-de-workshop") in text
    footer = document.sections[0].footer
    xml = footer._element.xml
    assert "PAGE" in xml and "NUMPAGES" in xml


def _foot(path: Path) -> str:
    footer = Document(str(path)).sections[0].footer
    return "\n".join(p.text for p in footer.paragraphs)


def test_signin_privacy_line_says_what_the_notice_says(
    store: Store, kit_workshop: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from facilitator.privacy import notice_sections

    for lang in ("de", "en"):
        foot = _foot(write_signin(store, kit_workshop, tmp_path / f"{lang}.docx", lang=lang))
        notice = notice_sections(lang)
        for key in ("controller", "purpose", "retention"):
            assert notice[key] in foot  # the shipped notice's own words
    assert "Teilnahmeliste als Nachweis der Teilnahme" in notice_sections("de")["purpose"]
    # the organisers' privacy.toml changes the line too, key by key
    own = tmp_path / "privacy.toml"
    own.write_text(
        'retention_days = 180\n[de]\ncontroller = "Verantwortlich: Landratsamt Esslingen, '
        'Pulverwiesen 11."\ncontact = "datenschutz@lra-es.example"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FACILITATOR_PRIVACY", str(own))
    foot = _foot(write_signin(store, kit_workshop, tmp_path / "own.docx"))
    assert "Verantwortlich: Landratsamt Esslingen, Pulverwiesen 11." in foot
    # the retention sentence follows retention_days (what purge does)
    assert "Speicherdauer: 6 Monate (180 Tage)" in foot and "12 Monate" not in foot
    assert notice_sections("de")["purpose"] in foot  # the shipped purpose stands
    assert "Fördergeber" not in foot  # nothing the notice does not say


def test_signin_without_participants_has_empty_rows_and_a_note(
    store: Store, workshop_id: str, tmp_path: Path
):
    path = write_signin(store, workshop_id, tmp_path / "leer.docx")
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Noch niemand angemeldet" in text
    body = document.tables[0].rows[2:]
    assert len(body) >= 10
    assert all(row.cells[1].text == "" for row in body)


@pytest.mark.parametrize("layout, per_page", [("2x4", 8), ("2x5", 10)])
def test_badges_one_per_person_plus_blanks(
    store: Store, kit_workshop: str, tmp_path: Path, layout: str, per_page: int
):
    path = write_badges(store, kit_workshop, tmp_path / "schilder.docx", layout=layout, blank=3)
    document = Document(str(path))
    [table] = document.tables
    cells = [c for row in table.rows for c in row.cells]
    assert len(cells) % per_page == 0 and len(cells) >= len(PEOPLE) + 3
    filled = [_texts(c) for c in cells if c.text.strip()]
    assert len(filled) == len(PEOPLE)
    for name, organisation in PEOPLE:
        first, surname = split_name(name)
        badge = next(
            b for b in filled if first.replace("-", "") in b.replace("\n", "").replace("-", "")
        )
        flat = badge.replace("\n", " ")
        assert surname in flat and "Dr." not in flat and "Prof." not in flat
        assert " ".join(organisation.split()[:1]) in flat
    # the first name is the largest text on the badge
    first_cell = next(c for c in cells if c.text.strip())
    sizes = [r.font.size.pt for p in first_cell.paragraphs for r in p.runs if r.text]
    assert sizes[0] == max(sizes)
    assert round(table.rows[0].height.mm) == (68 if layout == "2x4" else 54)


def test_long_names_are_shrunk_not_cut(store: Store, kit_workshop: str, tmp_path: Path):
    from facilitator.export.text_fit import text_width

    path = write_badges(store, kit_workshop, tmp_path / "b.docx", layout="2x5")
    document = Document(str(path))
    cells = [c for row in document.tables[0].rows for c in row.cells if c.text.strip()]
    available = (90 - 2 * 4) * 72 / 25.4
    sizes = []
    for cell in cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                if run.text:
                    width = text_width(run.text, run.font.size.pt, bold=bool(run.bold))
                    assert width <= available, run.text
                    sizes.append((run.text, run.font.size.pt))
    found = dict(sizes)
    assert found["Jonas"] == 32 and found["Roth"] == 16  # short names at full size
    long_first = [size for text, size in sizes if text.startswith(("Maximiliane", "Friederike"))]
    assert long_first and max(long_first) < 32  # shrunk to fit its badge (maybe on two lines)
    # a long organisation goes on two lines at a break rather than off the badge
    assert "Zweckverband Breitbandversorgung" in found and "im Landkreis Esslingen" in found


def test_unknown_layout_is_one_sentence(store: Store, kit_workshop: str, tmp_path: Path):
    with pytest.raises(UserError) as err:
        write_badges(store, kit_workshop, tmp_path / "b.docx", layout="3x3")
    assert "2x4" in str(err.value) and "2x5" in str(err.value)
    assert not (tmp_path / "b.docx").exists()


def test_template_keeps_its_styles(store: Store, kit_workshop: str, tmp_path: Path):
    template = tmp_path / "vorlage.docx"
    base = Document()
    base.sections[0].header.paragraphs[0].text = "Landratsamt Esslingen – Logo"
    base.save(str(template))
    path = write_signin(store, kit_workshop, tmp_path / "liste.docx", template=template)
    document = Document(str(path))
    assert "Landratsamt Esslingen – Logo" in document.sections[0].header.paragraphs[0].text
    assert "NUMPAGES" in document.sections[0].footer._element.xml  # added beside the template's


def test_empty_workshop_badges_is_a_sheet_of_blanks(store: Store, tmp_path: Path):
    workshop = create_workshop(store, "Leer")
    path = write_badges(store, workshop, tmp_path / "b.docx")
    cells = [c for row in Document(str(path)).tables[0].rows for c in row.cells]
    assert len(cells) == 8 and not any(c.text.strip() for c in cells)


def test_poster_qr_keeps_four_pixels_a_module_at_72_dpi_for_long_addresses() -> None:
    from facilitator.export.kit_agenda import poster_qr_width
    from facilitator.export.qr import qr_matrix

    for url in (
        JOIN_URL,
        "http://" + "moderation-laptop-landratsamt-ostalbkreis" * 2 + ":8765/j/x",
    ):
        width_mm = poster_qr_width(url).mm
        assert 130 <= width_mm <= 170  # fits the A4 poster between its margins
        assert width_mm / len(qr_matrix(url)) / 25.4 * 72 >= 4
