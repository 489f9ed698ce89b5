"""Provides the hostile benchmark of round two: activities, Q&A, the Steckbrief and the sync port.

The server process runs what a moderator's laptop runs: the Textual app (headless)
and, in its event loop, the participant server and the sync server. Inside it, a
1 ms ticker records the loop's longest stall (the wait every screen of the app
sees) and the F2 → F5 switch is timed every two seconds. 30 honest phones
(127.0.1.x) keep a stream open, poll /api/state every second and refetch the open
activity's form as activity.js does. Phases, each the same length: a baseline
without attackers, then 100 attacker addresses (127.0.2.x, at nice 10) against
an open dot vote (fresh cookies per answer), a full Q&A (200 questions, upvote
toggles from fresh cookies), the Projektsteckbrief (new organisations and
overwrites of others') and the sync port (idle connections, TLS handshakes never
finished); last, a room of 60 phones behind one address with the NAT setting on, while
that address floods fresh cookies (issue 25.9). Printed per phase: honest p50/p99,
failures, the loop's longest stall, the slowest F5 switch, the server's RSS,
descriptors in use, and what the flood got.

    python benchmarks/hostile_activities.py [--seconds 20]
"""

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.hostile import raise_own_limit  # noqa: E402
from benchmarks.web import make_database, pct, rss_mb  # noqa: E402

HONEST = 30
ATTACKERS = 100
PHASES = ("baseline", "dots", "questions", "steckbrief", "sync", "nat")
NAT = "127.0.4.1"  # issue 25.9: 60 phones behind one router, the setting on
NAT_PHONES = 60


def honest_address(n: int) -> str:
    return f"127.0.1.{n + 1}"


def attacker_address(n: int) -> str:
    return f"127.0.2.{n + 1}"


