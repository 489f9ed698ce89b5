"""Activity sets: Projektsteckbrief feeds the measures, Digital-Check per organisation."""

import pytest
from docx import Document

from facilitator.core.errors import ValidationError
from facilitator.export.protocol import write_protocol
from facilitator.export.protocol_model import build_protocol
from facilitator.store.activities import answer_activity, results, start_activity
from facilitator.store.activity_forms import load_activity_set, shipped_sets
from facilitator.store.captures import list_captures


def steckbrief(store, workshop_id) -> str:
    config = load_activity_set("projektsteckbrief")
    return start_activity(store, workshop_id, "form", config["prompt"]["de"], config)


def test_shipped_sets() -> None:
    assert shipped_sets() == ["digital-check", "projektsteckbrief"]
    check = load_activity_set("digital-check")
    assert [f["de"] for f in check["fields"]] == [
        "Strategie", "Organisation", "Prozesse", "Infrastruktur", "Daten", "Kompetenzen",
        "Beteiligung",
    ]  # fmt: skip


def test_projektsteckbrief_becomes_the_organisations_measure(store, workshop_id) -> None:
    activity = steckbrief(store, workshop_id)
    fields = {
        "org": "Stadt Esslingen",
        "f.project": "Digitaler Bauantrag",
        "f.topic": "verwaltung",
        "f.status": "geplant",
        "f.hurdle": "Schnittstelle zum Fachverfahren",
    }
    answer_activity(store, workshop_id, activity, "phone-aaaa", fields)
    # the same organisation (typed differently, from the same phone) updates it
    again = {**fields, "org": "stadt  esslingen", "f.status": "in_umsetzung"}
    answer_activity(store, workshop_id, activity, "phone-aaaa", again)
    # another phone cannot overwrite it (issue 28.4): the answer is the first phone's
    with pytest.raises(ValidationError, match="anderes Telefon"):
        answer_activity(store, workshop_id, activity, "phone-bbbb", {**again, "f.status": "idee"})
    captures = list_captures(store, workshop_id)
    assert [(c.kind, c.text, c.status, c.topic) for c in captures] == [
        ("measure", "Digitaler Bauantrag", "in_umsetzung", "verwaltung"),
        ("challenge", "Schnittstelle zum Fachverfahren", None, "verwaltung"),
    ]
    assert results(store, activity)["answers"] == 1
    model = build_protocol(store, workshop_id, {}, "de")
    # the measure with its status and organisation, as the protocol's "Maßnahmen" lists it
    measures = [(e.text, e.status, e.organisation) for g in model.measures for e in g.entries]
    assert measures == [("Digitaler Bauantrag", "in_umsetzung", "Stadt Esslingen")]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"f.project": "X", "f.status": "idee"}, "Organisation"),
        ({"org": "A", "f.status": "idee"}, "Projekt"),
        ({"org": "A", "f.project": "X", "f.status": "fertig"}, "Option"),
        ({"org": "A", "f.project": "X" * 201, "f.status": "idee"}, "200"),
    ],
)
def test_bad_steckbrief_is_refused(store, workshop_id, fields, message) -> None:
    activity = steckbrief(store, workshop_id)
    with pytest.raises(ValidationError, match=message):
        answer_activity(store, workshop_id, activity, "phone-aaaa", fields)
    assert list_captures(store, workshop_id) == []


def test_digital_check_per_organisation_in_the_protocol(store, workshop_id, tmp_path) -> None:
    config = load_activity_set("digital-check")
    activity = start_activity(store, workshop_id, "form", config["prompt"]["de"], config)
    keys = [f["key"] for f in config["fields"]]
    for org, ratings in [("Gemeinde Aichwald", [2] * 7), ("Stadt Ostfildern", [4] * 7)]:
        raw = {"org": org, **{f"f.{k}": str(r) for k, r in zip(keys, ratings, strict=True)}}
        answer_activity(store, workshop_id, activity, f"phone-{org[:6]}", raw)
    found = results(store, activity)
    assert found["means"]["strategie"] == 3.0
    assert [r["organisation"] for r in found["rows"]] == ["Gemeinde Aichwald", "Stadt Ostfildern"]
    document = Document(str(write_protocol(store, workshop_id, tmp_path / "p.docx", cards={})))
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Stadt Ostfildern", *["4"] * 7] in cells
    assert ["Mittelwert", *["3,0"] * 7] in cells
    assert len(document.inline_shapes) == 1
