"""Provides the phone's API: the state as JSON, submissions, dot votes, registration.

Each POST carries the phone's client id; the stored row's id is derived from it, so a
retry after a lost answer is stored once. join.js posts JSON and gets JSON; a phone
without JavaScript posts the form and is sent back to the page with a confirmation.
"""

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from aiohttp import web

from facilitator.core import untrusted
from facilitator.core.errors import NotFound, UserError
from facilitator.privacy import notice_ready
from facilitator.store.captures import add_capture, get_capture
from facilitator.store.consent import current_version
from facilitator.store.registrations import register_participant
from facilitator.store.timer import current_item
from facilitator.store.votes import cast_votes, voter_dots, voters_of_block, voting_item
from facilitator.web import views
from facilitator.web.forms import client_id, derived_id, read_body, text_field
from facilitator.web.identity import phone_id, require_phone
from facilitator.web.keys import CAPS, HUB, STORE
from facilitator.web.security import bad_request, join_code, lang_of, require_join
from facilitator.web.snapshot import MAX_SUBMISSION, phone_kinds
from facilitator.web.strings import T


async def state(request: web.Request) -> web.Response:
    """GET /api/state?code=: the snapshot (for polling when streams do not get through)."""
    workshop_id = require_join(request)
    body = request.app[HUB].snapshot_json(workshop_id, lang_of(request))
    return web.Response(text=body, content_type="application/json")


async def ballot(request: web.Request) -> web.Response:
    """GET /api/ballot?code=&offset=: the open vote's entries, BALLOT_PAGE at a time."""
    workshop_id = require_join(request)
    lang = lang_of(request)
    try:
        offset = untrusted.parse_int(request.query.get("offset", "0"), high=1_000_000)
    except ValueError:
        raise bad_request(T("bad_request", lang)) from None
    hub = request.app[HUB]
    current = hub.snapshot(workshop_id, lang)["current"]
    entries = hub.ballot(workshop_id, lang)
    end = offset + views.BALLOT_PAGE
    return web.json_response(
        {
            "item": current["id"] if current else None,
            "key": current["ballot_key"] if current else "",
            "total": len(entries),
            "offset": offset,
            "entries": entries[offset:end],
            "next": end if end < len(entries) else None,
        }
    )


def _address(request: web.Request) -> str:
    return request.remote or "?"


def _done(request: web.Request, as_json: bool, data: dict, notice: str) -> web.Response:
    if as_json:
        return web.json_response({"ok": True, **data})
    code = quote(join_code(request) or "")
    raise web.HTTPSeeOther(f"/j/{code}?lang={lang_of(request)}&done={notice}")


async def submit(request: web.Request) -> web.Response:
    """POST /api/submit?code=: a challenge, need or idea for the running block's collection."""
    workshop_id = require_join(request)
    lang = lang_of(request)
    data, as_json = await read_body(request)
    client = client_id(data)
    text = text_field(data, "text", MAX_SUBMISSION)
    author = text_field(data, "author", 100)
    organisation = text_field(data, "organisation", 150)
    kind = text_field(data, "kind", 20) or "challenge"
    store = request.app[STORE]
    phone = phone_id(request)
    capture_id = derived_id(workshop_id, "capture", f"{phone}:{client}")
    try:
        # deleted ones count too: a retry must not bring back what the moderators removed
        get_capture(store, capture_id, deleted=True)
        return _done(request, as_json, {"id": capture_id, "duplicate": True}, "submitted")
    except NotFound:
        pass
    item = current_item(store, workshop_id)
    asked = data.get("item")
    if (
        item is None
        or not voting_item(store, item.id)["collection_open"]
        or (
            asked and asked != item.id  # the block ended while the phone was typing
        )
    ):
        raise web.HTTPConflict(text=T("collection_closed", lang))
    if not text:
        raise bad_request(T("text_missing", lang))
    if kind not in phone_kinds(item.capture):
        raise bad_request(T("kind_not_allowed", lang))
    caps = request.app[CAPS]
    blocked = caps.submission_blocked(store, workshop_id, item.id, phone, _address(request))
    if blocked:
        limit = (
            caps.per_address("submissions")
            if blocked == "address"
            else getattr(caps.caps, f"submissions_per_{blocked}")
        )
        status = 429 if blocked in ("phone", "address") else 409
        raise caps.refuse(f"submission_{blocked}", status, T(f"cap_{blocked}", lang, max=limit))
    try:
        add_capture(
            store,
            workshop_id,
            kind,
            text,
            agenda_item_id=item.id,
            source="participant",
            author=author,
            organisation=organisation or None,
            capture_id=capture_id,
        )
    except UserError as err:
        raise bad_request(err.text(lang_of(request))) from None
    caps.submitted(workshop_id, item.id, phone, _address(request))
    return _done(request, as_json, {"id": capture_id, "version": store.version}, "submitted")


