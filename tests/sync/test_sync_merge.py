"""Merge rules when both laptops change the same workshop while apart."""

import pytest
from sync_helpers import exchange, new_workshop, open_laptop, projection

from facilitator.core.timer import countdown
from facilitator.store import oplog
from facilitator.store.agenda import list_items, move_item, update_item
from facilitator.store.captures import (
    add_capture,
    delete_capture,
    get_capture,
    list_captures,
    restore_capture,
    update_capture,
)
from facilitator.store.participants import (
    add_participant,
    get_participant,
    list_participants,
    set_consent,
    set_present,
)
from facilitator.store.timer import advance, extend, start_or_pause, timer_state
from tests.conftest import FakeClock


@pytest.fixture
def pair(tmp_path):
    """Laptop A (creates the workshop) and laptop B (got it by sync); clocks in step."""
    clock_a, clock_b = FakeClock(), FakeClock()
    a = open_laptop(tmp_path / "a.db", clock_a)
    b = open_laptop(tmp_path / "b.db", clock_b)
    workshop_id = new_workshop(a)
    exchange(a, b)
    yield a, b, workshop_id, clock_a, clock_b
    a.close()
    b.close()


def tick(*clocks: FakeClock, seconds: float = 1) -> None:
    for clock in clocks:
        clock.advance(seconds=seconds)


def test_captures_from_both_laptops_merge(pair):
    a, b, ws, ca, cb = pair
    for text in ("Breitband fehlt", "Fachkräftemangel", "Förderlogik zu komplex"):
        add_capture(a, ws, "challenge", text)
        tick(ca)
    for text in ("Open-Data-Portal", "Bürger-App"):
        add_capture(b, ws, "idea", text)
        tick(cb)
    exchange(a, b)
    texts_a = [c.text for c in list_captures(a, ws)]
    assert sorted(texts_a) == sorted(
        [
            "Breitband fehlt",
            "Fachkräftemangel",
            "Förderlogik zu komplex",
            "Open-Data-Portal",
            "Bürger-App",
        ]
    )
    assert texts_a == [c.text for c in list_captures(b, ws)]  # same order on both
    assert projection(a, ws) == projection(b, ws)
    exchange(a, b)  # a second delivery changes nothing
    assert len(list_captures(a, ws)) == 5


def test_concurrent_edits_resolve_by_clock_then_node(pair):
    a, b, ws, ca, cb = pair
    cid = add_capture(a, ws, "need", "Schnittstellen")
    exchange(a, b)
    tick(ca, cb)
    update_capture(a, cid, text="Schnittstellen (A)", topic="verwaltung")
    tick(cb, seconds=0.5)  # B edits later by the clock
    update_capture(b, cid, text="Schnittstellen (B)")
    exchange(a, b)
    for laptop in (a, b):
        found = get_capture(laptop, cid)
        assert found.text == "Schnittstellen (B)"  # later clock wins the field …
        assert found.topic == "verwaltung"  # … and A's other field survives
    # Same millisecond on both laptops: the node id breaks the tie, the same way on both.
    ca.ms = cb.ms = max(ca.ms, cb.ms) + 1000
    a.clock.observe(b.clock.now())  # bring both clocks to the same reading
    b.clock._wall, b.clock._counter = a.clock._wall, a.clock._counter
    update_capture(a, cid, text="Gleichzeitig A")
    update_capture(b, cid, text="Gleichzeitig B")
    exchange(a, b)
    winner = "Gleichzeitig A" if a.node_id > b.node_id else "Gleichzeitig B"
    assert get_capture(a, cid).text == get_capture(b, cid).text == winner
    assert projection(a, ws) == projection(b, ws)


def test_delete_beats_older_edits(pair):
    a, b, ws, ca, cb = pair
    cid = add_capture(a, ws, "todo", "Protokoll verschicken")
    exchange(a, b)
    tick(ca, cb)
    update_capture(a, cid, text="Protokoll bis Freitag verschicken", owner="Frau Maier")
    tick(cb)
    delete_capture(b, cid)
    exchange(a, b)
    for laptop in (a, b):
        assert [c.id for c in list_captures(laptop, ws)] == []
    # the later restore on one laptop brings it back on both, with A's edit
    tick(ca, cb, seconds=2)
    restore_capture(a, cid)
    exchange(a, b)
    assert get_capture(b, cid).text == "Protokoll bis Freitag verschicken"
    assert projection(a, ws) == projection(b, ws)


def test_delete_arriving_before_the_capture_still_wins(pair):
    a, b, ws, ca, cb = pair
    cid = add_capture(a, ws, "idea", "Gemeinsame Beschaffung")
    tick(ca)
    delete_capture(a, cid)
    from facilitator.store.oplog import insert_remote_ops, ops_after

    ops = ops_after(a, 0, 10**6)
    insert_remote_ops(b, list(reversed(ops)))  # the delete reaches B first
    assert list_captures(b, ws) == []
    assert projection(a, ws) == projection(b, ws)


