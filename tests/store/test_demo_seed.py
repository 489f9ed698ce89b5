"""Tests of the sample workshop behind `facilitator demo`."""

from facilitator.demo import seed_demo
from facilitator.store import Store
from facilitator.store.agenda import list_items
from facilitator.store.captures import list_captures
from facilitator.store.participants import list_participants
from facilitator.store.timer import timer_state
from facilitator.store.workshops import get_workshop


def test_demo_is_a_realistic_workshop_ready_to_start(store: Store) -> None:
    workshop_id = seed_demo(store)
    workshop = get_workshop(store, workshop_id)
    assert "Esslingen" in workshop.title and workshop.join_code
    items = list_items(store, workshop_id)
    assert any(it.method == "elevator-pitch" for it in items)  # the shipped template
    assert len(items) >= 5
    people = list_participants(store, workshop_id)
    assert 8 <= len(people) <= 12
    assert 0 < sum(p.consent for p in people) < len(people)
    assert {"landkreis", "kommune", "stadtwerk", "wissenschaft"} <= {p.org_type for p in people}
    captures = list_captures(store, workshop_id)
    assert len({c.kind for c in captures}) >= 5
    assert len({c.topic for c in captures if c.topic}) >= 4
    assert any(c.source == "participant" for c in captures)
    assert any(c.votes for c in captures)
    assert timer_state(store, workshop_id).current_id is None  # the moderator starts it


def test_demo_ignores_a_broken_card_of_the_user(store: Store, tmp_path, monkeypatch) -> None:
    (tmp_path / "kaputt.md").write_text("+++\nid = \n+++\n", encoding="utf-8")
    monkeypatch.setenv("FACILITATOR_METHODS", str(tmp_path))
    workshop_id = seed_demo(store)
    assert any(it.method == "elevator-pitch" for it in list_items(store, workshop_id))


def test_demo_twice_gives_two_workshops(store: Store) -> None:
    assert seed_demo(store) != seed_demo(store)
