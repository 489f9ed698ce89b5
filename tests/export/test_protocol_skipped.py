"""A block skipped once started ('n' then 's') is skipped everywhere (issue 25.6)."""

from facilitator.core.models import TimerEvent
from facilitator.core.timer import derive
from facilitator.export.protocol import protocol_model
from facilitator.library import load_methods
from facilitator.store.agenda import list_items, update_item
from facilitator.store.timer import advance, skip, start_or_pause


def test_skip_after_start_marks_the_run_skipped():
    state = derive(
        [
            TimerEvent("start", "a", 1_000, 0, (1, "n")),
            TimerEvent("skip", "a", 9_000, 0, (2, "n")),
        ]
    )
    run = state.runs["a"]
    assert run.skipped and run.done and run.ended_ms == 9_000


def test_skipped_block_prints_as_skipped_without_its_method(store, workshop_id, clock):
    cards = load_methods(include_user=False)
    items = list_items(store, workshop_id)
    update_item(store, items[1].id, method="blitzlicht")
    update_item(store, items[2].id, method="brainwriting-635")
    start_or_pause(store, workshop_id)
    clock.advance(minutes=15)
    advance(store, workshop_id)  # "n": the greeting starts …
    clock.advance(seconds=20)
    skip(store, workshop_id)  # … "s": and is skipped
    model = protocol_model(store, workshop_id, cards=cards)
    row = next(r for r in model.agenda if r.id == items[1].id)
    assert row.skipped and row.actual == ""
    assert [m.id for m in model.methods] == ["brainwriting-635"]  # no Blitzlicht appendix
