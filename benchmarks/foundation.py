"""Prints the foundation's figures: capture latency and `facilitator list` start-up.

    python benchmarks/foundation.py [--captures 10000] [--samples 500] [--runs 15]

1. Latency of one capture (op + projection + COMMIT with synchronous=FULL) on a
   database that already holds 10,000 captures: p50 and p99 (goal p99 ≤ 10 ms).
2. Start-up of `facilitator list` against `python -c pass`, measured alternately in
   the same run so machine noise hits both: medians (goal ≤ 0.25 s more).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from facilitator.library import load_agenda  # noqa: E402
from facilitator.store import open_store  # noqa: E402
from facilitator.store.captures import add_capture  # noqa: E402
from facilitator.store.workshops import create_workshop  # noqa: E402


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def capture_latency(db: Path, existing: int, samples: int) -> list[float]:
    store = open_store(db)
    workshop = create_workshop(store, "Benchmark", load_agenda("vernetzungsworkshop"))
    with store.transaction():
        for n in range(existing):
            add_capture(store, workshop, "challenge", f"Bestand {n}", topic="verwaltung")
    timings = []
    for n in range(samples):
        start = time.perf_counter()
        add_capture(
            store,
            workshop,
            "need",
            f"Neuer Bedarf {n}",
            topic="mobilitaet",
            organisation="Gemeinde Aichwald",
        )
        timings.append((time.perf_counter() - start) * 1000)
    store.close()
    return timings


def startup(db: Path, runs: int) -> tuple[float, float]:
    env = dict(os.environ, FACILITATOR_DB=str(db), PYTHONPATH=str(PROJECT))
    baseline, listing = [], []
    for _ in range(runs):
        for command, bucket in (
            ([sys.executable, "-c", "pass"], baseline),
            ([sys.executable, "-m", "facilitator", "list"], listing),
        ):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            bucket.append(time.perf_counter() - start)
    return statistics.median(baseline), statistics.median(listing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--captures", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=500)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        timings = capture_latency(db, args.captures, args.samples)
        print(
            f"capture latency with {args.captures} captures in the database "
            f"({args.samples} samples, synchronous=FULL):"
        )
        print(
            f"  p50 {percentile(timings, 0.50):.2f} ms   p99 {percentile(timings, 0.99):.2f} ms"
            f"   (goal p99 <= 10 ms)"
        )
        base, listing = startup(db, args.runs)
        print(f"start-up, median of {args.runs} alternating runs:")
        print(f"  python -c pass      {base * 1000:.0f} ms")
        print(
            f"  facilitator list    {listing * 1000:.0f} ms   (+{(listing - base) * 1000:.0f} ms;"
            " goal <= +250 ms)"
        )


if __name__ == "__main__":
    main()
