"""Provides the protocol benchmark: a large workshop exported to .docx and Markdown.

Seeds 2,000 captures (every kind), 150 participants (some absent) and 20 agenda
items through the services in one transaction, then prints the median of 3 exports
without photos (target: < 2 s); then adds 40 camera-sized photos and prints the
median of 3 .docx exports with them (target: < 3 s) and the file's size (< 25 MB).
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

from facilitator.export.protocol import write_protocol
from facilitator.store import Store, open_store
from facilitator.store.agenda import list_items
from tests.export.large_workshop import seed  # the same workshop as the protocol tests


def camera_photo(index: int) -> bytes:
    """A 12-megapixel JPEG as a phone writes it: a pinboard with sensor noise."""
    import io

    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    board = Image.new("RGB", (4032, 3024), (232, 228, 218))
    draw = ImageDraw.Draw(board)
    rng = random.Random(index)
    for card in range(12):
        x, y = 200 + (card % 4) * 950, 300 + (card // 4) * 900
        colour = rng.choice([(255, 236, 140), (170, 220, 170), (250, 180, 160), (160, 200, 240)])
        draw.rectangle((x, y, x + 800, y + 600), fill=colour, outline=(80, 80, 80), width=6)
        for line in range(5):
            draw.line((x + 60, y + 100 + line * 100, x + 700, y + 110 + line * 95), (20,) * 3, 12)
    noise = Image.effect_noise((4032, 3024), 36 + index % 5).convert("RGB")
    photo = ImageChops.add(board, noise, 1.0, -128).filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=90)
    return out.getvalue()


def add_photos(store: Store, workshop_id: str, count: int) -> float:
    """Add `count` photos through the service; return the seconds it took."""
    from facilitator.store.photos import add_photo

    agenda = list_items(store, workshop_id)
    photos = [camera_photo(index) for index in range(count)]  # not timed: the "camera"
    started = time.perf_counter()
    for index, data in enumerate(photos):
        add_photo(
            store,
            workshop_id,
            data,
            caption=f"Pinnwand {index + 1}",
            agenda_item_id=agenda[index % len(agenda)].id,
        )
    return time.perf_counter() - started


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
        seconds = add_photos(store, workshop_id, 40)
        print(
            f"photos: 40 camera JPEGs (12 MP) made upright, scaled, stripped and stored in "
            f"{seconds:.1f} s ({seconds / 40:.2f} s each)"
        )
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            write_protocol(store, workshop_id, folder / "gross-fotos.docx")
            timings.append(time.perf_counter() - started)
        size = (folder / "gross-fotos.docx").stat().st_size / 1024 / 1024
        median = statistics.median(timings)
        print(
            f"export protocol docx with 40 photos: median {median:.2f} s of 3 "
            f"(min {min(timings):.2f}, max {max(timings):.2f}); target < 3 s: "
            f"{'ok' if median < 3 else 'MISSED'}; {size:.1f} MB, target < 25 MB: "
            f"{'ok' if size < 25 else 'MISSED'}"
        )
        store.close()


if __name__ == "__main__":
    main()
