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
from facilitator.core.models import AgendaItem
from facilitator.locale import gettext
from facilitator.privacy import notice_ready
from facilitator.store.captures import add_capture, get_capture
from facilitator.store.consent import current_version
from facilitator.store.db import Store
from facilitator.store.registrations import register_participant
from facilitator.store.timer import current_item
from facilitator.store.votes import cast_votes, voter_dots, voters_of_block, voting_item
from facilitator.web import views
from facilitator.web.caps import ballot_refusal, submission_refusal
from facilitator.web.forms import client_id, derived_id, read_body, text_field
from facilitator.web.identity import phone_id, require_phone
from facilitator.web.keys import CAPS, HUB, STORE
from facilitator.web.security import bad_request, join_code, lang_of, require_join
from facilitator.web.snapshot import MAX_SUBMISSION, phone_kinds


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
        raise bad_request(gettext("Ungültige Anfrage.", lang)) from None
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


def _collecting_item(store: Store, workshop_id: str, asked: object, lang: str) -> AgendaItem:
    """Return the running block if it collects submissions (and is the one the phone saw)."""
    item = current_item(store, workshop_id)
    if (
        item is None
        or not voting_item(store, item.id)["collection_open"]
        or (
            asked and asked != item.id  # the block ended while the phone was typing
        )
    ):
        raise web.HTTPConflict(
            text=gettext("Für diesen Block werden gerade keine Beiträge gesammelt.", lang)
        )
    return item


def _check_submission(text: str, kind: str, item: AgendaItem, lang: str) -> None:
    """Refuse an empty text, or a kind the block does not collect from phones."""
    if not text:
        raise bad_request(gettext("Bitte einen Text eingeben.", lang))
    if kind not in phone_kinds(item.capture):
        raise bad_request(gettext("Diese Art ist hier nicht vorgesehen.", lang))


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
    item = _collecting_item(store, workshop_id, data.get("item"), lang)
    _check_submission(text, kind, item, lang)
    caps = request.app[CAPS]
    blocked = caps.submission_blocked(store, workshop_id, item.id, phone, _address(request))
    if blocked:
        raise submission_refusal(caps, blocked, lang)
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
            raise bad_request(gettext("Ungültige Anfrage.", lang))
        raw: Iterable[tuple[Any, Any]] = dots.items()
    else:
        raw = [(k[5:], v) for k, v in data.items() if k.startswith("dots.")]
    ballot: dict[str, int] = {}
    for capture_id, value in raw:
        try:  # Infinity, 1e400, "１" and 10**100 are all refused here, never a 500
            ballot[str(capture_id)] = untrusted.parse_int(value or 0, high=1000)
        except ValueError:
            raise bad_request(gettext("Punkte müssen ganze Zahlen sein.", lang)) from None
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
        raise web.HTTPForbidden(
            text=gettext("Mit diesem Telefon können Sie nur Ihre eigenen Punkte abgeben.", lang)
        )
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
        raise ballot_refusal(caps, blocked, lang)
    try:
        placed = cast_votes(store, workshop_id, item_id, voter, dots)
    except UserError as err:
        raise bad_request(err.text(lang)) from None
    caps.voted(store, item_id, voter, _address(request))
    return _done(request, as_json, {"dots": placed, "version": store.version}, "voted")


def _registration_closed(
    request: web.Request, workshop_id: str, lang: str, as_json: bool
) -> web.Response:
    """Refuse a registration while the privacy notice names no controller (409)."""
    missing = gettext(
        "Die Anmeldung ist noch nicht möglich: Die Veranstalter haben "
        "noch keinen vollständigen Datenschutzhinweis "
        "(verantwortliche Stelle und Kontakt) hinterlegt. Bitte "
        "wenden Sie sich an die Moderation.",
        lang,
    )
    if as_json:
        raise web.HTTPConflict(text=missing)
    snap = request.app[HUB].snapshot(workshop_id, lang)
    page = views.message_page(snap, code=join_code(request) or "", lang=lang, lines=[missing])
    return web.Response(text=page, content_type="text/html", status=409)


def _registered_lines(said: str, outcome: str, consent: bool, lang: str) -> list[str]:
    """Return what the phone is told after registering (a claim waits for the moderators)."""
    if outcome == "claim":  # nothing of the listed person changes until a moderator confirms
        return [
            gettext(
                "Danke, {name}! Ihre Anmeldung passt zu einem Eintrag auf der "
                "Teilnehmerliste; die Moderation bestätigt sie.",
                lang,
                name=said,
            ),
            gettext(
                "Ihre Einwilligung gilt, sobald die Moderation die Anmeldung bestätigt hat.", lang
            )
            if consent
            else gettext("Ihre Kontaktdaten werden nicht weitergegeben.", lang),
        ]
    return [
        gettext("Danke, {name}! Sie sind eingetragen.", lang, name=said),
        gettext("Ihre Einwilligung zur Weitergabe der Kontaktdaten ist gespeichert.", lang)
        if consent
        else gettext("Ihre Kontaktdaten werden nicht weitergegeben.", lang),
    ]


async def register(request: web.Request) -> web.Response:
    """POST /api/register?code=: a participant signs up; consent only if ticked."""
    workshop_id = require_join(request)
    lang = lang_of(request)
    data, as_json = await read_body(request)
    consent = data.get("consent") in (True, "1", "on", "true", "yes")
    name = text_field(data, "name", 200)
    store = request.app[STORE]
    if not notice_ready():  # no consent is recorded under a notice without a controller
        return _registration_closed(request, workshop_id, lang, as_json)
    # One person per phone: registering again from it updates the same participant.
    phone = phone_id(request)
    caps = request.app[CAPS]
    if caps.registration_blocked(workshop_id, phone, _address(request)):
        raise caps.refuse(
            "registration_address",
            429,
            gettext("Von diesem Netzanschluss kamen schon zu viele Anmeldungen.", lang),
        )
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
    lines = _registered_lines(" ".join(name.split()), outcome, consent, lang)
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
