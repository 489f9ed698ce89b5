"""A malformed op from the other laptop must not block every later op (fixed in oplog)."""

import pytest

from facilitator.core.hlc import format_hlc
from facilitator.store.captures import list_captures
from facilitator.store.db import Op
from facilitator.store.op_check import BadOp
from facilitator.store.oplog import insert_remote_ops, op_from_dict


def remote(n: int, kind: str, payload: dict, workshop_id: str) -> Op:
    return Op(
        0,
        f"remote-{n}",
        format_hlc(1_796_000_100_000 + n, 0),
        "peer",
        kind,
        workshop_id,
        payload,
        "",
    )


def test_a_batch_with_an_unusable_op_is_refused_whole(store, workshop_id):
    """Once skipped value by value; now the op is refused by name and nothing applies."""
    good = remote(
        1,
        "capture.add",
        {"id": "c1", "workshop_id": workshop_id, "kind": "idea", "text": "Gute Idee"},
        workshop_id,
    )
    for bad in [
        remote(2, "timer.start", {"kind": "start", "item_id": "x"}, workshop_id),  # no at_ms
        remote(3, "timer.extend", {"kind": "extend", "at_ms": "soon"}, workshop_id),
        remote(
            4,
            "capture.add",
            {"id": "c2", "workshop_id": workshop_id, "kind": "idea", "text": "x", "topic": ["a"]},
            workshop_id,
        ),
        remote(5, "capture.add", {"id": {"nested": 1}, "text": "kein Ziel"}, workshop_id),
    ]:
        with pytest.raises(BadOp, match=bad.uuid):
            insert_remote_ops(store, [good, bad])
    assert list_captures(store, workshop_id) == []
    assert store.conn.execute("SELECT count(*) FROM op WHERE node = 'peer'").fetchone()[0] == 0


def test_op_from_dict_refuses_wrong_types():
    good = {
        "uuid": "u",
        "hlc": format_hlc(1, 0),
        "node": "n",
        "kind": "capture.add",
        "workshop_id": "w",
        "payload": {},
    }
    assert op_from_dict(good).uuid == "u"
    for key, value in [("workshop_id", ["w"]), ("uuid", ""), ("node", 5), ("uuid", None)]:
        try:
            op_from_dict({**good, key: value})
        except (ValueError, TypeError):
            continue
        raise AssertionError(f"{key}={value!r} was accepted")


def test_captures_list_oldest_first_on_both_laptops(tmp_path):
    """capture.hlc was never set, so "oldest first" was the random order of the ids."""
    from sync_helpers import exchange, new_workshop, open_laptop

    from facilitator.store.captures import add_capture
    from tests.conftest import FakeClock

    clock_a, clock_b = FakeClock(), FakeClock()
    a, b = open_laptop(tmp_path / "a.db", clock_a), open_laptop(tmp_path / "b.db", clock_b)
    workshop_id = new_workshop(a)
    exchange(a, b)
    expected = []
    for n in range(12):
        laptop, clock = (a, clock_a) if n % 3 else (b, clock_b)
        clock_a.advance(seconds=1)
        clock_b.advance(seconds=1)
        add_capture(laptop, workshop_id, "idea", f"Eintrag {n:02d}")
        expected.append(f"Eintrag {n:02d}")
    exchange(a, b)
    assert [c.text for c in list_captures(a, workshop_id)] == expected
    assert [c.text for c in list_captures(b, workshop_id)] == expected
