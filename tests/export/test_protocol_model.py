"""Tests the protocol model on its own: matching, counts, grouping, the empty workshop."""

from pathlib import Path

from facilitator.export.protocol import protocol_model, write_protocol
from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant


def test_offers_and_requests_by_topic_each_once(store, workshop_id) -> None:
    add_capture(store, workshop_id, "request", "Suche E-Akte", topic="verwaltung", organisation="A")
    for index in range(5):
        add_capture(
            store,
            workshop_id,
            "offer",
            f"Biete E-Akte {index}",
            topic="verwaltung",
            organisation="B",
        )
    add_capture(store, workshop_id, "offer", "Biete Ladesäulen", topic="mobilitaet")
    add_capture(store, workshop_id, "request", "Suche Schulbus", topic="bildung")
    model = protocol_model(store, workshop_id, cards={})
    groups = {g.topic: [(e.kind, e.text) for e in g.entries] for g in model.networking}
    assert groups["verwaltung"][0] == ("request", "Suche E-Akte")  # requests first
    assert len(groups["verwaltung"]) == 6  # every offer once, none repeated per request
    assert groups["mobilitaet"] == [("offer", "Biete Ladesäulen")]
    assert groups["bildung"] == [("request", "Suche Schulbus")]


def test_attendance_and_the_consent_rule(store, workshop_id, tmp_path: Path) -> None:
    def person(name: str, org: str, org_type: str, consent: bool, present: bool) -> None:
        add_participant(
            store,
            workshop_id,
            name,
            organisation=org,
            org_type=org_type,
            email=f"{name.lower()}@example.org",
            consent=consent,
            present=present,
        )

    person("Eva", "Gemeinde Aich", "kommune", True, True)
    person("Fritz", "Gemeinde Denkendorf", "kommune", False, True)
    person("Gerd", "Gemeinde Denkendorf", "kommune", False, True)
    person("Gül", "Firma Ç", "wirtschaft", True, False)  # absent: only counted
    person("Hans", "Firma Ç", "wirtschaft", False, False)
    add_capture(store, workshop_id, "need", "ohne Thema")
    add_capture(store, workshop_id, "need", "mit Thema", topic="bildung")
    model = protocol_model(store, workshop_id, cards={})
    people = model.attendance
    assert [p.name for p in people.named] == ["Eva"]
    assert people.unnamed == [("Gemeinde Denkendorf", 2)]
    assert (people.present, people.absent, people.recorded) == (3, 2, True)
    assert model.org_counts == [("kommune", 3)]  # people present, not registrations
    assert [p.name for p in model.contacts] == ["Eva"]
    assert [g.topic for g in model.results["need"]] == ["bildung", None]
    md = write_protocol(store, workshop_id, tmp_path / "p.md", fmt="md")
    text = md.read_text("utf-8")
    assert "Gemeinde Denkendorf (2 Personen)" in text
    assert "Fritz" not in text and "Gül" not in text and "Hans" not in text
    assert "Ohne erfasste Maßnahmen" not in text


def test_nobody_marked_present_lists_the_registered(store, workshop_id) -> None:
    add_participant(store, workshop_id, "Eva", organisation="Gemeinde Aich", consent=True)
    people = protocol_model(store, workshop_id, cards={}).attendance
    assert [p.name for p in people.named] == ["Eva"] and not people.recorded


def test_empty_workshop_markdown_says_so(store, workshop_id, tmp_path: Path) -> None:
    text = write_protocol(store, workshop_id, tmp_path / "leer.md", fmt="md").read_text("utf-8")
    assert text.count("Keine Einträge.") >= 8
    assert "## 10. Anhang: Methoden\n\nKeine Einträge." in text
