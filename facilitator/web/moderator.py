"""Provides the moderators' endpoints under /mod/: they need the moderator secret, not the code.

The moderators' app calls the store directly; these endpoints let a second device
(or a script) see everything, hide a submission, open collection and voting, and move
the timer.
"""

from typing import Any

from aiohttp import web

from facilitator.core.errors import UserError
from facilitator.core.untrusted import parse_int
from facilitator.store.agenda import update_item
from facilitator.store.captures import get_capture, list_captures, update_capture
from facilitator.store.timer import advance, extend, start_or_pause
from facilitator.store.workshops import resolve_workshop
from facilitator.web.forms import read_body
from facilitator.web.keys import HUB, STORE
from facilitator.web.security import bad_request, lang_of, require_moderator

_ITEM_FLAGS = ("collection_open", "voting_open", "results_revealed", "dot_budget")


def _workshop(request: web.Request) -> str:
    hub = request.app[HUB]
    try:
        return resolve_workshop(
            request.app[STORE], request.query.get("workshop") or hub.workshop_id
        ).id
    except UserError as err:
        raise web.HTTPNotFound(text=err.text(lang_of(request))) from None


async def state(request: web.Request) -> web.Response:
    """GET /mod/state: the phones' snapshot plus every capture, hidden ones included."""
    require_moderator(request)
    workshop_id = _workshop(request)
    store = request.app[STORE]
    hub = request.app[HUB]
    captures = [
        {
            "id": c.id,
            "kind": c.kind,
            "text": c.text,
            "agenda_item_id": c.agenda_item_id,
            "source": c.source,
            "author": c.author,
            "organisation": c.organisation,
            "hidden": bool(c.hidden),
            "votes": c.votes,
        }
        for c in list_captures(store, workshop_id, include_hidden=True)
    ]
    return web.json_response(
        {
            "snapshot": hub.snapshot(workshop_id, "de"),
            "captures": captures,
            "phones_connected": hub.phones_connected,
            "version": store.version,
        }
    )


async def hide(request: web.Request) -> web.Response:
    """POST /mod/hide {"capture_id", "hidden": true|false}: hide a submission from phones."""
    require_moderator(request)
    data, _ = await read_body(request)
    store = request.app[STORE]
    try:
        capture = get_capture(store, str(data.get("capture_id", "")))
        update_capture(store, capture.id, hidden=int(bool(data.get("hidden", True))))
    except UserError as err:
        raise bad_request(err.text(lang_of(request))) from None
    return web.json_response({"ok": True, "version": store.version})


async def item(request: web.Request) -> web.Response:
    """POST /mod/item {"item_id", collection_open, voting_open, results_revealed, dot_budget}."""
    require_moderator(request)
    data, _ = await read_body(request)
    fields: dict[str, Any] = {}
    for key in _ITEM_FLAGS:
        if key in data:
            value = data[key]
            try:
                fields[key] = int(value) if isinstance(value, bool) else parse_int(value, high=100)
            except ValueError:
                raise bad_request(f"{key}: Zahl (0–100) oder true/false erwartet.") from None
    try:
        update_item(request.app[STORE], str(data.get("item_id", "")), **fields)
    except UserError as err:
        raise bad_request(err.text(lang_of(request))) from None
    return web.json_response({"ok": True, "version": request.app[STORE].version})


async def timer(request: web.Request) -> web.Response:
    """POST /mod/timer {"action": "toggle"|"advance"|"extend", "minutes"}: the big timer's keys."""
    require_moderator(request)
    data, _ = await read_body(request)
    workshop_id = _workshop(request)
    store = request.app[STORE]
    action = data.get("action")
    try:
        if action == "toggle":
            start_or_pause(store, workshop_id)
        elif action == "advance":
            advance(store, workshop_id)
        elif action == "extend":
            extend(store, workshop_id, parse_int(data.get("minutes", 5), low=1, high=600))
        else:
            raise bad_request("action: toggle, advance oder extend.")
    except UserError as err:
        raise bad_request(err.text(lang_of(request))) from None
    except ValueError:
        raise bad_request("minutes: ganze Zahl von 1 bis 600.") from None
    return web.json_response({"ok": True, "version": store.version})


def setup(app: web.Application) -> None:
    app.router.add_get("/mod/state", state)
    app.router.add_post("/mod/hide", hide)
    app.router.add_post("/mod/item", item)
    app.router.add_post("/mod/timer", timer)
