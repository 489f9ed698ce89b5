"""Provides GET /events: Server-Sent Events with the full snapshot on connect and each change.

A stream holds no database work and no timer of its own: the hub builds one
snapshot per version and hands the same bytes to every stream, and wakes them all
for a comment every 15 s so proxies and phones keep an idle connection; closing
the hub ends every stream at once.
"""

from aiohttp import web

from facilitator.web.keys import HUB
from facilitator.web.security import lang_of, require_join


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
            await stream.wake.wait()
            stream.wake.clear()
            if stream.closed:
                break
            payload, stream.payload = stream.payload, None
            if payload is not None:
                await response.write(payload)
            elif stream.keep_alive:
                await response.write(b": keep-alive\n\n")
            stream.keep_alive = False
    except ConnectionError:
        pass  # the phone went away
    finally:
        hub.close_stream(stream)
    return response


def setup(app: web.Application) -> None:
    app.router.add_get("/events", events)
