"""Provides the caps on what phones may add: submissions, ballots, registrations, streams.

The rate limits in `security` slow a flood down; these caps stop it from growing
the workshop at all. Counts per phone and per address live in memory (they only
grow when something was stored, so they stay as small as the data); counts per
block and per workshop are read from the database once and then kept in memory
(a refused request costs no query), so a restart does not reset them.
Each refusal is counted by reason, and the moderators' Join screen shows the sum.
"""

from collections import Counter
from dataclasses import dataclass

from aiohttp import web

from facilitator.store.captures import count_from_phones
from facilitator.store.db import Store


@dataclass(frozen=True)
class Caps:
    """How much phones may add; a half-day workshop has a few dozen people."""

    submissions_per_phone: int = 30
    submissions_per_address: int = 60
    submissions_per_item: int = 200
    submissions_per_workshop: int = 1000
    voters_per_address: int = 5  # a few people may share one phone or a NAT
    voters_per_item: int = 2000  # far above a workshop: only bounds the rows a flood adds
    registrations_per_address: int = 10
    streams_per_address: int = 4
    streams_total: int = 1000


class CapCounter:
    """What phones have added so far, and how often a cap refused them."""

    def __init__(self, caps: Caps) -> None:
        self.caps = caps
        self.refused: Counter[str] = Counter()
        self._by_phone: Counter[tuple[str, str]] = Counter()
        self._by_address: Counter[tuple[str, str]] = Counter()
        self._voters: dict[tuple[str, str], set[str]] = {}
        self._voters_per_item: dict[str, set[str]] = {}
        self._registrations: dict[tuple[str, str], set[str]] = {}
        self._stored: dict[tuple[str, str | None], int] = {}  # (workshop, item or None)

    def _count(self, store: Store, workshop_id: str, item_id: str | None) -> int:
        key = (workshop_id, item_id)
        if key not in self._stored:
            self._stored[key] = count_from_phones(store, workshop_id, item_id)
        return self._stored[key]

    def refuse(self, reason: str, status: int, message: str) -> web.HTTPException:
        """Count a refusal and return the answer to raise (429 for one phone, 409 when full)."""
        self.refused[reason] += 1
        kind = web.HTTPTooManyRequests if status == 429 else web.HTTPConflict
        return kind(text=message)

    @property
    def refused_total(self) -> int:
        return sum(self.refused.values())

    # -- submissions -------------------------------------------------------
    def submission_blocked(
        self, store: Store, workshop_id: str, item_id: str, phone: str, address: str
    ) -> str | None:
        """Return the cap a new submission would break ('phone', 'address', …), or None."""
        caps = self.caps
        if self._by_phone[(workshop_id, phone)] >= caps.submissions_per_phone:
            return "phone"
        if self._by_address[(workshop_id, address)] >= caps.submissions_per_address:
            return "address"
        if self._count(store, workshop_id, item_id) >= caps.submissions_per_item:
            return "item"
        if self._count(store, workshop_id, None) >= caps.submissions_per_workshop:
            return "workshop"
        return None

    def submitted(self, workshop_id: str, item_id: str, phone: str, address: str) -> None:
        self._by_phone[(workshop_id, phone)] += 1
        self._by_address[(workshop_id, address)] += 1
        for key in ((workshop_id, item_id), (workshop_id, None)):
            if key in self._stored:
                self._stored[key] += 1

    # -- ballots -------------------------------------------------------------
    def ballot_blocked(self, item_id: str, phone: str, address: str) -> str | None:
        """Return 'address' or 'item' if a new voter would break a cap (known voters pass)."""
        here = self._voters.get((item_id, address), set())
        everyone = self._voters_per_item.get(item_id, set())
        if phone in here:
            return None
        if len(here) >= self.caps.voters_per_address:
            return "address"
        if phone not in everyone and len(everyone) >= self.caps.voters_per_item:
            return "item"
        return None

    def voted(self, item_id: str, phone: str, address: str) -> None:
        self._voters.setdefault((item_id, address), set()).add(phone)
        self._voters_per_item.setdefault(item_id, set()).add(phone)

    # -- registrations -----------------------------------------------------
    def registration_blocked(self, workshop_id: str, phone: str, address: str) -> bool:
        here = self._registrations.get((workshop_id, address), set())
        return phone not in here and len(here) >= self.caps.registrations_per_address

    def registered(self, workshop_id: str, phone: str, address: str) -> None:
        self._registrations.setdefault((workshop_id, address), set()).add(phone)
