"""Fact sheet: the model's counts, the .docx read back, the .md with its chart files."""

import re

import pytest
from docx import Document

from facilitator.export.factsheet_model import build_factsheet
from tests.series.conftest import SERIES, run_cli


def test_model_counts(series_store):
    store, _ = series_store
    sheet = build_factsheet(store, SERIES)
    assert len(sheet.workshops) == 3 and sheet.participants == 24 and sheet.organisations == 24
    assert sheet.orgs_by_type == {"kommune": 24}
    # Each theme occurs at six places: six challenges and six needs per topic field.
    assert sheet.themes["challenge"]["mobilitaet"] == 6
    assert sheet.themes["need"]["bildung"] == 6
    assert sheet.measures["energie_umwelt"] == {"idee": 6}
    assert sheet.frequent["challenge"][0].count == 6
    votes = [c.votes for c, _ in sheet.top_challenges]
    assert votes == sorted(votes, reverse=True) and votes[0] == 7


def test_merge_counts_for_the_survivor(series_store):
    from facilitator.store.organisations import ensure_organisation, merge_organisations
    from facilitator.store.participants import add_participant
    from facilitator.store.workshops import latest_workshop

    store, _ = series_store
    add_participant(
        store,
        latest_workshop(store).id,
        "Zweite Person",
        organisation="Universitätsstadt Tübingen",
        org_type="kommune",
        municipality="Tübingen",
    )
    assert build_factsheet(store, SERIES).organisations == 25
    merge_organisations(
        store,
        ensure_organisation(store, "Universitätsstadt Tübingen"),
        ensure_organisation(store, "Stadt Ulm"),
    )
    sheet = build_factsheet(store, SERIES)
    assert sheet.organisations == 24 and sheet.participants == 25


@pytest.mark.slow  # a child process drawing charts
def test_docx_has_headings_tables_and_charts(series_db, tmp_path):
    target = tmp_path / "fakten.docx"
    run_cli(series_db, "export", "factsheet", "-o", str(target), "--series", SERIES)
    document = Document(str(target))
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    assert ("Title", f"Faktenblatt: {SERIES}") in styles
    heading1 = [t for s, t in styles if s == "Heading 1"]
    assert heading1[:2] == ["Überblick", "Bedarfe, Treiber und Herausforderungen"]
    assert "Meistbewertete Herausforderungen" in heading1
    assert any(s == "Heading 2" and t.startswith("Häufigste Nennungen") for s, t in styles)
    overview = document.tables[0]
    assert [[c.text for c in r.cells] for r in overview.rows] == [
        ["Kennzahl", "Anzahl"],
        ["Workshops", "3"],
        ["Personen anwesend (je Person einmal)", "24"],
        ["Teilnahmen (Anwesende je Workshop, zusammengezählt)", "24"],
        ["Organisationen mit Anwesenden", "24"],
        ["Organisationen nur in Einträgen genannt (niemand anwesend)", "0"],
        ["Nennungen: Bedarf", "24"],
        ["Nennungen: Treiber", "0"],
        ["Nennungen: Herausforderung", "24"],
    ]
    topic_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Themenfeld")
    assert ["Mobilität", "6", "0", "6", "12"] in [
        [c.text for c in r.cells] for r in topic_table.rows
    ]
    assert len(document.inline_shapes) == 4
    footer = document.sections[0].footer._element.xml
    assert "NUMPAGES" in footer and "Seite " in footer
    assert 'w:val="de-DE"' in document.styles.element.xml


@pytest.mark.slow  # a child process drawing charts
def test_markdown_with_chart_files_and_english(series_db, tmp_path):
    target = tmp_path / "fakten.md"
    run_cli(series_db, "export", "factsheet", "-o", str(target), "--format", "md", "--lang", "en")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Fact sheet: all workshops")
    assert "| Workshops | 3 |" in text and "## Most-voted challenges" in text
    for name in ("org_types", "themes", "measures", "top_challenges"):
        png, svg = tmp_path / f"fakten-{name}.png", tmp_path / f"fakten-{name}.svg"
        assert f"]({png.name})" in text
        assert png.read_bytes().startswith(b"\x89PNG") and "<svg" in svg.read_text()


@pytest.mark.parametrize("args", [["--series", "Unbekannt"], ["--format", "pdf"]])
def test_bad_input_exits_2_with_one_line(series_db, tmp_path, args):
    target = tmp_path / "x.docx"
    bad = run_cli(series_db, "export", "factsheet", "-o", str(target), *args, check=False)
    assert bad.returncode == 2 and not target.exists()
    if args[0] == "--series":
        assert bad.stderr.strip().splitlines() == [
            f"Fehler: Eine Workshopreihe 'Unbekannt' gibt es nicht (vorhanden: {SERIES})."
        ]


def test_orgs_list_and_merge(series_db):
    listed = run_cli(series_db, "orgs", "list").stdout
    assert "Stadt Ulm" in listed and "(Kommune, Ulm)" in listed
    ambiguous = run_cli(series_db, "orgs", "merge", "Stadt", "Stadt Ulm", check=False)
    assert ambiguous.returncode == 2 and "mehrere" in ambiguous.stderr
    missing = run_cli(series_db, "orgs", "merge", "Nirgendwo", "Stadt Ulm", check=False)
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    merged = run_cli(series_db, "orgs", "merge", "Laupheim", "Stadt Ulm")
    assert "Laupheim" in merged.stdout
    after = run_cli(series_db, "orgs", "list").stdout
    assert "Laupheim" not in after and "Stadt Ulm" in after
    assert run_cli(series_db, "orgs", "merge", "Laupheim", "Ulm", check=False).returncode == 2


