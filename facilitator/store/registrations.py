"""Provides self-registration from a phone: one participant per client id, consent recorded.

A phone that retries a registration must not appear twice, so the caller passes an id
derived from the phone's client id and a second call with it adds nothing; the row
itself is made by `participants.add_participant`. Only the consent follows a second call:
someone who goes back to the form and unticks (or ticks) the box is told that this is
what was stored, so it must be.
"""

from facilitator.core.errors import ValidationError
from facilitator.core.participants_csv import looks_like_email
from facilitator.store.db import Store
from facilitator.store.participants import add_participant, set_consent
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
        raise ValidationError("Bitte geben Sie Ihren Namen an.", en="Please enter your name.")
    if max(len(name), len(organisation), len(email)) > MAX_FIELD:
        raise ValidationError(
            f"Bitte höchstens {MAX_FIELD} Zeichen pro Feld.",
            en=f"Please use at most {MAX_FIELD} characters per field.",
        )
    if email and not looks_like_email(email):
        raise ValidationError(
            "Die E-Mail-Adresse sieht nicht richtig aus.",
            en="The email address does not look right.",
        )
    with store.transaction():
        known = one(
            store, "SELECT consent, deleted FROM participant WHERE id = ?", [participant_id]
        )
        if known:
            if not known["deleted"] and bool(known["consent"]) != consent:
                set_consent(store, participant_id, consent)
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
