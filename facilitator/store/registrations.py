"""Provides self-registration from a phone: a phone changes only the people it created.

The caller passes an id derived from the phone's identity (a server-issued cookie) and
that identity as `client_id`. Registering again from the same phone as the same person
(same name or e-mail) updates the record the phone created; consent follows the latest
answer there: unticking the box withdraws it. Without consent no e-mail is stored
(and one stored earlier is removed). A registration that matches someone else on the
list (same e-mail or name: invited, imported, typed in by the moderators, or created
by another phone) changes nothing of that person: it becomes a claim the moderators
confirm or reject (store/claims.py). Another person on the same phone (a different
name and e-mail) is a person of their own, never an overwrite.
"""

from dataclasses import dataclass, replace
from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.core.models import Participant
from facilitator.core.participants_csv import looks_like_email
from facilitator.locale import lazy
from facilitator.store.claims import open_claim
from facilitator.store.db import Store
from facilitator.store.participants import (
    add_participant,
    list_participants,
    set_consent,
    set_present,
    update_participant,
)
from facilitator.store.queries import one

MAX_FIELD = 200
# People one phone may register (colleagues sharing a phone): each is a person of their
# own, so this bounds what one identity can add to the list.
MAX_PEOPLE_PER_PHONE = 3


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
    consent_text_version: str | None = None,
) -> str:
    """Register a participant from their phone; return "new", "updated" or "claim".

    `consent_text_version` is the consent text the phone showed (None: the one shown now).
    """
    entry = _checked_entry(
        _Entry(
            name=name,
            organisation=organisation,
            email=email,
            consent=consent,
            org_type=org_type,
            municipality=municipality,
            consent_text_version=consent_text_version,
        )
    )
    with store.transaction():
        people = list_participants(store, workshop_id)
        owned = [p for p in people if _owned(p, participant_id, client_id)]
        others = [p for p in people if not _owned(p, participant_id, client_id)]
        matched = _match(others, entry.name, entry.typed_email)
        own = _match(owned, entry.name, entry.typed_email)
        if matched is not None and (own is None or _same_email(matched, entry.typed_email)):
            open_claim(
                store, workshop_id, matched.id, client_id or participant_id, **entry.fields()
            )
            return "claim"
        if own is None:
            _add_from_phone(store, workshop_id, participant_id, client_id, entry, len(owned))
            return "new"
        _update_from_phone(store, own, entry)
    return "updated"


@dataclass(frozen=True)
class _Entry:
    """What a phone registers, as typed, then cleaned (`_checked_entry`)."""

    name: str
    organisation: str
    email: str
    consent: bool
    org_type: str | None
    municipality: str
    consent_text_version: str | None
    typed_email: str = ""  # names the person it matches, even when it is not kept

    def fields(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "organisation": self.organisation,
            "org_type": self.org_type,
            "municipality": self.municipality,
            "email": self.email,
            "consent": self.consent,
            "consent_text_version": self.consent_text_version,
        }


def _checked_entry(typed: _Entry) -> _Entry:
    """The entry with spaces tidied; ValidationError for no name, long fields, a bad e-mail."""
    name, organisation = _clean(typed.name), _clean(typed.organisation)
    municipality, email = _clean(typed.municipality), str(typed.email).strip()
    if not name:
        raise ValidationError(lazy("Bitte geben Sie Ihren Namen an."))
    if max(len(name), len(organisation), len(email), len(municipality)) > MAX_FIELD:
        raise ValidationError(
            lazy("Bitte höchstens {max_field} Zeichen pro Feld.", max_field=MAX_FIELD)
        )
    if email and not looks_like_email(email):
        raise ValidationError(lazy("Die E-Mail-Adresse sieht nicht richtig aus."))
    return replace(
        typed,
        name=name,
        organisation=organisation,
        municipality=municipality,
        # data minimisation: the address is only for sharing, which needs consent
        email=email if typed.consent else "",
        typed_email=email,
    )


def _add_from_phone(
    store: Store,
    workshop_id: str,
    participant_id: str,
    client_id: str | None,
    entry: _Entry,
    owned: int,
) -> None:
    """A new person from this phone, unless it has registered its most already."""
    if owned >= MAX_PEOPLE_PER_PHONE:
        raise ValidationError(
            lazy(
                "Von diesem Telefon sind schon {owned} Personen angemeldet; bitte wenden Sie "
                "sich an die Moderation.",
                owned=owned,
            )
        )
    if one(store, "SELECT 1 FROM participant WHERE id = ?", [participant_id]):
        participant_id = store.new_id()  # taken (another person, or erased): a new id
    fields = entry.fields()
    add_participant(
        store,
        workshop_id,
        fields.pop("name"),
        **fields,
        present=True,
        source="participant",
        participant_id=participant_id,
        consent_source="phone",
        client_id=client_id,
    )


def _update_from_phone(store: Store, own: Participant, entry: _Entry) -> None:
    """The phone's own person again: the new details, consent, and present."""
    fields: dict[str, Any] = {"name": entry.name, "email": entry.email}
    if entry.organisation:
        fields.update(
            organisation=entry.organisation,
            org_type=entry.org_type,
            municipality=entry.municipality,
        )
    update_participant(store, own.id, **fields)
    if bool(own.consent) != entry.consent:
        set_consent(
            store, own.id, entry.consent, source="phone", version=entry.consent_text_version
        )
    if not own.present:
        set_present(store, own.id, True)


def _owned(person: Participant, participant_id: str, client_id: str | None) -> bool:
    """True if this phone created the person (its derived id, or its identity on the row)."""
    return person.id == participant_id or bool(client_id and person.client_id == client_id)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _same_email(person: Participant, email: str) -> bool:
    return bool(email and person.email and _fold(person.email) == _fold(email))


def _match(people: list[Participant], name: str, email: str) -> Participant | None:
    """Return the person a registration names: same e-mail first, else the same name."""
    for person in people:
        if _same_email(person, email):
            return person
    for person in people:
        if _fold(person.name) == _fold(name):
            return person
    return None
