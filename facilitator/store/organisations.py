"""Provides organisation services: one organisation across workshops, found by name and place."""

import uuid
from typing import Any

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.models import Organisation
from facilitator.core.taxonomy import ORG_TYPES, choices, resolve
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import one, rows

_NAMESPACE = uuid.UUID("6f1c4a52-8d0e-4b8e-9a57-0b7f3c2e9d11")


def _key(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def find_organisation(store: Store, name: str, municipality: str = "") -> Organisation | None:
    """Return the organisation with this name (and place, if given), following merges."""
    for row in rows(store, "SELECT * FROM organisation WHERE deleted = 0 AND name IS NOT NULL"):
        if _key(row["name"]) == _key(name) and (
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
    store: Store, name: str, org_type: str | None = None, municipality: str = ""
) -> str:
    """Return the id of the organisation `name`, creating it if it is new."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError(
            "Der Name der Organisation darf nicht leer sein.",
            en="The name of the organisation must not be empty.",
        )
    kind = resolve(org_type, ORG_TYPES) if org_type else None
    if org_type and kind is None:
        raise ValidationError(
            f"Unbekannter Organisationstyp {org_type!r}; erlaubt: {choices(ORG_TYPES)}.",
            en=f"Unknown organisation type {org_type!r}; allowed: {choices(ORG_TYPES)}.",
        )
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
            return found.id
        org_id = _new_id(store, name, municipality)
        record(
            store,
            "organisation.add",
            {
                "id": org_id,
                "name": name,
                "org_type": kind or "sonstige",
                "municipality": municipality.strip(),
            },
            None,
        )
        return org_id


def list_organisations(store: Store) -> list[Organisation]:
    """Return all organisations that were not merged into another, by name."""
    found = rows(
        store,
        "SELECT * FROM organisation WHERE deleted = 0 AND name IS NOT NULL "
        "AND merged_into IS NULL ORDER BY name COLLATE NOCASE",
    )
    return [Organisation.from_row(r) for r in found]


def merge_organisations(store: Store, duplicate_id: str, keep_id: str) -> None:
    """Record that `duplicate_id` is the same organisation as `keep_id`."""
    if duplicate_id == keep_id:
        raise ValidationError(
            "Eine Organisation lässt sich nicht mit sich selbst zusammenführen.",
            en="An organisation cannot be merged with itself.",
        )
    for org_id in (duplicate_id, keep_id):
        if one(store, "SELECT id FROM organisation WHERE id = ?", [org_id]) is None:
            raise NotFound(
                f"Eine Organisation {org_id!r} gibt es nicht.",
                en=f"There is no organisation {org_id!r}.",
            )
    # Participants and captures join one merge step deep: what was merged into the
    # duplicate before moves along to `keep_id`, so no chain A -> B -> C forms here.
    with store.transaction():
        earlier = rows(store, "SELECT id FROM organisation WHERE merged_into = ?", [duplicate_id])
        for org_id in [duplicate_id, *(r["id"] for r in earlier)]:
            record(store, "organisation.merge", {"id": org_id, "merged_into": keep_id}, None)
