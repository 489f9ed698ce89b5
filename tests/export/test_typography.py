"""German typesetting in the documents: no-break spaces, decimal commas on axes, one language."""

import re

from docx import Document
from matplotlib.figure import Figure

from facilitator.demo import seed_demo
from facilitator.export.charts import decimal_commas
from facilitator.export.docx_common import clean
from facilitator.export.kit import write_runsheet
from facilitator.export.method_kit import write_method_kit
from facilitator.library import load_methods
from facilitator.store import open_store


def _all_text(path) -> str:
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(texts)


def test_no_break_where_german_typesetting_forbids_a_line_break() -> None:
    assert clean("10 Min. und 5 %") == "10\xa0Min. und 5\xa0%"
    assert clean("nach Art. 15 DSGVO und § 3") == "nach Art.\xa015 DSGVO und §\xa03"
    assert clean("Austausch zu …, z. B. hier") == "Austausch zu\xa0…, z.\xa0B. hier"
    assert clean("Raum 3 Stadt") == "Raum 3 Stadt"  # a number alone is no unit


def test_run_sheet_keeps_the_ellipsis_and_minutes_with_their_words(tmp_path) -> None:
    store = open_store(tmp_path / "demo.db", create=True)
    workshop = seed_demo(store)
    text = _all_text(write_runsheet(store, workshop, tmp_path / "regie.docx"))
    assert "Austausch zu\xa0…" in text
    assert not re.search(r"\d (Min\.|min\b)", text)  # never "10 | Min." across a line
    assert re.search(r"\d\xa0Min\.", text)


def test_german_method_kit_speaks_german_only(tmp_path) -> None:
    cards = load_methods()
    path = write_method_kit(list(cards.values()), tmp_path / "koffer.docx", lang="de")
    text = _all_text(path)
    assert "Quick Win" not in text and "based on" not in text and "common facilitation" not in text
    assert "Angelehnt an die Soziometrie von Jacob L. Moreno (1930er Jahre)" in text
    english = _all_text(write_method_kit(list(cards.values()), tmp_path / "kit.docx", lang="en"))
    assert "based on Jacob L. Moreno's sociometry (1930s)" in english
    assert "Angelehnt" not in english
    assert not re.search(r"\bmin\b", text)  # German writes "Min." throughout


def test_chart_axes_use_decimal_commas_in_german() -> None:
    for lang, expected in (("de", "2,5"), ("en", "2.5")):
        fig = Figure()
        ax = fig.add_subplot()
        ax.plot([0, 1, 2, 3], [0, 1.5, 2.5, 3])
        decimal_commas(fig, lang)
        fig.canvas.draw()
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert expected in labels, labels
        assert "1.0" not in labels and "1,0" not in labels  # whole numbers without decimals


def test_long_chart_labels_wrap_and_say_when_they_are_shortened() -> None:
    from facilitator.export.charts import _wrap

    label = "Fehlende Schnittstellen zwischen Fachverfahren, E-Akte und dem Bürgerportal " * 3
    wrapped = _wrap(label, 34)
    assert len(wrapped.splitlines()) == 4 and wrapped.endswith(" …")
    assert all(len(line) <= 36 for line in wrapped.splitlines())
    assert _wrap("Verwaltung", 34) == "Verwaltung"
