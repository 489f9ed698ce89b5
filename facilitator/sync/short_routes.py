"""Provides the sync port's two pairing requests for a short code (see `sync.short_code`).

`POST /sync/pair/start {"msg"}` answers the typing laptop's SPAKE2 message;
`POST /sync/pair/finish {"exchange", "proof"}` checks its proof over the certificate
it sees and, if it holds, answers with this laptop's proof and a full pairing code (a
new offer for the short code's scope). They need no sync key (the laptop asking has
none yet) and pass the port's own gate like every request; wrong proofs are counted
against the short code, which is void after `MAX_FAILURES`.
"""

import re

from aiohttp import web

from facilitator.core import untrusted
from facilitator.sync.pairing import new_pairing
from facilitator.sync.routes import SYNC_STORE
from facilitator.sync.short_code import ShortCodes
from facilitator.sync.tls import sync_certificate

SHORT_CODES = web.AppKey("sync_short_codes", ShortCodes)
MAX_BODY = 4096
_HEX = re.compile(r"[0-9a-f]{1,512}")


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def _read(request: web.Request) -> dict[str, str] | None:
    """The request's JSON object of short hex strings, or None."""
    if request.content_length is None or request.content_length > MAX_BODY:
        return None
    try:
        data = untrusted.loads(await request.content.read(MAX_BODY))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    values = {k: v for k, v in data.items() if isinstance(v, str) and _HEX.fullmatch(v)}
    return values if len(values) == len(data) else None


async def pair_start(request: web.Request) -> web.Response:
    """POST /sync/pair/start: the first half of the exchange."""
    data = await _read(request)
    if data is None or "msg" not in data:
        return _error(400, "Unlesbare Anfrage.")
    try:
        begun = request.app[SHORT_CODES].begin(bytes.fromhex(data["msg"]))
    except ValueError:
        return _error(400, "Unlesbare Anfrage.")
    if begun is None:
        return _error(410, "Kein gültiger Kurzcode: bitte dort einen neuen zeigen.")
    exchange, answer = begun
    return web.json_response({"exchange": exchange, "msg": answer.hex()})


async def pair_finish(request: web.Request) -> web.Response:
    """POST /sync/pair/finish: check the proof; hand over a full pairing code."""
    data = await _read(request)
    if data is None or "exchange" not in data or "proof" not in data:
        return _error(400, "Unlesbare Anfrage.")
    store = request.app[SYNC_STORE]
    fingerprint = sync_certificate(store).fingerprint
    try:
        scope, ours = request.app[SHORT_CODES].finish(data["exchange"], data["proof"], fingerprint)
    except PermissionError:
        return _error(403, "Kurzcode falsch oder abgelaufen.")
    code, _offer = new_pairing(store, scope)
    return web.json_response({"proof": ours, "code": code})


def add_short_code_routes(app: web.Application, codes: ShortCodes | None = None) -> ShortCodes:
    """Add the two routes (before the app starts) and return the port's short codes."""
    codes = app[SHORT_CODES] = codes or ShortCodes()
    app.router.add_post("/sync/pair/start", pair_start)
    app.router.add_post("/sync/pair/finish", pair_finish)
    return codes
