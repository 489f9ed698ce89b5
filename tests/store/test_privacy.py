"""Privacy in the store: erasure down to the bytes, consent provenance, matching on re-import."""

import json
import os
from pathlib import Path

import pytest

from facilitator.core.participants_csv import parse_participants_csv
from facilitator.store import Store, open_store
from facilitator.store.captures import add_capture, list_captures, update_capture
from facilitator.store.exchange import dumps, export_workshop, import_workshop
from facilitator.store.participant_import import import_participants
from facilitator.store.participants import get_participant, list_participants, set_consent
from facilitator.store.people import erase_people, find_people, person_report, purge_before
from facilitator.store.registrations import register_participant
from facilitator.store.undo import undo_last
from tests.conftest import FakeClock

EMAIL = "erika.musterfrau@denkendorf.de"
CSV = (
    "Name;Organisation;E-Mail;Einwilligung;Einwilligung am\n"
    f"Erika Musterfrau;Gemeinde Denkendorf;{EMAIL};ja;15.11.2026\n"
    "Max Weber;Stadtwerke Esslingen;;ja;\n"
    "Jonas Klein;Hochschule Esslingen;jonas@hs-esslingen.de;nein;\n"
)


def _files_contain(db_path: Path, needle: bytes) -> list[str]:
    found = []
    for suffix in ("", "-wal", "-shm"):
        file = db_path.with_name(db_path.name + suffix)
        if file.exists() and needle in file.read_bytes():
            found.append(file.name)
    return found


def test_erase_removes_the_bytes_from_database_wal_and_ops(
    store: Store, workshop_id: str, db_path: Path
) -> None:
    import_participants(store, workshop_id, parse_participants_csv(CSV))
    erika = find_people(store, EMAIL)[0]
    set_consent(store, erika.id, False)  # more ops that name her
    set_consent(store, erika.id, True)
    add_capture(
        store, workshop_id, "challenge", "Kein Glasfaser im Ortskern", author="Erika Musterfrau"
    )
    todo = add_capture(store, workshop_id, "todo", "Bauakte prüfen", owner="Erika Musterfrau")
    update_capture(store, todo, owner="erika musterfrau ")
    assert _files_contain(db_path, EMAIL.encode())  # the check can see the bytes at all

    erase_people(store, find_people(store, "Erika Musterfrau"))

    assert _files_contain(db_path, EMAIL.encode()) == []
    assert _files_contain(db_path, b"Musterfrau") == []
    assert _files_contain(db_path, b"musterfrau") == []  # the lower-case owner, the e-mail
    assert [p.name for p in list_participants(store, workshop_id)] == ["Jonas Klein", "Max Weber"]
    captures = {c.text: c for c in list_captures(store, workshop_id)}
    assert captures["Kein Glasfaser im Ortskern"].author == ""  # stays, anonymous
    assert captures["Bauakte prüfen"].owner == ""
    assert "Musterfrau" not in dumps(export_workshop(store, workshop_id))


def test_old_export_does_not_bring_an_erased_person_back(
    store: Store, workshop_id: str, tmp_path: Path, clock: FakeClock
) -> None:
    import_participants(store, workshop_id, parse_participants_csv(CSV))
    old_export = json.loads(dumps(export_workshop(store, workshop_id)))
    erase_people(store, find_people(store, EMAIL))

    import_workshop(store, old_export)
    assert EMAIL not in dumps(export_workshop(store, workshop_id))
    assert len(list_participants(store, workshop_id)) == 2

    # A laptop that learns of the erasure only later: old ops first, then the erase op.
    other = open_store(tmp_path / "other.db", now_ms=clock)
    import_workshop(other, old_export)
    assert find_people(other, EMAIL)
    import_workshop(other, json.loads(dumps(export_workshop(store, workshop_id))))
    assert EMAIL not in dumps(export_workshop(other, workshop_id))
    import_workshop(other, old_export)  # and again afterwards
    assert _files_contain(tmp_path / "other.db", EMAIL.encode()) == []
    other.close()


