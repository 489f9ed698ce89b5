"""Tests method search quality against the shipped cards: typos, umlauts, case, nonsense."""

import pytest

from facilitator.core.method_search import fold, fold_plain, search
from facilitator.library import load_card, load_methods
from tests.conftest import PROJECT

OWN = PROJECT / "tests" / "data" / "methods-own" / "zukunftswerkstatt-kurz.md"

# query -> the card a moderator expects on top
QUERIES = {
    "fallberatung": "kollegiale-fallberatung",
    "Aufwand Nutzen": "aufwand-nutzen-matrix",
    "Kopfstandmetode": "kopfstand",
    "walt disney": "walt-disney",
    "635": "brainwriting-635",
    "world cafe": "world-cafe",
    "World Café": "world-cafe",
    "Lotusblute": "lotusbluete",
    "Lotusblüte": "lotusbluete",
    "speed dating": "speed-networking",
    "punkte kleben": "punktabfrage",
    "biete suche": "biete-suche-marktplatz",
    "elevator": "elevator-pitch",
    "fishbowl": "fishbowl",
    "FISHBOWL": "fishbowl",
    "Brainwritng": "brainwriting-635",
    "Gallerie Walk": "gallery-walk",
    "dot voting": "punktabfrage",
    "massnahmenplan": "massnahmenplan",
    "Maßnahmenplan": "massnahmenplan",
}


@pytest.fixture(scope="module")
def cards():
    return list(load_methods(include_user=False).values())


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_query_finds_its_card_first(cards, query: str, expected: str) -> None:
    assert expected in {c.id for c in cards}, f"card {expected} is missing from methods/"
    hits = search(cards, query)
    assert hits, f"{query!r} found nothing"
    assert hits[0].card.id == expected, [(h.card.id, round(h.score)) for h in hits[:3]]


@pytest.mark.parametrize("query", ["xyzzy", "qwertz uiop", "Hubschrauber", "pizza", "   ", ""])
def test_nonsense_finds_nothing(cards, query: str) -> None:
    assert search(cards, query) == []


def test_a_clear_match_stands_alone(cards) -> None:
    assert [h.card.id for h in search(cards, "Aufwand Nutzen")] == ["aufwand-nutzen-matrix"]


def test_folding() -> None:
    assert fold("Lotusblüte – Großes CAFÉ!") == "lotusbluete grosses cafe"
    assert fold_plain("Lotusblüte") == "lotusblute"
    assert fold("Brainwriting 6-3-5") == "brainwriting 6 3 5"


def test_user_card_is_searchable() -> None:
    own = load_card(OWN)
    assert [h.card.id for h in search([own], "zukunftswerkstat")] == ["zukunftswerkstatt-kurz"]
    assert [h.card.id for h in search([own], "Fantasiephase")] == ["zukunftswerkstatt-kurz"]
