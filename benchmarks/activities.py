"""Provides the activities benchmark: a plenary of phones on distinct addresses, scale, beamer.

Starts `facilitator serve` (real rate limits) on 127.0.0.1 in its own process,
connects N phones from distinct 127.0.x.y addresses (each holds the live stream
open and reads it), then M of them answer a scale within the given seconds.
Prints: phones connected; answers stored; the projector's update after an answer
(p50/p99: from sending the answer to the projector's stage showing its count);
the phones' state (p50/p99: from sending an answer until every phone's stream has
the new version; and GET /api/state) and the answer POST (p50/p99); the
server's peak RSS. A baseline (20 phones, 20 answers, same measures) runs first
in the same process. Loopback only, bounded in time.

    python benchmarks/activities.py [--phones 1000] [--answering 300] [--seconds 60]
"""

import argparse
import asyncio
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COUNT = re.compile(r"(\d+) Antworten")


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def address(n: int) -> str:
    """The n-th phone's source address: 127.0.x.y, never 127.0.0.1 (the laptop)."""
    return f"127.0.{1 + n // 250}.{1 + n % 250}"


def make_database(path: Path) -> dict[str, str]:
    """A workshop with an open, revealed scale; return its join code and projector path."""
    from facilitator.core.agenda_format import parse_agenda
    from facilitator.store import open_store
    from facilitator.store.activities import start_activity
    from facilitator.store.workshops import create_workshop, get_workshop
    from facilitator.web.projector import projector_path

    agenda = ROOT / "tests" / "data" / "agenda.toml"
    store = open_store(path)
    template = parse_agenda(agenda.read_text(encoding="utf-8"), str(agenda), None)
    workshop_id = create_workshop(store, "Plenum", template, date="2026-12-01", venue="Loopback")
    activity = start_activity(
        store,
        workshop_id,
        "scale",
        "Wie zufrieden sind Sie?",
        {"statements": ["Inhalte", "Austausch", "Organisation"]},
        reveal=True,
    )
    found = {
        "code": get_workshop(store, workshop_id).join_code,
        "beamer": projector_path(store),
        "activity": activity,
    }
    store.close()
    return found


def rss_mb(pid: int) -> float:
    """The process's resident memory (Linux /proc; NaN elsewhere)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Projector:
    """The beamer's stream: remembers when each answer count first appeared."""

    def __init__(self) -> None:
        self.seen: dict[int, float] = {}
        self.task: asyncio.Task | None = None

    async def run(self, session, url: str) -> None:
        async with session.get(url) as response:
            async for raw in response.content:
                line = raw.decode(errors="replace")
                if line.startswith("data: "):
                    html = json.loads(line[6:])["html"]
                    match = COUNT.search(html)
                    if match:
                        self.seen.setdefault(int(match.group(1)), time.perf_counter())

    async def wait_for(self, count: int, timeout: float = 10) -> float | None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if count in self.seen or any(c >= count for c in self.seen):
                return min(t for c, t in self.seen.items() if c >= count)
            await asyncio.sleep(0.005)
        return None


VERSION = re.compile(rb'"version":(\d+)')


async def phone_stream(
    session,
    base: str,
    code: str,
    ready: asyncio.Event,
    seen: list,
) -> None:
    """A phone's live stream; `seen` gets (version, arrival) for every snapshot it reads."""
    async with session.get(f"{base}/events?code={code}") as response:
        ready.set()
        async for line in response.content:
            if line.startswith(b"data: "):
                match = VERSION.search(line)
                if match:
                    seen.append((int(match.group(1)), time.perf_counter()))


def arrival_at_all(streams_seen: list[list], version: int) -> float | None:
    """When the last phone had a snapshot of `version` or newer (None if one never did)."""
    latest = 0.0
    for seen in streams_seen:
        first = next((t for v, t in seen if v >= version), None)
        if first is None:
            return None
        latest = max(latest, first)
    return latest


