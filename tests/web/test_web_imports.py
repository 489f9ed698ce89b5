"""Tests that the participant server stays headless: importing it never loads Textual."""

import subprocess
import sys

from tests.conftest import PROJECT


def test_web_does_not_import_textual():
    code = (
        "import sys, facilitator.web.app, facilitator.web.runner, facilitator.web.secrets, "
        "facilitator.store.votes, facilitator.store.registrations; "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=True, timeout=60)
