"""Provides the workshop a session starts on: the one whose timer runs, else the last opened.

One running session (app, phone server, projector) follows one workshop, chosen
explicitly. "The newest workshop" is only the last resort when starting: after a
crash the moderators want the block that was running, not a workshop the other
laptop created (or synced) meanwhile.
"""

from facilitator.core.errors import UserError
from facilitator.core.models import Workshop
from facilitator.store.db import Store
from facilitator.store.queries import rows
from facilitator.store.timer import timer_state
from facilitator.store.workshops import get_workshop, latest_workshop

META_KEY = "session_workshop"


def running_workshop(store: Store) -> Workshop | None:
    """Return the workshop whose timer runs (or stands in a block), latest event first."""
    found = rows(
        store,
        "SELECT t.workshop_id AS id FROM timer_event t JOIN workshop w ON w.id = t.workshop_id"
        " WHERE w.deleted = 0 AND w.title IS NOT NULL"
        " GROUP BY t.workshop_id ORDER BY max(t.hlc) DESC",
    )
    paused = None
    for row in found:
        state = timer_state(store, row["id"])
        if state.current_id is None:
            continue
        if state.running:
            return get_workshop(store, row["id"])
        paused = paused or row["id"]
    return get_workshop(store, paused) if paused else None


def remember_workshop(store: Store, workshop_id: str | None) -> None:
    """Note on this laptop which workshop the session follows (for the next start)."""
    store.set_meta(META_KEY, workshop_id or "")


def last_opened_workshop(store: Store) -> Workshop | None:
    """Return the workshop this laptop's session followed last, if it still exists."""
    remembered = store.get_meta(META_KEY)
    if not remembered:
        return None
    try:
        found = get_workshop(store, remembered)
    except UserError:
        return None
    return found if found.id == remembered else None


def session_workshop(store: Store, workshop_id: str | None = None) -> Workshop:
    """Return the named workshop, else the running one, the last opened, the newest.

    NotFound (a UserError) when `workshop_id` names none or there is no workshop.
    """
    if workshop_id:
        return get_workshop(store, workshop_id)
    return running_workshop(store) or last_opened_workshop(store) or latest_workshop(store)
