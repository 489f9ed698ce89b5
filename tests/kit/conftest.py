"""Provides a workshop for the preparation kit: the shipped agenda, roles, Wi-Fi, people."""

import pytest
from kit_fixtures import PEOPLE

from facilitator.store import Store
from facilitator.store.participants import add_participant
from facilitator.store.workshops import create_workshop, update_workshop


@pytest.fixture
def kit_workshop(store: Store) -> str:
    """A workshop from the shipped agenda with moderation roles, Wi-Fi and eight people."""
    from facilitator.library import load_agenda

    workshop_id = create_workshop(
        store,
        "Vernetzungsworkshop Esslingen",
        load_agenda("vernetzungsworkshop"),
        date="2026-12-01",
        venue="Landratsamt Esslingen, Pulverwiesen 11, Esslingen am Neckar",
    )
    update_workshop(
        store,
        workshop_id,
        moderation="Jörg Weiß",
        minute_taker="Ülkü Öztürk",
        wifi_name="LRA-Gast",
        wifi_password="Neckar-2026!",
    )
    for name, organisation in PEOPLE:
        add_participant(store, workshop_id, name, organisation=organisation)
    return workshop_id