def descriptors(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def _open_phase(store, workshop_id: str, phase: str) -> None:
    """Open the phase's activity (and for "nat", switch the shared-address setting on)."""
    from facilitator.store.activities import ask_question, start_activity
    from facilitator.store.activity_forms import load_activity_set
    from facilitator.store.captures import add_capture

    line = phase
    if line == "dots":
        entries = [add_capture(store, workshop_id, "need", f"Thema {n}") for n in range(12)]
        start_activity(store, workshop_id, "dots", "Was zuerst?", {"ballot": entries})
    elif line == "questions":
        qa = start_activity(store, workshop_id, "questions", "Ihre Fragen")
        for n in range(200):
            text = f"Frage {n}: Wer betreibt die Schnittstelle? " + "x" * 150
            ask_question(store, workshop_id, qa, f"seed-{n // 5}", text, f"q{n:04d}")
    elif line == "nat":
        from facilitator.store.room import set_phones_share_address

        set_phones_share_address(store, workshop_id, True)
        start_activity(store, workshop_id, "wordcloud", "Ein Wort zum Tag")
    elif line == "steckbrief":
        config = load_activity_set("projektsteckbrief")
        start_activity(store, workshop_id, "form", config["prompt"]["de"], config)


# -- the server process: the app, the phone server and the sync server in one loop ----
def run_server(db: str) -> None:
    from facilitator.store import open_store
    from facilitator.store.workshops import list_workshops
    from facilitator.sync.server import start_sync_server
    from facilitator.tui.app import SCREEN_KEYS as NAMES
    from facilitator.tui.app import create_app
    from facilitator.tui.heap import settle_heap
    from facilitator.web.runner import start_participant_server

    store = open_store(db)
    workshop_id = list_workshops(store)[0]["id"]
    app = create_app(store, workshop_id, server=False, join_host="127.0.0.1", join_code="X")
    by_key = {key: name for name, key in NAMES.items()}

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            server = await start_participant_server(store, "127.0.0.1", 0, workshop_id)
            sync = await start_sync_server(store, "127.0.0.1", 0)
            settle_heap()  # as the app does once it has started its phone server
            print("ready", server.port, sync.port, flush=True)
            stalls: list[tuple[float, float]] = []
            switches: list[tuple[float, float]] = []

            async def ticker() -> None:
                last = time.perf_counter()
                while True:
                    await asyncio.sleep(0.001)
                    now = time.perf_counter()
                    stalls.append((time.time(), (now - last) * 1000))
                    last = now

            async def switcher() -> None:
                while True:
                    await asyncio.sleep(2.0)
                    await app.switch_mode(by_key["f2"])
                    await pilot.pause()
                    painted: asyncio.Future = asyncio.get_running_loop().create_future()
                    started = time.perf_counter()
                    await app.switch_mode(by_key["f5"])
                    app.screen.call_after_refresh(_done, painted)
                    await painted
                    switches.append((time.time(), (time.perf_counter() - started) * 1000))

            tasks = [asyncio.create_task(ticker()), asyncio.create_task(switcher())]
            loop = asyncio.get_running_loop()
            while True:
                line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
                if not line or line == "quit":
                    break
                if line == "idle":  # the bursts: the moderators are not switching screens
                    tasks[1].cancel()
                    print("idle", flush=True)
                    continue
                if line == "report":
                    worst = [(at, ms) for at, ms in stalls if ms > 5]  # keep the answer small
                    print(
                        json.dumps(
                            {
                                "stalls": worst,
                                "switches": switches,
                                "refused": server.refused_by_reason(),
                            }
                        ),
                        flush=True,
                    )
                    continue
                _open_phase(store, workshop_id, line)  # each stops the one before
                # Seeding (200 questions at once) is this benchmark's setup, not a room's:
                # its stall is recorded before the phase's clock starts.
                await asyncio.sleep(0.05)
                print("opened", line, flush=True)
            for task in tasks:
                task.cancel()
            await sync.cleanup()
            await server.stop()

    asyncio.run(main())


def _done(painted: asyncio.Future) -> None:
    if not painted.done():
        painted.set_result(1)


# -- honest phones: stream, poll, refetch the activity as activity.js does ------------
async def honest_phones(base: str, code: str, seconds: float, nat: bool = False) -> dict:
    import aiohttp

    count = NAT_PHONES if nat else HONEST
    address = (lambda n: NAT) if nat else honest_address
    answered = 0
    latencies: list[float] = []
    failures: list[str] = []
    deadline = time.monotonic() + seconds

    async def timed(session, method: str, url: str, **kw) -> dict | None:
        started = time.perf_counter()
        body = None
        try:
            async with session.request(method, url, **kw) as response:
                raw = await response.read()
                if response.status >= 500 or response.status in (403, 429):
                    failures.append(f"{method} {url.split('?')[0]} {response.status}")
                elif url.endswith("/api/state?code=" + code):
                    body = json.loads(raw)
        except (aiohttp.ClientError, asyncio.TimeoutError) as err:
            failures.append(repr(err)[:80])
        latencies.append((time.perf_counter() - started) * 1000)
        return body

    async def phone(n: int) -> None:
        jar = aiohttp.CookieJar(unsafe=True)
        async with (
            aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(local_addr=(address(n), 0), limit=4),
                cookie_jar=jar,
                timeout=aiohttp.ClientTimeout(total=10),
            ) as session,
            aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(local_addr=(address(n), 0)),
                cookie_jar=jar,
                timeout=aiohttp.ClientTimeout(total=None),
            ) as streaming,
        ):
            await timed(session, "GET", f"{base}/j/{code}")
            shown, due = "", 0.0

            async def listen() -> None:
                try:
                    async with streaming.get(f"{base}/events?code={code}") as response:
                        async for _ in response.content:
                            pass
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    pass

            listener = asyncio.create_task(listen())
            await asyncio.sleep(n / count)
            if nat:  # each phone of the room answers the word cloud once
                nonlocal answered
                snap = await timed(session, "GET", f"{base}/api/state?code={code}")
                activity = (snap or {}).get("activity") or {}
                started = time.perf_counter()
                async with session.post(
                    f"{base}/api/activity?code={code}",
                    data={"activity": activity.get("id", ""), "w0": f"Wort{n}"},
                    headers={"Accept": "application/json"},
                ) as response:
                    await response.read()
                    answered += response.status == 200
                    if response.status != 200:
                        failures.append(f"POST /api/activity {response.status}")
                latencies.append((time.perf_counter() - started) * 1000)
            while time.monotonic() < deadline:
                snap = await timed(session, "GET", f"{base}/api/state?code={code}")
                activity = (snap or {}).get("activity") or {}
                key = activity.get("key", "")
                if key != shown and not due:  # activity.js: Q&A counts coalesced 1–3 s
                    same = shown.split(":")[0] == key.split(":")[0]
                    wait = (
                        1 + 2 * random.random() if same and activity["type"] == "questions" else 0
                    )
                    due = time.monotonic() + wait
                if due and time.monotonic() >= due:
                    await timed(session, "GET", f"{base}/j/{code}/activity")
                    shown, due = key, 0.0
                await asyncio.sleep(1.0)
            listener.cancel()
            await asyncio.gather(listener, return_exceptions=True)

    await asyncio.gather(*(phone(n) for n in range(count)))
    return {"latencies": latencies, "failures": failures, "answered": answered}


