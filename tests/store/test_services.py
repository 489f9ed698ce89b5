"""Workshops, agenda, participants, organisations, timer and the JSON round trip."""

import pytest

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.participants_csv import parse_participants_csv
from facilitator.store import Store, open_store
from facilitator.store.agenda import add_item, list_items, move_item, update_item, workshop_schedule
from facilitator.store.captures import add_capture, list_captures
from facilitator.store.exchange import dumps, export_workshop, import_workshop
from facilitator.store.organisations import list_organisations, merge_organisations
from facilitator.store.participant_import import import_participants
from facilitator.store.participants import list_participants, set_consent
from facilitator.store.timer import advance, extend, skip, start_or_pause, timer_state
from facilitator.store.workshops import get_workshop, latest_workshop, list_workshops


def test_workshop_from_template_has_its_agenda_and_a_join_code(
    store: Store, workshop_id: str
) -> None:
    workshop = get_workshop(store, workshop_id)
    assert workshop.end == "12:00" and len(workshop.join_code) == 10
    items, plan = workshop_schedule(store, workshop_id)
    assert [i.title for i in items][0] == "Ankommen und Kaffee"
    assert plan.slots[3].start_text == "11:00"  # the pinned lunch
    assert latest_workshop(store).id == workshop_id
    assert get_workshop(store, workshop_id[:6]).id == workshop_id
    assert get_workshop(store, workshop_id[:6].upper()).id == workshop_id


def test_unknown_workshop_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        get_workshop(store, "gibtsnicht")


@pytest.mark.parametrize("typed", ["_", "__", "", "%"])
def test_an_id_prefix_is_taken_literally(store: Store, workshop_id: str, typed: str) -> None:
    """`-w _` is no wildcard that picks the only workshop there is."""
    with pytest.raises(NotFound):
        get_workshop(store, typed)


def test_reorder_and_resize_agenda(store: Store, workshop_id: str) -> None:
    items = list_items(store, workshop_id)
    move_item(store, items[-1].id, 0)
    update_item(store, items[0].id, minutes=20)
    reordered = list_items(store, workshop_id)
    assert reordered[0].id == items[-1].id
    assert next(i for i in reordered if i.id == items[0].id).minutes == 20


def test_add_item_validates(store: Store, workshop_id: str) -> None:
    with pytest.raises(ValidationError):
        add_item(store, workshop_id, "", 10)
    with pytest.raises(ValidationError):
        add_item(store, workshop_id, "x", 0)


def test_timer_services_run_three_blocks_with_extend_and_skip(
    store: Store, workshop_id: str, clock
) -> None:
    items = list_items(store, workshop_id)
    start_or_pause(store, workshop_id)
    assert timer_state(store, workshop_id).current_id == items[0].id
    clock.advance(minutes=10)
    assert advance(store, workshop_id).id == items[1].id
    extend(store, workshop_id, 5)
    clock.advance(minutes=3)
    assert skip(store, workshop_id).id == items[2].id
    state = timer_state(store, workshop_id)
    assert state.runs[items[1].id].extension_min == 5
    assert state.runs[items[0].id].elapsed_ms == 10 * 60_000
    assert state.current_id == items[2].id and state.running


def test_participants_import_with_organisations_shared(store: Store, workshop_id: str) -> None:
    rows = parse_participants_csv(
        "Name;Organisation;Typ;Kommune;E-Mail;Einwilligung\n"
        "Anna Berger;Stadt Esslingen;Kommune;Esslingen am Neckar;anna@esslingen.de;ja\n"
        "Bernd Kaiser;Stadt Esslingen;;Esslingen am Neckar;;nein\n",
        "p.csv",
    )
    assert import_participants(store, workshop_id, rows) == 2
    people = list_participants(store, workshop_id)
    assert [p.organisation for p in people] == ["Stadt Esslingen", "Stadt Esslingen"]
    assert people[0].consent == 1 and people[0].consent_at
    assert len(list_organisations(store)) == 1
    set_consent(store, people[1].id, True)
    assert list_participants(store, workshop_id)[1].consent_text_version


