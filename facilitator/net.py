"""Provides the network facts every front end shares: default ports and LAN-address discovery.

Used by the participant server (web), the laptops' sync (sync), the app (tui) and the
command line, so each imports it instead of keeping its own copy. Standard library only.
"""

import socket
from pathlib import Path
from urllib.parse import quote

DEFAULT_PORT = 8765  # phones (plain HTTP on the venue Wi-Fi; carries no secrets of the laptops)
SYNC_PORT = 8766  # the other moderator's laptop (TLS, pinned certificate)

# A room scanning the QR code at once: 200 phones open the page and the stream within a
# second. TCPSite's default backlog of 128 overflowed under load and the dropped SYNs
# came back only after the kernel's one-second retry (issue 28.7).
ROOM_BACKLOG = 1024
_SOMAXCONN = Path("/proc/sys/net/core/somaxconn")  # Linux; elsewhere the OS clamps it


def listen_backlog(wanted: int = ROOM_BACKLOG) -> int:
    """Return the listen backlog for a room: `wanted`, within the system's limit."""
    try:
        limit = int(_SOMAXCONN.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return wanted  # macOS and Windows clamp a larger value themselves
    return max(128, min(wanted, limit))


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
