"""Provides how many voters each source address brought to a vote, kept across restarts.

The voter rule (web/caps.py) counts new voters per address and vote; held only in
memory, a restarted phone server let every address stuff the same vote again. The
count lives in the local `meta` table (never synced, never exported), one small row
per vote and address. The address itself is not stored: its key is an HMAC under a
random secret of this laptop, so the rows tell nobody which addresses voted.
"""

import hashlib
import hmac
import secrets

from facilitator.store.db import Store
from facilitator.store.voter_keys import PREFIX

_SECRET_KEY = "voter_address_secret"


def _secret(store: Store) -> bytes:
    found = store.get_meta(_SECRET_KEY)
    if not found:
        found = secrets.token_hex(16)
        store.set_meta(_SECRET_KEY, found)
    return bytes.fromhex(found)


def address_key(store: Store, item_id: str, address: str) -> str:
    """Return the meta key that counts `address`'s voters in the vote `item_id`."""
    digest = hmac.new(_secret(store), address.encode(), hashlib.sha256).hexdigest()[:24]
    return f"{PREFIX}{item_id}:{digest}"


def voters_counted(store: Store, key: str) -> int:
    """Return how many new voters were counted under `key` (0 if none)."""
    found = store.get_meta(key)
    return int(found) if found and found.isdigit() else 0


def count_voters(store: Store, key: str, voters: int) -> None:
    """Keep `voters` as the count under `key`."""
    store.set_meta(key, str(voters))
