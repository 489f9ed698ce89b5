"""Claims on the other laptop and under erasure (issue 23.1): decided, their copy goes."""

from pathlib import Path

from facilitator.store import open_store
from facilitator.store.claims import decide_claim, list_claims, open_claim
from facilitator.store.oplog import insert_remote_ops, ops_after
from facilitator.store.participants import add_participant
from facilitator.store.people import erase_people, find_people
from facilitator.store.queries import rows

EMAIL = "ola@ulm.example"


def _claim(store, workshop_id: str, person: str) -> str:
    return open_claim(
        store, workshop_id, person, "phone-x", name="Ola Opfer", email=EMAIL, consent=True
    )


def test_a_decision_clears_the_claim_on_both_laptops(store, workshop_id, tmp_path: Path, clock):
    ola = add_participant(store, workshop_id, "Ola Opfer", organisation="Stadt Ulm")
    claim_id = _claim(store, workshop_id, ola)
    other = open_store(tmp_path / "b.db", now_ms=clock)
    insert_remote_ops(other, ops_after(store, 0))
    assert [c.email for c in list_claims(other, workshop_id)] == [EMAIL]  # B reviews it too
    decide_claim(store, claim_id, "rejected")
    insert_remote_ops(other, ops_after(store, 0))
    for laptop in (store, other):
        assert list_claims(laptop, workshop_id) == []
        assert rows(laptop, "SELECT email, status FROM claim") == [
            {"email": None, "status": "rejected"}
        ]
        ops = rows(laptop, "SELECT payload FROM op WHERE kind LIKE 'claim.%'")
        assert len(ops) == 2 and not any(EMAIL in op["payload"] for op in ops)
    # an old copy of the claim (a backup, a late peer) does not bring it back
    third = open_store(tmp_path / "c.db", now_ms=clock)
    insert_remote_ops(third, list(reversed(ops_after(store, 0))))
    assert rows(third, "SELECT email FROM claim") == [{"email": None}]
    other.close()
    third.close()


def test_erasing_the_person_erases_open_claims_on_them(store, workshop_id, db_path: Path):
    ola = add_participant(store, workshop_id, "Ola Opfer", organisation="Stadt Ulm")
    _claim(store, workshop_id, ola)
    erase_people(store, find_people(store, "Ola Opfer"))
    assert list_claims(store, workshop_id) == []
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for file in db_path.parent.glob(db_path.name + "*"):
        assert EMAIL.encode() not in file.read_bytes(), file
