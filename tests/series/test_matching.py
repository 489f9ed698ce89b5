"""Peer matching on the BW dataset: neighbours together, themes together, pairs found."""

import json
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.matching import OrgProfile, balanced_groups, group_sizes, haversine_km
from facilitator.store.matching import suggest_groups
from tests.conftest import PYTHON, cli_env
from tests.series.conftest import REGIONS, org_name


def _names(result) -> list[set[str]]:
    return [{org.name for org in group} for group in result.groups]


def test_distance_grouping_puts_neighbours_together(series_store):
    store, _ = series_store
    result = suggest_groups(store, 6, "distance")
    expected = [{org_name(p) for p in places} for places in REGIONS.values()]
    assert sorted(map(sorted, _names(result))) == sorted(map(sorted, expected))
    assert result.warnings == []


def test_topic_grouping_puts_same_themes_together(series_store):
    store, themes = series_store
    result = suggest_groups(store, 4, "topic")
    for group in result.groups:
        assert len(group) == 6
        assert len({themes[org.name] for org in group}) == 1, [o.name for o in group]


def test_both_keeps_sizes_balanced_and_is_deterministic(series_store):
    store, _ = series_store
    first = suggest_groups(store, 5, "both")
    again = suggest_groups(store, 5, "both")
    sizes = sorted(len(g) for g in first.groups)
    assert sizes == [4, 5, 5, 5, 5]
    assert _names(first) == _names(again)


def test_offer_request_pairs_name_the_shared_topic(series_store):
    store, _ = series_store
    pairs = suggest_groups(store, 2, "topic").pairs
    found = {(p.offer_org, p.request_org): p for p in pairs}
    portal = found[(org_name("Ulm"), org_name("Lörrach"))]
    assert portal.topic == "verwaltung"
    # Different topic fields, but the same thing: the shared word is the reason.
    charging = found[(org_name("Heilbronn"), org_name("Konstanz"))]
    assert charging.topic is None and charging.shared_words
    assert all(p.offer_org != p.request_org for p in pairs)


def test_unlocatable_place_is_named_in_a_warning(series_store):
    from facilitator.store.participants import add_participant
    from facilitator.store.workshops import latest_workshop

    store, _ = series_store
    add_participant(
        store,
        latest_workshop(store).id,
        "Anna Aich",
        organisation="Gemeinde Aichwalt",
        municipality="Aichwalt",
    )
    result = suggest_groups(store, 5, "distance")
    # The misspelt place is read as the one clearly closest name, and said so; never an error.
    (warning,) = [w for w in result.warnings if "Aichwalt" in w]
    assert "als Aichwald gelesen" in warning
    assert sum(len(g) for g in result.groups) == 25


def test_merged_organisation_counts_for_the_survivor(series_store):
    from facilitator.store.captures import add_capture
    from facilitator.store.organisations import ensure_organisation, merge_organisations
    from facilitator.store.workshops import latest_workshop

    store, _ = series_store
    dup = ensure_organisation(store, "Landeshauptstadt Stuttgart", "kommune", "Stuttgart")
    add_capture(
        store,
        latest_workshop(store).id,
        "offer",
        "Offene Geodaten-Schnittstelle",
        topic="verwaltung",
        organisation="Landeshauptstadt Stuttgart",
    )
    merge_organisations(store, dup, ensure_organisation(store, org_name("Stuttgart")))
    result = suggest_groups(store, 6, "distance")
    names = {o.name for g in result.groups for o in g}
    assert "Landeshauptstadt Stuttgart" not in names and len(names) == 24
    stuttgart = next(o for g in result.groups for o in g if o.name == org_name("Stuttgart"))
    assert ("verwaltung", "Offene Geodaten-Schnittstelle") in stuttgart.offers


def test_hidden_submission_stays_out_of_groups_and_pairs(series_store):
    """A phone submission the moderators hid is neither a group member nor an offer."""
    from facilitator.store.captures import add_capture, update_capture
    from facilitator.store.workshops import latest_workshop

    store, _ = series_store
    spam = add_capture(
        store,
        latest_workshop(store).id,
        "offer",
        "Bürgerportal und Online-Antrag billig",
        topic="verwaltung",
        organisation="Werbung GmbH",
        source="participant",
    )
    update_capture(store, spam, hidden=1)
    result = suggest_groups(store, 2, "topic")
    assert "Werbung GmbH" not in {o.name for g in result.groups for o in g}
    assert all("billig" not in p.offer_text for p in result.pairs)


