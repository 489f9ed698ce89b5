"""The app's pure and store modules load without Textual (the house rule for core/store)."""

import subprocess
import sys

import pytest

MODULES = [
    "facilitator.core.capture_line",
    "facilitator.core.replan",
    "facilitator.store.undo",
    "facilitator.store.blocks",
    "facilitator.demo",
]


@pytest.mark.parametrize("module", MODULES)
def test_no_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.stdout.strip() == "False", done.stderr
