"""Provides self-registration from a phone: one participant per client id, consent recorded.

`participants.add_participant` makes a fresh id each call; a phone that retries a
registration must not appear twice, so the caller passes an id derived from the
phone's client id and a second call with it changes nothing.
"""

from datetime import datetime

from facilitator.core.errors import ValidationError
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.organisations import ensure_organisation
from facilitator.store.participants import CONSENT_TEXT_VERSION
from facilitator.store.queries import one

MAX_FIELD = 200


def _now(store: Store) -> str:
    return datetime.fromtimestamp(store.now_ms() / 1000).astimezone().isoformat(timespec="seconds")


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
        org_id = ensure_organisation(store, organisation) if organisation else None
        record(
            store,
            "participant.add",
            {
                "id": participant_id,
                "workshop_id": workshop_id,
                "name": name,
                "organisation_id": org_id,
                "email": email,
                "consent": int(consent),
                "consent_at": _now(store) if consent else None,
                "consent_text_version": CONSENT_TEXT_VERSION if consent else None,
                "present": 1,
                "source": "participant",
                "created_at": _now(store),
            },
            workshop_id,
        )
    return True
