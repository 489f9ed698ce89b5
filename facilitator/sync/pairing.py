"""Provides the pairing code: a new secret and the certificate fingerprint in one string.

The code is what laptop B types from laptop A's screen: 12 characters of secret
followed by the SHA-256 fingerprint of A's certificate in base32 (52 characters),
shown in groups of four. Each code is made for one pairing offer with its scope (a
workshop or a series) and shown once: A keeps only the hash of the key derived from
it, B only the key (`sync.secret`). The client sends the key only inside a TLS
connection whose certificate has that fingerprint; any other certificate is refused
before a byte of the request leaves.
"""

import base64
import binascii
import json

from facilitator.core.errors import NotFound, ValidationError
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.sync_pairing import (
    PAIRING_KEY,
    SyncOffer,
    SyncScope,
    add_offer,
    revoke_offer,
    scope_for,
)
from facilitator.sync.secret import (
    ALPHABET,
    LENGTH,
    PairingKey,
    derive_key,
    key_hash,
    new_sync_code,
    normalise_code,
)
from facilitator.sync.tls import sync_certificate

FINGERPRINT_CHARS = 52  # 256 bits in base32, without padding
CODE_CHARS = LENGTH + FINGERPRINT_CHARS


def grouped(code: str) -> str:
    """Return the code in groups of four (dashes and spaces are ignored when it is typed)."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def new_pairing(store: Store, scope: SyncScope) -> tuple[str, SyncOffer]:
    """Offer a pairing for `scope`: return its code (grouped, shown once) and the offer."""
    fingerprint = sync_certificate(store).fingerprint
    secret = new_sync_code()
    offer = add_offer(store, key_hash(derive_key(secret, fingerprint)), scope)
    encoded = base64.b32encode(fingerprint).decode("ascii").rstrip("=").lower()
    return grouped(secret + encoded), offer


def rotate_pairing(store: Store, offer_id: str) -> tuple[str, SyncOffer]:
    """Revoke an offer and make a new code for the same scope."""
    old = revoke_offer(store, offer_id)
    return new_pairing(store, old.scope)


def pairing_code(store: Store, scope: SyncScope | None = None) -> str:
    """Return a new pairing code for `scope` (default: the newest workshop's series or itself).

    A database without a workshop offers one that shares no workshop (until rotated).
    """
    if scope is None:
        try:
            scope = scope_for(store, None, None)
        except NotFound:
            scope = SyncScope()
    return new_pairing(store, scope)[0]


def parse_pairing_code(text: str | None) -> tuple[str, bytes]:
    """Return (secret, certificate fingerprint) of a typed pairing code; one sentence if not."""
    code = normalise_code(text)
    secret, encoded = code[:LENGTH], code[LENGTH:]
    problem = None
    if len(code) != CODE_CHARS:
        problem = lazy(
            "Der Pairing-Code hat {count} statt {code_chars} Zeichen; bitte vollständig "
            "abschreiben (facilitator sync code auf dem anderen Laptop).",
            count=len(code),
            code_chars=CODE_CHARS,
        )
    elif any(c not in ALPHABET for c in secret):
        problem = lazy(
            "Der Pairing-Code enthält Zeichen, die darin nicht vorkommen (z. B. 0, 1, o, l)."
        )
    if problem is None:
        try:
            fingerprint = base64.b32decode(encoded.upper() + "====")
        except (binascii.Error, ValueError):
            fingerprint = b""
        if len(fingerprint) == 32:
            return secret, fingerprint
        problem = lazy("Der Pairing-Code ist verschrieben (der Fingerabdruck am Ende passt nicht).")
    raise ValidationError(problem)


def pairing_key(code: str | PairingKey) -> PairingKey:
    """Return the key a typed code stands for (a key is returned as it is)."""
    if isinstance(code, PairingKey):
        return code
    secret, fingerprint = parse_pairing_code(code)
    return PairingKey(derive_key(secret, fingerprint), fingerprint)


def remember_pairing(store: Store, url: str, key: PairingKey) -> None:
    """Keep the other laptop's URL, key and fingerprint (locally) so the next start reconnects."""
    fingerprint = base64.b32encode(key.fingerprint).decode("ascii")
    store.set_meta(PAIRING_KEY, json.dumps({"url": url, "key": key.key, "pin": fingerprint}))


def remembered_pairing(store: Store) -> tuple[str, PairingKey] | None:
    """Return the (url, key) last used successfully, if any.

    A pairing remembered by an earlier release kept the code in clear: it is turned
    into its key here and the code forgotten.
    """
    raw = store.get_meta(PAIRING_KEY)
    try:
        data = json.loads(raw) if raw else None
        if not data:
            return None
        if "code" in data:
            url, key = str(data["url"]), pairing_key(str(data["code"]))
            remember_pairing(store, url, key)
            return url, key
        return str(data["url"]), PairingKey(str(data["key"]), base64.b32decode(data["pin"]))
    except (ValueError, KeyError, TypeError):
        return None
