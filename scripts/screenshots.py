"""Provides docs/tui-*.svg: the app's screens drawn from the snapshot tests' setups.

    python scripts/screenshots.py [--out docs] [--size 120x36] [NAME ...]

Each scene of tests/snapshots/scenes.py (the same workshop, fake clock, ids and theme
as the snapshot tests) is played in a fresh app on a fresh database and saved as
tui-<name>.svg. Run it after a change to a screen; the pictures never go stale by hand.
"""

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from facilitator.store import open_store  # noqa: E402
from tests.conftest import FakeClock, create_test_workshop  # noqa: E402
from tests.snapshots.scenes import SCENES, Scene, seed_people, seed_running, snapshot_app  # noqa: E402


async def shoot(name: str, scene: Scene, folder: Path, size: tuple[int, int]) -> Path:
    """Play one scene on a fresh database and save its SVG; return the file."""
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock()
        store = open_store(Path(tmp) / "scene.db", now_ms=clock)
        try:
            workshop_id = seed_running(store, create_test_workshop(store), clock)
            if scene.people:
                seed_people(store, workshop_id)
            app = snapshot_app(store, workshop_id)
            async with app.run_test(size=size) as pilot:
                await scene.play(pilot)
                await pilot.pause()
                path = folder / f"tui-{name}.svg"
                app.save_screenshot(path.name, str(folder))
        finally:
            store.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(SCENES))
    parser.add_argument("--out", type=Path, default=PROJECT / "docs")
    parser.add_argument("--size", default="120x36", help="columns x rows")
    args = parser.parse_args()
    if unknown := [name for name in args.names if name not in SCENES]:
        parser.error(f"unknown scene {', '.join(unknown)}; known: {', '.join(SCENES)}")
    columns, rows = (int(n) for n in args.size.split("x"))
    # The snapshot tests draw in UTC; times on screen come out the same here.
    os.environ["TZ"] = "UTC"
    if hasattr(time, "tzset"):
        time.tzset()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.names or SCENES:
        path = asyncio.run(shoot(name, SCENES[name], args.out, (columns, rows)))
        print(f"screenshot: {path}")


if __name__ == "__main__":
    main()
