"""SVG snapshots of the Run, Capture, Plan and Join screens at 80×24 and 160×48.

Everything that could vary is fixed: the clock (FakeClock, UTC), the data and
capture ids, the join host and code, the theme. Update with `--snapshot-update`.
The setups are in scenes.py; scripts/screenshots.py makes docs/*.svg from the same.
"""

import time

import pytest

from facilitator.store import Store
from tests.snapshots.scenes import SCENES, seed_running, snapshot_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def running(store: Store, workshop_id: str, clock) -> str:
    """The second block has run 38 of its 45 minutes, with captures of several kinds."""
    return seed_running(store, workshop_id, clock)


@pytest.mark.parametrize("size", SIZES)
def test_run_screen(snap_compare, store, running, size):
    assert snap_compare(snapshot_app(store, running), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_capture_screen(snap_compare, store, running, size):
    scene = SCENES["capture-line"]
    assert snap_compare(snapshot_app(store, running), terminal_size=size, run_before=scene.play)


@pytest.mark.parametrize("size", SIZES)
def test_plan_screen(snap_compare, store, running, size):
    scene = SCENES["plan"]
    assert snap_compare(snapshot_app(store, running), terminal_size=size, run_before=scene.play)


@pytest.mark.parametrize("size", SIZES)
def test_join_screen(snap_compare, store, running, size):
    scene = SCENES["join"]
    assert snap_compare(snapshot_app(store, running), terminal_size=size, run_before=scene.play)
