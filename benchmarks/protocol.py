"""Provides the protocol benchmark: a large workshop exported to .docx and Markdown.

Seeds 2,000 captures, 150 participants and 20 agenda items through the services
in one transaction, then prints the median of 3 exports (target: < 2 s).
Run: python benchmarks/protocol.py [--keep DIR]
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.core.agenda_format import parse_agenda
from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES, TOPICS
from facilitator.export.protocol import write_protocol
from facilitator.store import Store, open_store
from facilitator.store.agenda import list_items
from facilitator.store.captures import add_capture, set_flipchart_votes
from facilitator.store.participants import add_participant
from facilitator.store.timer import advance, start_or_pause
from facilitator.store.workshops import create_workshop, update_workshop

METHODS = ["elevator-pitch", "brainwriting-635", "world-cafe", "punktabfrage", "gallery-walk"]
PLACES = ["Esslingen", "Nürtingen", "Göppingen", "Böblingen", "Tübingen", "Reutlingen", "Ulm"]
KINDS = ["challenge", "need", "driver", "measure", "offer", "request", "todo", "decision"]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="keep the exported files in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        store = open_store(Path(tmp) / "bench.db")
        started = time.perf_counter()
        workshop_id = seed(store, 2000, 150, 20)
        print(
            f"seed: 2000 captures, 150 participants, 20 items in "
            f"{time.perf_counter() - started:.2f} s"
        )
        from facilitator.export.protocol import protocol_model

        timings = []
        for _ in range(3):
            started = time.perf_counter()
            protocol_model(store, workshop_id)
            timings.append(time.perf_counter() - started)
        print(f"baseline, reading the model only: median {statistics.median(timings):.2f} s of 3")
        for fmt in ("docx", "md"):
            timings = []
            for _ in range(3):
                started = time.perf_counter()
                write_protocol(store, workshop_id, folder / f"gross.{fmt}", fmt=fmt)
                timings.append(time.perf_counter() - started)
            size = (folder / f"gross.{fmt}").stat().st_size
            print(
                f"export protocol {fmt}: median {statistics.median(timings):.2f} s "
                f"of 3 (min {min(timings):.2f}, max {max(timings):.2f}); {size / 1024:.0f} KiB; "
                f"target < 2 s: {'ok' if statistics.median(timings) < 2 else 'MISSED'}"
            )
        store.close()


if __name__ == "__main__":
    main()
