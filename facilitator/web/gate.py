"""Provides the connection gate: connections per address, and an end to idle or half-sent ones.

aiohttp keeps a connection that never sends a request (or sends half of one) open
for as long as the peer likes, and has no cap per address: 1,100 idle sockets from
one address used up the descriptors and locked every phone out. The gate wraps each
connection's protocol: it refuses a connection over the caps at once, and one
sweep a second closes those that have been idle (no request being answered) for
longer than `idle_seconds`. That covers a silent socket, a request line or headers
sent byte by byte, and a keep-alive connection nobody uses; a request being answered
(a stream, a body being read) is never cut here: those have their own time limits.
When all connections are taken, a new one replaces the longest-idle one rather than
being refused, so many addresses holding idle sockets cannot lock phones out.
"""

import asyncio
import logging
import socket
import time
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

from facilitator.web.security import Handler

log = logging.getLogger(__name__)
SWEEP_SECONDS = 1.0


@dataclass(frozen=True)
class ConnectionLimits:
    """Connections per address and in all, and how long one may sit idle."""

    per_address: int = 16  # a browser opens at most six per host; a few phones behind NAT
    total: int = 4000  # lowered to fit the descriptor limit at start
    idle_seconds: float = 15.0


@dataclass(eq=False)
class Connection:
    transport: asyncio.Transport
    address: str
    busy: int = 0
    idle_since: float = field(default_factory=time.monotonic)


class ConnectionGate:
    """Counts connections per address and closes the idle ones."""

    def __init__(self, limits: ConnectionLimits) -> None:
        self.limits = limits
        self.refused = 0
        self.factor: Callable[[], int] = lambda: 1  # the NAT setting's (web.caps.Room)
        self._per_address: Counter[str] = Counter()
        self._by_protocol: dict[int, Connection] = {}
        # Connections answering nothing, oldest first: swept and evicted from the front.
        self._idle: OrderedDict[int, Connection] = OrderedDict()
        self._sweeper: asyncio.Task | None = None

    @property
    def open_connections(self) -> int:
        return len(self._by_protocol)

    def admit(self, transport: asyncio.Transport, protocol: object) -> Connection | None:
        peer = transport.get_extra_info("peername")
        address = str(peer[0]) if isinstance(peer, tuple) and peer else "?"
        if self._per_address[address] >= self.limits.per_address * self.factor():
            self.refused += 1
            return None
        if len(self._by_protocol) >= self.limits.total:
            if not self._idle:
                self.refused += 1
                return None
            _, oldest = self._idle.popitem(last=False)
            oldest.transport.abort()  # its connection_lost releases it
            self.refused += 1
        self._per_address[address] += 1
        connection = Connection(transport, address)
        self._by_protocol[id(protocol)] = connection
        self._idle[id(protocol)] = connection
        return connection

    def release(self, protocol: object) -> None:
        connection = self._by_protocol.pop(id(protocol), None)
        self._idle.pop(id(protocol), None)
        if connection is not None:
            self._per_address[connection.address] -= 1
            if self._per_address[connection.address] <= 0:
                del self._per_address[connection.address]

    def connection_of(self, protocol: object) -> Connection | None:
        return self._by_protocol.get(id(protocol))

    def busy(self, protocol: object, connection: Connection) -> None:
        """A request on this connection is being answered: never idle meanwhile."""
        connection.busy += 1
        self._idle.pop(id(protocol), None)

    def done(self, protocol: object, connection: Connection) -> None:
        connection.busy -= 1
        if not connection.busy and id(protocol) in self._by_protocol:
            connection.idle_since = time.monotonic()
            self._idle[id(protocol)] = connection  # to the end: the newest idle one

    def sweep(self) -> int:
        """Close connections idle for longer than the limit; return how many."""
        cutoff = time.monotonic() - self.limits.idle_seconds
        closed = 0
        while self._idle:
            key, connection = next(iter(self._idle.items()))
            if connection.idle_since >= cutoff:
                break
            del self._idle[key]
            connection.transport.abort()  # nothing left to say: free the descriptor now
            closed += 1
        return closed

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(SWEEP_SECONDS)
            self.sweep()

    def start(self) -> None:
        self._sweeper = asyncio.get_running_loop().create_task(self._sweep_forever())

    async def stop(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            try:
                await self._sweeper
            except asyncio.CancelledError:
                pass


class GatedProtocol(asyncio.Protocol):
    """Passes everything to aiohttp's protocol once the gate has let the connection in."""

    def __init__(self, gate: ConnectionGate, inner: asyncio.Protocol) -> None:
        self._gate = gate
        self._inner = inner
        self._admitted = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if not isinstance(transport, asyncio.Transport):
            # a stream server always hands a (stream) Transport, the kind that can abort
            transport.close()
            return
        if self._gate.admit(transport, self._inner) is None:
            transport.abort()
            return
        self._admitted = True
        self._inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received()

    def pause_writing(self) -> None:
        self._inner.pause_writing()

    def resume_writing(self) -> None:
        self._inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._admitted:
            self._gate.release(self._inner)
            self._inner.connection_lost(exc)


GATE: "web.AppKey[ConnectionGate]" = web.AppKey("connection_gate")


@web.middleware
async def track(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Mark the connection busy while a request is answered, so the sweep leaves it alone."""
    gate = request.app.get(GATE)
    connection = gate.connection_of(request.protocol) if gate else None
    if gate is None or connection is None:
        return await handler(request)
    gate.busy(request.protocol, connection)
    try:
        return await handler(request)
    finally:
        gate.done(request.protocol, connection)


async def serve_gated(
    runner: web.BaseRunner, sock: socket.socket, gate: ConnectionGate, backlog: int
) -> asyncio.Server:
    """Serve the runner's app on `sock`, every connection passing the gate first.

    Public API only: the runner's `server` makes aiohttp's protocol for a connection, and
    the event loop's own server accepts on the socket we bound (exclusively, see net.py).
    """
    handler = runner.server
    if handler is None:
        raise RuntimeError("runner.setup() must run before serving")

    def factory() -> GatedProtocol:
        return GatedProtocol(gate, handler())

    return await asyncio.get_running_loop().create_server(factory, sock=sock, backlog=backlog)


def raise_descriptor_limit(wanted: int = 8192) -> int:
    """Raise the soft limit on open files towards `wanted`; return the limit now (0: unknown).

    `resource` exists only on POSIX; elsewhere the limit stays as it is.
    """
    try:
        import resource
    except ImportError:
        return 0
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        infinite = resource.RLIM_INFINITY
        target = wanted if hard == infinite else min(wanted, hard)
        if soft != infinite and soft < target:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        return wanted if soft == infinite else soft
    except (ValueError, OSError):
        return 0
