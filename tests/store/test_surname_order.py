"""Names sort by surname, titles ignored: protocol, contacts CSV, `participants list` (25.11)."""

from click.testing import CliRunner

from facilitator.cli import main
from facilitator.core.consent_rule import document_participants
from facilitator.export.contacts import contacts_csv
from facilitator.store.participants import add_participant, list_participants

NAMES = ["Dr. Eva Ärger", "Ute Zander", "Prof. Dr. Andreas Roth", "Bob Abel", "Anna von Berg"]
BY_SURNAME = ["Bob Abel", "Dr. Eva Ärger", "Anna von Berg", "Prof. Dr. Andreas Roth", "Ute Zander"]


def _people(store, workshop_id):
    for n, name in enumerate(NAMES):
        add_participant(
            store, workshop_id, name, organisation=f"Org {n}", email=f"p{n}@example.org",
            consent=True,
        )  # fmt: skip


def test_store_protocol_and_contacts_sort_by_surname(store, workshop_id):
    _people(store, workshop_id)
    people = list_participants(store, workshop_id)
    assert [p.name for p in people] == BY_SURNAME
    assert [p.name for p in document_participants(reversed(people)).named] == BY_SURNAME
    rows = contacts_csv(reversed(people)).splitlines()[1:]
    assert [next(n for n in NAMES if n in row) for row in rows] == BY_SURNAME


def test_participants_list_command_sorts_by_surname(db_path, store, workshop_id):
    _people(store, workshop_id)
    output = CliRunner().invoke(main, ["--db", str(db_path), "participants", "list"]).output
    assert [n for n in sorted(NAMES, key=output.index)] == BY_SURNAME
