"""Provides the short pairing code: eight characters for ten minutes, exchanged by SPAKE2.

Typing a 64-character pairing code off another screen is slow and error-prone, so the
laptop that offers a pairing can also show a short code ("abcd-efgh", about 40 bits).
That is too short to be a key or to carry the certificate fingerprint, so it is only a
password for a password-authenticated key exchange (SPAKE2, as magic-wormhole uses):
the laptop that typed it connects over TLS without knowing the certificate yet, both
derive a key that only the code's holders can get, and each proves it with an HMAC over
the certificate fingerprint *it* sees. A laptop in the middle has its own certificate,
so its proof never matches, and a wrong guess teaches it nothing it could try offline.
When both proofs hold, the offering laptop hands over a full pairing code (a new offer,
kept as a key hash like every other); from there on sync pins the certificate as before.

The short code lives in the memory of the listening process only (never in the
database), is good for one pairing, `LIFETIME_S` seconds and `MAX_FAILURES` wrong
proofs, whoever sends them; then it is void and a new one must be shown.
"""

import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from spake2 import SPAKE2_A, SPAKE2_B, SPAKEError

from facilitator.store.sync_pairing import SyncScope
from facilitator.sync.secret import ALPHABET, normalise_code

SHORT_LENGTH = 8  # 31**8: about 40 bits, against at most MAX_FAILURES guesses
LIFETIME_S = 600.0
MAX_FAILURES = 5
MAX_PENDING = 8  # exchanges started and not finished; the oldest goes first
PENDING_S = 30.0  # between the two requests of one exchange
ID_OFFERING = b"facilitator-sync-offering"
ID_TYPING = b"facilitator-sync-typing"


def is_short_code(text: str | None) -> bool:
    """Return whether a typed code is a short code (else it should be a full pairing code)."""
    code = normalise_code(text)
    return len(code) == SHORT_LENGTH and all(c in ALPHABET for c in code)


def grouped_short(code: str) -> str:
    """Return a short code as two groups of four, as it is shown."""
    return code[:4] + "-" + code[4:]


def proof(key: bytes, role: bytes, fingerprint: bytes, exchange: str) -> str:
    """Return the HMAC by which one side shows it holds `key`, bound to the certificate seen."""
    message = role + b"|" + fingerprint + b"|" + exchange.encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def start_typing(code: str) -> tuple[SPAKE2_B, bytes]:
    """The typing laptop's side: its SPAKE2 state and first message."""
    spake = SPAKE2_B(normalise_code(code).encode(), idA=ID_OFFERING, idB=ID_TYPING)
    return spake, spake.start()


@dataclass
class ShortCode:
    """One short code this laptop shows: its scope, deadline and wrong proofs so far."""

    code: str
    scope: SyncScope
    expires: float
    failures: int = 0


@dataclass
class _Exchange:
    key: bytes
    code: str
    started: float


@dataclass
class ShortCodes:
    """The short code a listening sync port accepts (at most one) and its exchanges."""

    clock: Callable[[], float] = time.monotonic
    current: ShortCode | None = None
    pending: OrderedDict[str, _Exchange] = field(default_factory=OrderedDict)

    def offer(self, scope: SyncScope) -> ShortCode:
        """Make a new short code for `scope`; an earlier one is void from now on."""
        code = "".join(secrets.choice(ALPHABET) for _ in range(SHORT_LENGTH))
        self.current = ShortCode(code, scope, self.clock() + LIFETIME_S)
        self.pending.clear()
        return self.current

    def void(self) -> None:
        """Forget the short code (revoked, used, or too many wrong proofs)."""
        self.current = None
        self.pending.clear()

    def valid(self) -> ShortCode | None:
        """Return the short code if it may still be used."""
        if self.current is not None and self.clock() >= self.current.expires:
            self.void()
        return self.current

    def begin(self, message: bytes) -> tuple[str, bytes] | None:
        """First request: answer the typing laptop's SPAKE2 message; None if no code is valid.

        ValueError for a message that is no SPAKE2 message.
        """
        current = self.valid()
        if current is None:
            return None
        spake = SPAKE2_A(current.code.encode(), idA=ID_OFFERING, idB=ID_TYPING)
        answer = spake.start()
        try:
            key = spake.finish(message)
        except (SPAKEError, ValueError) as err:  # not a point, or our own side's
            raise ValueError("no SPAKE2 message") from err
        now = self.clock()
        for name in [n for n, x in self.pending.items() if now - x.started > PENDING_S]:
            del self.pending[name]
        while len(self.pending) >= MAX_PENDING:
            self.pending.popitem(last=False)
        exchange = secrets.token_hex(16)
        self.pending[exchange] = _Exchange(key, current.code, now)
        return exchange, answer

    def finish(self, exchange: str, offered: str, fingerprint: bytes) -> tuple[SyncScope, str]:
        """Second request: check the typing laptop's proof; return (scope, our proof).

        PermissionError when the proof is wrong (a failure is counted) or the exchange
        or code is gone. The code is void after one pairing.
        """
        pending = self.pending.pop(exchange, None)
        current = self.valid()
        if pending is None or current is None or pending.code != current.code:
            raise PermissionError("no such exchange")
        expected = proof(pending.key, b"typing", fingerprint, exchange)
        if not hmac.compare_digest(expected, offered):
            current.failures += 1
            if current.failures >= MAX_FAILURES:
                self.void()
            raise PermissionError("wrong proof")
        self.void()
        return current.scope, proof(pending.key, b"offering", fingerprint, exchange)
