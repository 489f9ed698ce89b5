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


def test_demo_with_db_after_the_command_keeps_the_file(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    import facilitator.cli.app as app_module
    from facilitator.cli import main
    from facilitator.store import open_store
    from facilitator.store.workshops import list_workshops

    started = []
    monkeypatch.setattr(app_module, "_run", lambda store, wid, *_: started.append(wid))
    path = tmp_path / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--db", str(path), "--no-server"])
    assert result.exit_code == 0, result.output
    assert started and path.exists()
    store = open_store(path)
    try:
        assert [w["id"] for w in list_workshops(store)] == started
    finally:
        store.close()
