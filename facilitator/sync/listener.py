"""Provides the sync port's listener: its own descriptor budget, per-address gate and timeouts.

The sync port shares the process (and its descriptor limit) with the phones' port, so
whatever strangers on the venue Wi-Fi open here must never use up what the phones need.
The listener accepts each socket itself, before the TLS handshake: a socket over the
per-address cap is closed at once, one over the port's total budget replaces the
longest-idle connection (or is closed when every one is busy), a handshake gets a few
seconds, and a connection that has received nothing for `idle_seconds` while no request
is being answered is closed by a sweep once a second (a silent socket, headers sent byte
by byte, an unused keep-alive). Only the other laptop ever needs this port, so the budget
is small and fixed (`SyncLimits.total`); the participant server keeps its descriptors
apart (`web.runner.RESERVED_DESCRIPTORS` counts this budget in).
"""

import asyncio
import contextlib
import socket
import ssl
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from facilitator.net import LISTEN_BACKLOG

SWEEP_SECONDS = 1.0


@dataclass(frozen=True)
class SyncLimits:
    """What the sync port allows: connections per address and in all, and its timeouts."""

    per_address: int = 4  # the other laptop uses one or two
    total: int = 48  # counted into the descriptors the phones' server leaves alone
    handshake_seconds: float = 5.0
    idle_seconds: float = 10.0
    backlog: int = LISTEN_BACKLOG  # a room's worth, within the system's limit (net.py)


@dataclass(eq=False)
class _Link:
    """One accepted socket on the sync port, from accept to close."""

    address: str
    transport: asyncio.BaseTransport | None = None
    busy: int = 0
    last_data: float = field(default_factory=time.monotonic)
    task: asyncio.Task | None = None


class _TrackedProtocol(asyncio.Protocol):
    """Passes everything to aiohttp's protocol, noting when bytes arrive and when it ends."""

    def __init__(self, listener: "SyncListener", link: _Link, inner: Any) -> None:
        self._listener = listener
        self._link = link
        self.inner = inner

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._link.transport = transport
        self._listener.by_protocol[id(self.inner)] = self._link
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        self._link.last_data = time.monotonic()
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received()

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        self._listener.by_protocol.pop(id(self.inner), None)
        self._listener.release(self._link)
        self.inner.connection_lost(exc)


class SyncListener:
    """Accepts connections to the sync port within its limits and hands them to aiohttp."""

    def __init__(
        self,
        server_factory: Callable[[], Any],
        context: ssl.SSLContext | None,
        limits: SyncLimits,
    ) -> None:
        self.server_factory = server_factory
        self.context = context
        self.limits = limits
        self.refused = 0
        self.per_address: Counter[str] = Counter()
        self.links: set[_Link] = set()
        self.by_protocol: dict[int, _Link] = {}
        self._socket: socket.socket | None = None
        self._tasks: list[asyncio.Task] = []

    @property
    def open_connections(self) -> int:
        """Sockets of this port that are open (in handshake or established)."""
        return len(self.links)

    def bind(self, host: str, port: int) -> int:
        """Bind and listen on host:port (0: a free port); return the port. OSError if taken."""
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            if hasattr(socket, "SO_REUSEADDR") and not hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
                # POSIX: rebind at once after a restart; Windows' SO_REUSEADDR would let
                # another program share the port, so it is left off there.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host or "0.0.0.0", port))
            sock.listen(self.limits.backlog)
            sock.setblocking(False)
        except BaseException:
            sock.close()
            raise
        self._socket = sock
        return sock.getsockname()[1]

    def start(self) -> None:
        """Start accepting and sweeping in the running loop (after `bind`)."""
        loop = asyncio.get_running_loop()
        self._tasks = [loop.create_task(self._accept_forever()), loop.create_task(self._sweep())]

    async def stop(self) -> None:
        """Stop accepting and close every connection of this port."""
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        for link in list(self.links):
            self._close(link)

    async def _accept_forever(self) -> None:
        loop = asyncio.get_running_loop()
        assert self._socket is not None
        while True:
            try:
                conn, peer = await loop.sock_accept(self._socket)
            except OSError:  # out of descriptors for a moment, or a reset in the queue
                await asyncio.sleep(0.05)
                continue
            address = str(peer[0]) if isinstance(peer, tuple) and peer else "?"
            if self.per_address[address] >= self.limits.per_address or not self._room():
                self.refused += 1
                conn.close()
                continue
            link = _Link(address)
            self.per_address[address] += 1
            self.links.add(link)
            link.task = loop.create_task(self._serve(link, conn))

    def _room(self) -> bool:
        """Whether a new connection fits; when all are taken, the longest-idle one makes room.

        So strangers holding idle sockets from many addresses cannot keep the other
        laptop out: its connections are busy or fresh, theirs are the oldest idle ones.
        """
        if len(self.links) < self.limits.total:
            return True
        idle = [link for link in self.links if not link.busy]
        if not idle:
            return False
        self._close(min(idle, key=lambda link: link.last_data))
        self.refused += 1
        return True

    async def _serve(self, link: _Link, conn: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        try:
            await loop.connect_accepted_socket(
                lambda: _TrackedProtocol(self, link, self.server_factory()),
                conn,
                ssl=self.context,
                ssl_handshake_timeout=self.limits.handshake_seconds if self.context else None,
            )
        except (OSError, ssl.SSLError, asyncio.TimeoutError, ConnectionError):
            conn.close()
            self.release(link)
        except asyncio.CancelledError:
            conn.close()
            self.release(link)
            raise

    def release(self, link: _Link) -> None:
        """Forget a closed connection (called once per link; later calls do nothing)."""
        if link not in self.links:
            return
        self.links.discard(link)
        self.per_address[link.address] -= 1
        if self.per_address[link.address] <= 0:
            del self.per_address[link.address]

    def _close(self, link: _Link) -> None:
        if link.transport is not None:
            link.transport.abort()
        elif link.task is not None and not link.task.done():
            link.task.cancel()  # still in the handshake
        self.release(link)

    def sweep(self) -> int:
        """Close connections that received nothing for too long and answer no request."""
        cutoff = time.monotonic() - self.limits.idle_seconds
        stale = [link for link in self.links if not link.busy and link.last_data < cutoff]
        for link in stale:
            self._close(link)
        return len(stale)

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(SWEEP_SECONDS)
            self.sweep()


LISTENER: "web.AppKey[SyncListener]" = web.AppKey("sync_listener")


@web.middleware
async def mark_busy(request: web.Request, handler: Any) -> web.StreamResponse:
    """A request being answered is never idle: the sweep leaves its connection alone."""
    listener = request.app.get(LISTENER)
    link = listener.by_protocol.get(id(request.protocol)) if listener else None
    if link is None:
        return await handler(request)
    link.busy += 1
    try:
        return await handler(request)
    finally:
        link.busy -= 1
        link.last_data = time.monotonic()
