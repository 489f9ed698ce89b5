"""Two laptops as real processes on loopback: capture, crash, cut the line, converge.

Laptop A serves (`facilitator sync --listen`), laptop B follows
(`facilitator sync --peer … --code …`); each has its own database, and both
record captures through `facilitator capture` child processes the whole time.
"""

import asyncio
import os
import signal
import subprocess
import threading
from pathlib import Path

import pytest
from sync_helpers import free_port, new_workshop

from facilitator.store import open_store
from facilitator.store.captures import list_captures
from facilitator.store.workshops import list_workshops
from facilitator.sync.pairing import pairing_code
from tests.conftest import POSIX_ONLY, PYTHON, cli_env, eventually

pytestmark = [pytest.mark.slow, pytest.mark.timeout(150), POSIX_ONLY]
BACKLOG = 6000  # three pull/push batches: a kill can land between two of them


class Laptop:
    """One laptop: its database, its sync process, its capture children."""

    def __init__(self, name: str, db: Path, tmp: Path) -> None:
        self.name, self.db, self.tmp = name, db, tmp
        self.env = cli_env(db)
        self.sync: subprocess.Popen | None = None
        self.acknowledged: list[str] = []  # texts whose capture command succeeded
        self.counter = 0
        self.lock = threading.Lock()
        self._reader = None

    def start_sync(self, *args: str) -> None:
        log = open(self.tmp / f"{self.name}-sync.log", "ab")
        self.sync = subprocess.Popen(
            [PYTHON, "-m", "facilitator", "sync", *args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill_sync(self, sig: int | None = None) -> None:
        assert self.sync is not None
        # looked up when called: Windows has no SIGKILL, and this module must still import
        self.sync.send_signal(signal.SIGKILL if sig is None else sig)
        self.sync.wait(timeout=10)
        self.sync = None

    def capture(self, lines: int = 1) -> None:
        """Record `lines` captures in one `facilitator capture --text -` process."""
        with self.lock:
            texts = [f"{self.name}-{self.counter + n}" for n in range(lines)]
            self.counter += lines
        done = subprocess.run(
            [PYTHON, "-m", "facilitator", "capture", "--kind", "idea", "--text", "-"],
            input="\n".join(texts) + "\n",
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        with self.lock:
            self.acknowledged.extend(texts)

    def version(self) -> int:
        """The newest op's sequence number: grows batch by batch while a backlog arrives."""
        if self._reader is None:
            self._reader = open_store(self.db, create=False)
        return self._reader.version

    def captures(self) -> list[str]:
        store = open_store(self.db, create=False)
        try:
            workshops = list_workshops(store)
            if not workshops:
                return []
            return [c.text for c in list_captures(store, workshops[0]["id"])]
        finally:
            store.close()

    def export(self) -> str:
        out = self.tmp / f"{self.name}.json"
        subprocess.run(
            [PYTHON, "-m", "facilitator", "export", "json", "-o", str(out)],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=60,
        )
        return out.read_text(encoding="utf-8")


def both_capture(a: Laptop, b: Laptop, rounds: int, lines: int = 2) -> None:
    """Both laptops capture at the same time, `rounds` commands each."""

    def run(laptop: Laptop) -> None:
        for _ in range(rounds):
            laptop.capture(lines)

    threads = [threading.Thread(target=run, args=(x,)) for x in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)


def wait_for(condition, seconds: float, step: float = 0.2, describe=None) -> None:
    """`eventually` for this test, which has no event loop of its own."""
    asyncio.run(eventually(condition, seconds, step=step, describe=describe))


def test_two_laptops_capture_crash_cut_and_converge(tmp_path):
    store = open_store(tmp_path / "a.db")
    new_workshop(store)
    code = pairing_code(store)
    store.close()
    a = Laptop("A", tmp_path / "a.db", tmp_path)
    b = Laptop("B", tmp_path / "b.db", tmp_path)
    port = free_port()
    url = f"https://127.0.0.1:{port}"
    listen = ["--listen", f"127.0.0.1:{port}"]
    follow = ["--peer", url, "--code", code, "--interval", "0.2"]
    try:
        a.start_sync(*listen)
        b.start_sync(*follow)
        # B starts empty and receives the workshop before it can capture into it.
        wait_for(lambda: b.db.exists() and b.captures() == [] and _has_workshop(b), 20)

        both_capture(a, b, rounds=3)

        # A backlog on A; B's sync process dies (SIGKILL) after it has written part of it.
        b.kill_sync()
        before = b.version()
        a.capture(lines=BACKLOG)
        b.start_sync(*follow)
        wait_for(lambda: before < b.version() < before + BACKLOG, 20, step=0.005)
        b.kill_sync()
        b.start_sync(*follow)
        both_capture(a, b, rounds=2)

        # B's backlog is pushed; A's server dies (SIGKILL) with part of it written.
        a.kill_sync()
        before = a.version()
        b.capture(lines=BACKLOG)
        a.start_sync(*listen)
        wait_for(lambda: before < a.version() < before + BACKLOG, 20, step=0.005)
        a.kill_sync()
        a.capture()
        a.start_sync(*listen)
        both_capture(a, b, rounds=2)

        # The line is cut for a while: both keep working on their own.
        b.kill_sync(signal.SIGTERM)
        a.kill_sync()
        both_capture(a, b, rounds=3)
        a.start_sync(*listen)
        b.start_sync(*follow)

        expected = sorted(a.acknowledged + b.acknowledged)
        wait_for(
            lambda: sorted(a.captures()) == expected and sorted(b.captures()) == expected,
            30,
            describe=lambda: (len(expected), len(a.captures()), len(b.captures())),
        )
        # 3+2+2+3 concurrent rounds of 2 lines on each laptop, the two backlogs, A's single one
        assert len(expected) == len(set(expected)) == 10 * 2 * 2 + 2 * BACKLOG + 1
        assert a.export() == b.export()
    finally:
        for laptop in (a, b):
            if laptop.sync is not None:
                laptop.kill_sync()
            if laptop._reader is not None:
                laptop._reader.close()
        if os.environ.get("SYNC_TEST_LOGS"):
            for log in tmp_path.glob("*-sync.log"):
                print(log.name, log.read_text(errors="replace"))


def _has_workshop(laptop: Laptop) -> bool:
    store = open_store(laptop.db, create=False)
    try:
        return bool(list_workshops(store))
    finally:
        store.close()
