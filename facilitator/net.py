"""Provides the network facts every front end shares: default ports and LAN-address discovery.

Used by the participant server (web), the laptops' sync (sync), the app (tui) and the
command line, so each imports it instead of keeping its own copy. Standard library only.
"""

import socket
import sys
from pathlib import Path
from urllib.parse import quote

DEFAULT_PORT = 8765  # phones (plain HTTP on the venue Wi-Fi; carries no secrets of the laptops)
SYNC_PORT = 8766  # the other moderator's laptop (TLS, pinned certificate)
# A room scanning the QR code at once: 200 phones open the page and the stream within a
# second. TCPSite's default backlog of 128 overflowed under load and the dropped SYNs
# came back only after the kernel's one-second retry.
ROOM_BACKLOG = 1024
_SOMAXCONN = Path("/proc/sys/net/core/somaxconn")  # Linux; elsewhere the OS clamps it


def listen_backlog(wanted: int = ROOM_BACKLOG) -> int:
    """Return the listen backlog for a room: `wanted`, within the system's limit."""
    try:
        limit = int(_SOMAXCONN.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return wanted  # macOS and Windows clamp a larger value themselves
    return max(128, min(wanted, limit))


# Connections the system queues before a server accepts them (both ports; one place to raise).
LISTEN_BACKLOG = listen_backlog()


def phone_ports(first: int = DEFAULT_PORT, last: int = DEFAULT_PORT + 9) -> list[int]:
    """Return the ports the phone server may take, in order: first … last, never SYNC_PORT.

    When the first is busy the app takes the next free one, but not the laptops' sync
    port: the phone server there would keep sync from listening, and the paired laptop
    would knock on the phones' server instead.
    """
    return [port for port in range(first, last + 1) if port != SYNC_PORT]


def lan_addresses() -> list[str]:
    """Return this machine's IPv4 addresses others on the LAN may reach; loopback if none.

    Uses only the socket module: the host name's addresses, plus the address the
    system would use for a route outward (a UDP "connect" sends no packet).
    """
    found: list[str] = []
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    for probe in ("10.254.254.254", "192.168.254.254", "172.16.254.254", "192.0.2.1"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            try:
                udp.connect((probe, 9))
                found.append(udp.getsockname()[0])
            except OSError:
                continue
    lan = [a for a in dict.fromkeys(found) if not a.startswith(("127.", "0."))]
    return lan or ["127.0.0.1"]


def reachable_host(host: str) -> str:
    """Return the address to tell others for a server bound to `host` (any → first LAN one)."""
    return lan_addresses()[0] if host in ("", "0.0.0.0", "::") else host


def join_url(host: str, port: int, code: str) -> str:
    """Return the URL a phone opens: http://HOST:PORT/j/CODE."""
    return f"http://{host}:{port}/j/{quote(code)}"


def bind_options(platform: str = sys.platform) -> list[tuple[int, int, int]]:
    """Return the socket options (level, option, value) that make a listening port exclusive.

    POSIX: SO_REUSEADDR lets a restarted server rebind while old connections sit in
    TIME_WAIT, and still refuses a second listener. Windows: SO_REUSEADDR would let a
    second process bind the same port (so "port busy, take the next" never happened and
    two servers shared 8765); SO_EXCLUSIVEADDRUSE refuses it.
    """
    if platform == "win32":
        # ~SO_REUSEADDR is how Windows defines it, where Python does not name it
        exclusive = getattr(socket, "SO_EXCLUSIVEADDRUSE", ~socket.SO_REUSEADDR)
        return [(socket.SOL_SOCKET, exclusive, 1)]
    return [(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)]


def listen_socket(host: str, port: int, backlog: int = LISTEN_BACKLOG) -> socket.socket:
    """Return a non-blocking TCP socket listening on host:port (0: any free port) alone.

    Raises OSError when the port is taken or not allowed; nothing is left open then.
    """
    host = host or "0.0.0.0"  # one IPv4 socket for "all addresses": phones use IPv4
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        for level, option, value in bind_options():
            sock.setsockopt(level, option, value)
        sock.bind((host, port))
        sock.listen(backlog)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return sock
