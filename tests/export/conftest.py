"""Provides a realistic, slightly hostile workshop for the protocol tests."""

import pytest
from protocol_fixtures import LONG_TEXT, SECRET_EMAIL, SHARED_EMAIL

from facilitator.store import Store
from facilitator.store.agenda import list_items
from facilitator.store.captures import add_capture, set_flipchart_votes, update_capture
from facilitator.store.participants import add_participant, list_participants, set_present
from facilitator.store.timer import advance, skip, start_or_pause
from facilitator.store.workshops import update_workshop


@pytest.fixture
def rich_workshop(store: Store, workshop_id: str, clock) -> str:
    """The test workshop with participants, captures, timer runs and hostile texts."""
    update_workshop(
        store,
        workshop_id,
        goals=["Herausforderungen der Digitalisierung sammeln", "Partner für Projekte finden"],
        moderation="Jörg Weiß, Ülkü Öztürk",
        minute_taker="Grüße Straße",
        distribution=["Alle Teilnehmenden", "Landratsamt Esslingen, Stabsstelle Digitales"],
        next_steps="Protokoll versenden\nFolgetermin abstimmen",
        next_date="2027-03-15",
    )
    add_participant(
        store,
        workshop_id,
        "Anna Schäfer",
        organisation="Stadt Esslingen",
        org_type="kommune",
        email=SHARED_EMAIL,
        consent=True,
    )
    add_participant(
        store,
        workshop_id,
        "Bernd Geheim",
        organisation="Stadtwerke Nürtingen",
        org_type="stadtwerk",
        email=SECRET_EMAIL,
        consent=False,
    )
    add_participant(
        store,
        workshop_id,
        "Carla Müßig 🚀",
        organisation="Hochschule Esslingen",
        org_type="wissenschaft",
        email="carla@hs-esslingen.de",
        consent=True,
    )
    add_participant(
        store,
        workshop_id,
        "Dora Abwesend",
        organisation="Gemeinde Aichwald",
        org_type="kommune",
        email="dora@aichwald.de",
        consent=True,
    )
    for person in list_participants(store, workshop_id):
        if person.name != "Dora Abwesend":
            set_present(store, person.id, True)
    items = list_items(store, workshop_id)
    start_or_pause(store, workshop_id)  # starts the first item
    clock.advance(minutes=17)
    advance(store, workshop_id)
    clock.advance(minutes=14)
    collect = advance(store, workshop_id)
    assert collect is not None and collect.id == items[2].id

    def cap(kind: str, text: str, **kw: object) -> str:
        return add_capture(store, workshop_id, kind, text, agenda_item_id=collect.id, **kw)

    first = cap(
        "challenge", "Fehlende Schnittstellen 😩 zwischen Fachverfahren", topic="verwaltung"
    )
    set_flipchart_votes(store, first, 7)
    set_flipchart_votes(
        store, cap("challenge", "Fachkräftemangel in der IT", topic="verwaltung"), 9
    )
    cap("challenge", LONG_TEXT, topic="infrastruktur", organisation="Stadt Esslingen")
    cap("challenge", "Steuer\x00zeichen\x0bim\x1fText", topic="infrastruktur")
    hidden = cap("challenge", "Versteckter Beitrag", topic="verwaltung")
    update_capture(store, hidden, hidden=1)
    cap("need", "Gemeinsame Plattform für Bürgerdienste", topic="verwaltung")
    cap("driver", "OZG 2.0 und Fördermittel", topic="querschnitt")
    cap(
        "measure",
        "Open-Data-Portal aufbauen",
        topic="partizipation_transparenz",
        organisation="Stadt Esslingen",
        status="in_umsetzung",
    )
    cap(
        "measure",
        "Ladesäulenkataster",
        topic="mobilitaet",
        organisation="Stadtwerke Nürtingen",
        status="geplant",
    )
    cap("offer", "Erfahrung mit E-Akte", topic="verwaltung", organisation="Stadt Esslingen")
    cap("request", "Austausch zur E-Akte", topic="verwaltung", organisation="Stadtwerke Nürtingen")
    cap("todo", "Protokoll an alle versenden", owner="Jörg Weiß", due="2026-12-08")
    cap("todo", "Raum für den Folgeworkshop reservieren", owner="Kim", due="2027-01-31")
    cap("idea", "Gemeinsamer Chatbot für Bürgeranfragen", topic="verwaltung")
    cap("note", "Beamer fiel kurz aus; Feedbackrunde sehr positiv")
    cap("next_step", "Ergebnisse im Kreistag vorstellen")
    cap("decision", "Zweiter Workshop im Frühjahr")
    cap("question", "Wer koordiniert die Plattform?")
    clock.advance(minutes=50)
    advance(store, workshop_id)  # lunch
    skip(store, workshop_id, items[4].id)  # the last block is dropped before it starts
    clock.advance(minutes=30)
    assert advance(store, workshop_id) is None
    return workshop_id
