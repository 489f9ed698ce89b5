"""The room's switches (shared address, join corner hidden) travel to the other laptop."""

import pytest
from sync_helpers import new_workshop, open_laptop

from facilitator.store.oplog import ops_after
from facilitator.store.room import phones_share_address, set_phones_share_address
from facilitator.store.sync_state import apply_pulled
from facilitator.store.workshops import update_workshop, workshop_row
from tests.conftest import FakeClock


@pytest.mark.parametrize("switch", ["phones_share_address", "beamer_join_hidden"])
def test_a_switch_turned_on_before_pairing_reaches_laptop_b(tmp_path, switch):
    a = open_laptop(tmp_path / "a.db", FakeClock())
    b = open_laptop(tmp_path / "b.db", FakeClock())
    workshop_id = new_workshop(a)
    if switch == "phones_share_address":
        set_phones_share_address(a, workshop_id, True)
    else:
        update_workshop(a, workshop_id, beamer_join_hidden=1)
    ops = ops_after(a, 0, 10_000)
    assert ops[-1].payload["_before"] == {switch: 0}
    assert apply_pulled(b, a.node_id, ops, ops[-1].seq, None) == len(ops)
    assert workshop_row(b, workshop_id)[switch] == 1
    if switch == "phones_share_address":
        assert phones_share_address(b, workshop_id)
