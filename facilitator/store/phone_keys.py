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

SYNC_CODE_KEY = "sync_code"  # = facilitator.sync.secret.META_KEY
PAIRING_KEY = "sync_pairing"  # = facilitator.sync.secret.PAIRING_KEY
SECRET_CHARS = 12  # = facilitator.sync.secret.LENGTH: the pairing code begins with it


def _peer_secret(store: Store) -> str | None:
    try:
        code = json.loads(store.get_meta(PAIRING_KEY) or "null")["code"]
    except (ValueError, KeyError, TypeError):
        return None
    secret = "".join(str(code).split()).replace("-", "").lower()[:SECRET_CHARS]
    return secret if len(secret) == SECRET_CHARS else None


def identity_keys(store: Store, fallback_secret: str) -> list[bytes]:
    """Return the keys phone identities verify with; the first one signs new ones.

    The peer's secret (this laptop paired with it), else our own sync secret, else
    `fallback_secret` (the moderators' secret: the key of every earlier version).
    """
    secrets = [_peer_secret(store), store.get_meta(SYNC_CODE_KEY), fallback_secret]
    keys = []
    for secret in dict.fromkeys(s for s in secrets if s):
        key = hashlib.sha256(b"phone-identity:" + secret.encode()).digest()
        keys.append(key)
    return keys
