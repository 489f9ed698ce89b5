"""Provides the phone's identity: a random token the server issues in an HttpOnly cookie.

One phone keeps one identity across page loads: its dots, its submissions and its
registration are tied to it, so a ballot cannot name some other voter and a second
registration from the same phone updates the same person. The token is signed with
a key only the two paired laptops know (store/phone_keys.py: the sync secret, else
the moderator secret), so only they mint identities, and a phone that moves to the
other laptop keeps its own (a phone that drops its cookie gets a new one, which is
why the caps per address exist as well).
"""

import hashlib
import hmac
import re
import secrets
from http.cookies import SimpleCookie

from aiohttp import web

from facilitator.locale import gettext
from facilitator.store.phone_keys import identity_keys
from facilitator.web.keys import MOD_SECRET, STORE

COOKIE = "facilitator_phone"
MAX_AGE = 3 * 86400  # a workshop and its follow-up day, not for ever
_TOKEN = re.compile(r"^([0-9a-f]{32})\.([0-9a-f]{24})$")
_ID = "phone_id"
_NEW = "phone_new"
# A move token holds for its half hour and the three before (the page fetches a fresh
# one every ten minutes), and for the next (the other laptop's clock may be ahead).
MOVE_WINDOW_MS = 30 * 60 * 1000
_MOVE_WINDOWS = (1, 0, -1, -2, -3)


def _keys(request: web.Request) -> list[bytes]:
    return identity_keys(request.app[STORE], request.app[MOD_SECRET])


def _signature(request: web.Request, phone: str, purpose: str = "", key: bytes = b"") -> str:
    key = key or _keys(request)[0]
    return hmac.new(key, (purpose + phone).encode(), hashlib.sha256).hexdigest()[:24]


def _verified(request: web.Request, token: str, *purposes: str) -> str | None:
    match = _TOKEN.match(token)
    if not match:
        return None
    good = [
        hmac.compare_digest(match[2], _signature(request, match[1], purpose, key))
        for key in _keys(request)
        for purpose in purposes or ("",)
    ]  # every key, no early exit: timing says nothing
    return match[1] if any(good) else None


def _move_purpose(request: web.Request, shift: int = 0) -> str:
    window = request.app[STORE].now_ms() // MOVE_WINDOW_MS + shift
    return f"move:{window}:"


def presented_phone(request: web.Request) -> str | None:
    """Return the identity the phone's cookie carries, if this laptop or its pair issued it."""
    return _verified(request, request.cookies.get(COOKIE, ""))


def move_token(request: web.Request, phone: str) -> str:
    """Return the token a phone takes to the other laptop to keep its identity there.

    Signed for this purpose and half hour only (a cookie value is not a move token, nor
    the reverse, and a token seen once does not open the phone's identity for ever).
    """
    return f"{phone}.{_signature(request, phone, _move_purpose(request))}"


def adopt_phone(request: web.Request, token: str) -> str | None:
    """Take on the identity a move token names (set on the answer); None if not ours."""
    phone = _verified(request, token, *(_move_purpose(request, s) for s in _MOVE_WINDOWS))
    if phone is not None:
        request[_ID] = phone
        request[_NEW] = True
    return phone


def require_phone(request: web.Request, lang: str) -> str:
    """Return the phone's identity from its cookie; 403 "reload" if it has none.

    Ballots and activity answers are keyed by it, never by what the body says; the
    join page issues the cookie, so a phone without one is asked to reload.
    """
    phone = presented_phone(request)
    if phone is None:
        raise web.HTTPForbidden(
            text=gettext("Bitte laden Sie die Seite neu und stimmen Sie dann ab.", lang)
        )
    return phone


def phone_id(request: web.Request) -> str:
    """Return this phone's identity, issuing a new one (set on the answer) if it has none."""
    if _ID not in request:
        phone = presented_phone(request)
        if phone is None:
            phone = secrets.token_hex(16)
            # A link followed from another site arrives without the Strict cookie even
            # when the phone has one: issuing a new identity would overwrite it, so this
            # page load gets one for itself only (the page's own requests carry the cookie).
            if request.headers.get("Sec-Fetch-Site", "").lower() != "cross-site":
                request[_NEW] = True
        request[_ID] = phone
    return request[_ID]


async def set_identity_cookie(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: hand a newly issued identity to the phone.

    aiohttp has already turned `response.cookies` into headers when this signal runs,
    so the Set-Cookie header is added directly.
    """
    if request.get(_NEW):
        phone = request[_ID]
        cookie: SimpleCookie = SimpleCookie()
        cookie[COOKIE] = f"{phone}.{_signature(request, phone)}"
        morsel = cookie[COOKIE]
        morsel["max-age"] = MAX_AGE
        morsel["path"] = "/"
        morsel["httponly"] = True
        morsel["samesite"] = "Strict"
        response.headers.add("Set-Cookie", morsel.OutputString())
