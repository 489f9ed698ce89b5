"""Provides what a phone needs to survive its laptop: a heartbeat, its move token, adoption.

failover.js on the join page pings /api/ping; when its laptop stops answering it
probes the other laptop's address (from the snapshot's `servers`), opens the same
join page there with its move token and unsent answers in the URL fragment (never
sent to a server), and the new page hands the token to /api/adopt: the phone keeps
its identity, and answers resent with their client ids are stored once (ids derived
from phone and client id, on both laptops alike).
"""

from aiohttp import web

from facilitator.locale import gettext
from facilitator.store.phone_servers import phone_servers
from facilitator.web.forms import read_body, text_field
from facilitator.web.identity import adopt_phone, move_token, require_phone
from facilitator.web.keys import STORE
from facilitator.web.security import CSP, PING_PATH, bad_request, lang_of, require_join


async def ping(request: web.Request) -> web.Response:
    """GET /api/ping[?code=]: this laptop is alive; with a code, it serves that workshop.

    The other laptop's page asks with its code before it moves there (readable across
    origins, so it learns more than "something answers"): a laptop that serves another
    workshop would only show it a 403. With a code the rate limit applies as anywhere.
    """
    if "code" in request.query:
        require_join(request)
    return web.Response(status=204, headers=_OPEN)


_OPEN = {"Cache-Control": "no-store", "Access-Control-Allow-Origin": "*"}


async def identity(request: web.Request) -> web.Response:
    """GET /api/identity?code=: this phone's move token (only to itself: it needs its cookie)."""
    require_join(request)
    phone = require_phone(request, lang_of(request))
    return web.json_response({"move": move_token(request, phone)})


async def adopt(request: web.Request) -> web.Response:
    """POST /api/adopt?code=: become the phone the move token names (a new cookie here)."""
    require_join(request)
    lang = lang_of(request)
    data, _ = await read_body(request)
    if adopt_phone(request, text_field(data, "token", 80)) is None:
        raise bad_request(
            gettext("Dieses Telefon ist hier nicht bekannt; bitte den QR-Code neu scannen.", lang)
        )
    return web.json_response({"ok": True})


def join_page_csp(request: web.Request, workshop_id: str) -> str:
    """The join page's policy: its scripts may also reach the other laptop (to probe it)."""
    own = f"{request.scheme}://{request.host}"
    others = [url for url in phone_servers(request.app[STORE], workshop_id) if url != own]
    if not others:
        return CSP
    return CSP.replace("connect-src 'self'", "connect-src 'self' " + " ".join(others))


def setup(app: web.Application) -> None:
    app.router.add_get(PING_PATH, ping)
    app.router.add_get("/api/identity", identity)
    app.router.add_post("/api/adopt", adopt)
