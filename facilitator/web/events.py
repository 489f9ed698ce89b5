"""Provides GET /events: Server-Sent Events with the full snapshot on connect and each change.

A stream holds no database work of its own: the hub builds one snapshot per version
and hands the same string to every stream. Comments every 15 s keep proxies and
phones from dropping an idle connection; closing the hub ends every stream at once.
"""

import asyncio

from aiohttp import web

from facilitator.web.keys import HUB
from facilitator.web.security import lang_of, require_join

KEEP_ALIVE_SECONDS = 15.0


async def events(request: web.Request) -> web.StreamResponse:
    """GET /events?code=: the live snapshot stream."""
    workshop_id = require_join(request)
    hub = request.app[HUB]
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        }
    )
    await response.prepare(request)
    stream = hub.open_stream(workshop_id, lang_of(request))
    try:
        await response.write(b"retry: 2000\n\n")
        while not stream.closed:
            try:
                await asyncio.wait_for(stream.wake.wait(), KEEP_ALIVE_SECONDS)
            except TimeoutError:
                await response.write(b": keep-alive\n\n")
                continue
            stream.wake.clear()
            payload, stream.payload = stream.payload, None
            if stream.closed:
                break
            if payload is not None:
                await response.write(payload)
    except ConnectionError:
        pass  # the phone went away
    finally:
        hub.close_stream(stream)
    return response


def setup(app: web.Application) -> None:
    app.router.add_get("/events", events)
