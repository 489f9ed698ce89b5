"""Provides a large, realistic workshop seeded through the services.

The protocol tests (LibreOffice) and benchmarks/protocol.py use the same workshop.
"""

import random

from facilitator.core.agenda_format import parse_agenda
from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES, TOPICS
from facilitator.store import Store
from facilitator.store.agenda import list_items
from facilitator.store.captures import add_capture, set_flipchart_votes
from facilitator.store.participants import add_participant
from facilitator.store.timer import advance, start_or_pause
from facilitator.store.workshops import create_workshop, update_workshop

METHODS = ["elevator-pitch", "brainwriting-635", "world-cafe", "punktabfrage", "gallery-walk"]
PLACES = ["Esslingen", "Nürtingen", "Göppingen", "Böblingen", "Tübingen", "Reutlingen", "Ulm"]
KINDS = [
    "challenge",
    "need",
    "driver",
    "measure",
    "offer",
    "request",
    "todo",
    "decision",
    "idea",
    "question",
    "note",
    "next_step",
]
PHRASES = [
    "Medienbrüche zwischen Fachverfahren und E-Akte",
    "Fachkräftemangel in der IT der Verwaltung",
    "Gemeinsame Beschaffung von Software über den Zweckverband",
    "Förderprogramme für digitale Bürgerdienste nutzen",
    "Datenschutz-Folgenabschätzung für Cloud-Dienste",
    "Glasfaserausbau in den Teilorten beschleunigen",
    "Open-Data-Portal für Verkehrs- und Umweltdaten",
    "Schulung der Beschäftigten zu digitalen Werkzeugen",
    "Ladeinfrastruktur für E-Mobilität abstimmen",
    "Bürgerbeteiligung online und vor Ort verbinden",
]


def agenda_toml(items: int) -> str:
    lines = ['title = "Großer Workshop"', 'lang = "de"', 'start = "09:00"']
    for index in range(items):
        lines += ["[[item]]", f'title = "Block {index + 1}: Austausch über Ämter"', "minutes = 10"]
        if index % 4 == 1:
            lines.append(f'method = "{METHODS[index // 4 % len(METHODS)]}"')
    return "\n".join(lines)


def seed(store: Store, captures: int, participants: int, items: int, seed_value: int = 7) -> str:
    """Create one realistic workshop of the given size; return its id."""
    rng = random.Random(seed_value)
    with store.transaction():
        workshop_id = create_workshop(
            store,
            "Vernetzungsworkshop Digitalisierung Neckar-Alb",
            parse_agenda(agenda_toml(items), "bench.toml", None),
            date="2026-12-01",
            venue="Landratsamt Esslingen, Großer Sitzungssaal",
        )
        update_workshop(
            store,
            workshop_id,
            goals=["Herausforderungen sammeln", "Partner finden", "Maßnahmen vereinbaren"],
            moderation="Jörg Weiß, Ülkü Öztürk",
            minute_taker="Sabine Groß",
            distribution=["Alle Teilnehmenden", "Stabsstelle Digitalisierung"],
            next_steps="Protokoll versenden\nArbeitsgruppen bilden",
            next_date="2027-03-15",
        )
        orgs = []
        for index in range(40):
            kind = list(ORG_TYPES)[index % len(ORG_TYPES)]
            orgs.append((f"{ORG_TYPES[kind].de} {PLACES[index % len(PLACES)]} {index}", kind))
        for index in range(participants):
            org, kind = orgs[index % len(orgs)]
            add_participant(
                store,
                workshop_id,
                f"Person {index:03d} Müller-Lüdenscheidt",
                organisation=org,
                org_type=kind,
                email=f"person{index}@example.org",
                consent=index % 3 != 0,
                present=index % 10 != 0,  # every tenth is absent
            )
        agenda = list_items(store, workshop_id)
        topics = list(TOPICS)
        for index in range(captures):
            kind = KINDS[index % len(KINDS)]
            capture_id = add_capture(
                store,
                workshop_id,
                kind,
                f"{rng.choice(PHRASES)} ({index})",
                topic=rng.choice(topics) if kind not in ("todo", "decision") else None,
                organisation=rng.choice(orgs)[0]
                if kind in ("measure", "offer", "request")
                else None,
                agenda_item_id=agenda[index % len(agenda)].id,
                status=rng.choice(list(MEASURE_STATUSES)) if kind == "measure" else None,
                owner="Sabine Groß" if kind == "todo" else None,
                due="2027-01-31" if kind == "todo" else None,
            )
            if kind in ("challenge", "need", "driver") and index % 5 == 0:
                set_flipchart_votes(store, capture_id, rng.randint(1, 12))
        start_or_pause(store, workshop_id)
        for _ in range(items // 2):
            advance(store, workshop_id)
    return workshop_id