async def scan_burst(base: str, code: str, phones: int = 200) -> dict:
    """200 phones scanning the QR code at once: each opens the stream; time to its first event."""
    import aiohttp

    async def one(n: int) -> float:
        ip = f"127.0.{3 + n // 250}.{1 + n % 250}"
        started = time.perf_counter()
        async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(ip, 0)),
            timeout=aiohttp.ClientTimeout(total=15),
        ) as session:
            try:
                async with session.get(f"{base}/events?code={code}") as response:
                    async for line in response.content:
                        if line.startswith(b"data: "):
                            return (time.perf_counter() - started) * 1000
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
        return float("inf")

    return {"first_event_ms": await asyncio.gather(*(one(n) for n in range(phones)))}


# -- the attackers ---------------------------------------------------------------------
async def attack(kind: str, base: str, code: str, sync_port: int, seconds: float) -> dict:
    import aiohttp

    deadline = time.monotonic() + seconds
    statuses: dict[str, int] = {}

    def count(key: str) -> None:
        statuses[key] = statuses.get(key, 0) + 1

    async def fresh_answers(ip: str) -> None:
        async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(ip, 0), limit=2),
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            timeout=aiohttp.ClientTimeout(total=10),
        ) as session:
            n = 0
            while time.monotonic() < deadline:
                try:
                    session.cookie_jar.clear()  # a reload for a fresh identity
                    async with session.get(f"{base}/api/state?code={code}") as r:
                        activity = (await r.json()).get("activity") or {}
                    async with session.get(f"{base}/j/{code}/activity") as r:
                        page = await r.text()
                    fields = _answer(kind, activity, page, ip, n)
                    async with session.post(
                        f"{base}/api/activity?code={code}",
                        data=fields,
                        headers={"Accept": "application/json"},
                    ) as r:
                        await r.read()
                        count(f"{kind} {r.status}")
                except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                    count("error")
                n += 1
                await asyncio.sleep(1.0)  # within the rate limit of 1 POST a second

    async def sync_flood(ip: str) -> None:
        held: list[asyncio.StreamWriter] = []
        while time.monotonic() < deadline:
            held = [w for w in held if not w.is_closing()]
            while len(held) < 20 and time.monotonic() < deadline:
                try:
                    _, writer = await asyncio.open_connection(
                        "127.0.0.1", sync_port, local_addr=(ip, 0)
                    )
                    writer.write(b"\x16\x03\x01")  # a TLS record begun, never finished
                    held.append(writer)
                    count("sync connection")
                except OSError:
                    count("sync refused")
                    break
            await asyncio.sleep(2.0)
        for writer in held:
            writer.close()

    if kind == "nat":  # one address, the room's own: 10 loops of fresh cookies
        await asyncio.gather(*(fresh_answers(NAT) for _ in range(10)))
        return {"statuses": statuses}
    work = sync_flood if kind == "sync" else fresh_answers
    await asyncio.gather(*(work(attacker_address(n)) for n in range(ATTACKERS)))
    return {"statuses": statuses}


def _answer(kind: str, activity: dict, page: str, ip: str, n: int) -> dict:
    import re

    fields = {"activity": activity.get("id", "")}
    if kind == "dots":
        entries = re.findall(r'name="(d\.[0-9a-f]+)"', page)
        fields.update({name: "2" for name in entries[:1]})  # stuffing one chosen entry
    elif kind == "questions":
        ids = re.findall(r'name="upvote" value="([^"]+)"', page)
        if n % 5 == 0 or not ids:
            fields.update(question=f"Flut {ip} {n}?", qclient=f"{ip.replace('.', '')}-{n:06d}")
        else:
            fields["upvote"] = random.choice(ids)
    elif kind == "nat":
        fields["w0"] = f"Flut{n}"
    elif kind == "steckbrief":
        org = "Stadt Ulm" if n % 2 else f"Flut GmbH {ip} {n}"  # overwrite, or a new one
        fields.update(
            {"org": org, "f.project": "Übernommen", "f.status": "idee", "f.hurdle": "Flut"}
        )
    return fields


