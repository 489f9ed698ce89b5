"""Property: any order and repetition of op delivery converges to one state.

Two laptops make random changes (captures added, edited, deleted, restored;
agenda items moved and resized; timer events; votes), now and then exchanging
ops. Delivering the union of their ops to a fresh database in any order, with
duplicates, in any batches, gives the same projection as delivering them in
stamp order — and the same as both laptops after a full exchange.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import exchange, new_workshop, projection

from facilitator.core.errors import UserError
from facilitator.store import open_store, oplog
from facilitator.store.agenda import list_items, move_item, remove_item, update_item
from facilitator.store.captures import (
    add_capture,
    delete_capture,
    list_captures,
    restore_capture,
    update_capture,
)
from facilitator.store.oplog import insert_remote_ops, ops_after
from facilitator.store.participants import add_participant, list_participants, set_present
from facilitator.store.timer import advance, extend, start_or_pause
from tests.conftest import FakeClock

ACTIONS = (
    "add",
    "edit",
    "delete",
    "restore",
    "move",
    "resize",
    "remove",
    "timer",
    "vote",
    "person",
    "sync",
)

action = st.tuples(
    st.sampled_from("AB"),
    st.sampled_from(ACTIONS),
    st.integers(0, 9),
    st.integers(0, 9),
    st.integers(0, 3000),  # ms the laptop's clock moves first (0: same millisecond)
)


def _capture_ids(store, workshop_id):
    rows = store.conn.execute(
        # Creation order, not the random ids: hypothesis must see the same test twice.
        "SELECT id FROM capture WHERE workshop_id = ? ORDER BY hlc, text, id",
        [workshop_id],
    ).fetchall()
    return [r[0] for r in rows]


def _act(laptops, clocks, workshop_id, step) -> None:
    name, verb, i, j, ms = step
    store, clock = laptops[name], clocks[name]
    clock.advance(seconds=ms / 1000)
    captures = _capture_ids(store, workshop_id)
    items = list_items(store, workshop_id)
    try:
        if verb == "add":
            add_capture(store, workshop_id, "idea", f"{name}{i}{j}")
        elif verb == "edit" and captures:
            update_capture(store, captures[i % len(captures)], text=f"{name} edit {j}")
        elif verb == "delete" and captures:
            delete_capture(store, captures[i % len(captures)])
        elif verb == "restore" and captures:
            restore_capture(store, captures[i % len(captures)])
        elif verb == "move":
            move_item(store, items[i % len(items)].id, j)
        elif verb == "resize":
            update_item(store, items[i % len(items)].id, minutes=5 + j)
        elif verb == "remove" and len(items) > 2:
            remove_item(store, items[i % len(items)].id)
        elif verb == "person":
            people = list_participants(store, workshop_id)
            if people and j % 2:
                set_present(store, people[i % len(people)].id, bool(j % 4 == 1))
            else:
                add_participant(store, workshop_id, f"Person {name}{i}", organisation=f"Org {j}")
        elif verb == "timer":
            [start_or_pause, advance, lambda s, w: extend(s, w, j - 4 or 1)][i % 3](
                store, workshop_id
            )
        elif verb == "vote" and captures:
            cid = captures[i % len(captures)]
            voter = f"phone-{j % 3}"
            oplog.record(
                store,
                "vote.set",
                {
                    "id": f"{cid}:{voter}",
                    "workshop_id": workshop_id,
                    "capture_id": cid,
                    "voter": voter,
                    "dots": j % 4,
                },
                workshop_id,
            )
        elif verb == "sync":
            exchange(laptops["A"], laptops["B"])
    except UserError:
        pass  # e.g. editing a capture this laptop has deleted: the app refuses too


def _deliver(ops, workshop_id, batches) -> str:
    fresh = open_store(":memory:", now_ms=FakeClock())
    start = 0
    for size in batches:
        insert_remote_ops(fresh, ops[start : start + size])
        start += size
    insert_remote_ops(fresh, ops[start:])
    result = projection(fresh, workshop_id)
    fresh.close()
    return result


@pytest.mark.slow  # 100 random histories
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(action, min_size=1, max_size=25),
    data=st.data(),
)
def test_any_delivery_order_converges(steps, data):
    clocks = {"A": FakeClock(), "B": FakeClock(1_796_000_000_000 + 250)}
    laptops = {name: open_store(":memory:", now_ms=clocks[name]) for name in "AB"}
    for name, store in laptops.items():
        store.node_id = f"laptop{name}"  # fixed tie-breaks, so every run replays alike
    workshop_id = new_workshop(laptops["A"])
    exchange(laptops["A"], laptops["B"])
    for step in steps:
        _act(laptops, clocks, workshop_id, step)
    everything = {op.uuid: op for name in "AB" for op in ops_after(laptops[name], 0, 10**9)}
    ops = list(everything.values())

    in_stamp_order = sorted(ops, key=lambda op: (op.hlc, op.node))
    expected = _deliver(in_stamp_order, workshop_id, [])

    shuffled = data.draw(st.permutations(ops), label="order")
    repeats = data.draw(st.lists(st.sampled_from(ops), max_size=15), label="repeats")
    positions = data.draw(
        st.lists(st.integers(0, len(ops)), min_size=len(repeats), max_size=len(repeats))
    )
    delivery = list(shuffled)
    for op, at in zip(repeats, positions, strict=True):
        delivery.insert(at, op)
    batches = data.draw(st.lists(st.integers(1, 40), max_size=6), label="batches")
    assert _deliver(delivery, workshop_id, batches) == expected

    exchange(laptops["A"], laptops["B"])
    assert projection(laptops["A"], workshop_id) == expected
    assert projection(laptops["B"], workshop_id) == expected
    assert [c.text for c in list_captures(laptops["A"], workshop_id)] == [
        c.text for c in list_captures(laptops["B"], workshop_id)
    ]
    for store in laptops.values():
        store.close()
