"""Provides the hostile benchmark: a flood from 200 addresses while 30 honest phones use the server.

The server runs in a process of its own on 127.0.0.1 with its real limits; inside
it, a probe commits a capture through the store on the server's event loop every
250 ms (as the moderators' app does while it serves the phones) and times it.
30 honest phones (127.0.1.x) load the page, keep a stream open and poll
/api/state every second. First a baseline without the flood, then the flood:
200 addresses (127.0.2.x–127.0.3.x) post submissions and ballots without cookies,
hold idle sockets and open streams they never read. Printed: honest phones'
p50/p99 latency, the probe's p50/p99 commit time, the server's peak RSS and the
size of /api/state after the flood. Loopback only, bounded in time. The attackers'
process runs at nice 10: on the venue's Wi-Fi their CPUs are their own devices', not
the laptop's, and on a 2-core machine an unniced flood client would measure its own
share of the CPU rather than the server.

    python benchmarks/hostile.py [--seconds 60] [--baseline 15]
"""

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.web import make_database, pct, rss_mb  # noqa: E402

HONEST = 30
ATTACKERS = 200
PROBE_SECONDS = 0.25


def honest_address(n: int) -> str:
    return f"127.0.1.{n + 1}"


def attacker_address(n: int) -> str:
    return f"127.0.{2 + n // 200}.{1 + n % 200}"


def raise_own_limit() -> None:
    """The flood holds thousands of sockets: the client needs descriptors too."""
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else 65536
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(target, 65536), hard))


# -- the server process -------------------------------------------------------
def run_server(db: str) -> None:
    """Serve with the real limits; probe a store write on the loop; report on 'report'."""
    from facilitator.store import open_store
    from facilitator.store.captures import add_capture
    from facilitator.store.timer import current_item
    from facilitator.store.workshops import list_workshops
    from facilitator.web.runner import start_participant_server

    async def main() -> None:
        store = open_store(db)
        workshop_id = list_workshops(store)[0]["id"]
        item = current_item(store, workshop_id)
        server = await start_participant_server(store, "127.0.0.1", 0, workshop_id)
        print("ready", server.port, flush=True)
        probes: list[tuple[float, float]] = []

        async def probe() -> None:
            n = 0
            while True:
                await asyncio.sleep(PROBE_SECONDS)
                started = time.perf_counter()
                add_capture(store, workshop_id, "note", f"Probe {n}", agenda_item_id=item.id)
                probes.append((time.time(), (time.perf_counter() - started) * 1000))
                n += 1

        task = asyncio.create_task(probe())
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line or line.strip() == "report":
                print(json.dumps({"probes": probes, "refused": server.refused}), flush=True)
            if not line or line.strip() == "quit":
                break
        task.cancel()
        await server.stop()

    asyncio.run(main())


# -- honest phones ------------------------------------------------------------
async def honest_phones(base: str, code: str, seconds: float) -> dict:
    import aiohttp

    latencies: list[float] = []
    failures: list[str] = []
    events = 0
    deadline = time.monotonic() + seconds

    async def timed(session: aiohttp.ClientSession, method: str, url: str, **kw) -> None:
        started = time.perf_counter()
        try:
            async with session.request(method, url, **kw) as response:
                await response.read()
                if response.status >= 500 or response.status == 403:
                    failures.append(f"{method} {url.split('?')[0]} {response.status}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as err:
            failures.append(repr(err))
        latencies.append((time.perf_counter() - started) * 1000)

    async def stream(session: aiohttp.ClientSession) -> None:
        nonlocal events
        try:
            async with session.get(f"{base}/events?code={code}") as response:
                async for line in response.content:
                    if line.startswith(b"data: "):
                        events += 1
        except (aiohttp.ClientError, asyncio.TimeoutError):
            pass

    async def phone(n: int) -> None:
        connector = aiohttp.TCPConnector(local_addr=(honest_address(n), 0), limit=4)
        async with aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            timeout=aiohttp.ClientTimeout(total=10),
        ) as session:
            await timed(session, "GET", f"{base}/j/{code}")
            async with aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(local_addr=(honest_address(n), 0)),
                timeout=aiohttp.ClientTimeout(total=None),
            ) as streaming:
                listener = asyncio.create_task(stream(streaming))
                await asyncio.sleep(n / HONEST)  # spread the polls over the second
                while time.monotonic() < deadline:
                    await timed(session, "GET", f"{base}/api/state?code={code}")
                    await asyncio.sleep(1.0)
                listener.cancel()
                await asyncio.gather(listener, return_exceptions=True)

    await asyncio.gather(*(phone(n) for n in range(HONEST)))
    return {"latencies": latencies, "failures": failures, "events": events}


