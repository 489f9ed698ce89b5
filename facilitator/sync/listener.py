"""Provides the sync port's listener: its own descriptor budget, per-address gate and timeouts.

The sync port shares the process (and its descriptor limit) with the phones' port, so
whatever strangers on the venue Wi-Fi open here must never use up what the phones need.
The listener accepts each socket itself, before the TLS handshake: a socket over the
per-address cap is closed at once, one over the port's total budget replaces the
longest-idle connection (or is closed when every one is busy), and a connection that
has received nothing for `idle_seconds` while no request is being answered is closed by
a sweep once a second (a silent socket, headers sent byte by byte, an unused keep-alive).
Only the other laptop ever needs this port, so the budget is small and fixed
(`SyncLimits.total`); the participant server keeps its descriptors apart
(`web.runner.RESERVED_DESCRIPTORS` counts this budget in).

TLS state is the expensive part: asyncio gives every handshake a 256 KiB buffer besides
OpenSSL's own, and a failed handshake leaves a reference cycle only the garbage
collector frees, so 2,000 half-open handshakes once drove the app to 743 MB. So a
socket gets TLS state only once its whole first TLS record (the ClientHello) has
arrived, peeked at without reading; until then it costs a descriptor and nothing more,
and it gets `hello_seconds`. Handshakes in progress are capped in all and per address;
one that finds no free slot is closed before any TLS state exists, unless the oldest
handshake has run longer than an honest one on a LAN ever does, which then makes room.
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
# A TLS record: type (22 = handshake), version (3.x), two length bytes; at most 2^14
# bytes of payload (RFC 8446 5.1). The ClientHello of the other laptop fits one record.
_HANDSHAKE_RECORD = 22
_RECORD_HEADER = 5
_MAX_RECORD = 2**14 + 256
_HELLO_POLL_SECONDS = (0.005, 0.01, 0.02, 0.05, 0.1, 0.2)  # then every 0.2 s


@dataclass(frozen=True)
class SyncLimits:
    """What the sync port allows: connections per address and in all, and its timeouts."""

    per_address: int = 4  # the other laptop uses one or two
    total: int = 48  # counted into the descriptors the phones' server leaves alone
    handshake_seconds: float = 5.0
    idle_seconds: float = 10.0
    hello_seconds: float = 3.0  # for the ClientHello to arrive, before any TLS state
    handshakes: int = 8  # TLS handshakes in progress at once, in all
    handshakes_per_address: int = 2
    handshake_makes_room_seconds: float = 0.5  # an older handshake gives way to a new one
    backlog: int = LISTEN_BACKLOG  # a room's worth, within the system's limit (net.py)


@dataclass(eq=False)
class _Link:
    """One accepted socket on the sync port, from accept to close."""

    address: str
    transport: asyncio.BaseTransport | None = None
    busy: int = 0
    last_data: float = field(default_factory=time.monotonic)
    task: asyncio.Task | None = None
    handshake_started: float | None = None  # while TLS state exists and the handshake runs


class _TrackedProtocol(asyncio.Protocol):
    """Passes everything to aiohttp's protocol, noting when bytes arrive and when it ends."""

    def __init__(self, listener: "SyncListener", link: _Link, inner: Any) -> None:
        self._listener = listener
        self._link = link
        self.inner = inner

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._listener.handshake_done(self._link)
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
        self.handshaking: set[_Link] = set()
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
            if self.context is not None:
                if not await _client_hello(conn, self.limits.hello_seconds):
                    conn.close()
                    self.release(link)
                    return
                if not self._handshake_slot(link):
                    self.refused += 1
                    conn.close()
                    self.release(link)
                    return
            await loop.connect_accepted_socket(
                lambda: _TrackedProtocol(self, link, self.server_factory()),
                conn,
                ssl=self.context,
                ssl_handshake_timeout=self.limits.handshake_seconds if self.context else None,
            )
        except (OSError, ssl.SSLError, asyncio.TimeoutError, ConnectionError) as err:
            # The traceback holds asyncio's frames, which hold the TLS state and the
            # future holding this very exception: a cycle only a full garbage
            # collection would free. Dropping it frees the TLS state now.
            err.__traceback__ = None
            conn.close()
            self.release(link)
        except asyncio.CancelledError:
            conn.close()
            self.release(link)
            raise

    def _handshake_slot(self, link: _Link) -> bool:
        """Whether `link` may start its TLS handshake now (then it counts as handshaking)."""
        now = time.monotonic()
        mine = sum(1 for other in self.handshaking if other.address == link.address)
        if mine >= self.limits.handshakes_per_address:
            return False
        if len(self.handshaking) >= self.limits.handshakes:
            oldest = min(self.handshaking, key=lambda other: other.handshake_started or now)
            started = oldest.handshake_started or now
            if now - started < self.limits.handshake_makes_room_seconds:
                return False
            self._close(oldest)
            self.refused += 1
        link.handshake_started = now
        self.handshaking.add(link)
        return True

    def handshake_done(self, link: _Link) -> None:
        """The handshake of `link` ended (completed or failed): its slot is free."""
        self.handshaking.discard(link)
        link.handshake_started = None

    def release(self, link: _Link) -> None:
        """Forget a closed connection (called once per link; later calls do nothing)."""
        self.handshake_done(link)
        if link not in self.links:
            return
        self.links.discard(link)
        link.task = None  # the finished task holds its frame, which holds this link
        self.per_address[link.address] -= 1
        if self.per_address[link.address] <= 0:
            del self.per_address[link.address]

    def _close(self, link: _Link) -> None:
        if isinstance(link.transport, asyncio.Transport):  # plain or TLS: both abort
            link.transport.abort()
        elif link.transport is not None:
            link.transport.close()
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


async def _client_hello(conn: socket.socket, seconds: float) -> bool:
    """Wait until the socket holds a whole first TLS handshake record; False if it never does.

    Peeks (MSG_PEEK, on every platform) so the bytes stay for the TLS layer; polls with a
    growing pause rather than registering a reader, which the Windows event loop lacks.
    """
    deadline = time.monotonic() + seconds
    pauses = iter(_HELLO_POLL_SECONDS)
    conn.setblocking(False)
    while True:
        try:
            head = conn.recv(_RECORD_HEADER, socket.MSG_PEEK)
            if not head:
                return False  # closed before saying anything
            if head[0] != _HANDSHAKE_RECORD or (len(head) > 1 and head[1] != 3):
                return False  # not TLS: no TLS state for it at all
            if len(head) == _RECORD_HEADER:
                length = int.from_bytes(head[3:5], "big")
                if length > _MAX_RECORD:
                    return False
                if len(conn.recv(_RECORD_HEADER + length, socket.MSG_PEEK)) >= (
                    _RECORD_HEADER + length
                ):
                    return True
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            return False
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(next(pauses, _HELLO_POLL_SECONDS[-1]))


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
