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


# -- day (issue 15): every other screen, and the dialogs of the moderator's day ------------


@pytest.fixture
def people(store: Store, running: str) -> str:
    """Participants whose German order is not the alphabet's (titles, umlauts)."""
    from facilitator.store.participants import add_participant, set_present

    for number, (name, org, kind, place) in enumerate(
        [
            ("Prof. Dr. Hans Zimmer", "Hochschule Esslingen", "wissenschaft", "Esslingen"),
            ("Özlem Arslan", "Stadt Esslingen", "kommune", "Esslingen am Neckar"),
            ("Dr. Lukas Dürr", "Gemeinde Aichwald", "kommune", "Aichwald"),
            ("Anna Oberle", "Stadtwerke Nürtingen", "stadtwerk", "Nürtingen"),
        ]
    ):
        person = add_participant(
            store,
            running,
            name,
            organisation=org,
            org_type=kind,
            municipality=place,
            participant_id=f"person-{number}",
        )
        if number % 2 == 0:
            set_present(store, person, True)
    return running


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare, store, running, size):
    assert snap_compare(snapshot_app(store, running), press=["f2"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_captures_list_screen(snap_compare, store, running, size):
    assert snap_compare(snapshot_app(store, running), press=["f5", "a", "down"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_participants_screen(snap_compare, store, people, size):
    assert snap_compare(snapshot_app(store, people), press=["f6"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_methods_screen(snap_compare, store, running, size):
    assert snap_compare(snapshot_app(store, running), press=["f7"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_export_screen(snap_compare, store, running, size):
    async def opened(pilot) -> None:
        await pilot.press("f9")
        # the folder defaults to the working directory: fixed here so the picture is stable
        pilot.app.screen.query_one("#export-folder").value = "/home/moderation/Workshops"

    assert snap_compare(snapshot_app(store, running), run_before=opened, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_item_form(snap_compare, store, running, size):
    assert snap_compare(snapshot_app(store, running), press=["f3", "down", "e"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_replan_dialog(snap_compare, store, running, clock, size):
    # the running block (45 min, 38 run) goes on to 100: 7 minutes into the lunch at
    # 11:00, so the block after it gives 7 minutes to keep the end at 12:00
    clock.advance(minutes=62)
    assert snap_compare(snapshot_app(store, running), press=["r"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help_dialog(snap_compare, store, running, size):
    assert snap_compare(snapshot_app(store, running), press=["f5", "f1"], terminal_size=size)
