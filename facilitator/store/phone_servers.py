"""Provides where each laptop serves phones: one row per laptop, replicated like any op.

Laptop A announces its phone addresses when its server starts (and when the session
follows another workshop); sync carries the row to laptop B and B's to A. Each join
page lists every laptop serving its workshop, so a phone whose laptop dies moves to
the other (web/static/failover.js).
"""

from datetime import datetime

from facilitator.core.rules import check_fields
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import one, rows

MAX_URLS = 8  # the rule's cap: a laptop with more addresses lists its first eight


def announce(store: Store, workshop_id: str, urls: list[str]) -> bool:
    """Record this laptop's phone addresses for `workshop_id`; False if nothing changed.

    Called on every server start: an op only when the addresses or the workshop moved,
    so restarts do not grow the log.
    """
    urls = list(dict.fromkeys(urls))[:MAX_URLS]
    fields = check_fields("phone_server", {"workshop_id": workshop_id, "urls": urls})
    known = one(store, "SELECT workshop_id, urls FROM phone_server WHERE id = ?", [store.node_id])
    if known and known["workshop_id"] == workshop_id and known["urls"] == fields["urls"]:
        return False
    at = datetime.fromtimestamp(store.now_ms() / 1000).isoformat("T", "seconds")
    record(store, "phone_server.set", {"id": store.node_id, **fields, "at": at}, workshop_id)
    return True


def phone_servers(store: Store, workshop_id: str) -> list[str]:
    """Return every address phones of `workshop_id` can use: this laptop's first."""
    found = rows(
        store,
        "SELECT id, urls FROM phone_server WHERE workshop_id = ? ORDER BY id = ? DESC, at DESC, id",
        [workshop_id, store.node_id],
    )
    return list(dict.fromkeys(url for row in found for url in row["urls"] or []))
