"""Tests the vote service: budgets, per-entry maximum, replacing, and the ranking."""

import pytest

from facilitator.core.errors import ValidationError
from facilitator.store.agenda import list_items, update_item
from facilitator.store.captures import add_capture, set_flipchart_votes, update_capture
from facilitator.store.votes import cast_votes, per_item_max, vote_results, voter_count


def test_per_item_max_is_half_the_budget_rounded_up():
    assert [per_item_max(b) for b in (1, 2, 3, 4, 5, 10)] == [1, 1, 2, 2, 3, 5]


def test_ranking_adds_flipchart_dots_and_skips_hidden(store, workshop_id):
    item = list_items(store, workshop_id)[2].id
    a = add_capture(store, workshop_id, "challenge", "A", agenda_item_id=item)
    b = add_capture(store, workshop_id, "challenge", "B", agenda_item_id=item)
    c = add_capture(store, workshop_id, "challenge", "C", agenda_item_id=item)
    update_item(store, item, voting_open=1, dot_budget=4)
    cast_votes(store, workshop_id, item, "phone-one", {a: 2, b: 2})
    cast_votes(store, workshop_id, item, "phone-two", {b: 1, c: 2})
    set_flipchart_votes(store, a, 3)
    assert [(r["text"], r["dots"]) for r in vote_results(store, item)] == [
        ("A", 5),
        ("B", 3),
        ("C", 2),
    ]
    assert voter_count(store, item) == 2
    update_capture(store, a, hidden=1)
    assert [r["text"] for r in vote_results(store, item)] == ["B", "C"]
    with pytest.raises(ValidationError):
        cast_votes(store, workshop_id, item, "phone-one", {a: 1})
    with pytest.raises(ValidationError):
        cast_votes(store, "other-workshop", item, "phone-one", {b: 1})
    assert cast_votes(store, workshop_id, item, "phone-one", {}) == {}  # takes all dots back
    assert voter_count(store, item) == 1
