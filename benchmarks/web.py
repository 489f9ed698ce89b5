"""Provides the participant server's load benchmark: many phones streaming, many submitting.

Runs the server in a separate process on 127.0.0.1, opens N concurrent SSE streams
and posts submissions at a fixed rate; prints the p50/p99 latency from a change
(a submission written by the server) to its arrival at *all* streams, the p50/p99
submit latency, errors and the server's memory. A short run with one stream first
gives the baseline. Loopback only, bounded in time.

    python benchmarks/web.py [--clients 300] [--rate 20] [--seconds 30]
"""

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VERSION = re.compile(rb'"version":(\d+)')


def make_database(path: Path) -> str:
    """Create a workshop whose running block collects submissions; return its join code."""
    from facilitator.core.agenda_format import parse_agenda
    from facilitator.store import open_store
    from facilitator.store.agenda import list_items, update_item
    from facilitator.store.timer import advance, start_or_pause
    from facilitator.store.workshops import create_workshop, get_workshop

    agenda = ROOT / "tests" / "data" / "agenda.toml"
    store = open_store(path)
    template = parse_agenda(agenda.read_text(encoding="utf-8"), str(agenda), None)
    workshop_id = create_workshop(store, "Lasttest", template, date="2026-12-01", venue="Loopback")
    start_or_pause(store, workshop_id)
    advance(store, workshop_id)
    advance(store, workshop_id)
    update_item(store, list_items(store, workshop_id)[2].id, collection_open=1)
    code = get_workshop(store, workshop_id).join_code
    store.close()
    return code


