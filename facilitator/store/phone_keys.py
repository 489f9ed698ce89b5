"""Provides the secrets a phone's identity is signed with, shared by both paired laptops.

A phone that moves from laptop A to laptop B must keep its identity (its dots, answers
and submissions are keyed by it), so B must accept what A signed. The secret both
know is the sync secret of the laptop that was paired with: A's own, which B typed
in as part of A's pairing code. Keys are derived from it (it never leaves), and the
laptop's own secrets are accepted too, so identities issued before pairing stay valid.

The meta keys are the ones `facilitator.sync.secret` writes; read here because the
phone server may not import the sync package (see the layers in pyproject.toml).
"""

import hashlib
import json

from facilitator.store.db import Store

PAIRING_KEY = "sync_pairing"  # = facilitator.sync.secret.PAIRING_KEY: {"url", "key", "pin"}


def _key_hash(key: str) -> str:
    """The hash the offering laptop keeps of a pairing's derived key (= sync.secret.key_hash)."""
    return hashlib.sha256(key.encode()).hexdigest()


def _peer_secret(store: Store) -> str | None:
    """The followed laptop's pairing, as the hash of its key: what that laptop keeps too."""
    try:
        key = json.loads(store.get_meta(PAIRING_KEY) or "null")["key"]
    except (ValueError, KeyError, TypeError):
        return None
    return _key_hash(key) if isinstance(key, str) and key else None


def _offered_secrets(store: Store) -> list[str]:
    """The key hashes of the pairings this laptop offers, newest first."""
    from facilitator.store.sync_pairing import list_offers

    return [offer.key_hash for offer in reversed(list_offers(store))]


def identity_keys(store: Store, fallback_secret: str) -> list[bytes]:
    """Return the keys phone identities verify with; the first one signs new ones.

    The pairing's key hash (which both paired laptops hold: the followed one keeps it,
    the following one derives it from its key), else `fallback_secret` (the moderators'
    secret: the key of every earlier version). Neither laptop keeps the code itself.
    """
    secrets = [_peer_secret(store), *_offered_secrets(store), fallback_secret]
    keys = []
    for secret in dict.fromkeys(s for s in secrets if s):
        key = hashlib.sha256(b"phone-identity:" + secret.encode()).digest()
        keys.append(key)
    return keys
