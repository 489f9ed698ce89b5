"""Review services: merging near-duplicates keeps dots and sources; order within a group."""

import pytest

from facilitator.core.errors import ValidationError
from facilitator.export.protocol import protocol_model
from facilitator.store.captures import add_capture, list_captures, set_flipchart_votes
from facilitator.store.review import (
    cycle_status,
    merge_captures,
    merge_suggestions,
    set_order,
    unmerge_all,
)


def test_merge_keeps_dots_and_organisations(store, workshop_id) -> None:
    a = add_capture(store, workshop_id, "need", "Schulungen zum OZG", organisation="Stadt A")
    b = add_capture(store, workshop_id, "need", "Schulungen zum OZG!", organisation="Stadt B")
    c = add_capture(store, workshop_id, "need", "OZG-Schulungen", organisation="Stadt C")
    for capture_id, dots in ((a, 3), (b, 2), (c, 1)):
        set_flipchart_votes(store, capture_id, dots)
    merge_captures(store, b, c)  # c into b, then b into a: c follows
    merge_captures(store, a, b)
    (entry,) = [
        e for g in protocol_model(store, workshop_id, cards={}).results["need"] for e in g.entries
    ]
    assert entry.votes == 6 and entry.merged == 2
    assert entry.organisation == "Stadt A; Stadt B; Stadt C"
    assert [x.id for x in list_captures(store, workshop_id)] == [a]
    with pytest.raises(ValidationError):
        merge_captures(store, a, a)
    assert unmerge_all(store, a) == 2
    assert len(list_captures(store, workshop_id)) == 3


def test_suggestions_within_a_kind_and_order(store, workshop_id) -> None:
    a = add_capture(store, workshop_id, "challenge", "Fehlende Schnittstellen zu Fachverfahren")
    b = add_capture(store, workshop_id, "challenge", "fehlende Schnittstellen zu den Fachverfahren")
    add_capture(store, workshop_id, "need", "Fehlende Schnittstellen zu Fachverfahren")
    add_capture(store, workshop_id, "challenge", "Glasfaser in den Teilorten")
    found = merge_suggestions(list_captures(store, workshop_id))
    assert [(s.keep.id, s.other.id) for s in found] == [(a, b)]
    set_order(store, [b, a])
    entries = protocol_model(store, workshop_id, cards={}).results["challenge"][0].entries
    assert [e.id for e in entries][:2] == [b, a]


def test_cycle_status_only_for_measures(store, workshop_id) -> None:
    measure = add_capture(store, workshop_id, "measure", "Kataster")
    assert [cycle_status(store, measure) for _ in range(4)] == [
        "geplant",
        "in_umsetzung",
        "abgeschlossen",
        "idee",
    ]
    with pytest.raises(ValidationError):
        cycle_status(store, add_capture(store, workshop_id, "need", "Bedarf"))
