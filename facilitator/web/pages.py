"""Provides the server-rendered pages: the join page and the registration page."""

import secrets
from typing import Any

from aiohttp import web

from facilitator.core import untrusted
from facilitator.locale import gettext, lazy
from facilitator.privacy import PrivacySettingsError, notice_ready, privacy_notice
from facilitator.store.consent import consent_text, current_version
from facilitator.store.organisations import workshop_organisations
from facilitator.store.votes import voter_dots
from facilitator.web import views
from facilitator.web.activity_cache import personal
from facilitator.web.failover import join_page_csp
from facilitator.web.forms import new_client_id
from facilitator.web.identity import phone_id
from facilitator.web.keys import HUB, STORE
from facilitator.web.security import join_code, lang_of, require_join

# Registration waits for a complete privacy notice; the join and privacy pages say so.
_NO_NOTICE_YET = lazy(
    "Die Anmeldung ist noch nicht möglich: Die Veranstalter haben "
    "noch keinen vollständigen Datenschutzhinweis "
    "(verantwortliche Stelle und Kontakt) hinterlegt. Bitte "
    "wenden Sie sich an die Moderation."
)

# What the page says after a form was sent without JavaScript (?done=…)
_NOTICES = {
    "submitted": lazy("Danke! Ihr Beitrag ist angekommen."),
    "voted": lazy("Danke! Ihre Punkte sind gezählt. Sie können sie bis zum Schluss ändern."),
    "answered": lazy("Danke, Ihre Antwort ist angekommen."),
    "asked": lazy("Danke, Ihre Frage ist angekommen."),
    "upvoted": lazy("Ihre Stimme ist gezählt."),
}
# Stands for the form's fresh client id in a cached page; random, so no text can hold it.
_CLIENT_SLOT = secrets.token_hex(16)
_ACTIVITY_SLOT = secrets.token_hex(16)  # likewise for this phone's activity form
_MAX_CACHED_PAGES = 64


def _ballot_from(request: web.Request) -> int:
    try:
        return untrusted.parse_int(request.query.get("from", "0"), high=1_000_000)
    except ValueError:
        return 0


def _html(text: str) -> web.Response:
    return web.Response(text=text, content_type="text/html")


def _remember(pages: dict, key: tuple, page: str) -> None:
    """Keep a rendered page; the whole cache is dropped once it holds too many."""
    if len(pages) >= _MAX_CACHED_PAGES:
        pages.clear()
    pages[key] = page


def _phone_activity(
    request: web.Request, workshop_id: str, snap: dict[str, Any], *, lang: str, phone: str
) -> str:
    """Return the open activity's section for this phone; a Q&A is one shared rendering."""
    store, hub = request.app[STORE], request.app[HUB]
    code = join_code(request) or ""
    shown: Any = snap.get("activity")  # a dict wherever shared_qa says yes
    if hub.forms.shared_qa(store, shown):
        shared = hub.sections.section(store, workshop_id, code=code, lang=lang, key=shown["key"])
        upvoted = hub.forms.upvotes(store, shown["id"], phone)
        return personal(shared.html, upvoted, new_client_id())
    return hub.forms.form(
        store, workshop_id, shown, code=code, lang=lang, voter=phone, client=new_client_id()
    )


async def join_page(request: web.Request) -> web.Response:
    """GET /j/{code}: the workshop as a phone sees it."""
    workshop_id = require_join(request)
    lang = lang_of(request)
    store = request.app[STORE]
    snap = request.app[HUB].snapshot(workshop_id, lang)
    phone = phone_id(request)  # issued here on the first visit, kept by the cookie
    current = snap["current"]
    mine = voter_dots(store, current["id"], phone) if current and current["voting_open"] else {}
    notice_text = _NOTICES.get(request.query.get("done", ""))
    code = join_code(request) or ""
    now_ms = store.now_ms()
    start = _ballot_from(request)
    hub = request.app[HUB]
    # A phone with no dots placed and no notice sees what every such phone sees: the page
    # is rendered once per version and minute (a flood of page loads costs one render).
    key = (
        (workshop_id, lang, code, start, now_ms // 60_000) if not mine and not notice_text else None
    )
    page = hub.pages.get(key) if key else None
    if page is None:
        page = views.join_page(
            snap,
            code=code,
            lang=lang,
            now_ms=now_ms,
            ballot=hub.ballot(workshop_id, lang),
            ballot_from=start,
            client=_CLIENT_SLOT,
            mine=mine,
            notice=notice_text.text(lang) if notice_text else "",
            activity=_ACTIVITY_SLOT,
        )
        if key:
            _remember(hub.pages, key, page)
    # The open activity's form is this phone's own (its answers, its upvotes): filled in
    # after the cache, like the client id.
    activity = _phone_activity(request, workshop_id, snap, lang=lang, phone=phone)
    response = _html(page.replace(_CLIENT_SLOT, new_client_id()).replace(_ACTIVITY_SLOT, activity))
    response.headers["Content-Security-Policy"] = join_page_csp(request, workshop_id)
    return response


async def register_page(request: web.Request) -> web.Response:
    """GET /j/{code}/register: name, organisation, e-mail, consent unchecked."""
    workshop_id = require_join(request)
    lang = lang_of(request)
    snap = request.app[HUB].snapshot(workshop_id, lang)
    phone_id(request)  # the registration is tied to this phone
    if not notice_ready():  # no consent form under a notice that names no controller
        code = join_code(request) or ""
        return _html(
            views.message_page(
                snap,
                code=code,
                lang=lang,
                lines=[_NO_NOTICE_YET.text(lang)],
            )
        )
    return _html(
        views.register_page(
            snap,
            code=join_code(request) or "",
            lang=lang,
            client=new_client_id(),
            # the text in the phone's language: the one its consent records (web/api.py)
            consent_text=consent_text(current_version(request.app[STORE], workshop_id, lang)),
            organisations=[o.name for o in workshop_organisations(request.app[STORE], workshop_id)],
        )
    )


async def privacy_page(request: web.Request) -> web.Response:
    """GET /datenschutz: the privacy notice (Art. 13 GDPR), linked from every phone page."""
    lang = lang_of(request)
    try:
        notice = privacy_notice(lang)
    except PrivacySettingsError:  # the moderators are told (app start, serve); phones not
        notice = None
    code = request.query.get("code", "")
    if not request.app[HUB].workshop_for_code(code):
        code = ""  # a link back only to a workshop that exists
    if notice is None or not notice.ready:
        title = gettext("Datenschutzhinweis", lang)
        return _html(
            views.privacy_page(
                title,
                (_NO_NOTICE_YET.text(lang),),
                lang,
                code,
            )
        )
    return _html(views.privacy_page(notice.title, notice.paragraphs, lang, code))


def setup(app: web.Application) -> None:
    app.router.add_get("/j/{code}", join_page)
    app.router.add_get("/j/{code}/register", register_page)
    app.router.add_get("/datenschutz", privacy_page)
