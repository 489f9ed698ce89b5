"""SVG snapshots of the Run, Capture, Plan and Join screens at 80×24 and 160×48.

Everything that could vary is fixed: the clock (FakeClock, UTC), the data and
capture ids, the join host and code, the theme. Update with `--snapshot-update`.
"""

import time

import pytest

from facilitator.store import Store
from facilitator.store.captures import add_capture
from facilitator.store.timer import start_or_pause
from facilitator.tui.app import create_app

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
    from facilitator.store.timer import advance

    start_or_pause(store, workshop_id)
    clock.advance(minutes=15)
    advance(store, workshop_id)
    clock.advance(minutes=15)
    item = advance(store, workshop_id)
    clock.advance(minutes=38)
    rows = [
        ("challenge", "Fehlende Schnittstellen zum Landratsamt", "verwaltung", "Stadt Esslingen"),
        ("need", "Gemeinsame Schulungen zum OZG", "bildung", "Stadt Nürtingen"),
        ("idea", "Kreisweite Open-Data-Plattform", "partizipation_transparenz", None),
        ("todo", "Ansprechpersonen benennen", "verwaltung", "Landratsamt Esslingen"),
    ]
    for number, (kind, text, topic, org) in enumerate(rows):
        add_capture(
            store,
            workshop_id,
            kind,
            text,
            topic=topic,
            organisation=org,
            agenda_item_id=item.id,
            capture_id=f"capture-{number}",
            owner="Kim Maier" if kind == "todo" else None,
        )
    return workshop_id


def _app(store: Store, workshop_id: str):
    return create_app(
        store,
        workshop_id,
        server=False,
        join_host="192.168.1.20",
        join_code="K7Q2M9XW4P",
        theme="textual-dark",
    )


@pytest.mark.parametrize("size", SIZES)
def test_run_screen(snap_compare, store, running, size):
    assert snap_compare(_app(store, running), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_capture_screen(snap_compare, store, running, size):
    async def typed(pilot) -> None:
        await pilot.press("f5", "a", "c")
        await pilot.press(*"m: Pilot Wärmeplanung #ener")

    assert snap_compare(_app(store, running), terminal_size=size, run_before=typed)


@pytest.mark.parametrize("size", SIZES)
def test_plan_screen(snap_compare, store, running, size):
    assert snap_compare(_app(store, running), press=["f3"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_join_screen(snap_compare, store, running, size):
    assert snap_compare(_app(store, running), press=["f8"], terminal_size=size)


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
    assert snap_compare(_app(store, running), press=["f2"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_captures_list_screen(snap_compare, store, running, size):
    assert snap_compare(_app(store, running), press=["f5", "a", "down"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_participants_screen(snap_compare, store, people, size):
    assert snap_compare(_app(store, people), press=["f6"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_methods_screen(snap_compare, store, running, size):
    assert snap_compare(_app(store, running), press=["f7"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_export_screen(snap_compare, store, running, size):
    async def opened(pilot) -> None:
        await pilot.press("f9")
        # the folder defaults to the working directory: fixed here so the picture is stable
        pilot.app.screen.query_one("#export-folder").value = "/home/moderation/Workshops"

    assert snap_compare(_app(store, running), run_before=opened, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_item_form(snap_compare, store, running, size):
    assert snap_compare(_app(store, running), press=["f3", "down", "e"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_replan_dialog(snap_compare, store, running, clock, size):
    # the running block (45 min, 38 run) goes on to 100: 7 minutes into the lunch at
    # 11:00, so the block after it gives 7 minutes to keep the end at 12:00
    clock.advance(minutes=62)
    assert snap_compare(_app(store, running), press=["r"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help_dialog(snap_compare, store, running, size):
    assert snap_compare(_app(store, running), press=["f5", "f1"], terminal_size=size)
