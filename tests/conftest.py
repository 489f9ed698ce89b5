"""Provides shared fixtures: a store on a temporary database with a fake clock."""

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.store import Store, open_store

PROJECT = Path(__file__).resolve().parent.parent
AGENDA = PROJECT / "tests" / "data" / "agenda.toml"


class FakeClock:
    """A wall clock in milliseconds that only moves when told to."""

    def __init__(self, start_ms: int = 1_796_000_000_000) -> None:  # 2026-11-30
        self.ms = start_ms

    def __call__(self) -> int:
        return self.ms

    def advance(self, seconds: float = 0, minutes: float = 0) -> None:
        self.ms += int((seconds + minutes * 60) * 1000)


@pytest.fixture(autouse=True)
def _isolate(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the developer's data, config and language."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("FACILITATOR_DB", raising=False)
    monkeypatch.delenv("FACILITATOR_LANG", raising=False)
    monkeypatch.delenv("FACILITATOR_WORKSHOP", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "facilitator.db"


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_store(db_path, now_ms=clock)
    yield opened
    opened.close()


@pytest.fixture
def workshop_id(store: Store) -> str:
    """A workshop made from the small test agenda."""
    from facilitator.core.agenda_format import parse_agenda
    from facilitator.store.workshops import create_workshop

    template = parse_agenda(AGENDA.read_text(encoding="utf-8"), str(AGENDA), None)
    return create_workshop(
        store,
        "Vernetzungsworkshop Esslingen",
        template,
        date="2026-12-01",
        venue="Landratsamt Esslingen",
    )


def cli_env(db_path: Path) -> dict[str, str]:
    """Environment for running `python -m facilitator` as a child process."""
    env = dict(os.environ, FACILITATOR_DB=str(db_path), PYTHONPATH=str(PROJECT))
    env.pop("FACILITATOR_DEBUG", None)
    return env


PYTHON = sys.executable
