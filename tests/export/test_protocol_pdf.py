"""Tests the protocol through LibreOffice: it converts to PDF with the expected text and pages."""

import subprocess
from pathlib import Path

import pytest

from facilitator.export.protocol import write_protocol
from tests.conftest import require_programs
from tests.export.large_workshop import seed
from tests.office import soffice_convert

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _libreoffice_and_poppler() -> None:
    require_programs("soffice", "pdftotext", "pdfinfo")


def _to_pdf(docx: Path, out_dir: Path) -> Path:
    (pdf,) = soffice_convert([docx], out_dir, timeout=180)
    assert pdf.exists()
    return pdf


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def test_large_workshop_pdf(store, tmp_path: Path) -> None:
    workshop_id = seed(store, 300, 40, 12)
    docx = write_protocol(store, workshop_id, tmp_path / "gross.docx")
    pdf = _to_pdf(docx, tmp_path)
    text = " ".join(_pdf_text(pdf).split())  # lines wrap wherever LibreOffice likes
    pages = _pages(pdf)
    assert pages > 1
    for expected in (
        "Vernetzungsworkshop Digitalisierung Neckar-Alb – Protokoll",
        "Teilnehmende",
        "Notizen und Fotoprotokoll",
        "Herausforderung",
        "Nächster Termin",
        "Landratsamt Esslingen, Großer Sitzungssaal",
        f"Seite 2 von {pages}",  # the PAGE/NUMPAGES fields are computed
    ):
        assert expected in text, expected


def test_small_protocol_pdf_has_hostile_text(store, rich_workshop, tmp_path: Path) -> None:
    docx = write_protocol(store, rich_workshop, tmp_path / "klein.docx")
    text = " ".join(_pdf_text(_to_pdf(docx, tmp_path)).split())
    assert "Grüße Straße" in text and "Jörg Weiß" in text
    assert "Steuerzeichen imText" in text


def test_libreoffice_made_template(store, rich_workshop, tmp_path: Path) -> None:
    """A template saved by LibreOffice (older core-properties link, no heading styles)."""
    import zipfile

    from docx import Document

    source = tmp_path / "briefkopf.txt"
    source.write_text("Briefkopf der Gemeinde\n", encoding="utf-8")
    soffice_convert([source], tmp_path, "docx", timeout=180)
    out = write_protocol(
        store, rich_workshop, tmp_path / "p.docx", template=tmp_path / "briefkopf.docx"
    )
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
    assert names.count("docProps/core.xml") == 1  # a duplicate part makes Word refuse the file
    document = Document(str(out))
    assert document.core_properties.title == "Vernetzungsworkshop Esslingen – Protokoll"
    heads = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert heads[0] == "Inhalt"
    assert "Briefkopf der Gemeinde" not in " ".join(p.text for p in document.paragraphs)
    text = " ".join(_pdf_text(_to_pdf(out, tmp_path)).split())
    assert "Notizen und Fotoprotokoll" in text
