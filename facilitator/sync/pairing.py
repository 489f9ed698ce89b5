"""Provides the pairing code: the sync secret and the certificate fingerprint in one string.

The code is what laptop B types from laptop A's screen: 12 characters of secret (it
authorises reading and writing the database) followed by the SHA-256 fingerprint of
A's certificate in base32 (52 characters), shown in groups of four. The client sends
only the secret, and only inside a TLS connection whose certificate has that
fingerprint; any other certificate is refused before a byte of the request leaves.
"""

import base64
import binascii

from facilitator.core.errors import ValidationError
from facilitator.store.db import Store
from facilitator.sync.secret import ALPHABET, LENGTH, normalise_code, sync_code
from facilitator.sync.tls import sync_certificate

FINGERPRINT_CHARS = 52  # 256 bits in base32, without padding
CODE_CHARS = LENGTH + FINGERPRINT_CHARS


def grouped(code: str) -> str:
    """Return the code in groups of four (dashes and spaces are ignored when it is typed)."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def pairing_code(store: Store) -> str:
    """Return this laptop's pairing code (grouped), making secret and certificate if needed."""
    fingerprint = sync_certificate(store).fingerprint
    encoded = base64.b32encode(fingerprint).decode("ascii").rstrip("=").lower()
    return grouped(sync_code(store) + encoded)


def parse_pairing_code(text: str | None) -> tuple[str, bytes]:
    """Return (secret, certificate fingerprint) of a typed pairing code; one sentence if not."""
    code = normalise_code(text)
    secret, encoded = code[:LENGTH], code[LENGTH:]
    problem = None
    if len(code) != CODE_CHARS:
        problem = (
            f"Der Pairing-Code hat {len(code)} statt {CODE_CHARS} Zeichen; bitte vollständig "
            "abschreiben (facilitator sync code auf dem anderen Laptop).",
            f"The pairing code has {len(code)} instead of {CODE_CHARS} characters; please copy "
            "all of it (facilitator sync code on the other laptop).",
        )
    elif any(c not in ALPHABET for c in secret):
        problem = (
            "Der Pairing-Code enthält Zeichen, die darin nicht vorkommen (z. B. 0, 1, o, l).",
            "The pairing code contains characters it never has (such as 0, 1, o, l).",
        )
    if problem is None:
        try:
            fingerprint = base64.b32decode(encoded.upper() + "====")
        except (binascii.Error, ValueError):
            fingerprint = b""
        if len(fingerprint) == 32:
            return secret, fingerprint
        problem = (
            "Der Pairing-Code ist verschrieben (der Fingerabdruck am Ende passt nicht).",
            "The pairing code is mistyped (the fingerprint at its end does not decode).",
        )
    raise ValidationError(problem[0], en=problem[1])
