"""Provides claims: a phone's registration that names someone the phone did not create.

A phone owns only the record it created (its cookie identity, `participant.client_id`).
When a registration matches an existing person from another source (same e-mail or
name), nothing of that person changes: the registration is stored apart as a claim
(`claim.add`), the moderators see it, and only their decision merges it ("accepted"),
adds it as a person of its own ("separate") or discards it ("rejected"). Once decided,
the claim's copy of the personal data is cleared from its row and its ops
(`erasure.forget_claim`), so erasure never has to look for it there.
"""

from dataclasses import dataclass
from typing import Any

from facilitator.core.errors import NotFound, UserError
from facilitator.core.rules import check_fields
from facilitator.locale import lazy
from facilitator.store.consent import keep_text
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.participants import (
    add_participant,
    get_participant,
    set_consent,
    set_present,
    update_participant,
)
from facilitator.store.queries import one, rows

# A stranger's phones can grow this list; the registration caps per address limit
# the pace, this the total a workshop keeps open for the moderators to review.
MAX_OPEN_CLAIMS = 200
DECISIONS = ("accepted", "separate", "rejected")


@dataclass(frozen=True)
class Claim:
    """One open claim as the moderators review it: who was typed, and whom it matches."""

    id: str
    workshop_id: str
    participant_id: str
    name: str
    organisation: str
    email: str
    consent: bool
    created_at: str
    matches: str  # the existing person's name, organisation (what the moderator compares)


def open_claim(
    store: Store,
    workshop_id: str,
    participant_id: str,
    client_id: str,
    *,
    name: str,
    organisation: str = "",
    org_type: str | None = None,
    municipality: str = "",
    email: str = "",
    consent: bool = False,
    consent_text_version: str | None = None,
) -> str:
    """Store a phone's registration as a claim on `participant_id`; return the claim's id.

    A phone that claims the same person again updates its open claim instead of adding one.
    """
    fields = check_fields(
        "claim",
        {
            "name": name,
            "organisation": organisation,
            "org_type": org_type,
            "municipality": municipality,
            "email": email,
        },
    )
    with store.transaction():
        earlier = one(
            store,
            "SELECT id FROM claim WHERE workshop_id = ? AND participant_id = ? "
            "AND client_id = ? AND status = 'open'",
            [workshop_id, participant_id, client_id],
        )
        payload: dict[str, Any] = {
            **fields,
            "consent": int(consent),
            "consent_text_version": consent_text_version if consent else None,
        }
        if consent:
            keep_text(store, consent_text_version)
        if earlier:
            record(store, "claim.update", {"id": earlier["id"], **payload}, workshop_id)
            return earlier["id"]
        count = one(
            store,
            "SELECT count(*) AS n FROM claim WHERE workshop_id = ? AND status = 'open'",
            [workshop_id],
        )
        if count and count["n"] >= MAX_OPEN_CLAIMS:
            raise UserError(
                lazy("Zu viele offene Anmeldungen; bitte wenden Sie sich an die Moderation.")
            )
        claim_id = store.new_id()
        record(
            store,
            "claim.add",
            {
                "id": claim_id,
                "workshop_id": workshop_id,
                "participant_id": participant_id,
                "client_id": client_id,
                "status": "open",
                "created_at": store.now_text(),
                **payload,
            },
            workshop_id,
        )
    return claim_id


def list_claims(store: Store, workshop_id: str) -> list[Claim]:
    """Return the workshop's open claims, oldest first, with the person each one matches."""
    found = rows(
        store,
        "SELECT c.*, p.name AS p_name, coalesce(o.name, '') AS p_org FROM claim c "
        "LEFT JOIN participant p ON p.id = c.participant_id "
        "LEFT JOIN organisation o ON o.id = p.organisation_id "
        "WHERE c.workshop_id = ? AND c.status = 'open' AND c.deleted = 0 "
        "ORDER BY c.created_at, c.rowid",
        [workshop_id],
    )
    return [
        Claim(
            id=r["id"],
            workshop_id=r["workshop_id"],
            participant_id=r["participant_id"],
            name=r["name"] or "",
            organisation=r["organisation"] or "",
            email=r["email"] or "",
            consent=bool(r["consent"]),
            created_at=r["created_at"] or "",
            matches=", ".join(filter(None, [r["p_name"] or "–", r["p_org"]])),
        )
        for r in found
    ]


def find_claim(store: Store, workshop_id: str, text: str) -> Claim:
    """Return the open claim whose id starts with `text` (the 8 characters the list shows)."""
    text = text.strip()
    found = [c for c in list_claims(store, workshop_id) if text and c.id.startswith(text)]
    if len(found) != 1:
        if not found:
            raise NotFound(
                lazy(
                    "Keine offene Anmeldung {text} (facilitator participants claims zeigt sie).",
                    text=repr(text),
                )
            )
        raise NotFound(
            lazy(
                "{text} passt auf {count} Anmeldungen; bitte mehr Zeichen angeben.",
                text=repr(text),
                count=len(found),
            )
        )
    return found[0]


def decide_claim(store: Store, claim_id: str, decision: str) -> str | None:
    """Apply a moderator's decision on an open claim; return the person it now belongs to.

    "accepted": the person's name, organisation, e-mail and consent become what the phone
    typed, and the phone owns the record from now on; "separate": the registration
    becomes a person of its own; "rejected": nothing changes. Either way the claim's
    copy of the data is cleared (`forget_claim`, applied with the decision op).
    """
    if decision not in DECISIONS:
        raise UserError(
            lazy(
                "Entscheidung {decision} unbekannt (erlaubt: {decisions}).",
                decision=repr(decision),
                decisions=", ".join(DECISIONS),
            )
        )
    with store.transaction():
        claim = one(store, "SELECT * FROM claim WHERE id = ? AND status = 'open'", [claim_id])
        if claim is None:
            raise NotFound(lazy("Diese Anmeldung ist schon entschieden oder gibt es nicht."))
        person_id: str | None = None
        if decision == "accepted":
            person_id = _merge(store, claim)
        elif decision == "separate":
            person_id = add_participant(
                store,
                claim["workshop_id"],
                claim["name"],
                organisation=claim["organisation"] or "",
                org_type=claim["org_type"],
                municipality=claim["municipality"] or "",
                email=claim["email"] or "",
                consent=bool(claim["consent"]),
                present=True,
                source="participant",
                consent_source="phone",
                client_id=claim["client_id"],
                consent_text_version=claim["consent_text_version"],
            )
        record(
            store,
            "claim.decide",
            {"id": claim_id, "status": decision, "decided_at": store.now_text()},
            claim["workshop_id"],
        )
    return person_id


def _merge(store: Store, claim: dict[str, Any]) -> str:
    """Make the claimed person what the phone typed (confirmed by a moderator)."""
    person = get_participant(store, claim["participant_id"])
    fields: dict[str, Any] = {
        "name": claim["name"],
        "email": claim["email"] or "",
        "client_id": claim["client_id"],
    }
    if claim["organisation"]:
        fields.update(
            organisation=claim["organisation"],
            org_type=claim["org_type"],
            municipality=claim["municipality"] or "",
        )
    update_participant(store, person.id, claim=claim["id"], **fields)
    if bool(person.consent) != bool(claim["consent"]):
        set_consent(
            store,
            person.id,
            bool(claim["consent"]),
            source="phone",
            version=claim["consent_text_version"],
            claim=claim["id"],
        )
    if not person.present:
        set_present(store, person.id, True)
    return person.id
