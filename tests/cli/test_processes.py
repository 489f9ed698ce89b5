"""Processes: crash safety under SIGKILL, clean errors, lazy imports at start-up."""

import signal
import sqlite3
import subprocess
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import AGENDA, POSIX_ONLY, PYTHON, cli_env

CAPTURER = textwrap.dedent("""
    import sys
    from facilitator.store import open_store
    from facilitator.store.captures import add_capture
    from facilitator.store.workshops import latest_workshop
    store = open_store(sys.argv[1])
    ws = latest_workshop(store).id
    for n in range(100_000):
        capture_id = add_capture(store, ws, "challenge", f"Herausforderung {n}")
        print(capture_id, flush=True)  # printed only after the commit returned
""")


def _new_workshop(env: dict[str, str], title: str) -> None:
    subprocess.run(
        [PYTHON, "-m", "facilitator", "new", title, "--agenda", str(AGENDA)],
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.mark.slow
@POSIX_ONLY
def test_sigkill_mid_stream_loses_no_acknowledged_capture(db_path: Path) -> None:
    env = cli_env(db_path)
    _new_workshop(env, "Crash")
    child = subprocess.Popen(
        [PYTHON, "-c", CAPTURER, str(db_path)], env=env, stdout=subprocess.PIPE, text=True
    )
    printed: list[str] = []
    deadline = time.monotonic() + 120
    assert child.stdout is not None
    while len(printed) < 1200 and time.monotonic() < deadline:
        printed.append(child.stdout.readline().strip())
    child.send_signal(signal.SIGKILL)  # mid-stream, without warning
    rest = child.stdout.read()
    child.wait()
    printed += [line for line in rest.split() if line]
    assert len(printed) >= 1000
    conn = sqlite3.connect(db_path)
    stored = {row[0] for row in conn.execute("SELECT id FROM capture")}
    logged = conn.execute("SELECT count(*) FROM op WHERE kind = 'capture.add'").fetchone()[0]
    lost = [capture_id for capture_id in printed if capture_id not in stored]
    assert lost == [], f"{len(lost)} acknowledged captures lost"
    assert logged == len(stored)  # every projection row has its op


def test_list_does_not_import_heavy_libraries(db_path: Path) -> None:
    env = cli_env(db_path)
    _new_workshop(env, "X")
    probe = (
        "import sys, runpy; sys.argv=['facilitator','list']\n"
        "try: runpy.run_module('facilitator', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in ('textual','aiohttp','docx','matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([PYTHON, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_bad_input_exits_2_without_traceback(db_path: Path, tmp_path: Path) -> None:
    env = cli_env(db_path)
    bad = tmp_path / "bad.toml"
    bad.write_text("title = \n", encoding="utf-8")
    result = subprocess.run(
        [PYTHON, "-m", "facilitator", "new", "X", "--agenda", str(bad)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:1: TOML-Syntaxfehler")
    assert "Traceback" not in result.stderr
    assert not db_path.exists()  # nothing written


def test_locked_database_is_one_sentence(db_path: Path) -> None:
    env = cli_env(db_path)
    _new_workshop(env, "X")
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        env["FACILITATOR_BUSY_MS"] = "200"
        result = subprocess.run(
            [PYTHON, "-m", "facilitator", "capture", "-k", "need", "-t", "x"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2
    assert "gesperrt" in result.stderr and "Traceback" not in result.stderr
