"""Provides the server-rendered pages: the join page and the registration page."""

from aiohttp import web

from facilitator.store.participants import CONSENT_TEXT
from facilitator.store.votes import voter_dots
from facilitator.web import views
from facilitator.web.activity_view import activity_section
from facilitator.web.forms import new_client_id
from facilitator.web.keys import HUB, STORE
from facilitator.web.security import join_code, lang_of, require_join
from facilitator.web.strings import T

VOTER_COOKIE = "facilitator_voter"
_NOTICES = {
    "submitted": "submitted",
    "voted": "voted",
    # activities (issue 16)
    "answered": "activity_answered",
    "asked": "question_asked",
    "upvoted": "upvoted",
}


def voter_of(request: web.Request) -> tuple[str, bool]:
    """Return the phone's voter id from its cookie (or a new one) and whether it is new."""
    voter = request.cookies.get(VOTER_COOKIE, "")
    if 8 <= len(voter) <= 64 and voter.replace("-", "").isalnum():
        return voter, False
    return new_client_id(), True


def _html(text: str) -> web.Response:
    return web.Response(text=text, content_type="text/html")


async def join_page(request: web.Request) -> web.Response:
    """GET /j/{code}: the workshop as a phone sees it."""
    workshop_id = require_join(request)
    lang = lang_of(request)
    store = request.app[STORE]
    snap = request.app[HUB].snapshot(workshop_id, lang)
    voter, new = voter_of(request)
    current = snap["current"]
    mine = voter_dots(store, current["id"], voter) if current and current["voting_open"] else {}
    notice_key = _NOTICES.get(request.query.get("done", ""))
    response = _html(
        views.join_page(
            snap,
            code=join_code(request) or "",
            lang=lang,
            now_ms=store.now_ms(),
            voter=voter,
            client=new_client_id(),
            mine=mine,
            notice=T(notice_key, lang) if notice_key else "",
            activity=activity_section(
                store,
                workshop_id,
                code=join_code(request) or "",
                lang=lang,
                voter=voter,
                client=new_client_id(),
            ),
        )
    )
    if new:
        # The voter id keeps one phone's dots together across reloads; it is no secret.
        response.set_cookie(
            VOTER_COOKIE, voter, max_age=3 * 86400, httponly=True, samesite="Strict", path="/"
        )
    return response


async def register_page(request: web.Request) -> web.Response:
    """GET /j/{code}/register: name, organisation, e-mail, consent unchecked."""
    workshop_id = require_join(request)
    lang = lang_of(request)
    snap = request.app[HUB].snapshot(workshop_id, lang)
    return _html(
        views.register_page(
            snap,
            code=join_code(request) or "",
            lang=lang,
            client=new_client_id(),
            consent_text=CONSENT_TEXT,
        )
    )


def setup(app: web.Application) -> None:
    app.router.add_get("/j/{code}", join_page)
    app.router.add_get("/j/{code}/register", register_page)
