"""Tests of undo: the last change of this laptop in this workshop is reversed."""

import pytest

from facilitator.core.errors import NotFound
from facilitator.store import Store
from facilitator.store.agenda import (
    add_item,
    get_item,
    list_items,
    move_item,
    set_minutes,
    update_item,
)
from facilitator.store.captures import (
    add_capture,
    delete_capture,
    get_capture,
    list_captures,
    update_capture,
)
from facilitator.store.participants import add_participant, get_participant, set_consent
from facilitator.store.undo import undo_last


def test_undo_add_deletes_the_capture(store: Store, workshop_id: str) -> None:
    capture_id = add_capture(store, workshop_id, "challenge", "Fehlende Schnittstellen")
    undone = undo_last(store, workshop_id)
    assert undone is not None and undone.kind == "capture.add"
    assert list_captures(store, workshop_id) == []
    with pytest.raises(NotFound):
        get_capture(store, capture_id)


def test_undo_delete_restores(store: Store, workshop_id: str) -> None:
    capture_id = add_capture(store, workshop_id, "need", "Schulungen")
    delete_capture(store, capture_id)
    undo_last(store, workshop_id)
    assert get_capture(store, capture_id).text == "Schulungen"


def test_undo_edit_applies_before_values(store: Store, workshop_id: str) -> None:
    capture_id = add_capture(store, workshop_id, "need", "Schulungen", topic="bildung")
    update_capture(store, capture_id, text="Schulungen für Sachbearbeitung", topic="verwaltung")
    undo_last(store, workshop_id)
    capture = get_capture(store, capture_id)
    assert (capture.text, capture.topic) == ("Schulungen", "bildung")


def test_repeated_undo_walks_back_not_forth(store: Store, workshop_id: str) -> None:
    first = add_capture(store, workshop_id, "idea", "Gemeinsames Portal")
    second = add_capture(store, workshop_id, "idea", "Open-Data-Plattform")
    undone = [undo_last(store, workshop_id), undo_last(store, workshop_id)]
    # the second undo takes back the first capture, not the first undo
    assert [(u.kind, u.entity_id) for u in undone if u] == [
        ("capture.add", second),
        ("capture.add", first),
    ]
    assert list_captures(store, workshop_id) == []
    # the agenda ops of the workshop's creation are next in line
    undone = undo_last(store, workshop_id)
    assert undone is not None and undone.kind == "agenda_item.add"


def test_undo_agenda_changes(store: Store, workshop_id: str) -> None:
    items = list_items(store, workshop_id)
    update_item(store, items[1].id, minutes=25)
    move_item(store, items[1].id, 3)
    undo_last(store, workshop_id)
    assert [it.id for it in list_items(store, workshop_id)] == [it.id for it in items]
    undo_last(store, workshop_id)
    assert get_item(store, items[1].id).minutes == items[1].minutes
    new_id = add_item(store, workshop_id, "Zusatzblock", 10)
    undo_last(store, workshop_id)
    assert new_id not in [it.id for it in list_items(store, workshop_id)]


def test_one_undo_takes_back_a_whole_replan(store: Store, workshop_id: str) -> None:
    items = list_items(store, workshop_id)
    update_item(store, items[0].id, title="Ankommen")  # an earlier change, kept by the undo
    set_minutes(store, {items[1].id: 10, items[2].id: 30, items[4].id: 25})
    undone = undo_last(store, workshop_id)
    assert undone is not None and undone.kind == "agenda_item.update"
    after = list_items(store, workshop_id)
    assert [it.minutes for it in after] == [it.minutes for it in items]
    assert after[0].title == "Ankommen"


def test_undo_consent(store: Store, workshop_id: str) -> None:
    person = add_participant(store, workshop_id, "Anna Weber", organisation="Stadt Esslingen")
    set_consent(store, person, True)
    undo_last(store, workshop_id)
    assert get_participant(store, person).consent == 0


def test_only_this_workshop(store: Store, workshop_id: str) -> None:
    from facilitator.store.workshops import create_workshop

    other = create_workshop(store, "Anderer Workshop")
    add_capture(store, other, "note", "Anderswo")
    capture_id = add_capture(store, workshop_id, "note", "Hier")
    add_capture(store, other, "note", "Noch anderswo")
    undo_last(store, workshop_id)
    with pytest.raises(NotFound):
        get_capture(store, capture_id)
    assert len(list_captures(store, other)) == 2
