"""Provides the phones' side of activities: answering, asking and upvoting, with or without JS.

POST /api/activity takes the same form fields from a plain form and from
activity.js; a plain form is sent back to the join page with a confirmation,
activity.js (which asks for JSON) gets JSON. GET /j/{code}/activity returns the
activity's form for this phone, which activity.js swaps in when it changes.
"""

from typing import Any
from urllib.parse import quote

from aiohttp import web

from facilitator.core.errors import NotFound, UserError
from facilitator.locale import gettext
from facilitator.store.activities import (
    ActivityClosed,
    NotYourAnswer,
    answer_activity,
    ask_question,
    get_activity,
    has_taken_part,
    hide_word,
    mark_question,
    results,
    reveal_results,
    stop_activity,
    upvote_question,
    voters_of_activity,
)
from facilitator.store.captures import count_from_phones
from facilitator.store.db import Store
from facilitator.web.caps import ballot_refusal, submission_refusal
from facilitator.web.forms import client_id, derived_id, new_client_id, read_body
from facilitator.web.identity import phone_id, require_phone
from facilitator.web.keys import CAPS, HUB, STORE
from facilitator.web.security import (
    bad_request,
    join_code,
    lang_of,
    require_join,
    require_moderator,
)


def _wants_json(request: web.Request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _full_activity_id(store: Store, activity_id: str) -> str:
    """Return the full id of the activity `activity_id` names, or it unchanged if none.

    The voter rule counts voters per activity, by its full id: a prefix must not open a
    second count.
    """
    try:
        return get_activity(store, activity_id)["id"] if activity_id else ""
    except NotFound:
        return activity_id  # answering says it is not open


def _check_caps(request: web.Request, activity_id: str, voter: str, lang: str) -> None:
    """Refuse a new voter over the ballot caps, or a phone that changed its answer too often."""
    caps = request.app[CAPS]
    address = request.remote or "?"
    caps.room.saw(address, voter)
    store = request.app[STORE]
    blocked = caps.ballot_blocked(
        store,
        f"activity:{activity_id}",
        voter,
        address,
        known=lambda: has_taken_part(store, activity_id, voter),
        stored=lambda: voters_of_activity(store, activity_id),
    )
    if blocked:
        raise ballot_refusal(caps, blocked, lang)
    if not caps.changes_left(f"activity:{activity_id}", voter):
        limit = caps.caps.changes_per_phone
        raise caps.refuse(
            "changes_phone",
            429,
            gettext(
                "Sie haben Ihre Antwort schon {max}-mal geändert. Mehr nimmt "
                "diese Aktivität nicht an.",
                lang,
                max=limit,
            ),
        )


def _record(
    request: web.Request, workshop_id: str, activity_id: str, voter: str, data: dict, lang: str
) -> str:
    """Store the upvote, question or answer; return what the page then says (`done`)."""
    store = request.app[STORE]
    try:
        if data.get("upvote"):
            upvote_question(store, workshop_id, activity_id, voter, str(data["upvote"]))
            return "upvoted"
        if "question" in data:
            asked = client_id({"client": data.get("qclient")})
            # bound to the asker: another phone's client id names another question
            question_id = derived_id(workshop_id, "question", f"{voter}:{asked}")
            ask_question(store, workshop_id, activity_id, voter, data["question"], question_id)
            return "asked"
        _answer(request, workshop_id, activity_id, voter, data, lang)
        return "answered"
    except ActivityClosed as err:
        raise web.HTTPConflict(text=err.text(lang)) from None
    except NotYourAnswer as err:
        raise web.HTTPForbidden(text=err.text(lang)) from None
    except UserError as err:
        raise bad_request(err.text(lang)) from None


async def answer(request: web.Request) -> web.Response:
    """POST /api/activity?code=: an answer, a question ("question") or an upvote ("upvote")."""
    workshop_id = require_join(request)
    lang = lang_of(request)
    data, as_json = await read_body(request)
    data = {k: v for k, v in data.items() if isinstance(v, str | int | bool)}
    voter = require_phone(request, lang)
    store = request.app[STORE]
    activity_id = _full_activity_id(store, str(data.get("activity") or ""))
    _check_caps(request, activity_id, voter, lang)
    done = _record(request, workshop_id, activity_id, voter, data, lang)
    request.app[CAPS].voted(store, f"activity:{activity_id}", voter, request.remote or "?")
    if as_json or _wants_json(request):
        return web.json_response({"ok": True, "done": done, "version": store.version})
    code = quote(join_code(request) or "")
    raise web.HTTPSeeOther(f"/j/{code}?lang={lang}&done={done}#activity")


def _answer(
    request: web.Request, workshop_id: str, activity_id: str, voter: str, data: dict, lang: str
) -> None:
    """Store an answer; a form's (which adds captures) counts against the submission caps."""
    store = request.app[STORE]
    try:
        activity = get_activity(store, activity_id)
    except NotFound:
        activity = None
    if activity is None or activity["type"] != "form":
        answer_activity(store, workshop_id, activity_id, voter, data)
        return
    caps, address = request.app[CAPS], request.remote or "?"
    item_id = activity["agenda_item_id"] or ""
    blocked = caps.submission_blocked(store, workshop_id, item_id, voter, address)
    if blocked:
        raise submission_refusal(caps, blocked, lang)
    before = count_from_phones(store, workshop_id)
    answer_activity(store, workshop_id, activity_id, voter, data)
    for _ in range(count_from_phones(store, workshop_id) - before):
        caps.submitted(workshop_id, item_id, voter, address)


async def fragment(request: web.Request) -> web.Response:
    """GET /j/{code}/activity: the open activity's form for this phone (for activity.js).

    A Q&A is the same bytes for every phone (rendered once per change, gzipped once);
    the phone's upvotes travel in X-Upvoted and activity.js marks them.
    """
    workshop_id = require_join(request)
    voter = phone_id(request)
    lang = lang_of(request)
    hub = request.app[HUB]
    shown: Any = hub.snapshot(workshop_id, lang).get("activity")  # a dict if shared_qa
    store = request.app[STORE]
    code = join_code(request) or ""
    if hub.forms.shared_qa(store, shown):
        shared = hub.sections.section(store, workshop_id, code=code, lang=lang, key=shown["key"])
        headers = {
            "X-Upvoted": ",".join(hub.forms.upvotes(store, shown["id"], voter)),
            "Vary": "Accept-Encoding",
        }
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            headers["Content-Encoding"] = "gzip"
            body = shared.gzipped
        else:
            body = shared.html.encode()
        return web.Response(body=body, content_type="text/html", charset="utf-8", headers=headers)
    html = hub.forms.form(
        store, workshop_id, shown, code=code, lang=lang, voter=voter, client=new_client_id()
    )
    return web.Response(text=html, content_type="text/html")


async def moderate(request: web.Request) -> web.Response:
    """POST /mod/activity {"action", "activity"?, …}: the moderators' moves from a second device.

    Actions: stop, reveal (with "revealed"), hide_word ("word", "hidden"), question
    ("question", "answered"/"hidden"), results.
    """
    require_moderator(request)
    data, _ = await read_body(request)
    store = request.app[STORE]
    lang = lang_of(request)
    action = data.get("action")
    try:
        activity = get_activity(store, str(data.get("activity") or ""))
        if action == "stop":
            stop_activity(store, activity["id"])
        elif action == "reveal":
            reveal_results(store, activity["id"], bool(data.get("revealed", True)))
        elif action == "hide_word":
            hide_word(
                store, activity["id"], str(data.get("word", "")), bool(data.get("hidden", True))
            )
        elif action == "question":
            flags = {k: bool(data[k]) for k in ("answered", "hidden") if k in data}
            mark_question(store, str(data.get("question", "")), **flags)
        elif action != "results":
            raise bad_request("action: stop, reveal, hide_word, question, results.")
    except UserError as err:
        raise bad_request(err.text(lang)) from None
    return web.json_response({"ok": True, "results": results(store, activity["id"])})


def setup(app: web.Application) -> None:
    app.router.add_post("/api/activity", answer)
    app.router.add_get("/j/{code}/activity", fragment)
    app.router.add_post("/mod/activity", moderate)
