"""Provides the data of several workshops at once: a series, one workshop, or all.

Organisations merged into another count for the one that survived, everywhere: every
participant and capture returned here carries the surviving organisation. Captures the
moderators hid (a phone's spam) are left out, and so is an organisation known only from them.
"""

from dataclasses import dataclass, field

from facilitator.core.errors import NotFound
from facilitator.core.models import Capture, Organisation, Participant, Workshop
from facilitator.locale import lazy
from facilitator.store.captures import list_captures
from facilitator.store.db import Store
from facilitator.store.participants import list_participants
from facilitator.store.queries import rows
from facilitator.store.series import find_series
from facilitator.store.workshops import get_workshop, latest_workshop, list_workshops


@dataclass
class Scope:
    """Which workshops a fact sheet, a matching or a contact list covers."""

    label: str  # the series' name, the workshop's title, or "" for all workshops
    series_id: str | None
    workshops: list[Workshop]
    participants: list[Participant] = field(default_factory=list)
    captures: list[Capture] = field(default_factory=list)
    organisations: dict[str, Organisation] = field(default_factory=dict)  # surviving, by id


def surviving_organisations(store: Store) -> dict[str, Organisation]:
    """Return every organisation id (merged or not) -> the organisation that survived."""
    everything = {
        r["id"]: Organisation.from_row(r)
        for r in rows(store, "SELECT * FROM organisation WHERE deleted = 0 AND name IS NOT NULL")
    }
    resolved: dict[str, Organisation] = {}
    for org_id, org in everything.items():
        seen = {org_id}
        while org.merged_into and org.merged_into in everything and org.merged_into not in seen:
            seen.add(org.merged_into)
            org = everything[org.merged_into]
        resolved[org_id] = org
    return resolved


def workshops_in(store: Store, series_id: str | None) -> list[Workshop]:
    """Return the workshops of a series (or all), oldest date first."""
    found = [Workshop.from_row(r) for r in list_workshops(store)]
    if series_id:
        found = [w for w in found if w.series_id == series_id]
    return sorted(found, key=lambda w: (w.date or "", w.created_at, w.id))


def resolve_scope(
    store: Store,
    series: str | None = None,
    workshop_id: str | None = None,
    *,
    default_latest: bool = False,
) -> Scope:
    """Choose the workshops: a named series, a workshop's series, the latest's, or all.

    With `workshop_id`, the workshop's series is used (the workshop alone if it has none).
    With `default_latest` and neither given, the latest workshop's series is used (all
    workshops if it has none). Otherwise all workshops.
    """
    if series:
        found = find_series(store, series)
        return Scope(found.name, found.id, workshops_in(store, found.id))
    anchor = None
    if workshop_id:
        anchor = get_workshop(store, workshop_id)
    elif default_latest:
        anchor = latest_workshop(store)
    if anchor and anchor.series_id:
        names = {s["id"]: s["name"] for s in rows(store, "SELECT id, name FROM series")}
        label = names.get(anchor.series_id, "")
        return Scope(label, anchor.series_id, workshops_in(store, anchor.series_id))
    if anchor and workshop_id:
        return Scope(anchor.title, None, [anchor])
    return Scope("", None, workshops_in(store, None))


def load_scope(store: Store, scope: Scope) -> Scope:
    """Fill in the participants, captures and organisations of the scope's workshops."""
    if not scope.workshops:
        raise NotFound(lazy("In dieser Auswahl gibt es noch keinen Workshop."))
    orgs = surviving_organisations(store)
    used: dict[str, Organisation] = {}
    for workshop in scope.workshops:
        for person in list_participants(store, workshop.id):
            _resolve(person, orgs, used)
            scope.participants.append(person)
        for capture in list_captures(store, workshop.id, include_hidden=False):
            _resolve(capture, orgs, used)
            scope.captures.append(capture)
    scope.organisations = used
    return scope


def _resolve(
    item: Participant | Capture, orgs: dict[str, Organisation], used: dict[str, Organisation]
) -> None:
    """Point a participant or capture at its surviving organisation."""
    org = orgs.get(item.organisation_id or "")
    if org is None:
        return
    item.organisation_id = org.id
    item.organisation = org.name
    if isinstance(item, Participant):
        item.org_type = org.org_type or "sonstige"
        item.municipality = org.municipality or ""
    used[org.id] = org
