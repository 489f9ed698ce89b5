"""End-to-end: the tables use the width they have after the terminal is resized (tmux)."""

import os
import shlex
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import PYTHON, cli_env
from tests.e2e.test_demo_tmux import Terminal

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]

HEADERS = ("Art", "Text", "Thema", "Organisation", "Pkt.", "Von")


def _header_line(screen: str) -> str:
    return next(line for line in screen.splitlines() if " Art " in line and "Thema" in line)


def _resize(term: Terminal, width: int, height: int) -> str:
    """Resize, then wait until the app has repainted (tmux first shows the old cells)."""
    term.tmux("resize-window", "-t", "app", "-x", str(width), "-y", str(height))
    deadline, last = time.monotonic() + 20, ""
    while time.monotonic() < deadline:
        time.sleep(0.3)
        shown = term.screen()
        headers = [line for line in shown.splitlines() if " Art " in line and "Thema" in line]
        if shown == last and len(headers) == 1 and headers[0].count("Thema") == 1:
            return shown
        last = shown
    raise AssertionError(f"no table at {width}×{height}:\n{term.screen()}")


def test_captures_table_follows_the_terminal_width(db_path: Path) -> None:
    env = cli_env(db_path)
    command = " ".join(
        [
            # pytest exports COLUMNS/LINES, and Textual would take them over the terminal's size
            "env",
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            *(f"{k}={shlex.quote(env[k])}" for k in ("PYTHONPATH", "HOME", "LANG")),
            "TERM=xterm-256color",
            shlex.quote(PYTHON),
            "-m",
            "facilitator",
            "demo",
            "--db",
            shlex.quote(str(db_path)),
            "--no-server",
            "; sleep 30",
        ]
    )
    term = Terminal(f"facilitator-resize-{os.getpid()}")
    term.tmux("new-session", "-d", "-s", "app", "-x", "160", "-y", "48", command)
    try:
        term.wait_for("Leertaste")
        term.tmux("send-keys", "-t", "app", "F5")
        term.wait_for("Organisation")
        term.tmux("send-keys", "-t", "app", "a")  # all captures, not only the block's
        wide = _header_line(_resize(term, 160, 48))
        narrow_screen = _resize(term, 80, 24)
        narrow = _header_line(narrow_screen)
        for header in HEADERS:  # every column on screen at 80 columns, "Von" included
            assert f" {header}" in narrow, narrow
        assert all(len(line) <= 80 for line in narrow_screen.splitlines())
        again = _header_line(_resize(term, 120, 40))
        # the text column grows with the width and shrinks back: no stale widths
        assert narrow.index("Thema") < again.index("Thema") < wide.index("Thema")
        assert " Von" in again and " Von" in wide
    finally:
        term.tmux("kill-server")
