"""Offer/request pairing by what the texts say: the issue's pairs, and its nonsense pairs gone."""

from facilitator.core.pairing import Statement, pair_offers, pair_reason
from facilitator.core.textsim import TermModel, split_compound, stem
from facilitator.topics import keyword_vocabulary
from tests.series.conftest import run_cli

OFFERS = [
    Statement("Stadt Ulm", "LoRaWAN-Netz und Sensoren für freie Parkplätze", "infrastruktur"),
    Statement("Gemeinde Aichwald", "Feuerwehr-Alarmierung per App", "sicherheit_ordnung"),
    Statement("LRA Tübingen", "Dienstvereinbarung mobiles Arbeiten", "verwaltung"),
    Statement("Stadt Lörrach", "Vorlage Ausschreibung Ladesäulen", "mobilitaet"),
    Statement("Stadt Konstanz", "Erfahrung mit digitaler Bürgerbeteiligung",
              "partizipation_transparenz"),
]  # fmt: skip
REQUESTS = [
    Statement("Stadt Heilbronn", "Smart-Parking-Pilot", "mobilitaet"),
    Statement("Gemeinde Starzach", "Digitale Bürgerbeteiligung", "partizipation_transparenz"),
    Statement("Stadt Mannheim", "E-Akte einführen", "verwaltung"),
    Statement("Gemeinde Ammerbuch", "Ladesäule am Rathaus", "energie_umwelt"),
    Statement("Stadt Ulm", "Parkleitsystem mit Sensoren", "mobilitaet"),
]


def _pairs() -> dict[tuple[str, str], object]:
    pairs = pair_offers(OFFERS, REQUESTS, vocabulary=keyword_vocabulary())
    return {(p.offer_text, p.request_text): p for p in pairs}


def test_stems_and_compounds_meet():
    assert stem("Parkplätze") == stem("Parkplatz") == "parkplatz"
    vocabulary = {stem(w) for w in ("Park", "Platz", "Wärme", "Netz")}
    assert split_compound("parkplatz", vocabulary) == ["park", "platz"]
    assert split_compound("parking", vocabulary) == ["park"]
    assert split_compound(stem("Wärmenetz"), vocabulary) == [stem("Wärme"), "netz"]


def test_lorawan_parking_offer_meets_the_smart_parking_request():
    pair = _pairs()[(OFFERS[0].text, "Smart-Parking-Pilot")]
    assert pair.offer_org == "Stadt Ulm" and pair.request_org == "Stadt Heilbronn"
    # The reason names the words on both sides, as a person would accept it.
    assert pair.shared_words == ["Parkplätze ↔ Parking"]
    assert pair.topic is None  # different topic fields: the texts made the pair


def test_nonsense_pairs_of_the_issue_are_gone():
    pairs = _pairs()
    assert not any(o == "Feuerwehr-Alarmierung per App" for o, _ in pairs)
    assert not any(o.startswith("Dienstvereinbarung") for o, _ in pairs)
    # The real match of the participation request is the participation offer.
    best = pair_offers(OFFERS, REQUESTS, vocabulary=keyword_vocabulary())
    participation = [p for p in best if p.request_text == "Digitale Bürgerbeteiligung"]
    assert [p.offer_org for p in participation] == ["Stadt Konstanz"]
    assert participation[0].topic == "partizipation_transparenz"


def test_own_requests_are_never_paired_and_singular_meets_plural():
    pairs = _pairs()
    assert all(p.offer_org != p.request_org for p in pairs.values())
    assert (
        "LoRaWAN-Netz und Sensoren für freie Parkplätze",
        "Parkleitsystem mit Sensoren",
    ) not in {k for k, p in pairs.items() if p.request_org == "Stadt Ulm"}
    assert pairs[("Vorlage Ausschreibung Ladesäulen", "Ladesäule am Rathaus")].shared_words


def test_reason_uses_a_decimal_comma_in_german():
    pair = _pairs()[(OFFERS[0].text, "Smart-Parking-Pilot")]
    german = pair_reason(pair, "de")
    assert german.startswith("Ähnlichkeit 0,") and german.endswith(": Parkplätze ↔ Parking")
    assert pair_reason(pair, "en").startswith("similarity 0.")


def test_term_model_weights_rare_terms_higher():
    model = TermModel(["Glasfaser im Gewerbegebiet", "Glasfaser an Schulen", "WLAN an Schulen"])
    vector = model.vector("Glasfaser für Schulen und Rathaus")
    assert vector[stem("Rathaus")] > vector[stem("Glasfaser")]


def test_match_command_prints_pairs_with_decimal_comma(series_db):
    out = run_cli(series_db, "match", "--groups", "3").stdout
    assert "(Ähnlichkeit 0,35: Ladesäulen)" in out  # the blend of words and vectors
    english = run_cli(series_db, "--lang", "en", "match", "--groups", "3").stdout
    assert "similarity 0." in english
