"""Provides participant services: import, add, presence, consent to share contact details."""

from typing import Any

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.models import Participant
from facilitator.core.participants_csv import ParticipantRow, looks_like_email
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.organisations import ensure_organisation
from facilitator.store.queries import one, rows

CONSENT_TEXT_VERSION = "2026-11-de-1"
CONSENT_TEXT = (
    "Ich bin einverstanden, dass mein Name, meine Organisation und meine E-Mail-Adresse im "
    "Protokoll an die anderen Teilnehmenden dieses Workshops weitergegeben werden, damit wir "
    "in Kontakt bleiben können. Ich kann die Einwilligung jederzeit widerrufen."
)

_SELECT = """
    SELECT p.*, coalesce(o.name, '') AS organisation, coalesce(o.org_type, 'sonstige') AS org_type,
           coalesce(o.municipality, '') AS municipality
    FROM participant p
    LEFT JOIN organisation o0 ON o0.id = p.organisation_id
    -- an organisation merged into another shows as the one that survived
    LEFT JOIN organisation o ON o.id = coalesce(o0.merged_into, o0.id)
"""


def add_participant(
    store: Store,
    workshop_id: str,
    name: str,
    *,
    organisation: str = "",
    org_type: str | None = None,
    municipality: str = "",
    email: str = "",
    consent: bool = False,
    present: bool = False,
    source: str = "moderator",
    participant_id: str | None = None,
) -> str:
    """Add a participant; the organisation is found or created by name and place.

    `participant_id` is for callers that derive the id themselves (a phone's retry);
    by default a new one is made.
    """
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Der Name darf nicht leer sein.", en="The name must not be empty.")
    _check_email(email)
    with store.transaction():
        org_id = (
            ensure_organisation(store, organisation, org_type, municipality)
            if organisation
            else None
        )
        participant_id = participant_id or store.new_id()
        now = store.now_text()
        record(
            store,
            "participant.add",
            {
                "id": participant_id,
                "workshop_id": workshop_id,
                "name": name,
                "organisation_id": org_id,
                "email": email.strip(),
                "consent": int(consent),
                "consent_at": now if consent else None,
                "consent_text_version": CONSENT_TEXT_VERSION if consent else None,
                "present": int(present),
                "source": source,
                "created_at": now,
            },
            workshop_id,
        )
    return participant_id


def import_participants(store: Store, workshop_id: str, parsed: list[ParticipantRow]) -> int:
    """Add every parsed CSV row in one transaction; return how many were added."""
    with store.transaction():
        for row in parsed:
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
            )
    return len(parsed)


def list_participants(store: Store, workshop_id: str) -> list[Participant]:
    """Return the workshop's participants by name."""
    found = rows(
        store,
        _SELECT + " WHERE p.workshop_id = ? AND p.deleted = 0 "
        "AND p.name IS NOT NULL ORDER BY p.name COLLATE NOCASE",
        [workshop_id],
    )
    return [Participant.from_row(r) for r in found]


def get_participant(store: Store, participant_id: str) -> Participant:
    row = one(store, _SELECT + " WHERE p.id = ? AND p.deleted = 0", [participant_id])
    if row is None:
        raise NotFound(
            f"Eine Teilnehmerin / einen Teilnehmer {participant_id!r} gibt es nicht.",
            en=f"There is no participant {participant_id!r}.",
        )
    return Participant.from_row(row)


def set_consent(store: Store, participant_id: str, consent: bool) -> None:
    """Record consent to share contact details (time and text version kept), or its withdrawal."""
    person = get_participant(store, participant_id)
    record(
        store,
        "participant.consent",
        {
            "id": participant_id,
            "consent": int(consent),
            "consent_at": store.now_text(),
            "consent_text_version": CONSENT_TEXT_VERSION,
            "_before": {
                "consent": person.consent,
                "consent_at": person.consent_at,
                "consent_text_version": person.consent_text_version,
            },
        },
        person.workshop_id,
    )


def set_present(store: Store, participant_id: str, present: bool) -> None:
    person = get_participant(store, participant_id)
    record(
        store,
        "participant.update",
        {"id": participant_id, "present": int(present), "_before": {"present": person.present}},
        person.workshop_id,
    )


def _check_email(email: str) -> None:
    if email and not looks_like_email(email):
        raise ValidationError(
            f"{email!r} ist keine E-Mail-Adresse.", en=f"{email!r} is not an email address."
        )


def update_participant(store: Store, participant_id: str, **fields: Any) -> None:
    """Change name or e-mail, or move the person to another organisation (by name)."""
    person = get_participant(store, participant_id)
    changes: dict[str, Any] = {}
    if "name" in fields:
        if not str(fields["name"]).strip():
            raise ValidationError(
                "Der Name darf nicht leer sein.", en="The name must not be empty."
            )
        changes["name"] = " ".join(str(fields["name"]).split())
    if "email" in fields:
        changes["email"] = str(fields["email"]).strip()
        _check_email(changes["email"])
    if fields.get("organisation"):
        changes["organisation_id"] = ensure_organisation(
            store, fields["organisation"], fields.get("org_type"), fields.get("municipality", "")
        )
    record(store, "participant.update", {"id": participant_id, **changes}, person.workshop_id)


def delete_participant(store: Store, participant_id: str) -> None:
    person = get_participant(store, participant_id)
    record(store, "participant.delete", {"id": participant_id, "deleted": 1}, person.workshop_id)
