"""A re-import never undoes an erasure or a withdrawal, and says what it left out (23.2)."""

from pathlib import Path

from facilitator.core.participants_csv import parse_participants_csv
from facilitator.store.participant_import import import_participants
from facilitator.store.participants import list_participants, set_consent
from facilitator.store.people import erase_people, find_people
from facilitator.store.registrations import register_participant

CSV = (
    "Name;Organisation;E-Mail;Einwilligung\n"
    "Erika Muster;Gemeinde Denkendorf;erika@denkendorf.de;ja\n"
    "Max Weber;Stadtwerke Esslingen;max@swe.example;ja\n"
    "Ola Opfer;Stadt Ulm;ola@ulm.example;ja\n"
)


def _import(store, workshop_id, text: str = CSV):
    return import_participants(store, workshop_id, parse_participants_csv(text))


def test_reimport_respects_erasure_withdrawal_and_a_removed_email(
    store, workshop_id, db_path: Path
) -> None:
    _import(store, workshop_id)
    erase_people(store, find_people(store, "erika@denkendorf.de"))
    (max_,) = find_people(store, "Max Weber")
    set_consent(store, max_.id, False, source="paper")  # `edit --consent nein`
    (ola,) = find_people(store, "Ola Opfer")
    # Ola withdraws on her own phone (a record the phone owns after a confirmed claim)
    store.conn.execute("UPDATE participant SET client_id = 'ola-phone' WHERE id = ?", [ola.id])
    register_participant(store, workshop_id, "x", "Ola Opfer", client_id="ola-phone")

    result = _import(store, workshop_id)
    people = {p.name: p for p in list_participants(store, workshop_id)}
    assert set(people) == {"Max Weber", "Ola Opfer"}  # Erika is not back
    assert not people["Max Weber"].consent and not people["Ola Opfer"].consent
    assert people["Ola Opfer"].email == ""
    assert [left.text() for left in result.left_out] == [
        "Erika Muster: nicht importiert – wurde gelöscht (Art. 17 DSGVO)",
        "Max Weber: Einwilligung nicht übernommen – später widerrufen",
        "Ola Opfer: E-Mail-Adresse nicht übernommen – mit dem Widerruf entfernt",
        "Ola Opfer: Einwilligung nicht übernommen – später widerrufen",
    ]
    store.checkpoint()
    for file in db_path.parent.glob(db_path.name + "*"):
        assert b"erika@denkendorf.de" not in file.read_bytes(), file


def test_a_consent_dated_after_the_withdrawal_is_taken(store, workshop_id) -> None:
    _import(store, workshop_id)
    (max_,) = find_people(store, "Max Weber")
    set_consent(store, max_.id, False, source="paper")  # the fake clock: 2026-11-30
    later = (
        "Name;Organisation;E-Mail;Einwilligung;Einwilligung am\n"
        "Max Weber;Stadtwerke Esslingen;max@swe.example;ja;02.12.2026\n"
    )
    result = _import(store, workshop_id, later)
    assert result.left_out == []
    (max_,) = find_people(store, "Max Weber")
    assert max_.consent
