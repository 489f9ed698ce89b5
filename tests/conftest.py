"""Provides shared fixtures (a store on a temporary database with a fake clock) and helpers."""

import asyncio
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
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
    # the command line sets LANGUAGE for click's catalogue; undo it after each test
    monkeypatch.delenv("LANGUAGE", raising=False)
    # The organisers' privacy notice names a controller (without one, phones get no
    # registration and the sign-in list is not printed: tests/test_privacy_notice.py).
    own = home / "config" / "facilitator" / "privacy.toml"
    own.parent.mkdir(parents=True)
    own.write_text(
        '[de]\ncontroller = "Verantwortlich: Testamt, Teststraße 1, 70173 Stuttgart."\n'
        'contact = "Datenschutz: datenschutz@testamt.example"\n',
        encoding="utf-8",
    )


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


def create_test_workshop(store: Store) -> str:
    """Create the workshop of the small test agenda; return its id."""
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


@pytest.fixture
def workshop_id(store: Store) -> str:
    """A workshop made from the small test agenda."""
    return create_test_workshop(store)


def cli_env(db_path: Path) -> dict[str, str]:
    """Environment for running `python -m facilitator` as a child process."""
    env = dict(os.environ, FACILITATOR_DB=str(db_path), PYTHONPATH=str(PROJECT))
    env.pop("FACILITATOR_DEBUG", None)
    return env


PYTHON = sys.executable


async def eventually(
    condition: Callable[[], object],
    seconds: float = 20,
    *,
    pilot: object | None = None,
    step: float = 0.02,
    describe: Callable[[], object] | None = None,
) -> None:
    """Wait until `condition()` holds; fail the test if it does not within `seconds`.

    The one way tests wait for something that happens later (a worker, a stream, another
    process): polling, never a fixed sleep. With a Textual `pilot` the app runs its
    messages between checks; otherwise the event loop does (`asyncio.run(eventually(…))`
    from a test that has none).
    """
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            detail = f": {describe()}" if describe is not None else ""
            raise AssertionError(f"not so within {seconds} s{detail}")
        if pilot is not None:
            await pilot.pause(step)  # type: ignore[attr-defined]
        else:
            await asyncio.sleep(step)


def require_programs(*programs: str) -> None:
    """Skip the test when a program it drives is missing; fail it under CI=true instead.

    The one rule for pandoc, LibreOffice, poppler, tmux and Chromium: a developer without
    them still runs the rest, CI (which installs them, see .ci/run) never skips quietly.
    """
    missing = [name for name in programs if shutil.which(name) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} fehlt (siehe APT_PACKAGES in .ci/run)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


# The app's tests (Pilot: a whole Textual app per test) and its snapshots are the slow
# tier too: the fast tier (`-m "not slow"`) is the services, documents, server and CLI.
_APP_TESTS = ("tui", "snapshots")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the app's tests slow (see _APP_TESTS)."""
    for item in items:
        if Path(item.fspath).parent.name in _APP_TESTS:
            item.add_marker(pytest.mark.slow)


# Signals a process cannot catch (SIGKILL) and POSIX signals sent to a child exist only
# off Windows; such tests are marked so the rest of the suite collects and runs there.
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals (SIGKILL, SIGINT)")
