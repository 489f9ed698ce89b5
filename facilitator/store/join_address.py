"""Provides the join link's address: a fixed one the moderators chose, and the printed poster's.

The venue's Wi-Fi hands a laptop a new address when it likes; a poster printed days
ahead keeps the old one. The moderators may fix an address or host name (a DHCP
reservation, a name the venue's router resolves); every join link and QR code then
uses it. When a poster is printed, its link is noted, so the app can say at start
whether the poster still leads here. Both are this laptop's settings (meta).
"""

import ipaddress
from urllib.parse import urlsplit

from facilitator.core import fields
from facilitator.store.db import Store

FIXED_KEY = "join_host"
POSTER_KEY = "poster_url:"  # + workshop id


def fixed_host(store: Store) -> str | None:
    """Return the address or host name every join link uses, if the moderators set one."""
    return store.get_meta(FIXED_KEY) or None


def set_fixed_host(store: Store, host: str | None) -> None:
    """Fix the join links' address (ValidationError if it is none); None or "" clears it."""
    store.set_meta(FIXED_KEY, fields.host(host.strip()) or "" if host and host.strip() else "")


def remember_poster(store: Store, workshop_id: str, url: str) -> None:
    """Note the link a printed poster (or QR image) carries."""
    store.set_meta(POSTER_KEY + workshop_id, url)


def printed_host(store: Store, workshop_id: str) -> str | None:
    """Return the host of the workshop's printed poster link, if one was printed here."""
    url = store.get_meta(POSTER_KEY + workshop_id)
    return (urlsplit(url).hostname or None) if url else None


def poster_elsewhere(store: Store, workshop_id: str, serving: list[str]) -> str | None:
    """Return the printed poster's address if it is none of `serving` (this laptop's now).

    A host name is the moderators' fixed choice and is taken as it is: whether the
    venue resolves it to this laptop cannot be known without asking the network.
    """
    printed = printed_host(store, workshop_id)
    if printed is None:
        return None
    try:
        ipaddress.ip_address(printed)
    except ValueError:
        return None
    return None if printed in serving else printed
