"""The issue's "done when": three workshops in three corners of the state, looked at whole."""

import pytest
from docx import Document

from facilitator.export.factsheet_model import build_factsheet
from facilitator.export.protocol import write_protocol
from facilitator.export.solutions import solutions_markdown
from facilitator.export.solutions_model import build_solutions
from facilitator.store.matching import suggest_groups
from tests.series.scenario import ORGANISATIONS, SERIES, build_scenario


@pytest.fixture
def scenario(store):
    return store, build_scenario(store)


def test_peer_groups_are_the_three_regions(scenario):
    store, _ = scenario
    result = suggest_groups(store, 3, "distance", SERIES)
    found = sorted(sorted(o.name for o in group) for group in result.groups)
    assert found == sorted(sorted(o[0] for o in orgs) for orgs in ORGANISATIONS.values())
    assert result.warnings == []  # Ammerbuch, Walddorfhäslach, Hohentengen (Kreis) all found


def test_pairs_make_sense(scenario):
    store, _ = scenario
    pairs = {(p.offer_org, p.request_org): p for p in suggest_groups(store, 3, "both").pairs}
    assert pairs[("Stadt Heidelberg", "Stadt Reutlingen")].shared_words == ["Parkplätze ↔ Parking"]
    assert pairs[("Stadt Friedrichshafen", "Stadt Konstanz")].topic == "partizipation_transparenz"
    assert ("Gemeinde Ammerbuch", "Stadt Schwetzingen") in pairs
    assert not [p for p in pairs.values() if p.offer_text == "Feuerwehr-Alarmierung per App"]


def test_near_duplicates_across_the_series_count_more_than_once(scenario):
    store, _ = scenario
    sheet = build_factsheet(store, SERIES)
    need = sheet.frequent["need"][0]
    assert need.count == 3 and "Wärmeplanung" in need.text
    assert set(need.organisations) == {
        "Landratsamt Rhein-Neckar-Kreis", "Gemeinde Starzach", "Stadt Konstanz"
    }  # fmt: skip
    challenges = {f.text: f.count for f in sheet.frequent["challenge"]}
    personal = next(f for f in sheet.frequent["challenge"] if "Personal" in f.text)
    assert personal.count == 3  # "Personalmangel" is "Personal" plus a word every text says
    assert set(personal.organisations) == {
        "Stadt Mannheim", "Gemeinde Ammerbuch", "Stadt Überlingen"
    }  # fmt: skip
    assert challenges["Einführung der E-Akte stockt"] == 2
    # every challenge of the series, once: listed if said twice or more, else summarised
    assert sum(challenges.values()) + sheet.frequent_rest["challenge"] == 6


def test_solutions_point_to_the_right_measures(scenario):
    store, ids = scenario
    section = build_solutions(store, ids["alb"])
    fits = {item.text: item.solutions for item in section.items}
    parking = fits["Parkplatzsuche in der Innenstadt verursacht viel Verkehr"]
    assert [(s.organisation, s.status) for s in parking] == [("Stadt Heidelberg", "abgeschlossen")]
    assert parking[0].contact == "Petra Heil, heil@example.org"  # she consented
    akte = fits["Einführung der E-Akte stockt"]
    assert akte[0].organisation == "Stadt Mannheim" and akte[0].contact == ""  # no consent
    heat = fits["Unterstützung bei der kommunalen Wärmeplanung"]
    assert {s.organisation for s in heat} == {"Stadt Ravensburg", "Stadt Weinheim"}
    # Starzach's own measure is no news to Starzach; "geplant" is no solution yet.
    every = [s for found in fits.values() for s in found]
    assert all(s.status in ("in_umsetzung", "abgeschlossen") for s in every)
    text = solutions_markdown(section)
    assert "Ähnlichkeit 0," in text and "Kontakt: Petra Heil" in text


def test_protocol_has_the_section_before_the_appendix(scenario, tmp_path):
    store, ids = scenario
    document = Document(str(write_protocol(store, ids["alb"], tmp_path / "p.docx")))
    heads = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert heads[-2:] == ["10. Lösungen aus der Reihe", "11. Anhang: Methoden"]
    # the contents list (after its heading "Inhalt") names them in the same order
    paragraphs = [p.text for p in document.paragraphs]
    contents = paragraphs[paragraphs.index("Inhalt") + 1 :][:11]
    assert contents[-2:] == ["10. Lösungen aus der Reihe", "11. Anhang: Methoden"]
    body = "\n".join(p.text for p in document.paragraphs)
    assert (
        "LoRaWAN-Netz mit Parksensoren zeigt freie Parkplätze in der App – Stadt Heidelberg" in body
    )
    english = Document(str(write_protocol(store, ids["alb"], tmp_path / "e.docx", lang="en")))
    assert "10. Solutions from the series" in [p.text for p in english.paragraphs]


def test_library_examples_join_the_series_measures(scenario, tmp_path, monkeypatch):
    from facilitator.core.example_format import PracticeExample
    from facilitator.practice import write_example

    store, ids = scenario
    write_example(
        PracticeExample(
            "Jugendhaus mit Jugendgemeinderat geplant und eröffnet",
            "Gemeinde Musterhausen",
            "gesellschaft_quartier",
            "abgeschlossen",
            "Ein Jugendhaus im Ortskern, von Jugendlichen mitgeplant.",
            link="https://example.org/jugendhaus",
        ),
        tmp_path,
    )
    monkeypatch.setenv("FACILITATOR_EXAMPLES", str(tmp_path))
    document = Document(str(write_protocol(store, ids["alb"], tmp_path / "p.docx")))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Jugendhaus mit Jugendgemeinderat geplant und eröffnet – Gemeinde Musterhausen" in body
    assert "Praxisbeispiel" in body and "Mehr: https://example.org/jugendhaus" in body
