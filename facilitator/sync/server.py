"""Provides a bare sync server: an aiohttp app with only the sync routes.

Used by `facilitator sync --listen` and by the tests until (and besides) the
participant server, which mounts the same routes next to its phone pages.
"""

from aiohttp import web

from facilitator.store.db import Store
from facilitator.sync.routes import add_sync_routes


def create_sync_app(store: Store) -> web.Application:
    """Return an aiohttp application serving only the sync routes."""
    app = web.Application()
    add_sync_routes(app, store)
    return app


async def start_sync_server(store: Store, host: str, port: int) -> web.AppRunner:
    """Start serving the sync routes on host:port; return the runner (call .cleanup())."""
    runner = web.AppRunner(create_sync_app(store), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_address=True)
    await site.start()
    return runner


def bound_port(runner: web.AppRunner) -> int:
    """Return the port the runner listens on (useful after binding port 0)."""
    for site in runner.sites:
        server = getattr(site, "_server", None)
        if server is not None and server.sockets:
            return server.sockets[0].getsockname()[1]
    raise RuntimeError("sync server is not listening")


def lan_address() -> str:
    """Return this laptop's first address on the local network."""
    from facilitator.web.runner import lan_addresses  # one way of finding addresses

    return lan_addresses()[0]


def sync_url(host: str, port: int) -> str:
    """Return the URL the other laptop should use for a server bound to host:port."""
    if host in ("", "0.0.0.0", "::"):
        host = lan_address()
    return f"http://{host}:{port}"
