"""Provides self-registration from a phone: one participant per client id, consent recorded.

A phone that retries a registration must not appear twice, so the caller passes an id
derived from the phone's client id and a second call with it changes nothing; the row
itself is made by `participants.add_participant`.
"""

from facilitator.core.errors import ValidationError
from facilitator.store.db import Store
from facilitator.store.participants import add_participant
from facilitator.store.queries import one

MAX_FIELD = 200


def register_participant(
    store: Store,
    workshop_id: str,
    participant_id: str,
    name: str,
    *,
    organisation: str = "",
    email: str = "",
    consent: bool = False,
) -> bool:
    """Add a participant who registered on their phone; return False if already registered."""
    name = " ".join(str(name).split())
    organisation = " ".join(str(organisation).split())
    email = str(email).strip()
    if not name:
        raise ValidationError("Bitte geben Sie Ihren Namen an.")
    if max(len(name), len(organisation), len(email)) > MAX_FIELD:
        raise ValidationError(f"Bitte höchstens {MAX_FIELD} Zeichen pro Feld.")
    if email and ("@" not in email or " " in email or email.startswith("@")):
        raise ValidationError("Die E-Mail-Adresse sieht nicht richtig aus.")
    with store.transaction():
        if one(store, "SELECT id FROM participant WHERE id = ?", [participant_id]):
            return False
        add_participant(
            store,
            workshop_id,
            name,
            organisation=organisation,
            email=email,
            consent=consent,
            present=True,
            source="participant",
            participant_id=participant_id,
        )
    return True
