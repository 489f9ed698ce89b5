"""Places in Baden-Württemberg: names as people write them, located or honestly not."""

import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.matching import haversine_km
from facilitator.geo import (
    locate,
    municipalities,
    normalise_place,
    place_warning,
    resolve_place,
)
from tests.office import soffice_convert


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Stadt Esslingen am Neckar", "esslingen am neckar"),
        ("Gemeinde Aichwald", "aichwald"),
        ("Landratsamt Esslingen", "esslingen"),
        ("LRA Ludwigsburg", "ludwigsburg"),
        ("Große Kreisstadt Schwäbisch Hall", "schwaebisch hall"),
        ("Singen (Hohentwiel)", "singen"),
        ("Stadtwerke Ulm", "ulm"),
    ],
)
def test_normalise_place(written, place):
    assert normalise_place(written) == place


def test_locate_places_from_every_corner():
    esslingen = locate("Stadt Esslingen am Neckar")
    assert esslingen == locate("Landratsamt Esslingen")
    assert haversine_km(esslingen, locate("Stuttgart")) < 15
    assert haversine_km(locate("Freiburg im Breisgau"), locate("Lörrach")) < 50
    assert haversine_km(locate("Mannheim"), locate("Konstanz")) > 200
    # "Biberach" alone means the larger Biberach an der Riß, not the village in the Kinzig valley.
    assert locate("Biberach") == locate("Biberach an der Riß")
    # A county names its Landratsamt's seat.
    assert locate("Rhein-Neckar-Kreis") == locate("Heidelberg") and locate("") is None
    assert locate("Paris") is None


ISSUE_PLACES = ["Aichwald", "Ammerbuch", "Lichtenstein", "Walddorfhäslach", "Sonnenbühl",
                "Starzach", "Engstingen", "Hohenstein", "Römerstein"]  # fmt: skip


def test_every_municipality_of_the_state_is_listed_once_with_its_county():
    places = municipalities()
    assert len(places) == 1101
    assert len({(p.name, p.county) for p in places}) == 1101
    assert sum(len(p.seat_of) for p in places) == 35
    assert all(47.5 < p.latitude < 49.8 and 7.5 < p.longitude < 10.5 for p in places)
    for name in ISSUE_PLACES:
        assert resolve_place(name).municipality.name == name


@pytest.mark.parametrize(
    ("written", "name", "county"),
    [
        ("Freiburg", "Freiburg im Breisgau", "Stadtkreis Freiburg im Breisgau"),
        ("Hohentengen (Landkreis Waldshut)", "Hohentengen am Hochrhein", "Landkreis Waldshut"),
        ("Hohentengen, Kreis Sigmaringen", "Hohentengen", "Landkreis Sigmaringen"),
        ("Altdorf (Landkreis Esslingen)", "Altdorf", "Landkreis Esslingen"),
        ("LRA Breisgau-Hochschwarzwald", "Freiburg im Breisgau", "Stadtkreis Freiburg im Breisgau"),
        ("Landratsamt Hohenlohekreis", "Künzelsau", "Hohenlohekreis"),
        ("St. Blasien", "St. Blasien", "Landkreis Waldshut"),
        ("Villingen", "Villingen-Schwenningen", "Schwarzwald-Baar-Kreis"),
        ("Gemeinde Kleines Wiesental", "Kleines Wiesental", "Landkreis Lörrach"),
        ("Lahr", "Lahr/Schwarzwald", "Ortenaukreis"),
        ("Esslingen a.N.", "Esslingen am Neckar", "Landkreis Esslingen"),
        ("Freiburg i. Br.", "Freiburg im Breisgau", "Stadtkreis Freiburg im Breisgau"),
    ],
)
def test_official_names_short_forms_and_counties_resolve(written, name, county):
    found = resolve_place(written).municipality
    assert (found.name, found.county) == (name, county)


def test_ambiguous_or_unknown_place_is_a_warning_with_the_closest_names():
    assert resolve_place("Altdorf").municipality is None
    assert "Landkreis Böblingen" in place_warning("Altdorf")
    assert resolve_place("Altdorf", county="Böblingen").municipality.county == "Landkreis Böblingen"
    # A typo with one clearly closest name is read as it, with the warning kept.
    assert resolve_place("Aichwalt").municipality.name == "Aichwald"
    assert place_warning("Aichwalt") == "Ort „Aichwalt“ als Aichwald gelesen; bitte prüfen."
    warning = place_warning("Stadtbergen")  # in Bavaria: no name is clearly closest
    assert warning.startswith("Ort „Stadtbergen“ nicht gefunden; ähnlich: ")
    assert place_warning("Aichwald") is None


def test_data_file_names_its_licence():
    from importlib import resources

    for name in ("bw_places.csv", "bw_municipalities.csv"):
        head = resources.files("facilitator.data").joinpath(name).read_text("utf-8")[:600]
        assert "GeoNames" in head and "CC BY 4.0" in head


