"""Provides the preparation-kit benchmark: 150 participants → sign-in list and badges.

Seeds a workshop from the shipped agenda with 150 participants (titles, umlauts,
long names) through the services, then prints the median of 5 runs of each
export against a baseline measured in the same run: an empty document saved
with python-docx (target: sign-in list and badges each < 2 s).
Run: python benchmarks/kit.py [--people N] [--keep DIR]
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.export.kit import write_badges, write_signin
from facilitator.library import load_agenda
from facilitator.store import Store, open_store
from facilitator.store.participants import add_participant
from facilitator.store.workshops import create_workshop

FIRST = ["Anna", "Jörg", "Ülkü", "Maximiliane-Friederike", "Jonas", "Katrin", "Murat", "Lena"]
LAST = ["Maier", "Weiß", "Öztürk", "von Berg", "Hohenzollern-Sigmaringen", "Schäfer", "Roth"]
TITLES = ["", "", "", "Dr. ", "Prof. Dr. ", "Dipl.-Ing. "]
ORGS = [
    "Stadt Esslingen am Neckar",
    "Landratsamt Esslingen",
    "Zweckverband Breitbandversorgung im Landkreis Esslingen",
    "Stadtwerke Nürtingen",
    "Hochschule Esslingen",
    "Gemeindetag Baden-Württemberg",
]
RUNS = 5


def seed(store: Store, people: int) -> str:
    """A workshop from the shipped agenda with `people` participants; return its id."""
    rng = random.Random(19)
    with store.transaction():
        workshop_id = create_workshop(
            store,
            "Vernetzungsworkshop Digitalisierung Neckar-Alb",
            load_agenda("vernetzungsworkshop"),
            date="2026-12-01",
            venue="Landratsamt Esslingen",
        )
        for number in range(people):
            name = f"{rng.choice(TITLES)}{rng.choice(FIRST)} {rng.choice(LAST)} {number}"
            add_participant(store, workshop_id, name, organisation=rng.choice(ORGS))
    return workshop_id


def median_seconds(action: Callable[[int], None]) -> float:
    times = []
    for run in range(RUNS):
        start = time.perf_counter()
        action(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=150)
    parser.add_argument("--keep", type=Path, help="Keep the documents in this folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        store = open_store(Path(tmp) / "bench.db", create=True)
        workshop_id = seed(store, args.people)

        def baseline(run: int) -> None:
            from docx import Document

            Document().save(str(out / f"empty-{run}.docx"))

        figures = {
            "baseline (empty .docx saved)": median_seconds(baseline),
            f"sign-in list, {args.people} people": median_seconds(
                lambda run: write_signin(store, workshop_id, out / f"signin-{run}.docx")
            ),
            f"badges 2x4, {args.people} people": median_seconds(
                lambda run: write_badges(store, workshop_id, out / f"badges-{run}.docx")
            ),
            f"badges 2x5, {args.people} people + 10 blank": median_seconds(
                lambda run: write_badges(
                    store, workshop_id, out / f"badges5-{run}.docx", layout="2x5", blank=10
                )
            ),
        }
        store.close()
    print(f"median of {RUNS} runs (target: sign-in list and badges each < 2 s)")
    for label, seconds in figures.items():
        print(f"  {label:<42} {seconds:7.3f} s")


if __name__ == "__main__":
    main()
