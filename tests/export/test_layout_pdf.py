"""The reference documents as a reader sees them (LibreOffice → PDF): no heading left alone
at a page bottom, no word broken inside a narrow column, a 13-item agenda on one page.

The faults are found in the PDF's word positions (tests/layout_check.py), not by eye.
"""

from pathlib import Path

import pytest
from docx import Document

from facilitator.demo import seed_demo
from facilitator.export.followup import write_factsheet
from facilitator.export.kit import write_agenda, write_runsheet, write_signin
from facilitator.export.method_kit import write_method_kit
from facilitator.export.protocol import write_protocol
from facilitator.library import load_methods
from facilitator.store import open_store
from facilitator.store.agenda import add_item
from tests.conftest import require_programs
from tests.layout_check import broken_words, orphan_headings, pdf_layout, vocabulary
from tests.office import soffice_convert

pytestmark = pytest.mark.slow

JOIN_URL = "http://192.168.178.20:8765/j/abcdefghjk"
# Long items as real agendas have them: the wall agenda still fits on its page.
EXTRA_ITEMS = [
    "Impuls: Digitale Bauantragsverfahren im Landkreis – Erfahrungen aus Nürtingen",
    "Kaffeepause",
    "Kollegiale Fallberatung: Schnittstellenprobleme zwischen Fachverfahren",
    "Vorstellung der Ergebnisse und Priorisierung der Maßnahmen",
]


def _texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return texts


def _headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The demo workshop's protocol, fact sheet, method kit, run sheet, sign-in list and a
    13-item wall agenda, each as .docx and as LibreOffice's PDF."""
    require_programs("soffice", "pdftotext")
    folder = tmp_path_factory.mktemp("layout")
    # the sign-in list is printed only with a controller in the privacy notice (as in
    # tests/conftest.py's _isolate, which a module's fixture runs outside of)
    notice = folder / "config" / "facilitator" / "privacy.toml"
    notice.parent.mkdir(parents=True)
    notice.write_text(
        '[de]\ncontroller = "Verantwortlich: Testamt, Teststraße 1, 70173 Stuttgart."\n'
        'contact = "Datenschutz: datenschutz@testamt.example"\n',
        encoding="utf-8",
    )
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    store = open_store(folder / "demo.db", create=True)
    workshop = seed_demo(store)
    for title in EXTRA_ITEMS:
        add_item(store, workshop, title, 20, kind="break" if title == "Kaffeepause" else "block")
    documents = {
        "protocol": write_protocol(store, workshop, folder / "protokoll.docx"),
        "factsheet": write_factsheet(store, workshop, folder / "faktenblatt.docx", "de").path,
        "methods": write_method_kit(list(load_methods().values()), folder / "koffer.docx"),
        "runsheet": write_runsheet(store, workshop, folder / "regie.docx"),
        "signin": write_signin(store, workshop, folder / "liste.docx"),
        "agenda": write_agenda(store, workshop, folder / "aushang.docx", JOIN_URL),
    }
    store.close()
    patch.undo()
    soffice_convert(documents.values(), folder)
    return {key: (path, folder / f"{path.stem}.pdf") for key, path in documents.items()}


@pytest.mark.parametrize("name", ["protocol", "factsheet", "methods", "runsheet", "signin"])
def test_no_orphan_heading_and_no_word_broken_mid_word(rendered, name: str) -> None:
    docx, pdf = rendered[name]
    document = Document(str(docx))
    pages = pdf_layout(pdf)
    assert pages and all(page.lines for page in pages)
    assert orphan_headings(pages, _headings(document)) == []
    assert broken_words(pages, vocabulary(_texts(document))) == []


def test_wall_agenda_with_thirteen_items_fits_its_page(rendered) -> None:
    docx, pdf = rendered["agenda"]
    table = Document(str(docx)).tables[0]
    assert len(table.rows) >= 13
    pages = pdf_layout(pdf)
    assert len(pages) == 2  # the agenda on one page, the QR poster on the next
    first = " ".join(line.text for line in pages[0].lines)
    assert "Vorstellung der Ergebnisse" in first  # the last item is on page one
    assert JOIN_URL in " ".join(line.text for line in pages[1].lines)  # the poster after it


def test_the_broken_word_detector_finds_a_word_broken_in_a_narrow_column(tmp_path: Path) -> None:
    require_programs("soffice", "pdftotext")
    from docx.shared import Cm

    from facilitator.export.kit_docx import fixed_table

    document = Document()
    table = fixed_table(document, 1, [Cm(1.6), Cm(12)])
    table.rows[0].cells[0].text = "Herausforderungen"
    path = tmp_path / "probe.docx"
    document.save(str(path))
    [pdf] = soffice_convert([path], tmp_path)
    found = broken_words(pdf_layout(pdf), vocabulary(_texts(document)))
    assert found and all(hit.replace("|", "").endswith("Herausforderungen") for hit in found)


def test_the_orphan_detector_sees_a_heading_last_on_its_page() -> None:
    from tests.layout_check import Line, Page

    def page(number: int, texts: list[str]) -> Page:
        lines = [
            Line(number, i, 50.0 + 20 * i, 60.0 + 20 * i, 70.0, t.split())
            for i, t in enumerate(texts)
        ]
        return Page(number, 842.0, lines)

    pages = [
        page(1, ["Protokoll", "Text", "Ergebnisse", "Seite 1 von 2"]),
        page(2, ["Protokoll", "Die Ergebnisse folgen", "Seite 2 von 2"]),
    ]
    assert orphan_headings(pages, ["Ergebnisse"]) == ["S. 1: Ergebnisse"]
    pages[0].lines.insert(3, Line(1, 9, 130.0, 140.0, 70.0, ["Erster", "Satz"]))
    assert orphan_headings(pages, ["Ergebnisse"]) == []
