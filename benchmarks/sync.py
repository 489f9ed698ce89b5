"""Provides the sync benchmark: a 10,000-op backlog on loopback, and capture latency.

Run: python benchmarks/sync.py [--ops 10000] [--captures 30]

1. Backlog: laptop A (a real `facilitator sync --listen` process) holds N ops;
   laptop B starts empty and runs one client round. Timed from starting the
   client to B holding all ops; then the same backlog pushed the other way.
   Baseline in the same run: inserting the same ops locally, without network.
2. Latency: B runs `facilitator sync --peer … --interval 0.5` continuously; a
   capture recorded on A (and then on B) is timed until the other database has it.
"""

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitator.core.agenda_format import parse_agenda  # noqa: E402
from facilitator.core.errors import NotFound  # noqa: E402
from facilitator.store import open_store  # noqa: E402
from facilitator.store.captures import add_capture, get_capture  # noqa: E402
from facilitator.store.oplog import insert_remote_ops, ops_after  # noqa: E402
from facilitator.store.sync_pairing import SyncScope  # noqa: E402
from facilitator.store.workshops import create_workshop, list_workshops  # noqa: E402
from facilitator.sync.client import SyncClient  # noqa: E402
from facilitator.sync.pairing import pairing_code  # noqa: E402

AGENDA = ROOT / "tests" / "data" / "agenda.toml"


def env(db: Path) -> dict[str, str]:
    return dict(os.environ, FACILITATOR_DB=str(db), PYTHONPATH=str(ROOT))


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(db: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "facilitator", "sync", *args],
        env=env(db),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_up(url: str) -> None:
    import ssl
    import urllib.error
    import urllib.request

    # Only a liveness probe (it sends no secret): the certificate is self-signed.
    probe = ssl.create_default_context()
    probe.check_hostname, probe.verify_mode = False, ssl.CERT_NONE
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/sync/hello", timeout=1, context=probe)
        except urllib.error.HTTPError:
            return  # 403 without the code: it is listening
        except OSError:
            time.sleep(0.05)
    raise SystemExit("sync server did not start")


def make_backlog(db: Path, count: int) -> str:
    store = open_store(db)
    template = parse_agenda(AGENDA.read_text(encoding="utf-8"), str(AGENDA), None)
    workshop_id = create_workshop(store, "Benchmark", template)
    with store.transaction():
        while store.version < count:
            add_capture(store, workshop_id, "idea", f"Idee Nummer {store.version}", topic="bildung")
    store.close()
    return workshop_id


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def backlog(tmp: Path, count: int, runs: int) -> None:
    db_a = tmp / "backlog-a.db"
    make_backlog(db_a, count)
    store_a = open_store(db_a)
    code, total = pairing_code(store_a), store_a.version
    ops = ops_after(store_a, 0, 10**9)
    store_a.close()
    port = free_port()
    url = f"https://127.0.0.1:{port}"
    server = start(db_a, "--listen", f"127.0.0.1:{port}")
    pulls, pushes, locals_ = [], [], []
    try:
        wait_up(url)
        for run in range(runs):
            local = open_store(tmp / f"local-{run}.db")
            began = time.perf_counter()
            insert_remote_ops(local, ops)
            locals_.append(time.perf_counter() - began)
            local.close()

            b = open_store(tmp / f"pull-{run}.db")
            began = time.perf_counter()
            client = SyncClient(b, url, code)
            pulled, _ = asyncio.run(_round(client))
            pulls.append(time.perf_counter() - began)
            assert pulled == total and b.version == total, (pulled, b.version)
            b.close()
    finally:
        server.kill()
        server.wait()
    for run in range(runs):  # the other way: B has the backlog and pushes it to an empty A
        db_b, db_empty = tmp / f"push-b-{run}.db", tmp / f"push-a-{run}.db"
        make_backlog(db_b, count)
        b = open_store(db_b)
        ids = tuple(row["id"] for row in list_workshops(b))  # what the pairing shares
        b.close()
        empty = open_store(db_empty)
        code = pairing_code(empty, SyncScope(workshops=ids))
        empty.close()
        port = free_port()
        server = start(db_empty, "--listen", f"127.0.0.1:{port}")
        try:
            wait_up(f"https://127.0.0.1:{port}")
            b = open_store(db_b)
            began = time.perf_counter()
            _, pushed = asyncio.run(_round(SyncClient(b, f"https://127.0.0.1:{port}", code)))
            pushes.append(time.perf_counter() - began)
            assert pushed == b.version, pushed
            b.close()
        finally:
            server.kill()
            server.wait()
    print(f"backlog of {total} ops, {runs} runs each (median / max):")
    print(
        f"  local insert, no network (baseline): {statistics.median(locals_):.2f} s"
        f" / {max(locals_):.2f} s"
    )
    print(
        f"  pull A→B over loopback:              {statistics.median(pulls):.2f} s"
        f" / {max(pulls):.2f} s   (target < 2 s)"
    )
    print(
        f"  push B→A over loopback:              {statistics.median(pushes):.2f} s"
        f" / {max(pushes):.2f} s   (target < 2 s)"
    )


async def _round(client: SyncClient) -> tuple[int, int]:
    try:
        return await client.run_once()
    finally:
        await client.close()


def appears(store, capture_id: str, timeout: float = 10) -> float:
    began = time.perf_counter()
    while time.perf_counter() - began < timeout:
        try:
            get_capture(store, capture_id)
            return time.perf_counter() - began
        except NotFound:
            time.sleep(0.005)
    raise SystemExit(f"capture {capture_id} never arrived")


def latency(tmp: Path, captures: int) -> None:
    db_a, db_b = tmp / "live-a.db", tmp / "live-b.db"
    workshop_id = make_backlog(db_a, 0)
    a = open_store(db_a)
    code = pairing_code(a)
    port = free_port()
    url = f"https://127.0.0.1:{port}"
    server = start(db_a, "--listen", f"127.0.0.1:{port}")
    follower = start(db_b, "--peer", url, "--code", code, "--interval", "0.5")
    b = open_store(db_b)
    a_to_b, b_to_a = [], []
    try:
        wait_up(url)
        first = add_capture(a, workshop_id, "need", "Start")
        appears(b, first, 30)
        phases = random.Random(8)  # random moments relative to the client's ticks
        for n in range(captures):
            time.sleep(phases.uniform(0.05, 0.6))
            cid = add_capture(a, workshop_id, "need", f"Bedarf {n}")
            a_to_b.append(appears(b, cid))
            time.sleep(phases.uniform(0.05, 0.6))
            cid = add_capture(b, workshop_id, "idea", f"Idee {n}")
            b_to_a.append(appears(a, cid))
    finally:
        follower.kill()
        server.kill()
        follower.wait()
        server.wait()
    print(
        f"new capture visible on the other laptop, {captures} captures each way"
        " (client interval 0.5 s):"
    )
    for name, values in (("A→B (pull)", a_to_b), ("B→A (push)", b_to_a)):
        print(
            f"  {name}: median {statistics.median(values) * 1000:.0f} ms,"
            f" p99 {pct(values, 99) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"
            "   (target p99 < 1500 ms)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--captures", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        backlog(Path(tmp), args.ops, args.runs)
        latency(Path(tmp), args.captures)


if __name__ == "__main__":
    main()