def test_agenda_reorder_and_resize_per_item(pair):
    a, b, ws, ca, cb = pair
    items = list_items(a, ws)
    first, last = items[0], items[-1]
    tick(ca, cb)
    move_item(a, last.id, 0)  # A moves the last item to the top
    update_item(b, last.id, minutes=45)  # B resizes the same item: another field
    tick(cb)
    update_item(b, first.id, title="Ankommen, Kaffee, Namensschilder")
    exchange(a, b)
    for laptop in (a, b):
        now = list_items(laptop, ws)
        assert now[0].id == last.id and now[0].minutes == 45
        assert next(it for it in now if it.id == first.id).title.startswith("Ankommen, Kaffee")
    # both move the same item: the later move wins on both laptops
    middle = items[2]
    tick(ca, cb)
    move_item(a, middle.id, 0)
    tick(cb)
    move_item(b, middle.id, len(items) - 1)
    exchange(a, b)
    assert [it.id for it in list_items(a, ws)] == [it.id for it in list_items(b, ws)]
    assert list_items(a, ws)[-1].id == middle.id
    assert projection(a, ws) == projection(b, ws)


def test_timer_events_merge_to_the_same_running_block(pair):
    a, b, ws, ca, cb = pair
    start_or_pause(a, ws)  # A starts the first block
    tick(ca, cb, seconds=60)
    exchange(a, b)
    extend(b, ws, 5)  # B gives it five more minutes while A moves on a minute later
    tick(ca, cb, seconds=60)
    advance(a, ws)
    tick(ca, cb, seconds=90)
    exchange(a, b)
    state_a, state_b = timer_state(a, ws), timer_state(b, ws)
    assert state_a == state_b
    assert state_a.current_id == list_items(a, ws)[1].id and state_a.running
    item = list_items(a, ws)[1]
    now = ca.ms
    left_a = countdown(state_a, item.id, item.minutes, now).remaining_ms
    left_b = countdown(state_b, item.id, item.minutes, now).remaining_ms
    assert left_a == left_b == item.minutes * 60_000 - 90_000
    first = list_items(a, ws)[0].id
    assert state_a.runs[first].extension_min == 5


def test_votes_keyed_by_voter(pair):
    a, b, ws, ca, cb = pair
    cid = add_capture(a, ws, "measure", "Gemeinsames Rechenzentrum")
    exchange(a, b)

    def vote(laptop, voter, dots):
        oplog.record(
            laptop,
            "vote.set",
            {
                "id": f"{cid}:{voter}",
                "workshop_id": ws,
                "capture_id": cid,
                "voter": voter,
                "dots": dots,
            },
            ws,
        )

    tick(ca, cb)
    vote(a, "phone-1", 2)  # the same phone's vote reaches both laptops …
    tick(cb)
    vote(b, "phone-1", 3)  # … and is changed: one row, the later count
    vote(b, "phone-2", 1)
    exchange(a, b)
    for laptop in (a, b):
        rows = laptop.conn.execute(
            "SELECT voter, dots FROM vote WHERE capture_id = ? ORDER BY voter", [cid]
        ).fetchall()
        assert rows == [("phone-1", 3), ("phone-2", 1)]
        assert list_captures(laptop, ws)[0].votes == 4
    assert projection(a, ws) == projection(b, ws)


def test_participants_merged_by_id(pair):
    a, b, ws, ca, cb = pair
    pid = add_participant(a, ws, "Dr. Eva Schulz", organisation="Stadtwerke Esslingen")
    add_participant(b, ws, "Jonas Weber", organisation="Landratsamt Esslingen")
    exchange(a, b)
    tick(ca, cb)
    set_consent(b, pid, True)  # B ticks consent, A marks her present
    set_present(a, pid, True)
    exchange(a, b)
    for laptop in (a, b):
        assert sorted(p.name for p in list_participants(laptop, ws)) == [
            "Dr. Eva Schulz",
            "Jonas Weber",
        ]
        eva = get_participant(laptop, pid)
        assert eva.consent and eva.present
    assert projection(a, ws) == projection(b, ws)


def test_same_organisation_typed_on_both_laptops_is_one(pair):
    from facilitator.store.organisations import list_organisations

    a, b, ws, ca, cb = pair
    add_capture(a, ws, "need", "Glasfaser im Gewerbegebiet", organisation="Stadtwerke Esslingen")
    add_capture(b, ws, "offer", "Rechenzentrum teilen", organisation="stadtwerke  esslingen")
    add_participant(b, ws, "Jonas Weber", organisation="Landratsamt Esslingen")
    add_participant(a, ws, "Dr. Eva Schulz", organisation="Landratsamt Esslingen")
    exchange(a, b)
    for laptop in (a, b):
        names = sorted(o.name for o in list_organisations(laptop))
        assert len(names) == 2, names
        orgs = {c.organisation_id for c in list_captures(laptop, ws)}
        assert len(orgs) == 1
    assert projection(a, ws) == projection(b, ws)


def test_both_press_next_at_once(pair):
    a, b, ws, ca, cb = pair
    start_or_pause(a, ws)
    exchange(a, b)
    tick(ca, cb, seconds=600)
    advance(a, ws)  # both moderators press "next" within a moment, while apart
    tick(cb, seconds=0.3)
    advance(b, ws)
    tick(ca, cb, seconds=60)
    exchange(a, b)
    items = list_items(a, ws)
    state_a, state_b = timer_state(a, ws), timer_state(b, ws)
    assert state_a == state_b
    assert state_a.current_id == items[1].id and state_a.running  # not two steps ahead
    assert state_a.runs[items[1].id].started_ms == ca.ms - 60_000  # from the first press
    assert items[2].id not in state_a.runs  # the item after it was not touched
