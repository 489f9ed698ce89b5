"""Activities across a series in the fact sheet: the Digital-Check per organisation, key figures."""

from docx import Document

from facilitator.export.factsheet_docx import write_factsheet_docx
from facilitator.export.factsheet_model import build_factsheet
from facilitator.store.activities import answer_activity, start_activity
from facilitator.store.activity_forms import load_activity_set
from facilitator.store.series import ensure_series
from facilitator.store.workshops import create_workshop


def test_series_fact_sheet_reports_digital_check_and_activities(store, tmp_path) -> None:
    series = ensure_series(store, "Digitalregion")
    check = load_activity_set("digital-check")
    keys = [f["key"] for f in check["fields"]]
    answers = {
        ("Workshop Ulm", "2026-10-01"): [("Stadt Ulm", 2), ("Gemeinde Dornstadt", 1)],
        ("Workshop Biberach", "2026-11-01"): [("Stadt Ulm", 4)],  # the newer one counts
    }
    for (title, day), orgs in answers.items():
        workshop = create_workshop(store, title, date=day, series_id=series)
        activity = start_activity(store, workshop, "form", "Digital-Check", check)
        for org, level in orgs:
            raw = {"org": org, **{f"f.{k}": str(level) for k in keys}}
            answer_activity(store, workshop, activity, f"p-{org[:8]}", raw)
        scale = start_activity(store, workshop, "scale", "Zufrieden?", {"statements": ["Tag"]})
        answer_activity(store, workshop, scale, "phone-aaaa", {"s0": "5"})
    sheet = build_factsheet(store, "Digitalregion")
    target = tmp_path / "f.docx"
    write_factsheet_docx(sheet, target)
    document = Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Digital-Check" in headings and "Aktivitäten im Raum" in headings
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Gemeinde Dornstadt", *["1"] * 7] in cells
    assert ["Stadt Ulm", *["4"] * 7] in cells
    assert ["Mittelwert", *["2,5"] * 7] in cells
    assert ["Workshop Biberach", "Skala", "Zufrieden?", "1", "Tag Ø 5,0"] in cells
