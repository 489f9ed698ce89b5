"""Provides the sync code: the per-database secret a peer laptop needs to replicate.

It is separate from the participants' join code (which only opens the phone
pages) and is kept in `meta`, which is local and never replicated.
"""

import hmac
import secrets

from facilitator.store.db import Store

META_KEY = "sync_code"
# No 0/O, 1/l/I: the code is read off one screen and typed on the other laptop.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
LENGTH = 12  # about 59 bits


def new_sync_code() -> str:
    """Return a fresh random sync code."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def sync_code(store: Store) -> str:
    """Return this database's sync code, creating it the first time."""
    code = store.get_meta(META_KEY)
    if not code:
        code = new_sync_code()
        store.set_meta(META_KEY, code)
    return code


def normalise_code(text: str | None) -> str:
    """Return a typed code without spaces or dashes, in lower case."""
    return "".join((text or "").split()).replace("-", "").lower()


def check_sync_code(store: Store, offered: str | None) -> bool:
    """Return whether `offered` is this database's sync code (constant-time compare)."""
    expected = sync_code(store).encode()
    return hmac.compare_digest(normalise_code(offered).encode(), expected)


PAIRING_KEY = "sync_pairing"


def remember_pairing(store: Store, url: str, code: str) -> None:
    """Keep the other laptop's URL and code (locally) so the next start reconnects."""
    import json

    store.set_meta(PAIRING_KEY, json.dumps({"url": url, "code": code}))


def remembered_pairing(store: Store) -> tuple[str, str] | None:
    """Return the (url, code) last used successfully, if any."""
    import json

    raw = store.get_meta(PAIRING_KEY)
    try:
        data = json.loads(raw) if raw else None
        return (str(data["url"]), str(data["code"])) if data else None
    except (ValueError, KeyError, TypeError):
        return None
