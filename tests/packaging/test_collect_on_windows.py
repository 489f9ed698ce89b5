"""Tests that the suite collects where POSIX-only signals are missing, as on Windows."""

import subprocess
import sys

import pytest

from tests.conftest import PROJECT

pytestmark = pytest.mark.slow

# Collects in a child process with the signals Windows lacks removed from `signal`.
SCRIPT = """
import signal, sys
for name in ("SIGKILL", "SIGSTOP", "SIGCONT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGALRM"):
    if hasattr(signal, name):
        delattr(signal, name)
import pytest
sys.exit(pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "tests/sync",
                      "tests/cli", "tests/web", "tests/store", "tests/e2e"]))
"""


def test_the_suite_collects_without_posix_signals() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=PROJECT, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "error" not in done.stdout.splitlines()[-1]
