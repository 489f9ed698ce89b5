"""Provides organisation services: one organisation across workshops, found by name and place."""

import uuid
from typing import Any

from facilitator.core.clean import name_key
from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.models import Organisation
from facilitator.core.rules import check_fields
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import one, rows

MAX_PENDING = 2000  # names from phones waiting for a moderator: a flood stops here
_NAMESPACE = uuid.UUID("6f1c4a52-8d0e-4b8e-9a57-0b7f3c2e9d11")


def _key(text: str | None) -> str:
    return name_key(text)


def find_organisation(
    store: Store, name: str, municipality: str = "", *, pending: bool = True
) -> Organisation | None:
    """Return the organisation with this name (and place, if given), following merges.

    Found by the indexed name key (migration 0012), not by reading every organisation;
    `pending=False` leaves out names typed on phones that no moderator has accepted.
    """
    found = rows(
        store,
        "SELECT * FROM organisation WHERE name_key = ? AND deleted = 0 AND name IS NOT NULL"
        + ("" if pending else " AND coalesce(pending, 0) = 0")
        + " ORDER BY coalesce(pending, 0), id",
        [_key(name)],
    )
    for row in found:
        if (
            not municipality
            or not row["municipality"]
            or _key(row["municipality"]) == _key(municipality)
        ):
            return resolve_merged(store, Organisation.from_row(row))
    return None


def resolve_merged(store: Store, org: Organisation) -> Organisation:
    """Follow `merged_into` links to the organisation that survived a merge."""
    seen = {org.id}
    while org.merged_into and org.merged_into not in seen:
        row = one(store, "SELECT * FROM organisation WHERE id = ?", [org.merged_into])
        if row is None:
            break
        seen.add(row["id"])
        org = Organisation.from_row(row)
    return org


def _new_id(store: Store, name: str, municipality: str) -> str:
    """Return an id derived from name and place, so both laptops typing the same
    organisation while apart create ONE row when they sync (not two)."""
    stable = uuid.uuid5(_NAMESPACE, f"{_key(name)}|{_key(municipality)}").hex
    taken = one(store, "SELECT id FROM organisation WHERE id = ?", [stable])
    return store.new_id() if taken else stable  # e.g. deleted or merged away before


def ensure_organisation(
    store: Store,
    name: str,
    org_type: str | None = None,
    municipality: str = "",
    *,
    pending: bool = False,
) -> str:
    """Return the id of the organisation `name`, creating it if it is new.

    `pending` is for names typed on a phone: a new one is kept out of the shared list
    (`list_organisations`) until a moderator accepts it; a moderator typing the same
    name accepts it.
    """
    checked = check_fields(
        "organisation", {"name": name, "org_type": org_type, "municipality": municipality}
    )
    name, kind, municipality = checked["name"], checked["org_type"], checked["municipality"] or ""
    with store.transaction():
        found = find_organisation(store, name, municipality)
        if found:
            changes: dict[str, Any] = {}
            if kind and found.org_type in (None, "", "sonstige") and kind != "sonstige":
                changes["org_type"] = kind
            if municipality and not found.municipality:
                changes["municipality"] = municipality
            if changes:
                record(store, "organisation.update", {"id": found.id, **changes}, None)
            if found.pending and not pending:
                accept_organisation(store, found.id)
            return found.id
        if pending and _pending_count(store) >= MAX_PENDING:
            raise ValidationError(
                lazy(
                    "Zu viele neue Organisationen von Telefonen warten auf die Moderation; "
                    "bitte ohne Organisation senden."
                )
            )
        org_id = _new_id(store, name, municipality)
        record(
            store,
            "organisation.add",
            {
                "id": org_id,
                "name": name,
                "org_type": kind or "sonstige",
                "municipality": municipality,
                "pending": int(pending),
            },
            None,
        )
        return org_id


def _pending_count(store: Store) -> int:
    row = one(store, "SELECT count(*) AS n FROM organisation WHERE pending = 1 AND deleted = 0", [])
    return int(row["n"]) if row else 0


