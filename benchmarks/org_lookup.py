"""Prints the organisation lookup's figures at 20,000 organisations (issue 12, item 7).

    python benchmarks/org_lookup.py [--orgs 20000] [--samples 300]

1. Finding one organisation by name: the former Python scan over every row (the
   baseline, as `find_organisation` did it before migration 0012) against the indexed
   name key, alternately in the same run: medians and p99.
2. A phone's submission naming a new organisation (capture + pending organisation +
   COMMIT) on that database: p50 and p99.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from facilitator.library import load_agenda  # noqa: E402
from facilitator.store import open_store  # noqa: E402
from facilitator.store.captures import add_capture  # noqa: E402
from facilitator.store.organisations import find_organisation  # noqa: E402
from facilitator.store.queries import rows  # noqa: E402
from facilitator.store.workshops import create_workshop  # noqa: E402


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def _key(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def scan_lookup(store, name: str) -> str | None:
    for row in rows(store, "SELECT * FROM organisation WHERE deleted = 0 AND name IS NOT NULL"):
        if _key(row["name"]) == _key(name):
            return row["id"]
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=20_000)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "orgs.db")
        workshop = create_workshop(store, "Benchmark", load_agenda("vernetzungsworkshop"))
        with store.transaction():
            for n in range(args.orgs):
                add_capture(
                    store, workshop, "idea", f"Idee {n}", organisation=f"Gemeinde Nummer {n}"
                )
        names = [f"gemeinde  nummer {n * 7919 % args.orgs}" for n in range(args.samples)]
        scan, index = [], []
        for name in names:  # alternate, so machine noise hits both
            start = time.perf_counter()
            found_scan = scan_lookup(store, name)
            scan.append(time.perf_counter() - start)
            start = time.perf_counter()
            found_index = find_organisation(store, name)
            index.append(time.perf_counter() - start)
            assert found_index is not None and found_index.id == found_scan
        phone = []
        for n in range(args.samples):
            start = time.perf_counter()
            add_capture(
                store,
                workshop,
                "challenge",
                f"Vom Telefon {n}",
                organisation=f"Neue Organisation {n}",
                source="participant",
            )
            phone.append(time.perf_counter() - start)
        store.close()
    ms = 1000
    print(f"organisations: {args.orgs}, samples: {args.samples}")
    print(
        f"lookup by name, scan (before):  median {statistics.median(scan) * ms:7.2f} ms"
        f"  p99 {percentile(scan, 0.99) * ms:7.2f} ms"
    )
    print(
        f"lookup by name, index (after):  median {statistics.median(index) * ms:7.3f} ms"
        f"  p99 {percentile(index, 0.99) * ms:7.3f} ms"
    )
    print(
        f"phone submission with a new organisation: p50 {percentile(phone, 0.5) * ms:.2f} ms"
        f"  p99 {percentile(phone, 0.99) * ms:.2f} ms"
    )


if __name__ == "__main__":
    main()
