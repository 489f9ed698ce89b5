"""Organisations typed on phones wait for a moderator (issue 12, item 7).

A phone's new organisation name does not join the shared list until a moderator accepts
it (`orgs accept`, or typing the same name); the lookup goes by an indexed name key.
"""

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.core.errors import ValidationError
from facilitator.store import open_store, organisations
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.organisations import (
    accept_organisation,
    ensure_organisation,
    list_organisations,
    list_pending,
)
from facilitator.store.registrations import register_participant
from tests.conftest import FakeClock
from tests.sync.sync_helpers import exchange


def _names(found) -> list[str]:
    return [o.name for o in found]


def test_a_phones_new_organisation_waits_for_a_moderator(store, workshop_id):
    add_capture(
        store, workshop_id, "idea", "Idee", organisation="Stadt Nirgendwo", source="participant"
    )
    register_participant(store, workshop_id, "p1", "Eve", organisation="  stadt   NIRGENDWO ")
    assert _names(list_organisations(store)) == []
    assert _names(list_pending(store)) == ["Stadt Nirgendwo"]  # one, found by its key
    # the capture still shows what the phone typed
    assert [c.organisation for c in list_captures(store, workshop_id)] == ["Stadt Nirgendwo"]
    # a moderator typing the same name accepts it
    add_capture(store, workshop_id, "need", "Bedarf", organisation="Stadt Nirgendwo")
    assert _names(list_organisations(store)) == ["Stadt Nirgendwo"]
    assert list_pending(store) == []


def test_a_phone_naming_a_shared_organisation_joins_it(store, workshop_id):
    known = ensure_organisation(store, "Landratsamt Esslingen", "landkreis")
    register_participant(store, workshop_id, "p2", "Ana", organisation="landratsamt esslingen")
    assert list_pending(store) == []
    assert [o.id for o in list_organisations(store)] == [known]


def test_acceptance_travels_to_the_other_laptop(tmp_path, workshop_id, store):
    other = open_store(tmp_path / "b.db", now_ms=FakeClock(1_796_000_000_400))
    org_id = ensure_organisation(store, "Verein Hostil", pending=True)
    exchange(store, other)
    assert _names(list_pending(other)) == ["Verein Hostil"]
    accept_organisation(other, org_id)
    exchange(store, other)
    assert _names(list_organisations(store)) == ["Verein Hostil"]
    other.close()


def test_new_names_from_phones_are_capped(store, workshop_id, monkeypatch):
    monkeypatch.setattr(organisations, "MAX_PENDING", 2)
    for n in range(2):
        ensure_organisation(store, f"Flut {n}", pending=True)
    with pytest.raises(ValidationError, match="Zu viele neue Organisationen"):
        add_capture(store, workshop_id, "idea", "x", organisation="Flut 3", source="participant")
    assert ensure_organisation(store, "Flut 0", pending=True)  # a known one still works
    assert ensure_organisation(store, "Moderiert")  # and moderators are not capped


def test_lookup_uses_the_index(store):
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM organisation WHERE name_key = ? AND deleted = 0",
        ["x"],
    ).fetchall()
    assert "organisation_name_key" in str(plan)


def test_migration_fills_the_key_of_existing_organisations(tmp_path):
    path = tmp_path / "old.db"
    old = open_store(path)
    ensure_organisation(old, "Alte  Gemeinde")
    # back to schema 2: no key column, no index, migration 0012 not applied
    old.conn.execute("DROP INDEX organisation_name_key")
    old.conn.execute("ALTER TABLE organisation DROP COLUMN name_key")
    old.conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0003_org_key'")
    old.conn.execute("PRAGMA user_version = 2")
    old.close()
    store = open_store(path)
    assert store.conn.execute("SELECT name_key FROM organisation").fetchall() == [
        ("alte gemeinde",)
    ]
    assert ensure_organisation(store, "alte gemeinde") == list_organisations(store)[0].id
    store.close()


def test_orgs_pending_and_accept_on_the_command_line(db_path, store, workshop_id):
    register_participant(store, workshop_id, "p3", "Eve", organisation="Stadtwerke Hostil")
    runner = CliRunner()
    listed = runner.invoke(main, ["--db", str(db_path), "orgs", "pending"])
    assert listed.exit_code == 0 and "Stadtwerke Hostil" in listed.output
    assert (
        "Stadtwerke Hostil"
        not in runner.invoke(main, ["--db", str(db_path), "orgs", "list"]).output
    )
    done = runner.invoke(main, ["--db", str(db_path), "orgs", "accept", "stadtwerke hostil"])
    assert done.exit_code == 0, done.output
    assert "Angenommen: „Stadtwerke Hostil“." in done.output
    assert "Stadtwerke Hostil" in runner.invoke(main, ["--db", str(db_path), "orgs", "list"]).output
    missing = runner.invoke(main, ["--db", str(db_path), "orgs", "accept", "Gibtsnicht"])
    assert missing.exit_code == 2 and "Gibtsnicht" in missing.output


def test_lookup_by_name_finds_pending_and_shared_apart(store, workshop_id):
    from facilitator.core.errors import NotFound
    from facilitator.store.org_lookup import lookup_organisation

    shared = ensure_organisation(store, "Gemeinde Aichwald")
    waiting = ensure_organisation(store, "Gemeinde Aichtal", pending=True)
    assert lookup_organisation(store, "gemeinde  AICHWALD").id == shared
    assert lookup_organisation(store, "Gemeinde Aichtal", pending=True).id == waiting
    assert lookup_organisation(store, shared).id == shared
    with pytest.raises(NotFound):
        lookup_organisation(store, "Gemeinde Aichtal")  # not in the shared list yet