# -- orchestration ---------------------------------------------------------------------
def child(role: str, *args: str, nice: bool = False) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, __file__, "--role", role, *args],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        preexec_fn=(lambda: os.nice(10)) if nice and hasattr(os, "nice") else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument(
        "--phases", default=",".join(PHASES), help="comma-separated, from: " + ", ".join(PHASES)
    )
    parser.add_argument("--server", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--role", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.server:
        run_server(args.server)
        return
    if args.role:
        raise_own_limit()
        role, base, code, sync_port, seconds = args.role
        if role in ("honest", "honest-nat"):
            result = asyncio.run(honest_phones(base, code, float(seconds), role == "honest-nat"))
        elif role == "burst":
            result = asyncio.run(scan_burst(base, code))
        else:
            result = asyncio.run(attack(role, base, code, int(sync_port), float(seconds)))
        print(json.dumps(result))
        return
    print("load before:", os.getloadavg())
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "hostile2.db"
        code = make_database(db)
        server = subprocess.Popen(
            [sys.executable, __file__, "--server", str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )

        def say(line: str) -> str:
            server.stdin.write(line + "\n")
            server.stdin.flush()
            return server.stdout.readline()

        try:
            ready = server.stdout.readline().split()
            assert ready and ready[0] == "ready", "server did not start"
            port, sync_port = ready[1], ready[2]
            base = f"http://127.0.0.1:{port}"
            rows = []
            for name in [p for p in args.phases.split(",") if p in PHASES]:
                if name in ("dots", "questions", "steckbrief", "nat"):
                    say(name)
                started = time.time()
                fds = [descriptors(server.pid)]
                rss = [rss_mb(server.pid)[0]]
                seconds = str(args.seconds)
                role = "honest-nat" if name == "nat" else "honest"
                honest = child(role, base, code, sync_port, seconds)
                flood = (
                    None
                    if name == "baseline"
                    else child(name, base, code, sync_port, seconds, nice=True)
                )
                while honest.poll() is None:
                    time.sleep(1.0)
                    fds.append(descriptors(server.pid))
                    rss.append(rss_mb(server.pid)[0])
                honest_out = json.loads(honest.communicate()[0])
                flood_out = json.loads(flood.communicate(timeout=120)[0]) if flood else {}
                rows.append((name, started, time.time(), honest_out, flood_out, max(fds), max(rss)))
            bursts = []
            say("idle")
            for _ in range(3):  # three bursts: the first event of 600 phone scans
                burst = child("burst", base, code, sync_port, "0")
                bursts += json.loads(burst.communicate(timeout=120)[0])["first_event_ms"]
                time.sleep(2.0)
            report = json.loads(say("report"))
            peak = rss_mb(server.pid)[1]
            for name, start, end, honest, flood, fds, rss_max in rows:
                lat = honest["latencies"]
                stall = max((ms for at, ms in report["stalls"] if start <= at <= end), default=0)
                f5 = [ms for at, ms in report["switches"] if start <= at <= end]
                top = ", ".join(f"{k}: {v}" for k, v in sorted(flood.get("statuses", {}).items()))
                print(
                    f"{name:10} honest {len(lat)} req p50 {pct(lat, 0.5):.0f} ms "
                    f"p99 {pct(lat, 0.99):.0f} ms failures {len(honest['failures'])} | "
                    f"loop stall max {stall:.0f} ms | F5 max {max(f5, default=float('nan')):.0f}"
                    f" ms ({len(f5)}) | fds max {fds} | RSS max {rss_max:.0f} MB"
                    + (f" | flood: {top}" if top else "")
                )
                if name == "nat":
                    print(
                        f"    room behind one address: {honest['answered']} of 60 phones answered"
                    )
                for failure in sorted(set(honest["failures"]))[:3]:
                    print("    honest failure:", failure)
            lost = sum(1 for ms in bursts if ms == float("inf"))
            print(
                "QR-scan burst (3 × 200 phones at once, app idle): first event p50 "
                f"{pct(bursts, 0.5):.0f} ms p99 {pct(bursts, 0.99):.0f} ms "
                f"max {max(bursts):.0f} ms, no event: {lost}"
            )
            print(f"server peak RSS {peak:.0f} MB; refused by reason {report['refused']}")
            print("load after:", os.getloadavg())
        finally:
            try:
                server.stdin.write("quit\n")
                server.stdin.flush()
                server.wait(15)
            except (OSError, subprocess.TimeoutExpired):
                server.kill()


if __name__ == "__main__":
    main()