def list_pending(store: Store) -> list[Organisation]:
    """Return the organisations typed on phones that wait for a moderator, by name."""
    found = rows(
        store,
        "SELECT * FROM organisation WHERE deleted = 0 AND name IS NOT NULL AND pending = 1 "
        "AND merged_into IS NULL ORDER BY name COLLATE NOCASE",
    )
    return [Organisation.from_row(r) for r in found]


def accept_organisation(store: Store, org_id: str) -> None:
    """Take an organisation typed on a phone into the shared list (a moderator's decision)."""
    if one(store, "SELECT id FROM organisation WHERE id = ?", [org_id]) is None:
        raise NotFound(lazy("Eine Organisation {org_id} gibt es nicht.", org_id=repr(org_id)))
    record(store, "organisation.accept", {"id": org_id, "pending": 0}, None)


def list_organisations(store: Store) -> list[Organisation]:
    """Return the shared list: organisations not merged into another nor pending, by name."""
    found = rows(
        store,
        "SELECT * FROM organisation WHERE deleted = 0 AND name IS NOT NULL "
        "AND merged_into IS NULL AND coalesce(pending, 0) = 0 ORDER BY name COLLATE NOCASE",
    )
    return [Organisation.from_row(r) for r in found]


def merge_organisations(store: Store, duplicate_id: str, keep_id: str) -> None:
    """Record that `duplicate_id` is the same organisation as `keep_id`."""
    if duplicate_id == keep_id:
        raise ValidationError(
            lazy("Eine Organisation lässt sich nicht mit sich selbst zusammenführen.")
        )
    for org_id in (duplicate_id, keep_id):
        if one(store, "SELECT id FROM organisation WHERE id = ?", [org_id]) is None:
            raise NotFound(lazy("Eine Organisation {org_id} gibt es nicht.", org_id=repr(org_id)))
    # Merging into one that was merged away means merging into its survivor; if that
    # is the duplicate itself, the two are one already (no cycle, no self-merge).
    keep_row = one(store, "SELECT * FROM organisation WHERE id = ?", [keep_id])
    assert keep_row is not None  # checked above, in the same transaction
    keep_id = resolve_merged(store, Organisation.from_row(keep_row)).id
    if keep_id == duplicate_id:
        raise ValidationError(lazy("Die beiden Organisationen sind schon zusammengeführt."))
    # Participants and captures join one merge step deep: what was merged into the
    # duplicate before moves along to `keep_id`, so no chain A -> B -> C forms here.
    with store.transaction():
        earlier = rows(store, "SELECT id FROM organisation WHERE merged_into = ?", [duplicate_id])
        for org_id in [duplicate_id, *(r["id"] for r in earlier if r["id"] != keep_id)]:
            record(store, "organisation.merge", {"id": org_id, "merged_into": keep_id}, None)


def workshop_organisations(store: Store, workshop_id: str) -> list[Organisation]:
    """Return the shared organisations this workshop's people or captures name, by name.

    What a phone's registration page offers: never the organisations of
    other workshops or series, nor pending ones typed on phones.
    """
    found = rows(
        store,
        "SELECT DISTINCT o.* FROM organisation o0 "
        "JOIN organisation o ON o.id = coalesce(o0.merged_into, o0.id) "
        "WHERE o0.id IN (SELECT organisation_id FROM participant WHERE workshop_id = ? "
        "AND deleted = 0 AND name IS NOT NULL "
        "UNION SELECT organisation_id FROM capture WHERE workshop_id = ? AND deleted = 0) "
        "AND o.deleted = 0 AND o.name IS NOT NULL AND o.merged_into IS NULL "
        "AND coalesce(o.pending, 0) = 0 ORDER BY o.name COLLATE NOCASE",
        [workshop_id, workshop_id],
    )
    return [Organisation.from_row(r) for r in found]
