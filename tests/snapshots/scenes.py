"""Provides the app setups of the snapshot tests, shared with scripts/screenshots.py.

One workshop, one fake clock, fixed ids, join host and code, theme: the second block
has run 38 of its 45 minutes. A scene is the keys pressed from there (and, for the
participants' screens, the people present), so the SVGs in tests/snapshots and in
docs/ show the same app the same way.
"""

from collections.abc import Callable
from dataclasses import dataclass

from textual.pilot import Pilot

from facilitator.store import Store
from facilitator.store.captures import add_capture
from facilitator.store.participants import add_participant, set_present
from facilitator.store.timer import advance, start_or_pause
from facilitator.tui.app import FacilitatorApp, create_app
from tests.conftest import FakeClock, eventually

JOIN_HOST = "192.168.1.20"
JOIN_CODE = "K7Q2M9XW4P"

CAPTURES = [
    ("challenge", "Fehlende Schnittstellen zum Landratsamt", "verwaltung", "Stadt Esslingen"),
    ("need", "Gemeinsame Schulungen zum OZG", "bildung", "Stadt Nürtingen"),
    ("idea", "Kreisweite Open-Data-Plattform", "partizipation_transparenz", None),
    ("todo", "Ansprechpersonen benennen", "verwaltung", "Landratsamt Esslingen"),
]

PEOPLE = [
    # name, organisation, type, municipality
    ("Dr. Katrin Maier", "Landratsamt Esslingen", "landkreis", "Esslingen am Neckar"),
    ("Jonas Weber", "Stadt Esslingen", "kommune", "Esslingen am Neckar"),
    ("Sabine Hofmann", "Stadt Nürtingen", "kommune", "Nürtingen"),
    ("Murat Yilmaz", "Stadt Filderstadt", "kommune", "Filderstadt"),
    ("Thomas Brenner", "Stadtwerke Esslingen", "stadtwerk", "Esslingen am Neckar"),
    ("Lena Krause", "Stadtwerke Nürtingen", "stadtwerk", "Nürtingen"),
    ("Prof. Andreas Roth", "Hochschule Esslingen", "wissenschaft", "Esslingen am Neckar"),
    ("Miriam Ott", "Neckar Digital GmbH", "wirtschaft", "Plochingen"),
]


def seed_running(store: Store, workshop_id: str, clock: FakeClock) -> str:
    """Run the agenda into its second block (38 of 45 minutes) with captures of several kinds."""
    start_or_pause(store, workshop_id)
    clock.advance(minutes=15)
    advance(store, workshop_id)
    clock.advance(minutes=15)
    item = advance(store, workshop_id)
    clock.advance(minutes=38)
    for number, (kind, text, topic, org) in enumerate(CAPTURES):
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


def seed_people(store: Store, workshop_id: str) -> None:
    """Add the participants (for the participants' list and the suggested groups)."""
    for number, (name, org, org_type, place) in enumerate(PEOPLE):
        person = add_participant(
            store,
            workshop_id,
            name,
            organisation=org,
            org_type=org_type,
            municipality=place,
            consent=number % 2 == 0,
        )
        if number < 6:  # two have not arrived yet
            set_present(store, person, True)


def snapshot_app(store: Store, workshop_id: str) -> FacilitatorApp:
    """The app as the snapshots show it: no server, fixed join address, dark theme."""
    return create_app(
        store,
        workshop_id,
        server=False,
        join_host=JOIN_HOST,
        join_code=JOIN_CODE,
        theme="textual-dark",
    )


@dataclass(frozen=True)
class Scene:
    """One screen of the app, reached from the start by keys (and an optional wait)."""

    keys: tuple[str, ...] = ()
    people: bool = False
    ready: Callable[[FacilitatorApp], bool] | None = None

    async def play(self, pilot: Pilot) -> None:
        """Press the keys, then wait until the screen shows what it is for."""
        for key in self.keys:
            await pilot.press(key)
            await pilot.pause()  # a dialog that a key opens is mounted before the next
        if self.ready is not None:
            await eventually(lambda: self.ready(pilot.app), pilot=pilot)


def _groups_shown(app: FacilitatorApp) -> bool:
    return "Gruppe 1" in str(app.screen.query_one("#groups-result").content)


# By the name of its picture in docs/ (tui-<name>.svg).
SCENES: dict[str, Scene] = {
    "run": Scene(),
    "captures": Scene(("f5",)),
    "capture-line": Scene(("f5", "a", "c", *"m: Pilot Wärmeplanung #ener")),
    "plan": Scene(("f3",)),
    "participants": Scene(("f6",), people=True),
    "groups": Scene(("f6", "g", "enter"), people=True, ready=_groups_shown),
    "methods": Scene(("f7",)),
    "join": Scene(("f8",)),
}
