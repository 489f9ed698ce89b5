"""Provides the app's benchmark: first paint, Enter-to-committed capture, CPU of the Run screen.

    python benchmarks/tui.py [--runs 5] [--cpu-seconds 20]

(The screenshots in docs/ come from scripts/screenshots.py.)

Prints medians. Baselines measured in the same run: a bare Python start in the
same tmux setup (first paint), and the capture service called directly (Enter).
"""

import argparse
import asyncio
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
SOCKET = f"facilitator-bench-{os.getpid()}"


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, timeout=10
    ).stdout


def new_session(size: tuple[int, int], command: str) -> None:
    """Start the session; a server still shutting down from the last run gets a retry."""
    for _ in range(50):
        done = subprocess.run(
            [
                "tmux",
                "-L",
                SOCKET,
                "new-session",
                "-d",
                "-s",
                "b",
                "-x",
                str(size[0]),
                "-y",
                str(size[1]),
                command,
            ],
            capture_output=True,
            text=True,
            timeout=10,
        )
        if done.returncode == 0 and "b" in tmux("list-sessions", "-F", "#{session_name}"):
            return
        time.sleep(0.1)
    raise RuntimeError(f"tmux did not start: {done.stderr}")


def _command(args: list[str]) -> str:
    env = f"PYTHONPATH={shlex.quote(str(PROJECT))} TERM=xterm-256color"
    return f"env {env} {shlex.quote(sys.executable)} " + " ".join(map(shlex.quote, args))


def time_to_text(args: list[str], text: str, size: tuple[int, int] = (80, 24)) -> float:
    """Seconds from starting `args` in a fresh tmux session until `text` is on screen."""
    start = time.perf_counter()
    new_session(size, _command(args))
    try:
        while time.perf_counter() - start < 30:
            if text in tmux("capture-pane", "-p", "-t", "b"):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"{text!r} never appeared")
    finally:
        tmux("kill-server")


def first_paint(runs: int) -> tuple[float, float]:
    baseline, app = [], []
    for _ in range(runs):
        baseline.append(
            time_to_text(["-c", "print('bereit'); import time; time.sleep(5)"], "bereit")
        )
        with tempfile.TemporaryDirectory() as folder:
            db = str(Path(folder) / "bench.db")
            app.append(
                time_to_text(["-m", "facilitator", "--db", db, "demo", "--no-server"], "Leertaste")
            )
    return statistics.median(baseline), statistics.median(app)


def _descendants(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                found.append(int(entry.name))
    return found + [d for child in found for d in _descendants(child)]


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def run_screen_cpu(seconds: float) -> float:
    """Percent of one core used by the app while the Run screen's timer runs."""
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        args = ["-m", "facilitator", "--db", db, "demo", "--no-server"]
        new_session((160, 48), _command(args))
        try:
            deadline = time.monotonic() + 30
            while "Leertaste" not in tmux("capture-pane", "-p", "-t", "b"):
                if time.monotonic() > deadline:
                    raise RuntimeError("the app did not start")
                time.sleep(0.05)
            tmux("send-keys", "-t", "b", "Space")
            time.sleep(1.0)
            pane = int(tmux("list-panes", "-t", "b", "-F", "#{pane_pid}").split()[0])
            pids = [pane, *_descendants(pane)]
            python = max(pids, key=_cpu_ticks)
            before, start = _cpu_ticks(python), time.monotonic()
            time.sleep(seconds)
            used = (_cpu_ticks(python) - before) / os.sysconf("SC_CLK_TCK")
            return 100 * used / (time.monotonic() - start)
        finally:
            tmux("kill-server")


async def capture_latency(count: int) -> tuple[float, float]:
    """Median ms of Enter in the capture line until add_capture returned; and the service alone."""
    from facilitator.demo import seed_demo
    from facilitator.store import open_store
    from facilitator.store.captures import add_capture, list_captures
    from facilitator.tui.app import create_app

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        workshop_id = seed_demo(store)
        service = []
        for number in range(count):
            start = time.perf_counter()
            add_capture(store, workshop_id, "note", f"Dienst {number}")
            service.append(time.perf_counter() - start)
        app = create_app(store, workshop_id, server=False)
        enter = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("space", "c")
            line = app.screen.query_one("#capture-input")
            from facilitator.tui.dialogs import capture as dialog

            original = dialog.add_capture

            def timed(*args, **kwargs):
                result = original(*args, **kwargs)
                enter.append(time.perf_counter() - pressed[0])
                return result

            dialog.add_capture = timed
            pressed = [0.0]
            for number in range(count):
                line.value = f"h: Hürde {number} #verw @Stadt_Esslingen"
                pressed[0] = time.perf_counter()
                await pilot.press("enter")
            dialog.add_capture = original
        assert len(list_captures(store, workshop_id, kind="challenge")) >= count
        store.close()
    return statistics.median(enter) * 1000, statistics.median(service) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu-seconds", type=float, default=20)
    parser.add_argument("--captures", type=int, default=50)
    args = parser.parse_args()
    baseline, paint = first_paint(args.runs)
    print(
        f"first paint of `facilitator demo` in tmux: median {paint:.3f} s "
        f"(goal ≤ 0.8 s; bare python in the same setup {baseline:.3f} s; {args.runs} runs)"
    )
    enter, service = asyncio.run(capture_latency(args.captures))
    print(
        f"Enter → capture committed: median {enter:.1f} ms (goal ≤ 30 ms; "
        f"service alone {service:.1f} ms; {args.captures} captures)"
    )
    cpu = run_screen_cpu(args.cpu_seconds)
    print(
        f"Run screen, timer running, 160×48: {cpu:.2f} % of one core over "
        f"{args.cpu_seconds:.0f} s (goal ≤ 5 %)"
    )


if __name__ == "__main__":
    main()
