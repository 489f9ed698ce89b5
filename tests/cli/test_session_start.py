"""`facilitator app` after a crash: back on the workshop whose timer ran, not the newest."""

from click.testing import CliRunner

import facilitator.cli.app as app_module
from facilitator.cli import main
from facilitator.store.timer import start_or_pause
from facilitator.store.workshops import create_workshop, list_workshops


def test_app_restarts_on_the_running_workshop(monkeypatch, store, workshop_id, db_path) -> None:
    started = []
    monkeypatch.setattr(
        app_module, "_run", lambda store, wid, lang, no_server, host: started.append((wid, host))
    )
    start_or_pause(store, workshop_id)
    newer = create_workshop(store, "Synchronisiert vom anderen Laptop", None)
    assert list_workshops(store)[0]["id"] == newer
    result = CliRunner().invoke(main, ["--db", str(db_path), "app", "--host", "127.0.0.1"])
    assert result.exit_code == 0, result.output
    assert started == [(workshop_id, "127.0.0.1")]
    result = CliRunner().invoke(main, ["--db", str(db_path), "app", "-w", newer[:8]])
    assert started[-1] == (newer, "0.0.0.0")  # an explicit choice wins