@pytest.mark.slow
def test_factsheet_renders_to_pdf(series_db, tmp_path):
    from tests.conftest import PYTHON, cli_env, require_programs

    require_programs("soffice", "pdftotext")
    target = tmp_path / "fakten.docx"
    subprocess.run(
        [PYTHON, "-m", "facilitator", "export", "factsheet", "-o", str(target)],
        env=cli_env(series_db),
        check=True,
        capture_output=True,
    )
    (pdf,) = soffice_convert([target], tmp_path, timeout=180)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Faktenblatt: alle Workshops" in text and "Seite 1 von" in text
    assert "Meistbewertete Herausforderungen" in text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_written_place_resolves_or_warns_never_raises(written):
    found = resolve_place(written)
    assert (
        found.municipality is not None or place_warning(written) is not None or not written.strip()
    )


# Municipalities per county as the Statistisches Landesamt lists them (unchanged since 2009).
OFFICIAL_COUNTS = {
    "Stadtkreis Stuttgart": 1, "Landkreis Böblingen": 26, "Landkreis Esslingen": 44,
    "Landkreis Göppingen": 38, "Landkreis Ludwigsburg": 39, "Rems-Murr-Kreis": 31,
    "Stadtkreis Heilbronn": 1, "Landkreis Heilbronn": 46, "Hohenlohekreis": 16,
    "Landkreis Schwäbisch Hall": 30, "Main-Tauber-Kreis": 18, "Landkreis Heidenheim": 11,
    "Ostalbkreis": 42, "Stadtkreis Baden-Baden": 1, "Stadtkreis Karlsruhe": 1,
    "Landkreis Karlsruhe": 32, "Landkreis Rastatt": 23, "Stadtkreis Heidelberg": 1,
    "Stadtkreis Mannheim": 1, "Neckar-Odenwald-Kreis": 27, "Rhein-Neckar-Kreis": 54,
    "Stadtkreis Pforzheim": 1, "Landkreis Calw": 25, "Enzkreis": 28, "Landkreis Freudenstadt": 16,
    "Stadtkreis Freiburg im Breisgau": 1, "Landkreis Breisgau-Hochschwarzwald": 50,
    "Landkreis Emmendingen": 24, "Ortenaukreis": 51, "Landkreis Rottweil": 21,
    "Schwarzwald-Baar-Kreis": 20, "Landkreis Tuttlingen": 35, "Landkreis Konstanz": 25,
    "Landkreis Lörrach": 35, "Landkreis Waldshut": 32, "Landkreis Reutlingen": 26,
    "Landkreis Tübingen": 15, "Zollernalbkreis": 25, "Stadtkreis Ulm": 1, "Alb-Donau-Kreis": 55,
    "Landkreis Biberach": 45, "Bodenseekreis": 23, "Landkreis Ravensburg": 39,
    "Landkreis Sigmaringen": 25,
}  # fmt: skip


def test_each_county_has_its_official_number_of_municipalities():
    from collections import Counter

    assert Counter(p.county for p in municipalities()) == OFFICIAL_COUNTS


def test_orgs_list_warns_about_unknown_places_with_the_closest_names(series_db):
    from facilitator.store import open_store
    from facilitator.store.participants import add_participant
    from facilitator.store.workshops import latest_workshop
    from tests.series.conftest import run_cli

    store = open_store(series_db)
    add_participant(store, latest_workshop(store).id, "Anna Aich",
                    organisation="Gemeinde Aichwalt", municipality="Aichwalt")  # fmt: skip
    store.close()
    result = run_cli(series_db, "orgs", "list")
    assert result.returncode == 0 and "Stadt Ulm" in result.stdout
    assert "Warnung: Gemeinde Aichwalt: Ort „Aichwalt“ als Aichwald gelesen; bitte prüfen." in (
        result.stderr
    )
    assert "Stadt Ulm" not in result.stderr


def test_places_as_people_write_them():
    written = {
        "Gem. Aach": "Aach",
        "Weil a. Rhein": "Weil am Rhein",
        "Biberach a.d. Riß": "Biberach an der Riß",
        "Ebersbach/Fils": "Ebersbach an der Fils",
        "Kreis RV": "Ravensburg",
        "LK Tuttlingen": "Tuttlingen",
        "Rems-Murr": "Waiblingen",
        "Main-Tauber": "Tauberbischofsheim",
        "im Ortenaukreis": "Offenburg",
        "Filderstadt-Bernhausen": "Filderstadt",
        "Esslingen a.N.": "Esslingen am Neckar",
        "Schw. Gmünd": "Schwäbisch Gmünd",
    }
    assert {w: resolve_place(w).municipality.name for w in written} == written
    assert resolve_place("Immendingen").municipality.name == "Immendingen"  # "Im" is no prefix
    assert not resolve_place("Weil a. Rhein").guessed
