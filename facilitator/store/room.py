"""Provides the room setting "phones share one address" (NAT), read and set as a workshop op.

With it off (the default) the phone server counts at most a few voters, streams and
registrations per source address; a room whose phones reach the laptop through one
router (NAT) looks exactly like one attacker reloading for fresh cookies, so only the
moderators can say which it is: they switch this on (Join screen or
`facilitator workshop edit --shared-address ja`) and the per-address caps rise.
"""

from facilitator.store.db import Store
from facilitator.store.queries import scalar
from facilitator.store.workshops import get_workshop, update_workshop


def phones_share_address(store: Store, workshop_id: str | None = None) -> bool:
    """Return whether the workshop (or, with None, any workshop) has the setting on."""
    found = scalar(
        store,
        "SELECT max(coalesce(phones_share_address, 0)) FROM workshop WHERE deleted = 0 "
        "AND (? IS NULL OR id = ?)",
        [workshop_id, workshop_id],
    )
    return bool(found)


def set_phones_share_address(store: Store, workshop_id: str, shared: bool) -> bool:
    """Switch the setting; return whether anything changed (one op only when it did)."""
    get_workshop(store, workshop_id)
    if phones_share_address(store, workshop_id) == shared:
        return False
    update_workshop(store, workshop_id, phones_share_address=int(shared))
    return True
