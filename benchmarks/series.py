"""Provides the series benchmarks: a fact sheet over 20 workshops, matching 500 organisations.

Run: python benchmarks/series.py [--runs N] [--keep DIR]
Targets (issue 9): fact sheet for 20 workshops x 300 captures < 3 s; matching 500 orgs < 1 s.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.core.matching import OrgProfile, match
from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES, TOPICS

PLACES = [
    "Mannheim", "Heidelberg", "Weinheim", "Freiburg im Breisgau", "Lörrach", "Emmendingen",
    "Konstanz", "Singen", "Radolfzell", "Ulm", "Biberach an der Riß", "Ehingen", "Stuttgart",
    "Esslingen am Neckar", "Ludwigsburg", "Böblingen", "Heilbronn", "Schwäbisch Hall",
    "Crailsheim", "Karlsruhe", "Pforzheim", "Reutlingen", "Tübingen", "Aalen", "Ravensburg",
    "Offenburg", "Villingen-Schwenningen", "Göppingen", "Waiblingen", "Sindelfingen",
]  # fmt: skip
PHRASES = {
    "verwaltung": ["E-Akte einführen", "Online-Antrag Wohngeld", "Open-Data-Portal"],
    "infrastruktur": ["Glasfaser im Gewerbegebiet", "LoRaWAN-Sensorik", "Rechenzentrum"],
    "mobilitaet": ["On-Demand-Shuttle", "Radverkehrszählung", "Ladesäulen im Quartier"],
    "energie_umwelt": ["Kommunale Wärmeplanung", "Photovoltaik auf Dächern", "Hochwasserwarnung"],
    "gesundheit_pflege": ["Telemedizin im Pflegeheim", "Hausärztemangel", "Pflegestützpunkt"],
    "bildung": ["Tablets für Schulen", "WLAN in Schulen", "Medienentwicklungsplan"],
    "wirtschaft_arbeit": ["Fachkräftemangel IT", "Gründerzentrum", "Digitaler Marktplatz"],
    "partizipation_transparenz": ["Bürgerbeteiligung online", "Ratsinfosystem", "Mängelmelder"],
    "gesellschaft_quartier": ["Digitale Nachbarschaft", "Quartierstreff", "Seniorenhilfe digital"],
    "sicherheit_ordnung": ["Cyberangriff auf Verwaltung", "Warn-App", "Notfallplan IT"],
    "querschnitt": ["Fehlendes Personal", "Datenschutzfragen", "Interkommunale Zusammenarbeit"],
}
KINDS = ["challenge", "need", "driver", "measure", "idea", "offer", "request", "note"]


def fill(store, workshops: int = 20, captures: int = 300, seed: int = 7) -> None:
    """Fill a store with a series of workshops full of participants and captures."""
    from facilitator.store.captures import add_capture, set_flipchart_votes
    from facilitator.store.participants import add_participant
    from facilitator.store.series import ensure_series
    from facilitator.store.workshops import create_workshop

    rng = random.Random(seed)
    topics, types, statuses = list(TOPICS), list(ORG_TYPES), list(MEASURE_STATUSES)
    orgs = [
        (f"{rng.choice(['Stadt', 'Gemeinde', 'Stadtwerke', 'LRA'])} {place}", place)
        for place in PLACES
    ] + [(f"Firma {n}", rng.choice(PLACES)) for n in range(30)]
    with store.transaction():
        series_id = ensure_series(store, "Benchmarkreihe")
        for w in range(workshops):
            wid = create_workshop(
                store, f"Workshop {w + 1}", date=f"2027-{1 + w % 12:02d}-{1 + w:02d}",
                series_id=series_id, venue=rng.choice(PLACES),
            )  # fmt: skip
            for p in range(25):
                name, place = rng.choice(orgs)
                add_participant(
                    store, wid, f"Person {w}-{p}", organisation=name, municipality=place,
                    org_type=rng.choice(types), email=f"p{w}-{p}@example.org", consent=p % 3 > 0,
                )  # fmt: skip
            for _ in range(captures):
                topic = rng.choice(topics)
                kind = rng.choice(KINDS)
                cid = add_capture(
                    store, wid, kind, rng.choice(PHRASES[topic]), topic=topic,
                    organisation=rng.choice(orgs)[0],
                    status=rng.choice(statuses) if kind == "measure" else None,
                )  # fmt: skip
                if kind == "challenge" and rng.random() < 0.3:
                    set_flipchart_votes(store, cid, rng.randint(1, 9))


def profiles(count: int, seed: int = 11) -> list[OrgProfile]:
    """Return synthetic organisations with places across BW and a few topics each."""
    from facilitator.geo import locate

    rng = random.Random(seed)
    topics = list(TOPICS)
    found = []
    for n in range(count):
        place = rng.choice(PLACES)
        profile = OrgProfile(f"o{n}", f"Organisation {n}", place, location=locate(place))
        for _ in range(rng.randint(2, 12)):
            topic = rng.choice(topics[: 3 + n % 8])
            text = rng.choice(PHRASES[topic])
            profile.add_text(topic, text)
            if rng.random() < 0.2:
                (profile.offers if rng.random() < 0.5 else profile.requests).append((topic, text))
        found.append(profile)
    return found


def fill_orgs(store, count: int = 500, seed: int = 13) -> None:
    """One workshop with `count` organisations, a participant and four captures each."""
    from facilitator.store.captures import add_capture
    from facilitator.store.participants import add_participant
    from facilitator.store.series import ensure_series
    from facilitator.store.workshops import create_workshop

    rng = random.Random(seed)
    topics = list(TOPICS)
    with store.transaction():
        wid = create_workshop(store, "Großes Treffen", series_id=ensure_series(store, "Gross"))
        for n in range(count):
            name, place = f"Organisation {n}", rng.choice(PLACES)
            add_participant(store, wid, f"Person {n}", organisation=name, municipality=place)
            for _ in range(4):
                topic = rng.choice(topics[: 3 + n % 8])
                kind = rng.choice(["challenge", "need", "measure", "offer", "request"])
                add_capture(
                    store, wid, kind, rng.choice(PHRASES[topic]), topic=topic, organisation=name
                )


def timed(runs: int, action) -> float:
    """Return the median seconds of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Folder to keep the fact sheet in.")
    args = parser.parse_args()
    from facilitator.export.factsheet_docx import write_factsheet_docx
    from facilitator.export.factsheet_md import write_factsheet_md
    from facilitator.export.factsheet_model import build_factsheet
    from facilitator.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        store = open_store(Path(tmp) / "bench.db", create=True)
        start = time.perf_counter()
        fill(store)
        print(f"setup: 20 workshops x 300 captures in {time.perf_counter() - start:.1f} s")
        model = timed(args.runs, lambda: build_factsheet(store, "Benchmarkreihe"))
        sheet = build_factsheet(store, "Benchmarkreihe")
        print(f"fact sheet data (baseline): median {model * 1000:.0f} ms")
        docx = timed(
            args.runs,
            lambda: write_factsheet_docx(
                build_factsheet(store, "Benchmarkreihe"), out / "factsheet.docx"
            ),
        )
        print(f"fact sheet .docx (data + 4 charts + Word): median {docx * 1000:.0f} ms (< 3000)")
        md = timed(args.runs, lambda: write_factsheet_md(sheet, out / "factsheet.md"))
        print(f"fact sheet .md (charts PNG+SVG): median {md * 1000:.0f} ms")
        store.close()
    from facilitator.store.matching import suggest_groups

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "orgs.db", create=True)
        fill_orgs(store)
        seconds = timed(args.runs, lambda: suggest_groups(store, 50, "both", "Gross"))
        print(
            f"suggest_groups (store + geo + matching), 500 orgs, 50 groups: median "
            f"{seconds * 1000:.0f} ms (< 1000)"
        )
        store.close()
    orgs = profiles(500)
    for by in ("topic", "distance", "both"):
        seconds = timed(args.runs, lambda by=by: match(orgs, 50, by))
        print(f"matching 500 organisations into 50 groups by {by}: median {seconds * 1000:.0f} ms")
    seconds = timed(args.runs, lambda: match(orgs, 5, "both"))
    print(
        f"matching 500 organisations into 5 groups by both: median {seconds * 1000:.0f} ms (< 1000)"
    )


if __name__ == "__main__":
    main()
