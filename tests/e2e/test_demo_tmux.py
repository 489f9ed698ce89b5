"""End-to-end: `facilitator demo` in a real terminal (tmux, private socket), keys as a user types.

Starts the timer with space, captures a challenge with c … Enter, quits with ctrl+q
and finds the capture in the database.
"""

import asyncio
import os
import shlex
import subprocess
from pathlib import Path

import pytest

from facilitator.store import open_store
from facilitator.store.captures import list_captures
from facilitator.store.timer import timer_state
from facilitator.store.workshops import latest_workshop
from tests.conftest import PYTHON, cli_env, eventually, require_programs

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _tmux_installed() -> None:
    require_programs("tmux")


class Terminal:
    """A tmux session on its own socket, so it never touches the user's tmux."""

    def __init__(self, name: str) -> None:
        self.socket = name

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, seconds: float = 20) -> str:
        """Return the screen once it shows `text`."""
        shown = [""]

        def showing() -> bool:
            shown[0] = self.screen()
            return text in shown[0]

        asyncio.run(
            eventually(
                showing, seconds, step=0.05, describe=lambda: f"{text!r}; on screen:\n{shown[0]}"
            )
        )
        return shown[0]


def test_demo_capture_in_tmux(db_path: Path) -> None:
    env = cli_env(db_path)
    command = " ".join(
        [
            "env",
            *(f"{k}={shlex.quote(env[k])}" for k in ("PYTHONPATH", "HOME", "LANG")),
            "TERM=xterm-256color",
            shlex.quote(PYTHON),
            "-m",
            "facilitator",
            "--db",
            shlex.quote(str(db_path)),
            "demo",
            "--no-server",
            "; echo EXITED $?; sleep 30",
        ]
    )
    term = Terminal(f"facilitator-e2e-{os.getpid()}")
    term.tmux("new-session", "-d", "-s", "app", "-x", "80", "-y", "24", command)
    try:
        term.wait_for("Leertaste")
        term.tmux("send-keys", "-t", "app", "Space")
        term.wait_for("läuft")
        term.tmux("send-keys", "-t", "app", "c")
        term.wait_for("Enter speichert")
        term.tmux(
            "send-keys",
            "-t",
            "app",
            "-l",
            "h: Fehlende Schnittstellen zum Landratsamt #verwaltung",
        )
        term.tmux("send-keys", "-t", "app", "Enter")
        term.wait_for("Gespeichert")
        term.tmux("send-keys", "-t", "app", "C-q")
        # the phones and the timer depend on this laptop: the app asks first (issue 25.11)
        term.wait_for("Ja (j)")  # the question wraps at 80 columns
        term.tmux("send-keys", "-t", "app", "j")
        assert "EXITED 0" in term.wait_for("EXITED")
    finally:
        term.tmux("kill-server")

    store = open_store(db_path, create=False)
    try:
        workshop = latest_workshop(store)
        found = [
            c
            for c in list_captures(store, workshop.id)
            if c.text == "Fehlende Schnittstellen zum Landratsamt"
        ]
        assert len(found) == 1
        assert (found[0].kind, found[0].topic) == ("challenge", "verwaltung")
        state = timer_state(store, workshop.id)
        assert found[0].agenda_item_id == state.current_id  # the block that was running
    finally:
        store.close()
