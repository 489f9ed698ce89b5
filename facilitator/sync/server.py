"""Provides the sync server: the sync routes over TLS on their own port.

Used by `facilitator sync --listen` and by the app (next to, never inside, the
participant server). The certificate is this laptop's own (`sync.tls`).
"""

from dataclasses import dataclass

from aiohttp import web

from facilitator.net import reachable_host
from facilitator.store.db import Store
from facilitator.sync.listener import LISTENER, SyncLimits, SyncListener
from facilitator.sync.routes import create_sync_app
from facilitator.sync.short_code import ShortCodes
from facilitator.sync.short_routes import SHORT_CODES, add_short_code_routes
from facilitator.sync.tls import server_context


@dataclass
class SyncServer:
    """A running sync server: where it listens and how to stop it."""

    app: web.Application
    runner: web.AppRunner
    host: str
    port: int

    @property
    def url(self) -> str:
        """The address the other laptop should use."""
        return sync_url(self.host, self.port)

    @property
    def short_codes(self) -> ShortCodes:
        """The short code this port accepts (sync.short_code)."""
        return self.app[SHORT_CODES]

    @property
    def listener(self) -> SyncListener:
        """The port's gate (connections open, refused)."""
        return self.app[LISTENER]

    async def cleanup(self) -> None:
        await self.listener.stop()
        await self.runner.cleanup()


async def start_sync_server(
    store: Store, host: str, port: int, *, limits: SyncLimits | None = None
) -> SyncServer:
    """Serve the sync routes over TLS on host:port (0: a free port); OSError if taken.

    Connections pass the sync port's own gate (`sync.listener`): a small descriptor
    budget, a cap per address, handshake and idle timeouts.
    """
    context = server_context(store)  # made before binding: a broken key fails early
    limits = limits or SyncLimits()
    app = create_sync_app(store)
    add_short_code_routes(app)
    # keepalive_timeout: aiohttp's own end of an unused keep-alive, within the sweep's.
    runner = web.AppRunner(app, access_log=None, keepalive_timeout=limits.idle_seconds)
    # The listener is known to the app before it starts (a started app is frozen);
    # it makes aiohttp's protocol per connection through the runner's server.
    listener = app[LISTENER] = SyncListener(lambda: _protocol(runner), context, limits)
    await runner.setup()
    try:
        bound = listener.bind(host, port)
    except BaseException:
        await runner.cleanup()
        raise
    listener.start()
    return SyncServer(app, runner, host, bound)


def _protocol(runner: web.AppRunner) -> web.RequestHandler:
    """aiohttp's protocol for one connection, made by the runner's (public) low-level server."""
    server = runner.server
    if server is None:  # cleaned up while a connection was still in its handshake
        raise ConnectionResetError("the sync server has stopped")
    return server()


def bound_port(server: SyncServer) -> int:
    """Return the port the server listens on (useful after binding port 0)."""
    return server.port


def sync_url(host: str, port: int) -> str:
    """Return the URL the other laptop should use for a server bound to host:port."""
    return f"https://{reachable_host(host)}:{port}"