def _dots(data: dict, as_json: bool, lang: str) -> dict[str, int]:
    """Return {capture_id: dots} from JSON {"dots": {...}} or form fields "dots.<id>"."""
    if as_json:
        dots = data.get("dots")
        if not isinstance(dots, dict):
            raise bad_request(T("bad_request", lang))
        raw: Iterable[tuple[Any, Any]] = dots.items()
    else:
        raw = [(k[5:], v) for k, v in data.items() if k.startswith("dots.")]
    ballot: dict[str, int] = {}
    for capture_id, value in raw:
        try:  # Infinity, 1e400, "１" and 10**100 are all refused here, never a 500
            ballot[str(capture_id)] = untrusted.parse_int(value or 0, high=1000)
        except ValueError:
            raise bad_request(T("number_wrong", lang)) from None
    return ballot


async def vote(request: web.Request) -> web.Response:
    """POST /api/vote?code=: replace this phone's dots for the running block's open vote.

    The voter is the phone's identity from its cookie, never what the body says: a
    ballot naming someone else is refused, and so is a ballot without the cookie.
    """
    workshop_id = require_join(request)
    lang = lang_of(request)
    data, as_json = await read_body(request)
    voter = require_phone(request, lang)
    if data.get("client") not in (None, "", voter):
        raise web.HTTPForbidden(text=T("vote_not_yours", lang))
    store = request.app[STORE]
    item_id = data.get("item")
    if not isinstance(item_id, str) or not item_id:
        item = current_item(store, workshop_id)
        item_id = item.id if item else ""
    dots = _dots(data, as_json, lang)
    if not as_json:
        # The page without JavaScript shows one page of the ballot: dots on the others stay.
        dots = {**voter_dots(store, item_id, voter), **dots}
    caps = request.app[CAPS]
    caps.room.saw(_address(request), voter)
    blocked = caps.ballot_blocked(
        store,
        item_id,
        voter,
        _address(request),
        known=lambda: bool(voter_dots(store, item_id, voter)),
        stored=lambda: voters_of_block(store, item_id),
    )
    if blocked:
        status = 429 if blocked == "address" else 409
        raise caps.refuse(f"ballot_{blocked}", status, T(f"cap_voters_{blocked}", lang))
    try:
        placed = cast_votes(store, workshop_id, item_id, voter, dots)
    except UserError as err:
        raise bad_request(err.text(lang)) from None
    caps.voted(store, item_id, voter, _address(request))
    return _done(request, as_json, {"dots": placed, "version": store.version}, "voted")


async def register(request: web.Request) -> web.Response:
    """POST /api/register?code=: a participant signs up; consent only if ticked."""
    workshop_id = require_join(request)
    lang = lang_of(request)
    data, as_json = await read_body(request)
    consent = data.get("consent") in (True, "1", "on", "true", "yes")
    name = text_field(data, "name", 200)
    store = request.app[STORE]
    if not notice_ready():  # no consent is recorded under a notice without a controller
        if as_json:
            raise web.HTTPConflict(text=T("privacy_missing", lang))
        snap = request.app[HUB].snapshot(workshop_id, lang)
        page = views.message_page(
            snap, code=join_code(request) or "", lang=lang, lines=[T("privacy_missing", lang)]
        )
        return web.Response(text=page, content_type="text/html", status=409)
    # One person per phone: registering again from it updates the same participant.
    phone = phone_id(request)
    caps = request.app[CAPS]
    if caps.registration_blocked(workshop_id, phone, _address(request)):
        raise caps.refuse("registration_address", 429, T("cap_registrations", lang))
    try:
        outcome = register_participant(
            store,
            workshop_id,
            derived_id(workshop_id, "participant", phone),
            name,
            organisation=text_field(data, "organisation", 200),
            email=text_field(data, "email", 200),
            consent=consent,
            org_type=text_field(data, "org_type", 40) or None,
            municipality=text_field(data, "municipality", 200),
            client_id=phone,
            # the text the registration page showed in this language (web/pages.py)
            consent_text_version=current_version(store, workshop_id, lang),
        )
    except UserError as err:
        raise bad_request(err.text(lang_of(request))) from None
    caps.registered(workshop_id, phone, _address(request))
    said = " ".join(name.split())
    if outcome == "claim":  # nothing of the listed person changes until a moderator confirms
        lines = [
            T("registered_claim", lang, name=said),
            T("registered_claim_consent" if consent else "registered_no_consent", lang),
        ]
    else:
        lines = [
            T("registered", lang, name=said),
            T("registered_consent" if consent else "registered_no_consent", lang),
        ]
    if as_json:
        return web.json_response(
            {
                "ok": True,
                "consent": consent and outcome != "claim",
                "message": " ".join(lines),
            }
        )
    snap = request.app[HUB].snapshot(workshop_id, lang)
    page = views.message_page(snap, code=join_code(request) or "", lang=lang, lines=lines)
    return web.Response(text=page, content_type="text/html")


def setup(app: web.Application) -> None:
    app.router.add_get("/api/state", state)
    app.router.add_get("/api/ballot", ballot)
    app.router.add_post("/api/submit", submit)
    app.router.add_post("/api/vote", vote)
    app.router.add_post("/api/register", register)
