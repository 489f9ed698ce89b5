"""Provides the moderators' participant management: German surname order, walk-ins, merging.

Kept apart from store/participants.py (import, consent, phones) so the list the app
shows and the edits it makes are in one place.
"""

from typing import Any

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.models import Participant
from facilitator.core.names import surname_key
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.participants import (
    add_participant,
    get_participant,
    list_participants,
    update_participant,
)


def participants_by_surname(store: Store, workshop_id: str) -> list[Participant]:
    """The workshop's participants as a German list orders them (titles ignored, Ö under O)."""
    return sorted(list_participants(store, workshop_id), key=lambda p: surname_key(p.name))


def add_walk_in(store: Store, workshop_id: str, name: str, organisation: str = "") -> str:
    """Someone who came without registering: added and marked present at once."""
    return add_participant(store, workshop_id, name, organisation=organisation, present=True)


def edit_participant(
    store: Store,
    participant_id: str,
    *,
    name: str,
    email: str = "",
    organisation: str = "",
    org_type: str | None = None,
    municipality: str = "",
) -> None:
    """Change what the app's form shows; unchanged fields are not written."""
    person = get_participant(store, participant_id)
    changes: dict[str, Any] = {}
    if " ".join(name.split()) != person.name:
        changes["name"] = name
    if email.strip() != person.email:
        changes["email"] = email
    org_changed = (
        organisation.strip() != person.organisation
        or (org_type is not None and org_type != person.org_type)
        or municipality.strip() != person.municipality
    )
    if organisation.strip() and org_changed:
        changes.update(organisation=organisation, org_type=org_type, municipality=municipality)
    if changes:
        update_participant(store, participant_id, **changes)


def merge_participants(store: Store, keep_id: str, drop_id: str) -> None:
    """Fold a duplicate into the person kept: missing e-mail and organisation, presence.

    Consent is not carried over: it belongs to the person who gave it on the record
    kept (the duplicate's consent would otherwise spread without their word).
    """
    if keep_id == drop_id:
        raise ValidationError(
            lazy("Eine Person kann nicht mit sich selbst zusammengeführt werden.")
        )
    keep, drop = get_participant(store, keep_id), get_participant(store, drop_id)
    if keep.workshop_id != drop.workshop_id:
        raise ValidationError(
            lazy("Nur Teilnehmende desselben Workshops lassen sich zusammenführen.")
        )
    changes: dict[str, Any] = {}
    if not keep.email and drop.email:
        changes["email"] = drop.email
    if not keep.organisation_id and drop.organisation_id:
        changes["organisation_id"] = drop.organisation_id
    if drop.present and not keep.present:
        changes["present"] = 1
    with store.transaction():
        if changes:
            before = {k: getattr(keep, k) for k in changes}
            record(
                store,
                "participant.update",
                {"id": keep_id, **changes, "_before": before},
                keep.workshop_id,
            )
        record(store, "participant.delete", {"id": drop_id, "deleted": 1}, drop.workshop_id)


def find_participant(store: Store, workshop_id: str, ref: str) -> Participant:
    """Return the workshop's participant named by id, unique id start, e-mail or exact name."""
    text = " ".join(str(ref).split())
    people = list_participants(store, workshop_id)
    folded = text.casefold()
    for test in (
        lambda p: p.id == text,
        lambda p: len(text) >= 4 and p.id.startswith(text),
        lambda p: bool(p.email) and p.email.casefold() == folded,
        lambda p: p.name.casefold() == folded,
    ):
        found = [p for p in people if test(p)]
        if len(found) == 1:
            return found[0]
        if found:
            ids = ", ".join(f"{p.id[:8]} ({p.organisation or '–'})" for p in found)
            raise ValidationError(
                lazy(
                    "{text} passt auf {count} Personen; bitte die Id angeben: {ids}.",
                    text=repr(text),
                    count=len(found),
                    ids=ids,
                )
            )
    raise NotFound(
        lazy(
            "Eine Person {text} gibt es in diesem Workshop nicht (Id, E-Mail-Adresse oder "
            "genauer Name; facilitator participants list zeigt alle).",
            text=repr(text),
        )
    )