def test_empty_series_still_gives_a_document(store, tmp_path):
    from facilitator.export.factsheet_docx import write_factsheet_docx
    from facilitator.store.series import ensure_series
    from facilitator.store.workshops import create_workshop

    create_workshop(store, "Leer", series_id=ensure_series(store, "Neu"))
    target = tmp_path / "leer.docx"
    write_factsheet_docx(build_factsheet(store, "Neu"), target)
    document = Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert "Keine Einträge." in texts and len(document.inline_shapes) == 0
    assert any("einem Workshop" in t for t in texts)


def test_markdown_escapes_what_participants_typed(store):
    """Text typed on a phone must not become HTML or markup in a wiki that renders the .md."""
    from facilitator.export.factsheet_md import factsheet_markdown
    from facilitator.store.captures import add_capture, set_flipchart_votes
    from facilitator.store.workshops import create_workshop

    workshop = create_workshop(store, "Workshop <b>Ulm</b>", date="2026-12-01")
    typed = "<img src=x onerror=alert(1)> | *fett* [Link](http://x)"
    set_flipchart_votes(
        store, add_capture(store, workshop, "challenge", typed, source="participant"), 3
    )
    text = factsheet_markdown(build_factsheet(store), "de", {})
    assert not re.search(r"(?<!\\)[<>]|(?<!\\)\[Link", text)  # every < > [ escaped
    assert r"\<img src=x onerror=alert(1)\> \| \*fett\* \[Link\](http://x)" in text
    assert r"Workshop \<b\>Ulm\</b\>" in text


def test_charts_take_dollar_signs_literally(store, tmp_path):
    """'$' typed on a phone is no matplotlib mathtext: no broken export, no italic formula."""
    from facilitator.export.charts import render_charts
    from facilitator.store.captures import add_capture, set_flipchart_votes
    from facilitator.store.workshops import create_workshop

    workshop = create_workshop(store, "Workshop Ulm", date="2026-12-01")
    for text in ("Budget $x_$ fehlt", "Kosten 5$ bis 10$"):
        set_flipchart_votes(store, add_capture(store, workshop, "challenge", text), 2)
    charts = render_charts(build_factsheet(store), "de", tmp_path, "c")
    assert [c.name for c in charts][-1] == "top_challenges"
    assert charts[-1].png.read_bytes().startswith(b"\x89PNG")
    from matplotlib import font_manager, ft2font

    font = ft2font.FT2Font(font_manager.findfont("DejaVu Sans"))
    dollar = font.get_char_index(ord("$"))
    assert f'id="DejaVuSans-{dollar:x}"' in charts[-1].svg.read_text()  # "$" drawn as such


def test_people_not_attendances_and_german_dates(series_store):
    from facilitator.export.factsheet_text import blocks
    from facilitator.store.participants import add_participant, set_present
    from facilitator.store.workshops import list_workshops, update_workshop

    store, _ = series_store
    before = build_factsheet(store, SERIES).participants
    workshops = [w["id"] for w in list_workshops(store)][:2]
    for workshop_id in workshops:  # the same person at two workshops of the series
        add_participant(
            store,
            workshop_id,
            "Erika Muster",
            organisation="Gemeinde Aichwald",
            email="Erika.Muster@aichwald.example",
        )
    update_workshop(store, workshops[0], date="2026-10-15")
    sheet = build_factsheet(store, SERIES)
    assert sheet.participants == before + 1  # one person, two attendances
    absent = add_participant(store, workshops[0], "Otto Fern", organisation="Gemeinde Aichwald")
    someone = add_participant(store, workshops[0], "Ida Da", organisation="Gemeinde Aichwald")
    set_present(store, someone, True)  # attendance taken there: only those present count
    sheet = build_factsheet(store, SERIES)
    line = next(w for w in sheet.workshops if w.date == "2026-10-15")
    assert line.participants == 1
    assert absent  # registered, but not present: not counted
    table = next(b for b in blocks(sheet, "de") if b.kind == "table" and "Datum" in b.headers)
    assert "15.10.2026" in [row[1] for row in table.rows]


def test_intro_does_not_say_the_people_came_from_more_organisations_than_there_are_people(
    series_store,
):
    from datetime import date

    from facilitator.export.factsheet_text import blocks
    from facilitator.store.captures import add_capture
    from facilitator.store.workshops import latest_workshop

    store, _ = series_store
    # an organisation only named in an entry: counted, but nobody came from it
    add_capture(
        store, latest_workshop(store).id, "challenge", "Kein Personal", organisation="Kreis X"
    )
    sheet = build_factsheet(store, SERIES)
    # Only organisations with someone present count as present; the named one apart.
    assert (sheet.participants, sheet.organisations, sheet.organisations_named) == (24, 24, 1)
    intro = blocks(sheet, "de", today=date(2026, 11, 29))[1].text
    assert intro == (
        "Stand 29.11.2026. Zusammenfassung aus 3 Workshops mit 24 anwesenden Personen und "
        "24 Organisationen mit Anwesenden."
    )
