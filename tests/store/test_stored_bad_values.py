"""Pages and exports never fail on stored data (issue 12, item 6).

An older version let bad values into the projections (by sync or `import json`); they
are written here straight into the tables with SQL. The join page, /api/state, the
register page, the protocol, the fact sheet, the invitation and the contact list must
still come out, with the bad values read as their defaults.
"""

from pathlib import Path

import pytest

from facilitator.export.contacts import contacts_csv
from facilitator.export.followup import write_factsheet
from facilitator.export.protocol import write_protocol
from facilitator.store.agenda import list_items, update_item, workshop_schedule
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.participants import add_participant, list_participants
from facilitator.store.timer import advance, start_or_pause
from facilitator.store.votes import cast_votes
from facilitator.store.workshops import get_workshop
from facilitator.web.app import create_app
from facilitator.web.security import RateLimits

POISON = [
    "UPDATE agenda_item SET minutes = 'abc' WHERE position = (SELECT min(position) "
    "FROM agenda_item)",
    "UPDATE agenda_item SET at = '99:99', kind = 'pinned' WHERE id = (SELECT id FROM "
    "agenda_item ORDER BY position LIMIT 1 OFFSET 1)",
    "UPDATE agenda_item SET dot_budget = 'many', capture = 'nope{' WHERE id = :item",
    "UPDATE agenda_item SET position = 'p' WHERE id = (SELECT id FROM agenda_item "
    "ORDER BY position LIMIT 1 OFFSET 3)",
    "UPDATE workshop SET start = 'xx', end = 'yy', date = 'nope', lang = 'xx', goals = '{bad', "
    "distribution = '3', next_date = 'x', next_start = 'q'",
    "UPDATE organisation SET name = NULL WHERE name = 'Org A'",
    "UPDATE organisation SET merged_into = id",
    "UPDATE organisation SET name = 'Ev' || char(27) || '[2Jil' || char(1) WHERE name = 'Org B'",
    "UPDATE capture SET kind = 'rant', topic = 'x', status = 'y', due = 'z', votes = 'abc' "
    "WHERE text = 'Zwei'",
    "UPDATE capture SET text = 'Eins' || char(0) || char(27) || zeroblob(0) || "
    "substr(hex(zeroblob(150000)), 1, 300000), hlc = NULL WHERE text = 'Eins'",
    "UPDATE vote SET dots = 'many'",
    "UPDATE participant SET consent = 'yes', present = 'x', consent_at = 'garbage' "
    "WHERE name = 'Anna'",
    "UPDATE participant SET name = 'Bo' || char(27) || 'b', email = '=cmd' || char(7) "
    "|| '@x.de' WHERE name = 'Bob'",
    "UPDATE timer_event SET minutes = 'm' WHERE kind = 'start'",
]


@pytest.fixture
def poisoned(store, workshop_id) -> str:
    start_or_pause(store, workshop_id)
    advance(store, workshop_id)
    advance(store, workshop_id)
    item = list_items(store, workshop_id)[2]
    update_item(store, item.id, collection_open=1, voting_open=1)
    first = add_capture(store, workshop_id, "challenge", "Eins", agenda_item_id=item.id)
    add_capture(store, workshop_id, "measure", "Zwei", agenda_item_id=item.id, organisation="Org A")
    add_participant(store, workshop_id, "Anna", organisation="Org A", consent=True)
    add_participant(store, workshop_id, "Bob", organisation="Org B", email="b@x.de", consent=True)
    cast_votes(store, workshop_id, item.id, "phone-0001", {first: 1})
    for statement in POISON:
        store.conn.execute(statement, {"item": item.id} if ":item" in statement else {})
    return item.id


async def test_pages_answer_on_bad_stored_values(aiohttp_client, store, workshop_id, poisoned):
    code = store.conn.execute("SELECT join_code FROM workshop").fetchone()[0]
    app = create_app(
        store,
        workshop_id=workshop_id,
        moderator_secret="m" * 32,
        rate_limits=RateLimits(enabled=False),
    )
    client = await aiohttp_client(app)
    for path in (f"/j/{code}", f"/api/state?code={code}", f"/j/{code}/register"):
        response = await client.get(path)
        assert response.status == 200, (path, (await response.text())[:300])
    state = await (await client.get(f"/api/state?code={code}")).json()
    assert "\x1b" not in str(state) and "\x00" not in str(state)


def test_exports_come_out_on_bad_stored_values(store, workshop_id, poisoned, tmp_path: Path):
    for fmt in ("docx", "md"):
        assert write_protocol(store, workshop_id, tmp_path / f"p.{fmt}", fmt=fmt).exists()
    write_factsheet(store, workshop_id, tmp_path / "f.docx", "de")
    assert (tmp_path / "f.docx").stat().st_size > 0
    text = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x00" not in text


def test_bad_stored_values_read_as_their_defaults(store, workshop_id, poisoned):
    items, plan = workshop_schedule(store, workshop_id)
    assert items[0].minutes == 1 and items[1].at is None
    assert [it.dot_budget for it in items if it.id == poisoned] == [3]
    assert plan  # the schedule of an agenda with a broken start time is computed
    captures = {c.text[:4]: c for c in list_captures(store, workshop_id)}
    assert captures["Zwei"].kind == "note" and captures["Zwei"].status is None
    assert captures["Eins"].text.startswith("Eins") and "\x00" not in captures["Eins"].text
    people = {p.email: p for p in list_participants(store, workshop_id)}
    assert people[""].consent == 0  # 'yes' is no consent
    assert get_workshop(store, workshop_id).start == "09:00"


def test_contact_list_never_holds_control_characters(store, workshop_id, poisoned):
    csv = contacts_csv(list_participants(store, workshop_id))
    assert "Bob" in csv and "Ev[2Jil" in csv
    assert not any(ch in csv for ch in "\x00\x01\x07\x1b")
    assert "'=cmd@x.de" in csv  # still kept from being read as a formula
