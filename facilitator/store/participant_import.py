"""Provides importing a participant list again and again: match, update, never duplicate.

A row is the same person as someone already in the workshop if the e-mail matches
(case-insensitive), else if name and organisation match. A match is updated (name,
e-mail, organisation; consent only when the list says "ja": a "nein" never withdraws a
consent given elsewhere). All ops of one import carry one "_batch" id, so one undo
reverses the whole import.

A list is older than what happened since: a person erased from the workshop
is never added again (the tombstone's fingerprints, store/erasure.py); a withdrawal is
not turned back into consent unless the list dates a consent after it; an e-mail address
removed with a withdrawal does not come back. What was left out is reported, one line
per person (`ImportResult.left_out`).
"""

from dataclasses import dataclass
from typing import Any

from facilitator.core.models import Participant
from facilitator.core.participants_csv import ParticipantRow
from facilitator.store.db import Store
from facilitator.store.erasure import is_erased_row
from facilitator.store.participants import (
    add_participant,
    list_participants,
    set_consent,
    update_participant,
)


@dataclass(frozen=True)
class LeftOut:
    """One person, or part of what the list says about them, that an import did not take."""

    name: str
    reason: str  # "erased", "withdrawn", "email_withdrawn"

    def text(self, lang: str = "de") -> str:
        """Return the line the CLI and the app show for it."""
        de, en = _REASONS[self.reason]
        return f"{self.name}: {en if lang == 'en' else de}"


_REASONS = {
    "erased": (
        "nicht importiert – wurde gelöscht (Art. 17 DSGVO)",
        "not imported – was erased (GDPR Art. 17)",
    ),
    "withdrawn": (
        "Einwilligung nicht übernommen – später widerrufen",
        "consent not taken – withdrawn later",
    ),
    "email_withdrawn": (
        "E-Mail-Adresse nicht übernommen – mit dem Widerruf entfernt",
        "e-mail address not taken – removed with the withdrawal",
    ),
}


class ImportResult(int):
    """How many rows were taken (an int), how many new or updated, and what was left out."""

    added: int
    updated: int
    left_out: list[LeftOut]

    def __new__(
        cls, added: int, updated: int, left_out: list[LeftOut] | None = None
    ) -> "ImportResult":
        result = super().__new__(cls, added + updated)
        result.added, result.updated = added, updated
        result.left_out = left_out or []
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
    left_out: list[LeftOut] = []
    with store.transaction():
        people = list_participants(store, workshop_id)
        for row in parsed:
            person = find_match(people, row.name, row.organisation, row.email)
            if person is None:
                if is_erased_row(store.conn, workshop_id, row.name, row.organisation, row.email):
                    left_out.append(LeftOut(row.name, "erased"))
                    continue
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
                    consent_text_version=row.consent_text_version,
                )
                added += 1
            else:
                left_out += _update(store, person, row, batch)
                updated += 1
            people = list_participants(store, workshop_id)
    return ImportResult(added, updated, left_out)


def _withdrawn_at(store: Store, person: Participant) -> str | None:
    """When the person withdrew consent (None if they consent now or never withdrew)."""
    found = store.conn.execute(
        "SELECT consent_withdrawn_at FROM participant WHERE id = ? AND consent = 0",
        [person.id],
    ).fetchone()
    return found[0] if found else None


def _update(store: Store, person: Participant, row: ParticipantRow, batch: str) -> list[LeftOut]:
    left_out: list[LeftOut] = []
    withdrawn = _withdrawn_at(store, person)
    # a consent the list dates after the withdrawal is a new one; undated, it is older
    renewed = bool(withdrawn and row.consent_date and row.consent_date > withdrawn[:10])
    fields: dict[str, Any] = {"name": row.name}
    if row.email:
        if withdrawn and not person.email and not renewed:
            left_out.append(LeftOut(row.name, "email_withdrawn"))
        else:
            fields["email"] = row.email
    if row.present and not person.present:  # a list's "nein" never unmarks who came
        fields["present"] = 1
    if row.organisation:
        fields.update(
            organisation=row.organisation, org_type=row.org_type, municipality=row.municipality
        )
    update_participant(store, person.id, batch=batch, **fields)
    if row.consent and not person.consent:
        if withdrawn and not renewed:
            left_out.append(LeftOut(row.name, "withdrawn"))
        else:
            set_consent(
                store,
                person.id,
                True,
                source="csv",
                given_at=row.consent_date,
                batch=batch,
                version=row.consent_text_version,
            )
    return left_out
