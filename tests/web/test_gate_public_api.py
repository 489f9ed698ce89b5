"""The phones' connection gate wraps aiohttp's protocol through public API only; pinned here.

`web.gate.serve_gated` makes aiohttp's protocol per connection with the runner's public
`server` (aiohttp's documented protocol factory), and the `track` middleware finds a
request's connection by `request.protocol`, which must be the very object that factory
made. Should an aiohttp upgrade wrap or replace it, every request would look idle to
the sweep and a long answer (a photo upload, the live stream) would be cut after
`idle_seconds`; this test fails first. The sync port's listener relies on the same.
"""

import aiohttp
from aiohttp import web

from facilitator.web.gate import GATE
from facilitator.web.runner import start_participant_server
from tests.web.conftest import MOD_SECRET


async def test_a_request_is_answered_on_its_own_gated_connection(store, workshop_id):
    seen: list[tuple[bool, int, int]] = []

    def add_probe(app: web.Application) -> None:
        async def probe(request: web.Request) -> web.Response:
            gate = request.app[GATE]
            connection = gate.connection_of(request.protocol)
            busy = connection.busy if connection is not None else -1
            seen.append((connection is not None, busy, gate.open_connections))
            return web.Response(text="ok")

        app.router.add_get("/probe-gate", probe)

    server = await start_participant_server(
        store, "127.0.0.1", 0, workshop_id, moderator_secret=MOD_SECRET, extra_setup=[add_probe]
    )
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(2):  # the second request reuses the kept-alive connection
                async with session.get(f"http://127.0.0.1:{server.port}/probe-gate") as answer:
                    assert answer.status == 200
    finally:
        await server.stop()
    # found by request.protocol, busy while answered, one connection for both requests
    assert seen == [(True, 1, 1), (True, 1, 1)]
