"""Tests of the app's commands as a user starts them (help only: the app needs a terminal)."""

import subprocess

from tests.conftest import PYTHON, cli_env


def test_app_and_demo_have_help(db_path) -> None:
    for command, expected in (("demo", "Beispiel"), ("app", "App")):
        done = subprocess.run(
            [PYTHON, "-m", "facilitator", command, "--help"],
            env=cli_env(db_path),
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.returncode == 0, done.stderr
        assert expected in done.stdout and "--no-server" in done.stdout


def test_unknown_workshop_is_one_line_and_exit_2(db_path) -> None:
    done = subprocess.run(
        [PYTHON, "-m", "facilitator", "app", "--workshop", "gibtsnicht", "--no-server"],
        env=cli_env(db_path),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "gibtsnicht" in done.stderr and "Traceback" not in done.stderr
