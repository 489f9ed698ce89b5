"""Tests the layering of DESIGN.md: the import contracts in pyproject.toml hold."""

import os
import subprocess
import sys

from tests.conftest import PROJECT

LINT = (
    "import sys\n"
    "from importlinter.cli import lint_imports\n"
    "sys.exit(lint_imports(no_cache=True, no_logo=True))\n"
)


def test_import_contracts_are_kept() -> None:
    # A child process with this checkout first on the path, so the contracts see this code
    # (not another installed copy of facilitator).
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    done = subprocess.run(
        [sys.executable, "-c", LINT], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