async def scenario(
    base: str, info: dict, phones: int, answering: int, seconds: float, server_pid: int
) -> dict:
    import aiohttp

    timeout = aiohttp.ClientTimeout(total=None, sock_connect=30)
    sessions = []

    def session_for(n: int):
        connector = aiohttp.TCPConnector(local_addr=(address(n), 0), limit=4)
        # a phone keeps the identity cookie the join page issues (IP hosts: unsafe=True)
        made = aiohttp.ClientSession(
            connector=connector, timeout=timeout, cookie_jar=aiohttp.CookieJar(unsafe=True)
        )
        sessions.append(made)
        return made

    beamer_session = aiohttp.ClientSession(timeout=timeout)
    projector = Projector()
    projector.task = asyncio.create_task(
        projector.run(beamer_session, f"{base}{info['beamer']}/events")
    )
    await projector.wait_for(0)
    phone_sessions = [session_for(n) for n in range(phones)]
    streams, readies, streams_seen = [], [], []
    for n, session in enumerate(phone_sessions):
        ready = asyncio.Event()
        readies.append(ready)
        streams_seen.append([])
        streams.append(
            asyncio.create_task(phone_stream(session, base, info["code"], ready, streams_seen[-1]))
        )
        if n % 50 == 49:
            await asyncio.sleep(0.05)  # phones arrive over a moment, not in one packet
    connect_deadline = time.perf_counter() + 60
    while time.perf_counter() < connect_deadline and not all(r.is_set() for r in readies):
        await asyncio.sleep(0.1)
    connected = sum(r.is_set() for r in readies)
    peak_rss = rss_mb(server_pid)

    state_ms: list[float] = []
    post_ms: list[float] = []
    projector_ms: list[float] = []
    versions: list[tuple[int, float]] = []  # (version after the answer, when it was sent)
    errors = 0
    answered = 0
    lock = asyncio.Lock()
    start = time.perf_counter()
    gap = seconds * 0.8 / max(answering, 1)  # spread over most of the window

    async def answer(n: int) -> None:
        nonlocal errors, answered
        await asyncio.sleep(n * gap)
        session = phone_sessions[n % len(phone_sessions)]
        async with session.get(f"{base}/j/{info['code']}") as response:  # the page, as scanned
            await response.read()
        before = time.perf_counter()
        async with session.get(f"{base}/api/state?code={info['code']}") as response:
            await response.read()
            if response.status != 200:
                errors += 1
        state_ms.append((time.perf_counter() - before) * 1000)
        rng = random.Random(n)
        fields = {
            "client": f"phone-{n:08d}",
            "activity": info["activity"],
            **{f"s{i}": str(rng.randint(1, 5)) for i in range(3)},
        }
        sent = time.perf_counter()
        async with session.post(
            f"{base}/api/activity?code={info['code']}",
            data=fields,
            headers={"Accept": "application/json"},
        ) as response:
            body = await response.read()
            ok = response.status == 200
        post_ms.append((time.perf_counter() - sent) * 1000)
        if ok:
            versions.append((json.loads(body)["version"], sent))
        if not ok:
            errors += 1
            return
        async with lock:
            answered += 1
            count = answered
        shown = await projector.wait_for(count)
        if shown is None:
            errors += 1
        else:
            projector_ms.append(max(0.0, shown - sent) * 1000)

    await asyncio.gather(*(answer(n) for n in range(answering)))
    elapsed = time.perf_counter() - start
    await asyncio.sleep(2)  # let the last snapshots arrive
    phones_ms = []
    for version, sent in versions:
        arrived = arrival_at_all(streams_seen, version)
        if arrived is None:
            errors += 1
        else:
            phones_ms.append(max(0.0, arrived - sent) * 1000)
    peak_rss = max(peak_rss, rss_mb(server_pid))
    for task in [*streams, projector.task]:
        task.cancel()
    await asyncio.gather(*streams, projector.task, return_exceptions=True)
    for session in [*sessions, beamer_session]:
        await session.close()
    return {
        "connected": connected,
        "answered": answered,
        "elapsed": elapsed,
        "errors": errors,
        "state": state_ms,
        "post": post_ms,
        "projector": projector_ms,
        "phones": phones_ms,
        "rss": peak_rss,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--db", str(db), "serve"]
        + ["--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("Beamer:"):
            return process, f"http://127.0.0.1:{port}"
    process.kill()
    raise SystemExit("the server did not start")


def run(db: Path, phones: int, answering: int, seconds: float) -> dict:
    info = make_database(db)
    process, base = serve(db)
    try:
        return asyncio.run(scenario(base, info, phones, answering, seconds, process.pid))
    finally:
        process.terminate()
        process.wait(10)


def report(name: str, found: dict) -> None:
    def ms(values: list[float]) -> str:
        return f"p50 {percentile(values, 0.5):6.1f} ms  p99 {percentile(values, 0.99):6.1f} ms"

    print(f"{name}:")
    print(f"  phones connected       {found['connected']}")
    print(f"  answers stored         {found['answered']} in {found['elapsed']:.1f} s")
    print(f"  projector after answer {ms(found['projector'])}")
    print(f"  phones' state (SSE)    {ms(found['phones'])}  (answer → all phones)")
    print(f"  phones' state (GET)    {ms(found['state'])}")
    print(f"  answer POST            {ms(found['post'])}")
    print(f"  server RSS (peak)      {found['rss']:.0f} MB")
    print(f"  errors                 {found['errors']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=1000)
    parser.add_argument("--answering", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        baseline = run(Path(tmp) / "baseline.db", 20, 20, 5)
        load = run(Path(tmp) / "load.db", args.phones, args.answering, args.seconds)
    report("baseline (20 phones, 20 answering)", baseline)
    report(f"load ({args.phones} phones, {args.answering} answering)", load)
    ok = (
        load["connected"] == args.phones
        and load["answered"] == args.answering
        and load["elapsed"] <= args.seconds
        and percentile(load["projector"], 0.99) < 500
        and percentile(load["state"], 0.99) < 250
        and percentile(load["phones"], 0.99) < 250
        and load["rss"] < 300
    )
    print("goals met" if ok else "goals NOT met")


if __name__ == "__main__":
    main()
