"""Provides the sync secret: made for one pairing, shown once, kept by neither laptop in clear.

A pairing code carries a random secret (`new_sync_code`). Both laptops turn it into
a key with PBKDF2 (salted with the certificate's fingerprint, so a key is good for
one laptop only): the laptop that typed the code keeps that key to send with every
request; the laptop that showed the code keeps only the key's SHA-256 (in its
pairing offer, `store.sync_pairing`). Someone who reads either database cannot
type the code on a third laptop, and a stolen hash costs a PBKDF2 run per guess.
It is separate from the participants' join code (which only opens the phone pages).
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from facilitator.store.db import Store
from facilitator.store.sync_pairing import SyncOffer, list_offers

# No 0/O, 1/l/I: the code is read off one screen and typed on the other laptop.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
LENGTH = 12  # about 59 bits
KDF_ITERATIONS = 200_000  # about 0.1 s, once per pairing on each laptop


@dataclass(frozen=True)
class PairingKey:
    """What the laptop that typed a code keeps: the derived key and the peer's fingerprint."""

    key: str  # hex; sent as X-Sync-Code inside the pinned TLS connection
    fingerprint: bytes


def new_sync_code() -> str:
    """Return a fresh random sync secret."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(text: str | None) -> str:
    """Return a typed code without spaces or dashes, in lower case."""
    return "".join((text or "").split()).replace("-", "").lower()


def derive_key(secret: str, fingerprint: bytes) -> str:
    """Return the key both laptops derive from a pairing's secret (hex)."""
    salt = b"facilitator-sync:" + fingerprint
    digest = hashlib.pbkdf2_hmac("sha256", secret.encode(), salt, KDF_ITERATIONS)
    return digest.hex()


def key_hash(key: str) -> str:
    """Return what the showing laptop keeps of a key: its SHA-256 (hex)."""
    return hashlib.sha256(key.encode()).hexdigest()


def check_sync_key(store: Store, offered: str | None) -> SyncOffer | None:
    """Return the pairing offer whose key was offered (constant-time compare), or None."""
    if not offered or len(offered) > 128:
        return None
    wanted = key_hash(offered.strip().lower())
    found = None
    for offer in list_offers(store):
        if hmac.compare_digest(wanted, offer.key_hash):
            found = offer
    return found