async def _posts(base: str, code: str, ip: str, deadline: float, count) -> None:
    """One attacker address: cookie-less submissions, and ballots from fresh identities."""
    import aiohttp

    # Submissions without cookies (every one a "new phone", as a script does it) and
    # ballots from fresh identities (the page loaded again each time, cookie dropped).
    async with (
        aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(ip, 0), limit=2),
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=aiohttp.ClientTimeout(total=10),
        ) as session,
        aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(ip, 0), limit=2),
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            timeout=aiohttp.ClientTimeout(total=10),
        ) as voter,
    ):
        n = 0
        while time.monotonic() < deadline:
            try:
                if n % 3:
                    body = {"client": str(uuid.uuid4()), "text": f"Flut {ip} {n} " + "x" * 400}
                    async with session.post(f"{base}/api/submit?code={code}", json=body) as r:
                        await r.read()
                        count(f"submit {r.status}")
                else:
                    voter.cookie_jar.clear()
                    async with voter.get(f"{base}/j/{code}") as r:  # a fresh identity
                        await r.read()
                    async with voter.get(f"{base}/api/ballot?code={code}") as r:
                        ballot = await r.json() if r.status == 200 else {"entries": []}
                    dots = {e["id"]: 1 for e in ballot["entries"][:2]}
                    async with voter.post(f"{base}/api/vote?code={code}", json={"dots": dots}) as r:
                        await r.read()
                        count(f"vote {r.status}")
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                count("error")
            n += 1
            await asyncio.sleep(0.33)


