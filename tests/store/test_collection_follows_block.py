"""Tests that the phone form opens with a collecting block and closes when it ends (25.4)."""

from facilitator.store import Store
from facilitator.store.agenda import get_item, list_items, update_item
from facilitator.store.timer import advance, skip, start_or_pause
from facilitator.store.undo import undo_last


def _open(store: Store, item_id: str) -> bool:
    return bool(get_item(store, item_id).collection_open)


def test_collecting_block_opens_with_its_start_and_closes_with_next(store, workshop_id):
    items = list_items(store, workshop_id)
    greeting, collecting, lunch = items[1], items[2], items[3]
    start_or_pause(store, workshop_id)  # the coffee break: nothing to collect
    assert not _open(store, items[0].id)
    advance(store, workshop_id)  # greeting: plans no capture kind
    assert not _open(store, greeting.id)
    advance(store, workshop_id)  # "Herausforderungen sammeln": challenge, need
    assert _open(store, collecting.id)
    advance(store, workshop_id)
    assert not _open(store, collecting.id) and not _open(store, lunch.id)


def test_skip_closes_and_pause_resume_keeps_the_moderators_choice(store, workshop_id):
    items = list_items(store, workshop_id)
    collecting = items[2]
    skip(store, workshop_id, items[0].id)
    skip(store, workshop_id, items[1].id)
    start_or_pause(store, workshop_id)
    assert _open(store, collecting.id)
    start_or_pause(store, workshop_id)  # pause
    update_item(store, collecting.id, collection_open=0)  # the moderators close it by hand
    start_or_pause(store, workshop_id)  # resume
    assert not _open(store, collecting.id)
    update_item(store, collecting.id, collection_open=1)
    skip(store, workshop_id)
    assert not _open(store, collecting.id)


def test_undo_passes_over_what_the_timer_opened(store, workshop_id):
    from facilitator.store.captures import add_capture, list_captures

    items = list_items(store, workshop_id)
    skip(store, workshop_id, items[0].id)
    skip(store, workshop_id, items[1].id)
    add_capture(store, workshop_id, "note", "Vor dem Block notiert")
    start_or_pause(store, workshop_id)
    assert _open(store, items[2].id)
    undone = undo_last(store, workshop_id)
    assert undone is not None and undone.kind == "capture.add"
    assert _open(store, items[2].id)
    assert list_captures(store, workshop_id) == []
