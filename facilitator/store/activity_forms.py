"""Provides the activity sets' services: shipped sets, and a Projektsteckbrief feeding captures.

A Projektsteckbrief answer becomes the organisation's measure (project, topic
field, status) and its biggest hurdle a challenge; ids are derived from the
activity and the organisation, so answering again updates the same two entries
and the protocol's "Stand der Projekte" and the fact sheet count them once.
"""

import uuid
from importlib import resources
from typing import Any

from facilitator.core.activity_forms import organisation_key, parse_activity_set
from facilitator.core.errors import NotFound
from facilitator.locale import lazy
from facilitator.store.captures import add_capture, get_capture, update_capture
from facilitator.store.db import Store
from facilitator.store.organisations import ensure_organisation

_NAMESPACE = uuid.UUID("0d6c2f9e-4a8b-4c1e-9f3a-16b2c7d8e9f0")


def shipped_sets() -> list[str]:
    """Return the names of the shipped activity sets."""
    folder = resources.files("facilitator") / "activity_sets"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_activity_set(name: str) -> dict[str, Any]:
    """Return a shipped set (by name) or a set file (by path) as a "form" config."""
    from pathlib import Path

    path = Path(name)
    if path.suffix == ".toml" and path.is_file():
        return parse_activity_set(path.read_text(encoding="utf-8"), str(path))
    folder = resources.files("facilitator") / "activity_sets"
    shipped = folder / f"{name}.toml"
    if not shipped.is_file():
        known = ", ".join(shipped_sets())
        raise NotFound(
            lazy(
                "Ein Aktivitäts-Set {name} gibt es nicht; mitgeliefert: {known}.",
                name=repr(name),
                known=known,
            )
        )
    return parse_activity_set(shipped.read_text(encoding="utf-8"), f"{name}.toml")


def _derived(activity_id: str, organisation: str, what: str) -> str:
    return uuid.uuid5(_NAMESPACE, f"{activity_id}:{organisation_key(organisation)}:{what}").hex


def _put(store: Store, activity: dict[str, Any], capture_id: str, **fields: Any) -> None:
    try:
        get_capture(store, capture_id, deleted=True)
    except NotFound:
        add_capture(
            store,
            activity["workshop_id"],
            agenda_item_id=activity["agenda_item_id"],
            source="participant",
            capture_id=capture_id,
            **fields,
        )
        return
    fields.pop("kind")
    # typed on a phone: a new spelling waits for a moderator like any phone's
    # organisation (update_capture would put it straight into the shared list)
    organisation = fields.pop("organisation", None)
    if organisation:
        fields["organisation_id"] = ensure_organisation(store, organisation, pending=True)
    update_capture(store, capture_id, **fields)


def feed_captures(store: Store, activity: dict[str, Any], answer: dict[str, Any]) -> None:
    """Turn a Projektsteckbrief answer into the organisation's measure and hurdle."""
    if activity["config"].get("feeds") != "measures":
        return
    values, organisation = answer["values"], answer["organisation"]
    if values.get("project"):
        _put(
            store,
            activity,
            _derived(activity["id"], organisation, "measure"),
            kind="measure",
            text=values["project"],
            topic=values.get("topic"),
            status=values.get("status") or "idee",
            organisation=organisation,
        )
    if values.get("hurdle"):
        _put(
            store,
            activity,
            _derived(activity["id"], organisation, "hurdle"),
            kind="challenge",
            text=values["hurdle"],
            topic=values.get("topic"),
            organisation=organisation,
        )
