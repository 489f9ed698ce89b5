"""Provides the app's load benchmark: screen switches and capture-line keys on a full database.

    python benchmarks/tui_load.py [--captures 5000] [--participants 300] [--rounds 5]

With 5,000 captures and 300 participants in the workshop, prints per screen (F2–F9)
the median and worst time from the key to the screen being ready, and the median and
worst wait per key typed into the capture line (a line with #topic, and one without,
whose preview suggests a topic field on every key). Baseline, measured in the same run:
the same on the small test workshop. Targets (issue 15): switch < 300 ms, key < 50 ms.
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from facilitator.core.agenda_format import parse_agenda  # noqa: E402
from facilitator.core.taxonomy import CAPTURE_KINDS, TOPICS  # noqa: E402
from facilitator.store import open_store  # noqa: E402
from facilitator.store.agenda import list_items  # noqa: E402
from facilitator.store.captures import add_capture  # noqa: E402
from facilitator.store.participants import add_participant  # noqa: E402
from facilitator.store.timer import start_or_pause  # noqa: E402
from facilitator.store.workshops import create_workshop  # noqa: E402
from facilitator.tui.app import create_app  # noqa: E402

AGENDA = PROJECT / "tests" / "data" / "agenda.toml"
SCREEN_KEYS = ("f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9")
LINE = "h: Fehlende Schnittstellen zum Landratsamt #verw @Stadt_Essl !Luk"
UNTAGGED = "m: Parkplätze mit LoRaWAN-Sensoren erfassen @Stadt_Essl !Luk"  # issue 17
GIVEN = ["Anna", "Ben", "Cem", "Dana", "Emil", "Özlem", "Lukas", "Jörg", "Ines", "Mia"]
FAMILY = ["Weber", "Roth", "Dürr", "Öztürk", "Maier", "Schäfer", "Zimmer", "Arslan", "Huber"]


def seed(path: Path, captures: int, participants: int) -> tuple:
    """A workshop with `captures` captures and `participants` people (one transaction each)."""
    store = open_store(path, create=True)
    template = parse_agenda(AGENDA.read_text(encoding="utf-8"), str(AGENDA), None)
    workshop_id = create_workshop(store, "Lasttest", template, date="2026-12-01")
    block = list_items(store, workshop_id)[2].id
    kinds, topics = list(CAPTURE_KINDS), list(TOPICS)
    with store.transaction():
        for number in range(participants):
            name = f"{GIVEN[number % len(GIVEN)]} {FAMILY[number % len(FAMILY)]} {number}"
            add_participant(
                store, workshop_id, name, organisation=f"Gemeinde Nummer {number % 120}"
            )
        for number in range(captures):
            add_capture(
                store,
                workshop_id,
                kinds[number % len(kinds)],
                f"Eintrag {number}: Schnittstellen, Daten und Zuständigkeiten klären",
                topic=topics[number % len(topics)],
                organisation=f"Gemeinde Nummer {number % 120}",
                agenda_item_id=block if number % 3 == 0 else None,
                owner="Lukas Dürr" if kinds[number % len(kinds)] == "todo" else None,
            )
    start_or_pause(store, workshop_id)
    return store, workshop_id


class LoopProbe:
    """Records the longest time the event loop did not run a 1 ms ticker: the wait a key
    (or anything else) would see while the app is busy."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task | None = None

    async def _tick(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            self.worst = max(self.worst, (now - last) * 1000)
            last = now

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._tick())

    def take(self) -> float:
        worst, self.worst = self.worst, 0.0
        return worst

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


async def switch_ms(app, name: str) -> float:
    """From the switch to the first paint of the screen (no test-harness waiting)."""
    painted = asyncio.get_running_loop().create_future()
    started = time.perf_counter()
    await app.switch_mode(name)
    app.screen.call_after_refresh(lambda: painted.done() or painted.set_result(None))
    await painted
    return (time.perf_counter() - started) * 1000


async def measure(store, workshop_id: str, rounds: int) -> tuple[dict, dict[str, list[float]]]:
    """Milliseconds per screen switch (by key) and the loop's worst stall per typed key."""
    from facilitator.tui.app import SCREEN_KEYS as NAMES

    app = create_app(store, workshop_id, server=False, join_host="127.0.0.1", join_code="X")
    by_key = {key: name for name, key in NAMES.items()}
    switches: dict[str, list[float]] = {key: [] for key in SCREEN_KEYS}
    keys: dict[str, list[float]] = {LINE: [], UNTAGGED: []}
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(rounds):
            for key in SCREEN_KEYS:
                switches[key].append(await switch_ms(app, by_key[key]))
                await pilot.pause()
        await pilot.press("f5", "c")
        await pilot.pause()
        probe = LoopProbe()
        probe.start()
        for _ in range(rounds):
            for line, times in keys.items():
                for char in line:
                    probe.take()
                    await pilot.press("space" if char == " " else char)
                    times.append(probe.take())
                app.screen.query_one("#capture-input").value = ""
                await pilot.pause()
        probe.stop()
    return switches, keys


def report(title: str, switches: dict, keys: dict[str, list[float]]) -> None:
    print(title)
    for key, times in switches.items():
        later = times[1:] or times
        print(
            f"  {key.upper():>3}: first {times[0]:6.1f} ms  then median "
            f"{statistics.median(later):6.1f} ms  worst {max(later):6.1f} ms"
        )
    for line, times in keys.items():
        ordered = sorted(times)
        p99 = ordered[int(len(times) * 0.99) - 1]
        which = "with #topic" if line == LINE else "without #topic, suggested"
        print(
            f"  capture-line key ({which}), longest event-loop stall: "
            f"median {statistics.median(times):5.1f} ms  p99 {p99:5.1f} ms  "
            f"worst {ordered[-1]:5.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captures", type=int, default=5000)
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small, small_id = seed(Path(folder) / "small.db", 10, 5)
        full, full_id = seed(Path(folder) / "full.db", args.captures, args.participants)
        base = asyncio.run(measure(small, small_id, args.rounds))
        loaded = asyncio.run(measure(full, full_id, args.rounds))
        report("baseline (10 captures, 5 participants)", *base)
        report(f"loaded ({args.captures} captures, {args.participants} participants)", *loaded)
        worst_switch = max(statistics.median(times) for times in loaded[0].values())
        worst_key = max(max(times) for times in loaded[1].values())
        print(
            f"slowest screen (median) {worst_switch:.0f} ms (target < 300), "
            f"worst key stall {worst_key:.0f} ms (target < 50)"
        )
        small.close()
        full.close()


if __name__ == "__main__":
    main()
