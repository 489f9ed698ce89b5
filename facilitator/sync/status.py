"""Provides the sync status the app's header shows: connected or not, and how far behind."""

import time
from dataclasses import dataclass
from datetime import datetime

CLOCK_WARNING_MS = 2000  # beyond this the two timers visibly disagree


@dataclass(frozen=True)
class SyncStatus:
    """What the app's header shows about the other laptop."""

    peer_url: str
    connected: bool = False
    last_contact_ms: int | None = None  # wall clock of the last good answer
    behind: int = 0  # ops the peer has that we have not pulled yet
    unsent: int = 0  # our ops the peer has not received yet
    message: str = "Noch nicht verbunden."
    peer_node: str | None = None
    clock_offset_ms: int = 0  # the peer's wall clock minus ours (timers read each own clock)

    @property
    def label(self) -> str:
        """A short German line for the header, e.g. "Sync: verbunden"."""
        if self.connected:
            lag = self.behind + self.unsent
            text = "Sync: verbunden" + (f" · {lag} ausstehend" if lag else "")
            if abs(self.clock_offset_ms) >= CLOCK_WARNING_MS:
                text += f" · Uhren weichen {abs(self.clock_offset_ms) // 1000} s ab"
            return text
        if self.last_contact_ms is None:
            return "Sync: getrennt"
        since = datetime.fromtimestamp(self.last_contact_ms / 1000).strftime("%H:%M:%S")
        return f"Sync: getrennt seit {since}"


def serving_status(seen: dict[str, float], url: str = "", within_s: float = 5.0) -> SyncStatus:
    """Return the status of the laptop that serves: connected while a peer polled lately.

    `seen` maps peer node -> time.monotonic() of its last request (see routes.PEERS_SEEN).
    """
    if not seen:
        return SyncStatus(url, message="Wartet auf den anderen Laptop.")
    node, at = max(seen.items(), key=lambda item: item[1])
    age = time.monotonic() - at
    return SyncStatus(
        url,
        connected=age <= within_s,
        last_contact_ms=int((time.time() - age) * 1000),
        message="Verbunden." if age <= within_s else "Der andere Laptop meldet sich nicht.",
        peer_node=node,
    )
