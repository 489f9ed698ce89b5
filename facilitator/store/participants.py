"""Provides participant services: add, presence, correction, consent to share contact details."""

from typing import Any

from facilitator.core.errors import NotFound
from facilitator.core.models import Participant
from facilitator.core.names import surname_key
from facilitator.core.rules import check_fields
from facilitator.locale import lazy
from facilitator.store.consent import WORKSHOP_VERSION, consent_fields, consent_text
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.organisations import ensure_organisation
from facilitator.store.queries import one, rows

# The text the phones show today (a workshop without a series); kept for callers.
CONSENT_TEXT_VERSION = WORKSHOP_VERSION
CONSENT_TEXT = consent_text(WORKSHOP_VERSION)

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
    consent_source: str = "app",
    consent_given_at: str | None = None,
    client_id: str | None = None,
    batch: str | None = None,
    consent_text_version: str | None = None,
) -> str:
    """Add a participant; the organisation is found or created by name and place.

    `participant_id` is for callers that derive the id themselves (a phone's retry);
    by default a new one is made. `consent_source` says where a consent came from
    (phone, csv, paper, app) and `consent_given_at` when (None from a CSV: unknown).
    `batch` groups the ops of one import so that one undo reverses them all.
    `consent_text_version` is the text the person saw (None: the one shown now).
    """
    name, email = check_fields("participant", {"name": name, "email": email}).values()
    with store.transaction():
        # what a phone types does not join the shared list until a moderator accepts it
        org_id = (
            ensure_organisation(
                store, organisation, org_type, municipality, pending=source == "participant"
            )
            if organisation
            else None
        )
        participant_id = participant_id or store.new_id()
        now = store.now_text()
        payload: dict[str, Any] = {
            "id": participant_id,
            "workshop_id": workshop_id,
            "name": name,
            "organisation_id": org_id,
            "email": email or "",
            "consent": 0,
            "present": int(present),
            "source": source,
            "created_at": now,
        }
        if consent:
            payload.update(
                consent_fields(
                    store,
                    workshop_id,
                    True,
                    consent_source,
                    given_at=consent_given_at,
                    version=consent_text_version,
                )
            )
        if client_id:
            payload["client_id"] = client_id
        if batch:
            payload["_batch"] = batch
        record(store, "participant.add", payload, workshop_id)
    return participant_id


def list_participants(store: Store, workshop_id: str) -> list[Participant]:
    """Return the workshop's participants by surname ("Dr." and "von" do not decide)."""
    found = rows(
        store,
        _SELECT + " WHERE p.workshop_id = ? AND p.deleted = 0 "
        "AND p.name IS NOT NULL ORDER BY p.name COLLATE NOCASE",
        [workshop_id],
    )
    people = [Participant.from_row(r) for r in found]
    return sorted(people, key=lambda p: surname_key(p.name or ""))


def get_participant(store: Store, participant_id: str) -> Participant:
    row = one(store, _SELECT + " WHERE p.id = ? AND p.deleted = 0", [participant_id])
    if row is None:
        raise NotFound(
            lazy(
                "Eine Teilnehmerin / einen Teilnehmer {participant_id} gibt es nicht.",
                participant_id=repr(participant_id),
            )
        )
    return Participant.from_row(row)


_CONSENT_KEYS = (
    "consent",
    "consent_at",
    "consent_given_at",
    "consent_withdrawn_at",
    "consent_text_version",
    "consent_source",
)


def set_consent(
    store: Store,
    participant_id: str,
    consent: bool,
    *,
    source: str = "app",
    given_at: str | None = None,
    batch: str | None = None,
    version: str | None = None,
    claim: str | None = None,
) -> None:
    """Record consent to share contact details, or its withdrawal (first given time kept).

    `source` is where it came from: "app" (the moderator's key), "paper", "phone", "csv";
    `version` the text the person saw (None: the one shown now); `claim` the phone's
    claim a moderator confirmed, kept in the history.
    """
    with store.transaction():
        person = get_participant(store, participant_id)
        before_row = one(
            store,
            f"SELECT {', '.join(_CONSENT_KEYS)} FROM participant WHERE id = ?",
            [participant_id],
        )
        before = dict(before_row or {})
        fields = consent_fields(
            store,
            person.workshop_id,
            consent,
            source,
            given_at=given_at,
            before=before,
            version=version,
        )
        payload: dict[str, Any] = {
            "id": participant_id,
            **fields,
            "_before": {k: before.get(k) for k in fields},
        }
        if batch:
            payload["_batch"] = batch
        if claim:
            payload["_claim"] = claim
        record(store, "participant.consent", payload, person.workshop_id)


def set_present(store: Store, participant_id: str, present: bool) -> None:
    person = get_participant(store, participant_id)
    record(
        store,
        "participant.update",
        {"id": participant_id, "present": int(present), "_before": {"present": person.present}},
        person.workshop_id,
    )


def update_participant(
    store: Store,
    participant_id: str,
    *,
    batch: str | None = None,
    claim: str | None = None,
    **fields: Any,
) -> None:
    """Change name or e-mail, or move the person to another organisation (by name).

    Undo restores what was there before (kept in "_before").
    """
    person = get_participant(store, participant_id)
    changes: dict[str, Any] = {}
    if "name" in fields:
        changes["name"] = fields["name"]
    if "email" in fields:
        changes["email"] = fields["email"] or ""
    if "client_id" in fields:
        changes["client_id"] = fields["client_id"]
    if "present" in fields:
        changes["present"] = int(bool(fields["present"]))
    changes = check_fields("participant", changes)
    with store.transaction():
        if fields.get("organisation"):
            changes["organisation_id"] = ensure_organisation(
                store,
                fields["organisation"],
                fields.get("org_type"),
                fields.get("municipality", ""),
            )
        old = one(store, "SELECT * FROM participant WHERE id = ?", [participant_id]) or {}
        changes = {k: v for k, v in changes.items() if old.get(k) != v}
        if not changes:
            return
        payload: dict[str, Any] = {
            "id": participant_id,
            **changes,
            "_before": {k: old.get(k) for k in changes},
        }
        if batch:
            payload["_batch"] = batch
        if claim:
            payload["_claim"] = claim  # the history says which phone claim a moderator confirmed
        record(store, "participant.update", payload, person.workshop_id)


def delete_participant(store: Store, participant_id: str) -> None:
    person = get_participant(store, participant_id)
    record(store, "participant.delete", {"id": participant_id, "deleted": 1}, person.workshop_id)
