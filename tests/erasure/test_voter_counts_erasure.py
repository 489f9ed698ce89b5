"""The per-address voter counts (HMACs of phones' addresses) leave with a purge or an erasure."""

from facilitator.store.activities import start_activity
from facilitator.store.agenda import add_item
from facilitator.store.people import purge_before
from facilitator.store.voter_counts import address_key, count_voters, voters_counted
from facilitator.store.workshops import create_workshop, erase_workshops


def _counted(store, workshop_id: str) -> list[str]:
    """Count two voters from one address in the workshop's dot vote and its activity."""
    item = add_item(store, workshop_id, "Punkte kleben", 20)
    activity = start_activity(store, workshop_id, "wordcloud", "Ein Wort?", agenda_item_id=item)
    keys = [address_key(store, vote, "127.0.4.2") for vote in (item, f"activity:{activity}")]
    for key in keys:
        count_voters(store, key, 2)
    return keys


def _meta_keys(store) -> set[str]:
    return {row[0] for row in store.conn.execute("SELECT key FROM meta WHERE key LIKE 'voters:%'")}


def test_purge_removes_the_workshops_voter_counts_and_keeps_the_others(store, clock) -> None:
    past = create_workshop(store, "Vorbei")
    gone = _counted(store, past)
    clock.advance(minutes=60 * 24 * 400)
    kept = _counted(store, create_workshop(store, "Kommt noch", date="2028-03-01"))
    assert all(voters_counted(store, key) == 2 for key in gone + kept)
    purge_before(store, "2027-12-01")
    assert _meta_keys(store) == set(kept)
    assert [voters_counted(store, key) for key in gone] == [0, 0]


def test_erasing_a_workshop_removes_its_voter_counts(store, workshop_id) -> None:
    keys = _counted(store, workshop_id)
    assert _meta_keys(store) == set(keys)
    erase_workshops(store, [workshop_id])
    assert _meta_keys(store) == set()
