"""Provides the server's guards: security headers, body limits, rate limits, clean errors.

Everything a phone can reach passes `guard`: a wrong code, a flood, a huge body or
a bug all end in a short message with the right status and never a stack trace.
"""

import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from aiohttp import web

from facilitator.core.i18n import normalise_lang
from facilitator.locale import gettext, lazy
from facilitator.web.keys import CAPS, HUB, LIMITS, MOD_SECRET
from facilitator.web.markup import render

if TYPE_CHECKING:
    from facilitator.web.caps import Room

log = logging.getLogger(__name__)
MAX_BODY = 16 * 1024
# The moderators' photo upload page (web/uploads.py, its own token) takes phone photos.
UPLOAD_PREFIX = "/up/"
UPLOAD_MAX_BODY = 64 * 1024 * 1024
PING_PATH = "/api/ping"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on
    # the page's own form posts, which the cross-site check must refuse.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class RateLimits:
    """Token buckets per client address: `burst` requests, refilled at `per_second`."""

    post_burst: float = 10
    post_per_second: float = 1.0  # 10 POST per 10 s
    get_burst: float = 120
    get_per_second: float = 4.0
    enabled: bool = True


class Buckets:
    """Token buckets keyed by (address, method class); old entries are pruned."""

    def __init__(self, limits: RateLimits, room: "Room | None" = None) -> None:
        self.limits = limits
        self.room = room  # with the NAT setting on, one address carries a room of phones
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}

    def allow(self, address: str, method: str) -> bool:
        if not self.limits.enabled:
            return True
        kind = "post" if method == "POST" else "get"
        factor = self.room.factor if self.room is not None else 1
        burst = getattr(self.limits, f"{kind}_burst") * factor
        rate = getattr(self.limits, f"{kind}_per_second") * factor
        now = time.monotonic()
        tokens, last = self._buckets.get((address, kind), (burst, now))
        tokens = min(burst, tokens + (now - last) * rate)
        if tokens < 1:
            self._buckets[(address, kind)] = (tokens, now)
            return False
        self._buckets[(address, kind)] = (tokens - 1, now)
        if len(self._buckets) > 10_000:  # bounded memory under a scan of many addresses
            cutoff = now - 600
            self._buckets = {k: v for k, v in self._buckets.items() if v[1] > cutoff}
        return True


def pick_lang(query_lang: str | None, accept_language: str | None) -> str:
    """Return 'de' or 'en': the ?lang= switch first, then the browser's first language."""
    if query_lang:
        return normalise_lang(query_lang)
    first = (accept_language or "").split(",")[0].split(";")[0].strip()
    return normalise_lang(first)


def lang_of(request: web.Request) -> str:
    return pick_lang(request.query.get("lang"), request.headers.get("Accept-Language"))


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def posted_form(request: web.Request) -> bool:
    """Whether a browser without JavaScript posted a form (and so expects a page back)."""
    return (
        request.method == "POST"
        and request.content_type in _FORM_TYPES
        and "application/json" not in request.headers.get("Accept", "")
    )


def wants_json(request: web.Request) -> bool:
    """API, stream and moderator paths answer in JSON; pages and plain form posts in HTML."""
    if request.path.startswith("/api/") and posted_form(request):
        return False  # a phone without JavaScript: a page with a way back, not raw JSON
    return request.path.startswith(("/api/", "/mod/", "/events"))


def problem(request: web.Request, status: int, message: str) -> web.Response:
    """Return a short error: JSON for APIs, a tiny page otherwise; never any data.

    A refused form post gets a way back to the join page it came from.
    """
    if wants_json(request):
        return web.json_response({"error": message}, status=status)
    lang = lang_of(request)
    code = request.query.get("code") if request.path.startswith("/api/") else None
    back = ""
    if code and HUB in request.app and request.app[HUB].workshop_for_code(code):
        back = render(
            '<p><a class="button" href="{href}">{text}</a></p>',
            href=f"/j/{quote(code)}?lang={lang}",
            text=gettext("Zurück zum Workshop", lang),
        )
    page = render(
        '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/static/join.css"><title>{message}</title></head>'
        '<body><main><p class="problem" role="alert">{message}</p>{back}</main></body></html>',
        lang=lang,
        message=message,
        back=back,
    )
    return web.Response(text=page, status=status, content_type="text/html")


