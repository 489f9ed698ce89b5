"""Provides the protocol benchmark: a large workshop exported to .docx and Markdown.

Seeds 2,000 captures, 150 participants and 20 agenda items through the services
in one transaction, then prints the median of 3 exports (target: < 2 s).
Run: python benchmarks/protocol.py [--keep DIR]
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.export.protocol import write_protocol
from facilitator.store import open_store
from tests.export.large_workshop import seed


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