@pytest.mark.parametrize(
    ("groups", "series", "error"),
    [(0, None, ValidationError), (25, None, ValidationError), (2, "Gibt es nicht", NotFound)],
)
def test_bad_input_is_refused(series_store, groups, series, error):
    store, _ = series_store
    with pytest.raises(error):
        suggest_groups(store, groups, "topic", series)


def test_core_balance_and_distance():
    assert group_sizes(10, 3) == [4, 3, 3]
    with pytest.raises(ValueError):
        group_sizes(2, 3)
    assert 90 < haversine_km((48.7823, 9.1770), (49.4891, 8.4669)) < 100  # Stuttgart–Mannheim
    import numpy as np

    sim = np.zeros((7, 7))
    groups = balanced_groups(sim, 3)
    assert sorted(len(g) for g in groups) == [2, 2, 3]
    assert OrgProfile("x", "X").location is None


@pytest.mark.slow  # child processes
def test_cli_match_json_and_errors(series_db):
    env = cli_env(series_db)
    run = subprocess.run(
        [PYTHON, "-m", "facilitator", "match", "--groups", "6", "--by", "distance", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(run.stdout)
    assert len(data["groups"]) == 6 and data["pairs"]
    text = subprocess.run(
        [PYTHON, "-m", "facilitator", "match", "--groups", "3"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Gruppe 3" in text and "Biete/Suche-Paare" in text
    for args in (["--groups", "0"], ["--groups", "99"], ["--series", "Unbekannt"]):
        bad = subprocess.run(
            [PYTHON, "-m", "facilitator", "match", *args], env=env, capture_output=True, text=True
        )
        assert bad.returncode == 2, bad.stderr
        assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    assert "Digitalregion BW 2026" in bad.stderr


def test_workshop_option_uses_its_series(series_store):
    from facilitator.store.workshops import list_workshops

    store, _ = series_store
    first = list_workshops(store)[-1]["id"]
    result = suggest_groups(store, 3, "topic", workshop_id=first)
    assert sum(len(g) for g in result.groups) == 24


@settings(max_examples=40, deadline=None)
@given(
    points=st.lists(
        st.tuples(st.floats(47.5, 49.8), st.floats(7.5, 10.5)), min_size=1, max_size=40
    ),
    data=st.data(),
)
def test_groups_are_balanced_complete_and_deterministic(points, data):
    import numpy as np

    from facilitator.core.matching import similarity_matrix

    groups = data.draw(st.integers(1, len(points)))
    profiles = [OrgProfile(str(i), f"O{i}", location=p) for i, p in enumerate(points)]
    sim = similarity_matrix(profiles, "distance")
    result = balanced_groups(sim, groups)
    sizes = [len(g) for g in result]
    assert max(sizes) - min(sizes) <= 1 and len(result) == groups
    assert sorted(i for g in result for i in g) == list(range(len(points)))
    assert result == balanced_groups(np.array(sim), groups)


def test_untagged_entries_count_under_their_suggested_topic(store):
    """Issue 24.4: phone submissions without a topic field still say what they are about."""
    from facilitator.store.captures import add_capture
    from facilitator.store.matching import profiles
    from facilitator.store.rollup import load_scope, resolve_scope
    from facilitator.store.workshops import create_workshop

    workshop = create_workshop(store, "Ohne Themenfeld")
    add_capture(store, workshop, "challenge", "Glasfaser fehlt in den Teilorten",
                organisation="Gemeinde Aach")  # fmt: skip
    add_capture(store, workshop, "request", "Wer hilft bei der Pflegeplatzbörse?",
                organisation="Stadt Engen")  # fmt: skip
    add_capture(store, workshop, "note", "Kaffee war gut", organisation="Stadt Engen")
    found = {p.name: p for p in profiles(load_scope(store, resolve_scope(store, None, workshop)))}
    assert dict(found["Gemeinde Aach"].topics) == {"infrastruktur": 1}
    assert dict(found["Stadt Engen"].topics) == {"gesundheit_pflege": 1}
    assert found["Stadt Engen"].requests == [
        ("gesundheit_pflege", "Wer hilft bei der Pflegeplatzbörse?")
    ]