def test_bad_csv_rows_are_all_reported_with_line_numbers() -> None:
    with pytest.raises(ValidationError) as info:
        parse_participants_csv(
            "name,email,org_type\nA,a@x.de,kommune\n,b@x.de,\nC,kein-mail,xyz\n", "p.csv"
        )
    assert info.value.problems == [
        "p.csv:3: der Name fehlt",
        "p.csv:4: unbekannter Typ 'xyz' (erlaubt: kommune, landkreis, stadtwerk, wirtschaft, "
        "wissenschaft, verband, sonstige)",
        "p.csv:4: 'kein-mail' ist keine E-Mail-Adresse",
    ]


def test_merged_organisation_is_hidden_from_the_list(store: Store, workshop_id: str) -> None:
    add_capture(store, workshop_id, "offer", "GIS-Know-how", organisation="LRA Esslingen")
    add_capture(store, workshop_id, "request", "Austausch", organisation="Landratsamt Esslingen")
    orgs = {o.name: o.id for o in list_organisations(store)}
    merge_organisations(store, orgs["LRA Esslingen"], orgs["Landratsamt Esslingen"])
    assert [o.name for o in list_organisations(store)] == ["Landratsamt Esslingen"]
    shown = {c.organisation for c in list_captures(store, workshop_id)}
    assert shown == {"Landratsamt Esslingen"}  # the merged name no longer shows


def test_merging_twice_shows_the_last_survivor(store: Store, workshop_id: str) -> None:
    """LRA into Landratsamt, then Landratsamt into Kreis: the LRA's entries show the Kreis."""
    add_capture(store, workshop_id, "offer", "GIS-Know-how", organisation="LRA Esslingen")
    add_capture(store, workshop_id, "need", "Daten", organisation="Landratsamt Esslingen")
    add_capture(store, workshop_id, "idea", "Portal", organisation="Landkreis Esslingen")
    orgs = {o.name: o.id for o in list_organisations(store)}
    merge_organisations(store, orgs["LRA Esslingen"], orgs["Landratsamt Esslingen"])
    merge_organisations(store, orgs["Landratsamt Esslingen"], orgs["Landkreis Esslingen"])
    assert [o.name for o in list_organisations(store)] == ["Landkreis Esslingen"]
    shown = {c.organisation for c in list_captures(store, workshop_id)}
    assert shown == {"Landkreis Esslingen"}


def test_json_round_trip_into_an_empty_database_is_identical(
    store: Store, workshop_id: str, tmp_path, clock
) -> None:
    add_capture(
        store,
        workshop_id,
        "challenge",
        "Medienbrüche",
        topic="verwaltung",
        organisation="Gemeinde Aichwald",
    )
    start_or_pause(store, workshop_id)
    data = export_workshop(store, workshop_id)
    other = open_store(tmp_path / "other.db", now_ms=clock)
    assert import_workshop(other, data) == len(data["ops"])
    assert dumps(export_workshop(other, workshop_id)) == dumps(data)
    assert import_workshop(other, data) == 0  # importing twice duplicates nothing
    assert len(list_workshops(other)) == 1


def test_import_rejects_foreign_json(store: Store) -> None:
    with pytest.raises(ValidationError, match="kein facilitator-Export"):
        import_workshop(store, {"hello": 1})


def test_changed_email_is_checked_like_a_new_one(store: Store, workshop_id: str) -> None:
    from facilitator.store.participants import add_participant, update_participant

    person = add_participant(store, workshop_id, "Anna Berger", email="anna@example.org")
    with pytest.raises(ValidationError, match="keine E-Mail-Adresse"):
        update_participant(store, person, email="anna at example")
    assert list_participants(store, workshop_id)[0].email == "anna@example.org"


def test_csv_attendance_column(store: Store, workshop_id: str) -> None:
    rows = parse_participants_csv(
        "Name;Organisation;Anwesend\n"
        "Anna Berger;Stadt Esslingen;ja\n"
        "Bernd Kaiser;Stadt Esslingen;nein\n",
        "p.csv",
    )
    import_participants(store, workshop_id, rows)
    assert [p.present for p in list_participants(store, workshop_id)] == [1, 0]
    english = parse_participants_csv("name,present\nAnna,yes\nBernd,\n", "p.csv")
    assert [r.present for r in english] == [True, False]
    with pytest.raises(ValidationError, match="weder ja noch nein"):
        parse_participants_csv("name,present\nAnna,vielleicht\n", "p.csv")
