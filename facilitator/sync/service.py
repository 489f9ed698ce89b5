"""Provides the sync services the command line and the app share: serve, pair, follow.

One pairing policy for every front end (`first_round`): a pairing is remembered
unless the other side refused it (wrong code, or a certificate the code does not
name); a laptop that is merely out of reach is remembered and tried again.
"""

import asyncio
from collections.abc import Callable

from facilitator.core.errors import UserError
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.sync_pairing import SyncScope, offers_sync, scope_for
from facilitator.sync.client import SyncAuthError, SyncClient, SyncUnavailable, parse_peer_url
from facilitator.sync.pairing import (
    new_pairing,
    parse_pairing_code,
    remember_pairing,
    remembered_pairing,
)
from facilitator.sync.secret import PairingKey
from facilitator.sync.server import start_sync_server
from facilitator.sync.short_client import full_code
from facilitator.sync.short_code import grouped_short, is_short_code
from facilitator.sync.status import SyncStatus

Report = Callable[[SyncStatus, int, int], None]


async def first_round(client: SyncClient) -> tuple[int, int] | None:
    """Run one round and apply the pairing policy; None if the peer could not be reached.

    Raises SyncAuthError (nothing remembered) when the peer refused the code or its
    certificate is not the one the code names.
    """
    try:
        moved = await client.run_once()
    except SyncAuthError:
        raise
    except SyncUnavailable:
        moved = None
    remember_pairing(client.store, client.peer_url, client.key)
    return moved


def peer_and_code(
    store: Store | None, peer: str | None, code: str | None
) -> tuple[str, str | PairingKey]:
    """Return (peer URL, pairing code) from the options, else the remembered pairing.

    The code may come with the address (…?code=); a malformed code is one sentence.
    """
    if peer:
        _, url_code = parse_peer_url(peer)
        code = code or url_code
        if not code:
            raise UserError(
                lazy(
                    "Bitte den Pairing-Code des anderen Laptops mit --code angeben (dort: "
                    "facilitator sync code)."
                )
            )
        if not is_short_code(code):  # a short code is exchanged for a full one first
            parse_pairing_code(code)
        return peer, code
    pairing = remembered_pairing(store) if store is not None else None
    if pairing is None:
        raise UserError(
            lazy(
                "Noch kein Laptop gekoppelt: facilitator sync --peer URL --code CODE (oder "
                "--listen HOST:PORT, um selbst bereitzustehen)."
            )
        )
    return pairing


async def sync_once(store: Store, peer: str, code: str | PairingKey) -> tuple[int, int]:
    """One round with the peer; SyncUnavailable if it cannot be reached."""
    if isinstance(code, str):
        code = await full_code(peer, code)
    client = SyncClient(store, peer, code)
    try:
        moved = await first_round(client)
    finally:
        await client.close()
    if moved is None:
        raise SyncUnavailable(client.status.message)
    return moved


async def follow(
    store: Store, peer: str, code: str | PairingKey, interval: float, report: Report | None = None
) -> None:
    """Sync with the peer until cancelled (SyncAuthError if it refuses us)."""
    if isinstance(code, str):
        code = await full_code(peer, code)
    client = SyncClient(store, peer, code, on_change=report)
    await first_round(client)
    await client.run_forever(interval)


async def serve(
    store: Store,
    host: str,
    port: int,
    ready: Callable[[str, str | None], None],
    scope: SyncScope | None = None,
    *,
    short: bool = False,
) -> None:
    """Serve sync over TLS on host:port until cancelled; `ready(url, pairing code)` once up.

    A new code (for `scope`, by default the newest workshop's series or itself) is made
    when a scope is given or no pairing is offered yet; otherwise the offered pairings
    stay as they are and `ready` gets None for the code. With `short`, the code is a
    short code instead (sync.short_code: one pairing, ten minutes, a few tries).
    """
    server = await start_sync_server(store, host, port)  # OSError before a code is made
    try:
        code = None
        if short:
            offered = server.short_codes.offer(scope or scope_for(store, None, None))
            code = grouped_short(offered.code)
        elif scope is not None or not offers_sync(store):
            code = new_pairing(store, scope or scope_for(store, None, None))[0]
        ready(server.url, code)
        await asyncio.Event().wait()
    finally:
        await server.cleanup()
