"""Tests the kit through LibreOffice: pages, a QR code that scans, a header on every page, fit."""

from pathlib import Path

import pytest
from kit_fixtures import JOIN_URL, PEOPLE, pdf_page_size, pdf_words

from facilitator.core.names import split_name
from facilitator.export.kit import write_agenda, write_badges, write_runsheet, write_signin
from facilitator.export.kit_badges import LAYOUTS
from facilitator.store import Store
from facilitator.store.participants import add_participant
from tests.office import soffice_convert

pytestmark = pytest.mark.slow

MM = 72 / 25.4


def _text(page: list) -> str:
    return " ".join(w[4] for w in page)


@pytest.fixture
def pdfs(store: Store, kit_workshop: str, tmp_path: Path) -> dict[str, Path]:
    """The four documents of the kit workshop, plus a long sign-in list, as PDF."""
    from facilitator.store.workshops import create_workshop

    big = create_workshop(store, "Großer Workshop", date="2026-12-02", venue="Rathaus Ulm")
    for number in range(45):
        add_participant(store, big, f"Person{number:02d} Nachname{number:02d}", organisation="Ulm")
    docs = {
        "runsheet": write_runsheet(store, kit_workshop, tmp_path / "runsheet.docx"),
        "agenda": write_agenda(store, kit_workshop, tmp_path / "agenda.docx", JOIN_URL),
        "signin": write_signin(store, kit_workshop, tmp_path / "signin.docx"),
        "signin_big": write_signin(store, big, tmp_path / "signin_big.docx"),
        "badges": write_badges(store, kit_workshop, tmp_path / "badges.docx", blank=2),
        "badges5": write_badges(store, kit_workshop, tmp_path / "badges5.docx", layout="2x5"),
    }
    soffice_convert(docs.values(), tmp_path)
    return {key: tmp_path / f"{path.stem}.pdf" for key, path in docs.items()}


def test_kit_pages(pdfs: dict[str, Path], tmp_path: Path) -> None:
    width, height = pdf_page_size(pdfs["runsheet"])
    assert width > height  # landscape
    runsheet = pdf_words(pdfs["runsheet"])
    assert len(runsheet) >= 2 and "Material-Checkliste" in _text(runsheet[-1])
    assert all(f"Seite {n} von {len(runsheet)}" in _text(p) for n, p in enumerate(runsheet, 1))

    agenda = pdf_words(pdfs["agenda"])
    assert len(agenda) == 2  # the agenda on one page, the poster on the next
    assert "Kaffeepause" in _text(agenda[0]) and "LRA-Gast" in _text(agenda[1])
    assert JOIN_URL in _text(agenda[1])


@pytest.mark.parametrize("dpi", [72, 100])
def test_poster_qr_code_scans_to_the_join_url(
    pdfs: dict[str, Path], tmp_path: Path, dpi: int
) -> None:
    """Even a 72-dpi print (a fax, a cheap office printer's draft mode) still scans."""
    import subprocess

    import zxingcpp
    from PIL import Image

    from facilitator.export.qr import qr_matrix

    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "2", "-l", "2", str(pdfs["agenda"]),
         str(tmp_path / "poster")],
        check=True,
    )  # fmt: skip
    [png] = tmp_path.glob("poster*.png")
    [code] = zxingcpp.read_barcodes(Image.open(png))
    assert code.text == JOIN_URL
    xs = [p.x for p in (code.position.top_left, code.position.top_right)]
    assert (max(xs) - min(xs)) / dpi * 2.54 >= 12 * 0.85  # modules without the quiet zone
    modules = len(qr_matrix(JOIN_URL)) - 4  # the finder patterns' span, quiet zone off
    assert (max(xs) - min(xs)) / modules >= 4 * dpi / 72 * 0.9  # ≥ 4 px a module at 72 dpi


def test_signin_repeats_its_header_and_lists_everyone_once(pdfs: dict[str, Path]) -> None:
    pages = pdf_words(pdfs["signin_big"])
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        text = _text(page)
        assert "Unterschrift" in text and "Großer Workshop" in text and "Rathaus Ulm" in text
        assert f"Seite {number} von {len(pages)}" in text
        assert "Datenschutz – Verantwortlich:" in text and "Speicherdauer:" in text
    words = [w[4] for page in pages for w in page]
    for number in range(45):
        assert words.count(f"Nachname{number:02d}") == 1
    # the walk-in rows fill the last page: its last row number sits near the page's foot
    last_numbers = [w for w in pages[-1] if w[4].isdigit()]
    lowest = max(w[3] for w in last_numbers)
    assert lowest > 0.75 * pdf_page_size(pdfs["signin_big"])[1]
    small = pdf_words(pdfs["signin"])
    assert len(small) == 1
    assert sum(w[4] == "Roth" for w in small[0]) == 1


@pytest.mark.parametrize("key, layout", [("badges", "2x4"), ("badges5", "2x5")])
def test_no_badge_text_leaves_its_badge(pdfs: dict[str, Path], key: str, layout: str) -> None:
    grid = LAYOUTS[layout]
    pages = pdf_words(pdfs[key])
    blanks = 2 if key == "badges" else 0
    assert len(pages) == -(-(len(PEOPLE) + blanks) // grid.per_page)
    page_w, page_h = pdf_page_size(pdfs[key])
    left = (page_w - grid.columns * grid.width_mm * MM) / 2
    top = (297 - grid.rows * grid.height_mm) / 2 * MM
    inside = 2 * MM  # inner margin: text may not touch the cutting line either
    words_seen = []
    for page in pages:
        for x0, y0, x1, y1, text in page:
            column = int((x0 - left) // (grid.width_mm * MM))
            row = int((y0 - top) // (grid.height_mm * MM))
            cell_x0 = left + column * grid.width_mm * MM
            cell_y0 = top + row * grid.height_mm * MM
            assert 0 <= column < grid.columns and 0 <= row < grid.rows, text
            assert cell_x0 + inside <= x0 and x1 <= cell_x0 + grid.width_mm * MM - inside, text
            assert cell_y0 <= y0 and y1 <= cell_y0 + grid.height_mm * MM, text
            words_seen.append(text)
    flat = " ".join(words_seen)
    for name, organisation in PEOPLE:
        first, surname = split_name(name)
        for part in (*first.replace("-", "- ").split(), *surname.split()):
            assert part.rstrip("-") in flat, part
        assert organisation.split()[0] in flat
    assert "Prof." not in flat and "Dipl.-Ing." not in flat
