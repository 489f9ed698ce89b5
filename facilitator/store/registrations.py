"""Provides self-registration from a phone: one person per phone identity, consent recorded.

The caller passes an id derived from the phone's identity (a server-issued cookie), so
registering again from the same phone updates the same person; someone whose e-mail
(or name and organisation) is already on the list updates that entry instead of
appearing twice. Consent follows the latest answer: unticking the box withdraws it,
and the person is told so. Without consent no e-mail is stored (and one stored
earlier is removed).
"""

from facilitator.core.errors import ValidationError
from facilitator.core.participants_csv import looks_like_email
from facilitator.store.db import Store
from facilitator.store.participant_import import find_match
from facilitator.store.participants import (
    add_participant,
    get_participant,
    list_participants,
    set_consent,
    set_present,
    update_participant,
)
from facilitator.store.queries import one

MAX_FIELD = 200


def _clean(value: object) -> str:
    return " ".join(str(value).split())


def register_participant(
    store: Store,
    workshop_id: str,
    participant_id: str,
    name: str,
    *,
    organisation: str = "",
    email: str = "",
    consent: bool = False,
    org_type: str | None = None,
    municipality: str = "",
    client_id: str | None = None,
) -> bool:
    """Register (or update) a participant from their phone; return True if they are new."""
    name, organisation, municipality = _clean(name), _clean(organisation), _clean(municipality)
    email = str(email).strip()
    if not name:
        raise ValidationError("Bitte geben Sie Ihren Namen an.", en="Please enter your name.")
    if max(len(name), len(organisation), len(email), len(municipality)) > MAX_FIELD:
        raise ValidationError(
            f"Bitte höchstens {MAX_FIELD} Zeichen pro Feld.",
            en=f"Please use at most {MAX_FIELD} characters per field.",
        )
    if email and not looks_like_email(email):
        raise ValidationError(
            "Die E-Mail-Adresse sieht nicht richtig aus.",
            en="The email address does not look right.",
        )
    if not consent:
        email = ""  # data minimisation: the address is only for sharing, which needs consent
    with store.transaction():
        existing = _same_person(
            store, workshop_id, participant_id, client_id, name, organisation, email
        )
        if existing is None:
            if one(store, "SELECT 1 FROM participant WHERE id = ?", [participant_id]):
                participant_id = store.new_id()  # that entry was deleted or erased: start anew
            add_participant(
                store,
                workshop_id,
                name,
                organisation=organisation,
                org_type=org_type,
                municipality=municipality,
                email=email,
                consent=consent,
                present=True,
                source="participant",
                participant_id=participant_id,
                consent_source="phone",
                client_id=client_id,
            )
            return True
        person = get_participant(store, existing)
        fields: dict[str, object] = {"name": name, "email": email}
        if organisation:
            fields.update(organisation=organisation, org_type=org_type, municipality=municipality)
        if client_id:
            fields["client_id"] = client_id
        update_participant(store, existing, **fields)
        if bool(person.consent) != consent:
            set_consent(store, existing, consent, source="phone")
        if not person.present:
            set_present(store, existing, True)
    return False


def _same_person(
    store: Store,
    workshop_id: str,
    participant_id: str,
    client_id: str | None,
    name: str,
    organisation: str,
    email: str,
) -> str | None:
    """Return the id of the person this registration updates, or None for someone new."""
    known = one(
        store,
        "SELECT id FROM participant WHERE workshop_id = ? AND deleted = 0 AND name IS NOT NULL "
        "AND (id = ? OR (client_id IS NOT NULL AND client_id = ?))",
        [workshop_id, participant_id, client_id or ""],
    )
    if known:
        return known["id"]
    match = find_match(list_participants(store, workshop_id), name, organisation, email)
    return match.id if match else None
