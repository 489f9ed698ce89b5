"""Provides the moderators' secret: per database, kept in meta, separate from the join code.

The join code is printed on slides and handed to every phone; the moderator secret
never leaves the laptops, so a participant cannot hide entries or read hidden ones.
"""

import secrets

from facilitator.store.db import Store

META_KEY = "moderator_secret"


def moderator_secret(store: Store) -> str:
    """Return this database's moderator secret, creating a random one on first use."""
    secret = store.get_meta(META_KEY)
    if not secret:
        secret = secrets.token_urlsafe(24)
        store.set_meta(META_KEY, secret)
    return secret