def run_server(db: str, port: int) -> None:
    """The server process: the participant server alone, rate limits off (one address)."""
    from facilitator.store import open_store
    from facilitator.web.runner import start_participant_server
    from facilitator.web.security import RateLimits

    async def main() -> None:
        store = open_store(db)
        server = await start_participant_server(
            store, "127.0.0.1", port, rate_limits=RateLimits(enabled=False)
        )
        print("ready", server.port, flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


def rss_mb(pid: int) -> tuple[float, float]:
    """Return the process's resident memory now and at its peak, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def cpu_seconds(pid: int) -> float:
    """Return the CPU time (user + system) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def at_rate(
    send: Callable[[int], Coroutine[Any, Any, None]], rate: float, seconds: float
) -> None:
    """Start `send(n)` `rate` times a second for `seconds` (open loop); wait for all."""
    started = time.perf_counter()
    pending = []
    for n in range(int(rate * seconds)):
        delay = started + n / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        pending.append(asyncio.create_task(send(n)))
    await asyncio.gather(*pending)


def fanout_ms(
    submits: list[tuple[int, float, float]],
    arrivals: list[list[tuple[int, float]]],
    errors: list[str],
) -> list[float]:
    """Return, per submission, the time until the last stream saw its version (ms)."""
    fanout = []
    for version, sent, _ in submits:
        latest = 0.0
        for received in arrivals:
            first = next((t for v, t in received if v >= version), None)
            if first is None:
                errors.append(f"version {version} never arrived at a stream")
                break
            latest = max(latest, first)
        else:
            fanout.append((latest - sent) * 1000)
    return fanout


async def load(base: str, code: str, clients: int, rate: float, seconds: float) -> dict:
    """Open `clients` streams, submit at `rate` per second for `seconds`; collect timings."""
    import aiohttp

    arrivals: list[list[tuple[int, float]]] = [[] for _ in range(clients)]
    errors: list[str] = []
    connected = 0
    all_connected = asyncio.Event()
    stop = asyncio.Event()

    async def stream(index: int, session: aiohttp.ClientSession) -> None:
        nonlocal connected
        try:
            async with session.get(f"{base}/events?code={code}") as response:
                if response.status != 200:
                    errors.append(f"stream status {response.status}")
                    return
                first = True
                async for line in response.content:
                    if line.startswith(b"data: "):
                        found = VERSION.search(line, 0, 200)
                        arrivals[index].append((int(found.group(1)), time.perf_counter()))
                        if first:
                            first = False
                            connected += 1
                            if connected == clients:
                                all_connected.set()
                    if stop.is_set():
                        return
        except (aiohttp.ClientError, asyncio.TimeoutError) as err:
            if not stop.is_set():
                errors.append(f"stream: {err!r}")

    submits: list[tuple[int, float, float]] = []  # version, sent, answered

    async def submit(session: aiohttp.ClientSession, n: int) -> None:
        body = {"client": str(uuid.uuid4()), "kind": "challenge", "text": f"Beitrag {n}"}
        sent = time.perf_counter()
        try:
            async with session.post(f"{base}/api/submit?code={code}", json=body) as response:
                data = await response.json()
                answered = time.perf_counter()
                if response.status != 200:
                    errors.append(f"submit status {response.status}")
                    return
                submits.append((data["version"], sent, answered))
        except (aiohttp.ClientError, asyncio.TimeoutError) as err:
            errors.append(f"submit: {err!r}")

    timeout = aiohttp.ClientTimeout(total=None, sock_connect=10)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as streams_session:
        tasks = [asyncio.create_task(stream(i, streams_session)) for i in range(clients)]
        await asyncio.wait_for(all_connected.wait(), 60)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as posts:
            await at_rate(lambda n: submit(posts, n), rate, seconds)
        await asyncio.sleep(1.0)  # let the last snapshots arrive
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    fanout = fanout_ms(submits, arrivals, errors)
    submit_ms = [(answered - sent) * 1000 for _, sent, answered in submits]
    return {"fanout": fanout, "submit": submit_ms, "errors": errors, "submits": len(submits)}


def report(name: str, result: dict, clients: int) -> None:
    f, s = result["fanout"], result["submit"]
    print(
        f"{name}: {clients} streams, {result['submits']} submissions | "
        f"change→all streams p50 {statistics.median(f):.1f} ms p99 {pct(f, 0.99):.1f} ms "
        f"max {max(f):.1f} ms | submit p50 {statistics.median(s):.1f} ms "
        f"p99 {pct(s, 0.99):.1f} ms | errors {len(result['errors'])}"
    )
    for error in result["errors"][:5]:
        print("  error:", error)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--server", nargs=2, metavar=("DB", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.server:
        run_server(args.server[0], int(args.server[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        code = make_database(db)
        server = subprocess.Popen(
            [sys.executable, __file__, "--server", str(db), "0"],
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
        try:
            line = server.stdout.readline().split()
            assert line and line[0] == "ready", "server did not start"
            base = f"http://127.0.0.1:{line[1]}"
            idle = rss_mb(server.pid)[0]
            print(f"server pid {server.pid}, RSS idle {idle:.1f} MB")
            baseline = asyncio.run(load(base, code, 1, args.rate, 5))
            report("baseline", baseline, 1)
            cpu_before = cpu_seconds(server.pid)
            result = asyncio.run(load(base, code, args.clients, args.rate, args.seconds))
            cpu = cpu_seconds(server.pid) - cpu_before
            report("load", result, args.clients)
            print(
                f"server CPU {cpu:.1f} s during load = {cpu / max(1, result['submits']) * 1000:.1f}"
                f" ms per change (submit + snapshot + {args.clients} writes); load average "
                f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
            )
            now, peak = rss_mb(server.pid)
            print(f"server RSS after load {now:.1f} MB, peak {peak:.1f} MB (goal < 200 MB)")
            goals = (
                pct(result["fanout"], 0.99) < 100,
                pct(result["submit"], 0.99) < 100,
                not result["errors"],
                peak < 200,
            )
            verdict = ["met" if ok else "MISSED" for ok in goals]
            print("goals (fan-out p99, submit p99, errors, memory):", *verdict)
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
