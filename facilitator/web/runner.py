"""Provides starting and stopping the participant server inside a running event loop.

The moderators' app calls `start_participant_server` on mount and `stop()` on
unmount; `facilitator serve` does the same in a loop of its own.
"""

import asyncio
from dataclasses import dataclass

from aiohttp import web

from facilitator.core.errors import UserError
from facilitator.core.meaning import warm_up
from facilitator.locale import lazy
from facilitator.net import DEFAULT_PORT, LISTEN_BACKLOG, join_url, lan_addresses, listen_socket
from facilitator.store.capture_vectors import VectorFiller
from facilitator.store.db import Store
from facilitator.store.join_address import fixed_host
from facilitator.store.phone_servers import announce
from facilitator.web.app import create_app
from facilitator.web.caps import Caps
from facilitator.web.gate import (
    GATE,
    ConnectionGate,
    ConnectionLimits,
    raise_descriptor_limit,
    serve_gated,
)
from facilitator.web.keys import CAPS, HUB
from facilitator.web.security import RateLimits

STOP_SECONDS = 0.5
# Descriptors kept back for the database, log files and the app itself, and the sync
# port's own budget (sync.listener.SyncLimits.total, 48): a flood there never takes these.
RESERVED_DESCRIPTORS = 128 + 48


@dataclass
class ParticipantServer:
    """A running participant server: its address, its phones, and how to stop it."""

    app: web.Application
    runner: web.AppRunner
    host: str
    port: int
    listener: asyncio.Server | None = None
    stopped: bool = False
    vectors: VectorFiller | None = None  # stores new captures' sentence vectors, in a thread

    def join_urls(self, code: str) -> list[str]:
        """Return the join URL for each address phones can use (all LAN addresses)."""
        return [join_url(h, self.port, code) for h in self._hosts()]

    def _hosts(self) -> list[str]:
        # the moderators' fixed address first: it is what the poster and the QR code say
        fixed = fixed_host(self.app[HUB].store)
        if self.host in ("0.0.0.0", "", "::"):
            found = lan_addresses()
        else:
            found = [self.host]
        return list(dict.fromkeys([fixed, *found] if fixed else found))

    def announce(self) -> None:
        """Tell the other laptop (through sync) where phones reach this one, for failover."""
        workshop_id = self.app[HUB].workshop_id
        if workshop_id is None:
            return
        hosts = [f"[{h}]" if ":" in h else h for h in self._hosts()]
        try:
            announce(self.app[HUB].store, workshop_id, [f"http://{h}:{self.port}" for h in hosts])
        except UserError:  # a host the rule does not take: phones cannot move here
            pass

    @property
    def phones_connected(self) -> int:
        """How many phones have the live stream open."""
        return self.app[HUB].phones_connected

    def follow(self, workshop_id: str | None) -> None:
        """Serve `workshop_id` from now on: its join code, its projector view."""
        self.app[HUB].follow(workshop_id)
        self.announce()

    @property
    def refused(self) -> int:
        """How many requests and connections a cap has refused since the start."""
        return self.app[CAPS].refused_total + self.app[GATE].refused

    def refused_by_reason(self) -> dict[str, int]:
        """Return the refusals by reason ("ballot_address", "rate", "connections", …)."""
        found = dict(self.app[CAPS].refused)
        if self.app[GATE].refused:
            found["connections"] = self.app[GATE].refused
        return {k: v for k, v in found.items() if v}

    @property
    def phones_share_address(self) -> bool:
        """Whether the NAT setting (per-address caps raised) is in force."""
        return self.app[HUB].room.phones_share_address

    def crowded_address(self) -> tuple[str, int] | None:
        """Return (address, phones) when many phones came from one address, else None."""
        return self.app[HUB].room.crowded()

    async def stop(self) -> None:
        """Close the streams first, then the server: done within about a second."""
        if self.stopped:
            return
        self.stopped = True
        if self.vectors is not None:
            await asyncio.to_thread(self.vectors.stop)
        await self.app[GATE].stop()
        await self.app[HUB].stop()
        if self.listener is not None:
            self.listener.close()  # no new connections; cleanup ends the open ones
        await asyncio.wait_for(self.runner.cleanup(), timeout=2 * STOP_SECONDS + 0.5)


async def start_participant_server(
    store: Store,
    host: str = "0.0.0.0",
    port: int = DEFAULT_PORT,
    workshop_id: str | None = None,
    *,
    moderator_secret: str | None = None,
    extra_setup=(),
    rate_limits: RateLimits | None = None,
    caps: Caps | None = None,
    connection_limits: ConnectionLimits | None = None,
    backlog: int = LISTEN_BACKLOG,
) -> ParticipantServer:
    """Start the server in the running loop; port 0 picks a free port.

    It serves the phones only: the laptops' sync has its own TLS port (facilitator.sync).
    """
    app = create_app(
        store,
        workshop_id=workshop_id,
        moderator_secret=moderator_secret,
        extra_setup=extra_setup,
        rate_limits=rate_limits,
        caps=caps,
    )
    limits = connection_limits or ConnectionLimits()
    descriptors = raise_descriptor_limit()
    if descriptors:  # never more connections than descriptors to hold them
        total = min(limits.total, max(64, descriptors - RESERVED_DESCRIPTORS))
        limits = ConnectionLimits(limits.per_address, total, limits.idle_seconds)
    gate = app[GATE] = ConnectionGate(limits)
    room = app[HUB].room
    gate.factor = lambda: room.factor
    # handler_cancellation: a phone that walks away ends its stream at once, so
    # phones_connected is right and no handler waits for the next keep-alive to notice.
    # keepalive_timeout: aiohttp's own limit for an idle keep-alive, within the gate's.
    runner = web.AppRunner(
        app,
        shutdown_timeout=STOP_SECONDS,
        access_log=None,
        handler_cancellation=True,
        keepalive_timeout=limits.idle_seconds,
    )
    await runner.setup()
    # The word cloud's first count loads the German dictionary (about 1 s): in a thread now,
    # not inside the event loop when the first phone's word arrives.
    asyncio.get_running_loop().run_in_executor(None, warm_up)
    try:
        sock = listen_socket(host, port, backlog)
    except OSError as err:
        await runner.cleanup()
        raise UserError(
            lazy(
                "Port {port} auf {host} ist belegt oder nicht erlaubt ({strerror}).",
                port=port,
                host=host,
                strerror=err.strerror,
            )
        ) from None
    try:
        listener = await serve_gated(runner, sock, gate, backlog)
    except BaseException:
        sock.close()
        await runner.cleanup()
        raise
    gate.start()
    bound = sock.getsockname()[1]
    server = ParticipantServer(app, runner, host, bound, listener)
    # Phones' captures get their sentence vectors a moment after they arrive, once, so the
    # fact sheet, clusters and pairing only read them.
    server.vectors = VectorFiller.start_for(store)
    server.announce()
    return server