def test_reimport_updates_instead_of_duplicating_and_one_undo_reverses_it(
    store: Store, workshop_id: str
) -> None:
    first = import_participants(store, workshop_id, parse_participants_csv(CSV))
    assert (first.added, first.updated) == (3, 0)
    changed = CSV.replace("Erika Musterfrau;", "Dr. Erika Musterfrau;").replace(
        "Jonas Klein;Hochschule Esslingen;jonas@hs-esslingen.de;nein",
        "Jonas Klein;Hochschule Esslingen;jonas@hs-esslingen.de;ja",
    )
    again = import_participants(
        store,
        workshop_id,
        parse_participants_csv(changed + "Neu Person;Gemeinde Aichwald;;nein;\n"),
    )
    assert (again.added, again.updated) == (1, 3)
    people = {p.name: p for p in list_participants(store, workshop_id)}
    assert sorted(people) == ["Dr. Erika Musterfrau", "Jonas Klein", "Max Weber", "Neu Person"]
    assert people["Jonas Klein"].consent == 1

    undo_last(store, workshop_id)  # one undo for the whole second import
    people = {p.name: p for p in list_participants(store, workshop_id)}
    assert sorted(people) == ["Erika Musterfrau", "Jonas Klein", "Max Weber"]
    assert people["Jonas Klein"].consent == 0


def test_consent_provenance_from_csv_and_withdrawal(store: Store, workshop_id: str) -> None:
    import_participants(store, workshop_id, parse_participants_csv(CSV))
    erika, max_ = find_people(store, EMAIL)[0], find_people(store, "Max Weber")[0]
    row = store.conn.execute(
        "SELECT consent_source, consent_given_at FROM participant WHERE id = ?", [erika.id]
    ).fetchone()
    assert tuple(row) == ("csv", "2026-11-15")
    row = store.conn.execute(
        "SELECT consent_source, consent_given_at FROM participant WHERE id = ?", [max_.id]
    ).fetchone()
    assert tuple(row) == ("csv", None)  # date unknown, not today

    set_consent(store, erika.id, False, source="paper")
    row = store.conn.execute(
        "SELECT consent, consent_given_at, consent_withdrawn_at FROM participant WHERE id = ?",
        [erika.id],
    ).fetchone()
    assert row[0] == 0 and row[1] == "2026-11-15" and row[2]  # first consent time kept
    history = person_report(store, [erika])["entries"][0]["consent_history"]
    assert [(h["consent"], h["source"]) for h in history] == [(True, "csv"), (False, "paper")]


def test_phone_registers_again_updates_and_withdraws(store: Store, workshop_id: str) -> None:
    register_participant(
        store,
        workshop_id,
        "id-phone-1",
        "Erika Musterfrau",
        email=EMAIL,
        consent=True,
        organisation="Gemeinde Denkendorf",
        org_type="kommune",
        municipality="Denkendorf",
    )
    erika = get_participant(store, "id-phone-1")
    assert erika.consent and erika.org_type == "kommune" and erika.municipality == "Denkendorf"
    text = store.conn.execute(
        "SELECT text FROM consent_text WHERE version = ?", [erika.consent_text_version]
    ).fetchone()[0]
    assert "Protokoll" in text

    assert (
        register_participant(store, workshop_id, "id-phone-1", "Erika Musterfrau", email=EMAIL)
        == "updated"
    )
    people = list_participants(store, workshop_id)
    assert (
        len(people) == 1 and people[0].consent == 0 and people[0].email == ""
    )  # none without consent

    # Someone on the imported list registers from a phone: a claim, the entry unchanged
    # until a moderator confirms it (issue 23.1).
    import_participants(store, workshop_id, parse_participants_csv(CSV))
    assert len(list_participants(store, workshop_id)) == 3  # Erika matched by name + org
    assert (
        register_participant(
            store, workshop_id, "id-phone-2", "Max Weber", organisation="Stadtwerke Esslingen"
        )
        == "claim"
    )
    assert len(list_participants(store, workshop_id)) == 3


def test_purge_erases_people_of_past_workshops(
    store: Store, workshop_id: str, db_path: Path
) -> None:
    import_participants(store, workshop_id, parse_participants_csv(CSV))
    add_capture(store, workshop_id, "need", "Schulungen", author="Anonyme Person vom Handy")
    old_export = json.loads(dumps(export_workshop(store, workshop_id)))
    assert purge_before(store, "2026-12-01") == 0  # the workshop is on that day
    assert purge_before(store, "2026-12-02") == 3
    assert purge_before(store, "2026-12-02") == 0  # once is enough
    assert list_participants(store, workshop_id) == []
    assert list_captures(store, workshop_id)[0].author == ""
    import_workshop(store, old_export)
    assert list_participants(store, workshop_id) == []
    for needle in (EMAIL.encode(), b"Jonas Klein", b"Anonyme Person"):
        assert _files_contain(db_path, needle) == [], needle


@pytest.mark.skipif(os.name == "nt", reason="Windows has no owner-only mode bits")
def test_new_database_files_are_private(tmp_path: Path, clock: FakeClock) -> None:
    opened = open_store(tmp_path / "new.db", now_ms=clock)
    opened.set_meta("x", "y")
    for name in ("new.db", "new.db-wal"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name
    opened.close()
