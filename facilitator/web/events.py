"""Provides GET /events: Server-Sent Events with the full snapshot on connect and each change.

A stream holds no database work and no timer of its own: the hub builds one
snapshot per version and hands the same bytes to every stream, and wakes them all
for a comment every 15 s so proxies and phones keep an idle connection; closing
the hub ends every stream at once. A phone that does not read is dropped, not
buffered for: a stream whose unsent bytes pass MAX_UNSENT, or whose write does not
get through within WRITE_SECONDS, ends. Streams are capped per address and in all.
"""

import asyncio
from collections.abc import Iterable

from aiohttp import web

from facilitator.locale import gettext
from facilitator.web.hub import Stream
from facilitator.web.identity import presented_phone
from facilitator.web.keys import CAPS, HUB
from facilitator.web.security import lang_of, require_join

MAX_UNSENT = 256 * 1024  # a few snapshots; a reader this far behind gets a fresh one later
WRITE_SECONDS = 10.0


class SlowReader(Exception):
    """The phone stopped reading its stream."""


async def _send(request: web.Request, response: web.StreamResponse, data: bytes) -> None:
    transport = request.transport
    if transport is None or transport.get_write_buffer_size() > MAX_UNSENT:
        raise SlowReader
    try:
        async with asyncio.timeout(WRITE_SECONDS):
            await response.write(data)
    except TimeoutError:
        raise SlowReader from None


def _address(request: web.Request) -> str:
    return request.remote or "?"


def _check_stream_caps(request: web.Request, address: str) -> None:
    """Refuse a stream over the cap per address or over the cap on all phones' streams."""
    hub, caps = request.app[HUB], request.app[CAPS]
    caps.room.saw(address, presented_phone(request))
    if hub.streams_from(address) >= caps.per_address("streams"):
        raise caps.refuse(
            "streams_address",
            429,
            gettext("Zu viele offene Verbindungen von diesem Gerät.", lang_of(request)),
        )
    if hub.phones_connected >= caps.caps.streams_total:
        raise caps.refuse(
            "streams_total", 429, gettext("Zu viele Anfragen. Bitte kurz warten.", lang_of(request))
        )


async def _pump(
    request: web.Request, response: web.StreamResponse, stream: Stream, first: Iterable[bytes]
) -> None:
    """Send the first event, then each new snapshot (or a keep-alive) as the hub wakes the
    stream, until it closes."""
    for piece in first:
        await _send(request, response, piece)
    while not stream.closed:
        await stream.wake.wait()
        stream.wake.clear()
        if stream.closed:
            break
        payload, stream.payload = stream.payload, None
        if payload is not None:
            await _send(request, response, payload)
        elif stream.keep_alive:
            await _send(request, response, b": keep-alive\n\n")
        stream.keep_alive = False


async def events(request: web.Request) -> web.StreamResponse:
    """GET /events?code=: the live snapshot stream."""
    workshop_id = require_join(request)
    hub = request.app[HUB]
    caps = request.app[CAPS]
    address = _address(request)
    _check_stream_caps(request, address)
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        }
    )
    try:
        await response.prepare(request)
    except ConnectionError:  # the phone closed before the headers went out: nothing to log
        return response
    lang = lang_of(request)
    stream = hub.open_stream(workshop_id, lang, address)
    try:
        await _pump(request, response, stream, hub.first_event(workshop_id, lang))
    except SlowReader:
        caps.refused["streams_slow"] += 1
        if request.transport is not None:
            request.transport.abort()  # drop what is queued for it, free the descriptor
    except ConnectionError:
        pass  # the phone went away
    finally:
        hub.close_stream(stream)
    return response


def setup(app: web.Application) -> None:
    app.router.add_get("/events", events)
