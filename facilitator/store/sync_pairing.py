"""Provides a cheap check whether this database remembers a paired laptop.

`facilitator.sync.secret` keeps the pairing in `meta`; importing the sync package
loads aiohttp, which the app should not pay for before its first paint when it was
never paired.
"""

from facilitator.store.db import Store

PAIRING_KEY = "sync_pairing"  # the same key as facilitator.sync.secret.PAIRING_KEY


def is_paired(store: Store) -> bool:
    """Return whether a pairing with another laptop is remembered."""
    return bool(store.get_meta(PAIRING_KEY))
