"""Tests the protocol model on its own: matching, counts, grouping, the empty workshop."""

from pathlib import Path

from facilitator.export.protocol import protocol_model, write_protocol
from facilitator.export.protocol_model import MAX_OFFERS_PER_REQUEST
from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant


def test_offers_and_requests_are_paired_by_topic(store, workshop_id) -> None:
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
    add_capture(
        store, workshop_id, "offer", "Eigenes Angebot", topic="verwaltung", organisation="A"
    )
    add_capture(store, workshop_id, "offer", "Biete Ladesäulen", topic="mobilitaet")
    add_capture(store, workshop_id, "request", "Suche Schulbus", topic="bildung")
    model = protocol_model(store, workshop_id, cards={})
    assert len(model.matches) == MAX_OFFERS_PER_REQUEST  # capped, not 5
    assert all(m.offer.organisation == "B" for m in model.matches)  # never its own offer
    unmatched = {(kind, entry.text) for kind, entry in model.unmatched}
    assert ("request", "Suche Schulbus") in unmatched
    assert ("offer", "Biete Ladesäulen") in unmatched
    assert ("offer", "Eigenes Angebot") in unmatched


def test_counts_grouping_and_consent(store, workshop_id) -> None:
    add_participant(
        store,
        workshop_id,
        "Eva",
        organisation="Gemeinde Aich",
        org_type="kommune",
        email="eva@aich.de",
        consent=True,
    )
    add_participant(
        store,
        workshop_id,
        "Fritz",
        organisation="Gemeinde Bempflingen",
        org_type="kommune",
        email="fritz@b.de",
    )
    add_participant(store, workshop_id, "Gül", organisation="Firma Ç", org_type="wirtschaft")
    add_capture(store, workshop_id, "need", "ohne Thema")
    add_capture(store, workshop_id, "need", "mit Thema", topic="bildung")
    model = protocol_model(store, workshop_id, cards={})
    assert model.org_counts == [("kommune", 2), ("wirtschaft", 1)]
    assert [p.email for p in model.participants] == ["eva@aich.de", "", ""]
    assert [p.name for p in model.contacts] == ["Eva"]
    assert [g.topic for g in model.results["need"]] == ["bildung", None]
    assert model.orgs_without_measures == ["Firma Ç", "Gemeinde Aich", "Gemeinde Bempflingen"]


def test_empty_workshop_markdown_says_so(store, workshop_id, tmp_path: Path) -> None:
    text = write_protocol(store, workshop_id, tmp_path / "leer.md", fmt="md").read_text("utf-8")
    assert text.count("Keine Einträge.") >= 8
    assert "## Anhang: Methoden\n\nKeine Einträge." in text
