"""Provides the typing laptop's half of a short-code pairing: short code in, full code out.

A first TLS handshake learns the certificate the other side shows (nobody vouches for
it yet); its SHA-256 fingerprint is what this laptop's proof is bound to
(`sync.short_code`), and both requests are pinned to it. The answer is trusted only if
the other laptop's proof holds over that same fingerprint and the full pairing code it
hands over names it too.
"""

import asyncio
import hashlib
import hmac
import ssl
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from spake2 import SPAKEError

from facilitator.core.errors import UserError
from facilitator.locale import lazy
from facilitator.sync.client import SyncAuthError, SyncUnavailable, parse_peer_url
from facilitator.sync.pairing import parse_pairing_code
from facilitator.sync.short_code import is_short_code, proof, start_typing

TIMEOUT_S = 10.0


def _wrong(url: str) -> SyncAuthError:
    return SyncAuthError(
        lazy(
            "{url} nimmt den Kurzcode nicht an (falsch, schon benutzt oder abgelaufen); "
            "bitte dort einen neuen zeigen lassen.",
            url=url,
        )
    )


async def _certificate_seen(host: str, port: int, local: tuple[str, int] | None) -> bytes:
    """The SHA-256 of the certificate `host:port` shows (no authority vouches for it)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the proofs decide, bound to this fingerprint
    _, writer = await asyncio.open_connection(host, port, ssl=context, local_addr=local)
    try:
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
    finally:
        writer.close()
    if not der:
        raise ValueError("no certificate")
    return hashlib.sha256(der).digest()


async def _post(
    session: aiohttp.ClientSession, url: str, body: dict[str, str], pin: bytes
) -> tuple[int, dict[str, Any]]:
    async with session.post(url, json=body, ssl=aiohttp.Fingerprint(pin)) as response:
        data = await response.json(content_type=None)
        return response.status, data if isinstance(data, dict) else {}


async def redeem_short_code(
    peer: str, code: str, *, timeout_s: float = TIMEOUT_S, local_host: str | None = None
) -> str:
    """Exchange a short code with the laptop at `peer` for a full pairing code.

    SyncAuthError when it refuses the code (or its proof fails), SyncUnavailable when it
    cannot be reached or answers nonsense. `local_host`: the address to send from.
    """
    base, _ = parse_peer_url(peer)
    spake, message = start_typing(code)
    timeout = aiohttp.ClientTimeout(total=timeout_s)
    local = (local_host, 0) if local_host else None
    parts = urlsplit(base)
    try:
        async with asyncio.timeout(timeout_s):
            seen = await _certificate_seen(parts.hostname or "", parts.port or 443, local)
        connector = aiohttp.TCPConnector(local_addr=local)
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            # both requests pinned to the certificate seen: the proofs are bound to it
            status, data = await _post(
                session, base + "/sync/pair/start", {"msg": message.hex()}, seen
            )
            if status in (403, 410):
                raise _wrong(base)
            exchange = str(data["exchange"])
            key = spake.finish(bytes.fromhex(str(data["msg"])))
            ours = proof(key, b"typing", seen, exchange)
            status, data = await _post(
                session, base + "/sync/pair/finish", {"exchange": exchange, "proof": ours}, seen
            )
            if status in (403, 410):
                raise _wrong(base)
    except UserError:
        raise
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as err:
        raise SyncUnavailable(
            lazy("Die andere Seite ({base}) ist nicht erreichbar.", base=base)
        ) from err
    except (ValueError, KeyError, TypeError, SPAKEError) as err:
        raise SyncUnavailable(
            lazy("Die andere Seite ({base}) antwortet unverständlich.", base=base)
        ) from err
    theirs = proof(key, b"offering", seen, exchange)
    full = str(data.get("code", ""))
    try:
        named = parse_pairing_code(full)[1]
    except UserError:
        named = b""
    if not hmac.compare_digest(theirs, str(data.get("proof", ""))) or named != seen:
        raise _wrong(base)
    return full


async def full_code(peer: str, code: str) -> str:
    """Return `code` itself, or the full code a short code stands for (see redeem_short_code)."""
    return await redeem_short_code(peer, code) if is_short_code(code) else code
