"""Method cards declare their activity; the block that uses the card starts it."""

from pathlib import Path

import pytest

from facilitator.core.errors import ValidationError
from facilitator.core.method_format import parse_method_card
from facilitator.library import load_methods
from facilitator.store.activities import get_activity, results
from facilitator.store.activity_cards import start_card_activity
from facilitator.store.captures import add_capture

EXPECTED = {
    "feedback-zielscheibe": "scale",
    "one-word-abschluss": "wordcloud",
    "aufwand-nutzen-matrix": "matrix",
    "punktabfrage": "dots",
    "gallery-walk": "dots",
    "erwartungsabfrage": "questions",
}


def test_shipped_cards_declare_their_activity() -> None:
    cards = load_methods(include_user=False)
    assert {k: cards[k].activity["type"] for k in EXPECTED} == EXPECTED
    assert cards["feedback-zielscheibe"].activity["statements"][0] == "Inhalte"


def test_a_bad_activity_is_a_problem_with_its_line() -> None:
    path = Path(load_methods(include_user=False)["punktabfrage"].path)
    source = path.read_text(encoding="utf-8").replace('type = "dots"', 'type = "umfrage"')
    with pytest.raises(ValidationError) as err:
        parse_method_card(source, "punktabfrage.md", "punktabfrage")
    assert any("activity.type" in p for p in err.value.problems)


def test_gallery_walk_votes_on_entries_of_earlier_blocks(store, workshop_id) -> None:
    card = load_methods(include_user=False)["gallery-walk"]
    first = add_capture(store, workshop_id, "challenge", "Fachkräftemangel")
    second = add_capture(store, workshop_id, "need", "Schnittstellen")
    activity = start_card_activity(store, workshop_id, "item-of-the-walk", card.activity)
    assert get_activity(store, activity)["config"]["ballot"] == [first, second]
    assert [e["text"] for e in results(store, activity)["entries"]] == [
        "Fachkräftemangel",
        "Schnittstellen",
    ]


def test_matrix_card_places_the_measures(store, workshop_id) -> None:
    card = load_methods(include_user=False)["aufwand-nutzen-matrix"]
    add_capture(store, workshop_id, "measure", "E-Akte einführen")
    add_capture(store, workshop_id, "need", "kein Maßnahme")
    activity = start_card_activity(store, workshop_id, None, card.activity, "en")
    found = get_activity(store, activity)
    assert found["config"]["options"] == ["E-Akte einführen"]
    assert found["prompt"].startswith("How high")


def test_erwartungsabfrage_opens_questions_and_the_needs_collection(store, workshop_id) -> None:
    from facilitator.store.agenda import list_items
    from facilitator.store.votes import voting_item
    from facilitator.web.snapshot import phone_kinds

    card = load_methods(include_user=False)["erwartungsabfrage"]
    item = list_items(store, workshop_id)[1]
    activity = start_card_activity(store, workshop_id, item.id, card.activity)
    assert get_activity(store, activity)["type"] == "questions"
    assert voting_item(store, item.id)["collection_open"] == 1
    assert phone_kinds(card.captures) == ["need"]  # phones submit needs beside their questions
