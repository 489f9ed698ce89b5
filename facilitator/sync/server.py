"""Provides the sync server: the sync routes over TLS on their own port.

Used by `facilitator sync --listen` and by the app (next to, never inside, the
participant server). The certificate is this laptop's own (`sync.tls`).
"""

from dataclasses import dataclass

from aiohttp import web

from facilitator.net import listen_backlog, reachable_host
from facilitator.store.db import Store
from facilitator.sync.routes import create_sync_app
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

    async def cleanup(self) -> None:
        await self.runner.cleanup()


async def start_sync_server(store: Store, host: str, port: int) -> SyncServer:
    """Serve the sync routes over TLS on host:port (0: a free port); OSError if taken."""
    context = server_context(store)  # made before binding: a broken key fails early
    app = create_sync_app(store)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(
        runner, host, port, ssl_context=context, reuse_address=True, backlog=listen_backlog()
    )
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    bound = next((address[1] for address in runner.addresses), port)
    return SyncServer(app, runner, host, bound)


def bound_port(server: SyncServer) -> int:
    """Return the port the server listens on (useful after binding port 0)."""
    return server.port


def sync_url(host: str, port: int) -> str:
    """Return the URL the other laptop should use for a server bound to host:port."""
    return f"https://{reachable_host(host)}:{port}"