_STATUS_TEXTS = {
    400: lazy("Ungültige Anfrage."),
    403: lazy("Zugangscode ungültig. Bitte den QR-Code erneut scannen."),
    404: lazy("Nicht gefunden."),
    408: lazy("Die Anfrage kam zu langsam an."),
    413: lazy("Anfrage zu groß."),
    429: lazy("Zu viele Anfragen. Bitte kurz warten."),
}
_STATE_CHANGING = ("POST", "PUT", "PATCH", "DELETE")


def cross_site(request: web.Request) -> bool:
    """Return True if a browser says this request comes from a page of another site.

    Browsers send Sec-Fetch-Site and Origin with every POST; scripts and old browsers
    may send neither (then the caps apply as usual). Anything but our own origin counts
    as another site, including "same-site" (another port of this laptop) and "null".
    """
    fetch_site = request.headers.get("Sec-Fetch-Site", "").lower()
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    return origin != f"{request.scheme}://{request.host}"


def _flooding(request: web.Request) -> bool:
    """Return True if the request's address is over its rate limit (the refusal is counted)."""
    # the phones' heartbeat (web/failover.py) is a fixed 204 with no data: under a shared
    # address (NAT) counting it would starve that address's real requests
    heartbeat = request.path == PING_PATH and "code" not in request.query
    if heartbeat or request.app[LIMITS].allow(request.remote or "?", request.method):
        return False
    if CAPS in request.app:
        request.app[CAPS].refused["rate"] += 1  # the moderators see floods held off
    return True


def _refused_early(request: web.Request, lang: str) -> web.Response | None:
    """Return the answer to a request refused before its handler runs, or None to go on."""
    if _flooding(request):
        return problem(request, 429, gettext("Zu viele Anfragen. Bitte kurz warten.", lang))
    limit = UPLOAD_MAX_BODY if request.path.startswith(UPLOAD_PREFIX) else MAX_BODY
    if request.content_length is not None and request.content_length > limit:
        return problem(request, 413, gettext("Anfrage zu groß.", lang))
    if request.method in _STATE_CHANGING and cross_site(request):
        return problem(request, 403, gettext("Anfrage von einer anderen Seite abgelehnt.", lang))
    return None


def _error_text(exc: web.HTTPException, lang: str) -> str:
    """Return the short text for a refusal raised by a handler."""
    if exc.text and not exc.text.startswith(str(exc.status)):
        return exc.text  # our own message (validation, caps), already short
    known = _STATUS_TEXTS.get(exc.status)
    return known.text(lang) if known else (exc.reason or "")


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Rate-limit, cap bodies, and turn every failure into a short answer."""
    lang = lang_of(request)
    refused = _refused_early(request, lang)
    if refused is not None:
        return refused
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise  # redirects pass through
        return problem(request, exc.status, _error_text(exc, lang))
    except Exception:
        log.exception("error while answering %s %s", request.method, request.path)
        return problem(request, 500, gettext("Interner Fehler", lang))


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: every answer (pages, static files, streams) gets the headers."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    response.headers["Server"] = "facilitator"  # no versions for a scanner to look up
    # the projector too: a cached view would show a closed vote or the last workshop's code
    if request.path.startswith(("/api/", "/mod/", "/j/", "/beamer/", UPLOAD_PREFIX)):
        response.headers.setdefault("Cache-Control", "no-store")


def join_code(request: web.Request) -> str | None:
    return request.match_info.get("code") or request.query.get("code")


def require_join(request: web.Request) -> str:
    """Return the workshop the request's join code opens; 403 (no data) otherwise."""
    workshop_id = request.app[HUB].workshop_for_code(join_code(request))
    if workshop_id is None:
        raise web.HTTPForbidden()
    return workshop_id


def require_moderator(request: web.Request) -> None:
    """Let only requests with the moderators' secret through; the join code is not enough."""
    given = request.headers.get("X-Moderator-Secret", "").encode()
    if not given or not hmac.compare_digest(given, request.app[MOD_SECRET].encode()):
        raise web.HTTPForbidden(
            text=gettext("Moderationsschlüssel fehlt oder ist falsch.", lang_of(request))
        )


def bad_request(message: str) -> web.HTTPBadRequest:
    """Return a 400 whose short message reaches the phone."""
    return web.HTTPBadRequest(text=message)


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
