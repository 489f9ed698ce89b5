"""Provides importing a participant list again and again: match, update, never duplicate.

A row is the same person as someone already in the workshop if the e-mail matches
(case-insensitive), else if name and organisation match. A match is updated (name,
e-mail, organisation; consent only when the list says "ja": a "nein" never withdraws a
consent given elsewhere). All ops of one import carry one "_batch" id, so one undo
reverses the whole import.
"""

from facilitator.core.models import Participant
from facilitator.core.participants_csv import ParticipantRow
from facilitator.store.db import Store
from facilitator.store.participants import (
    add_participant,
    list_participants,
    set_consent,
    update_participant,
)


class ImportResult(int):
    """How many rows were taken (an int), and of them how many were new or updated."""

    added: int
    updated: int

    def __new__(cls, added: int, updated: int) -> "ImportResult":
        result = super().__new__(cls, added + updated)
        result.added, result.updated = added, updated
        return result


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_match(
    people: list[Participant], name: str, organisation: str, email: str
) -> Participant | None:
    """Return the person a row (or a phone registration) refers to: e-mail, then name + org."""
    if email.strip():
        for person in people:
            if person.email and _fold(person.email) == _fold(email):
                return person
    for person in people:
        if _fold(person.name) == _fold(name) and _fold(person.organisation) == _fold(organisation):
            return person
    return None


def import_participants(
    store: Store, workshop_id: str, parsed: list[ParticipantRow]
) -> ImportResult:
    """Add or update every parsed CSV row, in one transaction and one undo step."""
    batch = store.new_id()
    added = updated = 0
    with store.transaction():
        people = list_participants(store, workshop_id)
        for row in parsed:
            person = find_match(people, row.name, row.organisation, row.email)
            if person is None:
                add_participant(
                    store,
                    workshop_id,
                    row.name,
                    organisation=row.organisation,
                    org_type=row.org_type,
                    municipality=row.municipality,
                    email=row.email,
                    consent=row.consent,
                    present=row.present,
                    consent_source="csv",
                    consent_given_at=row.consent_date,
                    batch=batch,
                )
                added += 1
            else:
                _update(store, person, row, batch)
                updated += 1
            people = list_participants(store, workshop_id)
    return ImportResult(added, updated)


def _update(store: Store, person: Participant, row: ParticipantRow, batch: str) -> None:
    fields: dict[str, str | int | None] = {"name": row.name}
    if row.email:
        fields["email"] = row.email
    if row.present and not person.present:  # a list's "nein" never unmarks who came
        fields["present"] = 1
    if row.organisation:
        fields.update(
            organisation=row.organisation, org_type=row.org_type, municipality=row.municipality
        )
    update_participant(store, person.id, batch=batch, **fields)
    if row.consent and not person.consent:
        set_consent(store, person.id, True, source="csv", given_at=row.consent_date, batch=batch)
