"""Provides a series of workshops with organisations from every corner of Baden-Württemberg.

Six regions of four places each; in every region one organisation works on each of four
themes, so grouping by distance must find the regions and grouping by topic the themes.
"""

import subprocess
from pathlib import Path

import pytest

from facilitator.store import Store, open_store
from tests.conftest import PYTHON, cli_env

REGIONS: dict[str, list[str]] = {
    "nordwest": ["Mannheim", "Heidelberg", "Weinheim", "Schwetzingen"],
    "suedwest": ["Freiburg im Breisgau", "Lörrach", "Emmendingen", "Waldkirch"],
    "bodensee": ["Konstanz", "Singen (Hohentwiel)", "Radolfzell am Bodensee", "Überlingen"],
    "ost": ["Ulm", "Biberach an der Riß", "Ehingen (Donau)", "Laupheim"],
    "mitte": ["Stuttgart", "Esslingen am Neckar", "Ludwigsburg", "Böblingen"],
    "nordost": ["Heilbronn", "Schwäbisch Hall", "Crailsheim", "Öhringen"],
}
THEMES: dict[str, list[tuple[str, str]]] = {
    "mobilitaet": [
        ("challenge", "Busanbindung im ländlichen Raum ist lückenhaft"),
        ("need", "Daten zu Pendlerströmen und Radverkehr"),
        ("measure", "On-Demand-Shuttle und Mobilitätsstationen"),
    ],
    "energie_umwelt": [
        ("challenge", "Kommunale Wärmeplanung mit wenig Personal"),
        ("need", "Photovoltaik auf kommunalen Dächern und Wärmenetze"),
        ("measure", "Energiemonitoring der Liegenschaften"),
    ],
    "bildung": [
        ("challenge", "Schulen brauchen Tablets und WLAN-Ausbau"),
        ("need", "Medienentwicklungsplan für Schulträger"),
        ("measure", "Lernplattform für Grundschulen"),
    ],
    "gesundheit_pflege": [
        ("challenge", "Pflegeplätze und Hausärzte fehlen"),
        ("need", "Telemedizin in Pflegeheimen"),
        ("measure", "Pflegestützpunkt mit digitaler Beratung"),
    ],
}
THEME_ORDER = list(THEMES)
SERIES = "Digitalregion BW 2026"


def org_name(place: str) -> str:
    """Return the organisation name used for a place (with a prefix people write)."""
    return f"Stadt {place}"


def theme_of(region_index: int, place_index: int) -> str:
    """Return the theme of the place: each region has each theme once, shifted per region."""
    return THEME_ORDER[(place_index + region_index) % len(THEME_ORDER)]


def build_series(store: Store) -> dict[str, str]:
    """Fill the store with three workshops of the series; return org name -> theme."""
    from facilitator.store.captures import add_capture, set_flipchart_votes
    from facilitator.store.participants import add_participant
    from facilitator.store.series import ensure_series
    from facilitator.store.workshops import create_workshop

    series_id = ensure_series(store, SERIES)
    workshops = [
        create_workshop(
            store, f"Vernetzungsworkshop {n}", date=f"2026-1{n}-1{n}", series_id=series_id
        )
        for n in (0, 1, 2)
    ]
    themes: dict[str, str] = {}
    counter = 0
    for r, places in enumerate(REGIONS.values()):
        for p, place in enumerate(places):
            theme = theme_of(r, p)
            name = org_name(place)
            themes[name] = theme
            workshop = workshops[counter % 3]
            counter += 1
            slug = place.split()[0].lower()
            add_participant(
                store,
                workshop,
                f"Person {place}",
                organisation=name,
                org_type="kommune",
                municipality=place,
                email=f"kontakt@{slug}.example",
                consent=p % 2 == 0,
            )
            for kind, text in THEMES[theme]:
                capture = add_capture(store, workshop, kind, text, topic=theme, organisation=name)
                if kind == "challenge":
                    set_flipchart_votes(store, capture, 1 + (counter % 7))
    # Offers and requests across organisations (and across regions).
    add_capture(
        store,
        workshops[0],
        "offer",
        "Erfahrung mit einem Open-Data-Portal",
        topic="verwaltung",
        organisation=org_name("Ulm"),
    )
    add_capture(
        store,
        workshops[1],
        "request",
        "Hilfe beim Aufbau eines Open-Data-Portals",
        topic="verwaltung",
        organisation=org_name("Lörrach"),
    )
    add_capture(
        store,
        workshops[2],
        "offer",
        "Vorlage für eine Ausschreibung von Ladesäulen",
        topic="mobilitaet",
        organisation=org_name("Heilbronn"),
    )
    add_capture(
        store,
        workshops[0],
        "request",
        "Ladesäulen für E-Autos im Quartier",
        topic="energie_umwelt",
        organisation=org_name("Konstanz"),
    )
    return themes


@pytest.fixture
def series_store(store: Store) -> tuple[Store, dict[str, str]]:
    """The store with the BW series in it, and org name -> theme."""
    return store, build_series(store)


@pytest.fixture
def series_db(db_path: Path) -> Path:
    """A database file with the BW series, closed again (for CLI tests)."""
    opened = open_store(db_path, create=True)
    build_series(opened)
    opened.close()
    return db_path


def run_cli(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run `python -m facilitator ARGS` on the database `db`; raise on failure if `check`."""
    return subprocess.run(
        [PYTHON, "-m", "facilitator", *args],
        env=cli_env(db),
        capture_output=True,
        text=True,
        check=check,
    )