# -- the flood ----------------------------------------------------------------
async def flood(base: str, code: str, port: int, seconds: float) -> dict:

    deadline = time.monotonic() + seconds
    statuses: dict[str, int] = {}
    sockets_opened = 0

    def count(key: str) -> None:
        statuses[key] = statuses.get(key, 0) + 1

    async def posts(ip: str) -> None:
        await _posts(base, code, ip, deadline, count)

    async def idle_sockets(ip: str, how_many: int) -> None:
        nonlocal sockets_opened
        held: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        while time.monotonic() < deadline:
            held = [(r, w) for r, w in held if not r.at_eof()]  # reopen what the server closed
            while len(held) < how_many and time.monotonic() < deadline:
                try:
                    held.append(
                        await asyncio.open_connection("127.0.0.1", port, local_addr=(ip, 0))
                    )
                    sockets_opened += 1
                except OSError:
                    break
            await asyncio.sleep(2.0)
        for _, writer in held:
            writer.close()

    async def deaf_streams(ip: str, how_many: int) -> None:
        loop = asyncio.get_running_loop()
        held: list[socket.socket] = []
        while time.monotonic() < deadline:
            while len(held) < how_many:
                sock = socket.socket()
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                sock.setblocking(False)
                try:
                    sock.bind((ip, 0))
                    await loop.sock_connect(sock, ("127.0.0.1", port))
                    sock.send(f"GET /events?code={code} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                except OSError:
                    sock.close()
                    break
                held.append(sock)
            await asyncio.sleep(5.0)
        for sock in held:
            sock.close()

    tasks = []
    for n in range(ATTACKERS):
        ip = attacker_address(n)
        tasks += [posts(ip), idle_sockets(ip, 20), deaf_streams(ip, 2)]
    await asyncio.gather(*tasks)
    return {"statuses": statuses, "sockets_opened": sockets_opened}


# -- orchestration ------------------------------------------------------------
def child(role: str, base: str, code: str, port: int, seconds: float) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, __file__, "--role", role, base, code, str(port), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def state_size(base: str, code: str) -> int:
    from urllib.request import urlopen

    with urlopen(f"{base}/api/state?code={code}", timeout=10) as response:
        return len(response.read())


def open_vote_and_collection(db: Path) -> None:
    from facilitator.store import open_store
    from facilitator.store.agenda import update_item
    from facilitator.store.timer import current_item
    from facilitator.store.workshops import list_workshops

    store = open_store(db)
    item = current_item(store, list_workshops(store)[0]["id"])
    update_item(store, item.id, collection_open=1, voting_open=1)
    store.close()


def phase(name: str, server: subprocess.Popen, base: str, code: str, port: int, seconds: float):
    started = time.time()
    honest = child("honest", base, code, port, seconds)
    attackers = child("flood", base, code, port, seconds) if name == "flood" else None
    honest_out = json.loads(honest.communicate(timeout=seconds + 120)[0])
    flood_out = json.loads(attackers.communicate(timeout=seconds + 120)[0]) if attackers else {}
    return started, time.time(), honest_out, flood_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--baseline", type=float, default=15)
    parser.add_argument("--server", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--role", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.server:
        run_server(args.server)
        return
    if args.role:
        role, base, code, port, seconds = args.role
        raise_own_limit()
        if role == "honest":
            result = asyncio.run(honest_phones(base, code, float(seconds)))
        else:
            if hasattr(os, "nice"):
                os.nice(10)
            result = asyncio.run(flood(base, code, int(port), float(seconds)))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "hostile.db"
        code = make_database(db)
        open_vote_and_collection(db)
        server = subprocess.Popen(
            [sys.executable, __file__, "--server", str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
        try:
            line = server.stdout.readline().split()
            assert line and line[0] == "ready", "server did not start"
            port = int(line[1])
            base = f"http://127.0.0.1:{port}"
            print(f"server pid {server.pid}, RSS idle {rss_mb(server.pid)[0]:.1f} MB")
            runs = {}
            for name, seconds in (("baseline", args.baseline), ("flood", args.seconds)):
                runs[name] = phase(name, server, base, code, port, seconds)
            size = state_size(base, code)
            server.stdin.write("report\n")
            server.stdin.flush()
            report = json.loads(server.stdout.readline())
            peak = rss_mb(server.pid)[1]
            for name, (start, end, honest, attack) in runs.items():
                probes = [ms for at, ms in report["probes"] if start <= at <= end]
                lat = honest["latencies"]
                print(
                    f"{name}: honest phones {len(lat)} requests, p50 {pct(lat, 0.5):.1f} ms, "
                    f"p99 {pct(lat, 0.99):.1f} ms, failures {len(honest['failures'])}, "
                    f"stream events {honest['events']} | store commit on the server's loop "
                    f"p50 {pct(probes, 0.5):.1f} ms p99 {pct(probes, 0.99):.1f} ms "
                    f"max {max(probes, default=float('nan')):.1f} ms ({len(probes)} commits)"
                )
                for failure in honest["failures"][:3]:
                    print("  honest failure:", failure)
                if attack:
                    top = sorted(attack["statuses"].items(), key=lambda kv: -kv[1])
                    print(
                        f"  flood from {ATTACKERS} addresses: "
                        + ", ".join(f"{k}: {v}" for k, v in top)
                        + f"; idle sockets opened {attack['sockets_opened']}"
                    )
            print(f"server refused (caps and connection gate): {report['refused']}")
            print(f"server peak RSS {peak:.1f} MB; /api/state after the flood {size} bytes")
            flood_lat = runs["flood"][2]["latencies"]
            flood_probes = [
                ms for at, ms in report["probes"] if runs["flood"][0] <= at <= runs["flood"][1]
            ]
            goals = {
                "honest p99 < 250 ms": pct(flood_lat, 0.99) < 250,
                "peak RSS < 300 MB": peak < 300,
                "state < 256 KB": size < 256 * 1024,
                "commit p99 < 50 ms": pct(flood_probes, 0.99) < 50,
            }
            print(
                "goals:", ", ".join(f"{k} {'met' if ok else 'MISSED'}" for k, ok in goals.items())
            )
        finally:
            try:
                server.stdin.write("quit\n")
                server.stdin.flush()
                server.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                server.kill()


if __name__ == "__main__":
    main()
