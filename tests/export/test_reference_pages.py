"""The reference look: the demo workshop's protocol rendered by LibreOffice to page images."""

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftoppm")),
        reason="needs LibreOffice and pdftoppm",
    ),
]
DOCS = Path(__file__).resolve().parents[2] / "docs"


def _script():
    spec = importlib.util.spec_from_file_location(
        "make_reference_pages", DOCS / "make_reference_pages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_pages_render_and_docs_are_current(tmp_path: Path) -> None:
    pages = _script().make_pages(tmp_path)
    assert 5 <= len(pages) <= 15
    for page in pages:
        with Image.open(page) as image:
            assert image.width > 300 and image.height > image.width  # A4 portrait
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "protocol-reference.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for expected in (
        "10. Anhang: Methoden",
        "8. Notizen und Fotoprotokoll",
        "Pinnwand Herausforderungen nach der Kartenabfrage",
        "Anwesend: 9 Personen",
        "15.10.2026",
    ):
        assert expected in text, expected
    assert "Ohne erfasste Maßnahmen" not in text
    # no word, date or e-mail address broken inside a table cell (widths from content)
    for whole in (
        "Programmpunkt",
        "tatsächlich",
        "Wissenschaft",
        "Abgeschlossen",
        "Umsetzung",
        "andreas.roth@hs-esslingen.example",
        "15.12.2026",
    ):
        assert whole in text, whole
    # the images kept in docs/ come from this script: same number of pages
    assert len(sorted(DOCS.glob("protocol-page-*.png"))) == len(pages)
