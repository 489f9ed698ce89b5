"""Provides the caps on what phones may add: submissions, ballots, registrations, streams.

The rate limits in `security` slow a flood down; these caps stop it from growing
the workshop at all. Counts per phone and per address live in memory (they only
grow when something was stored, so they stay as small as the data); counts per
block and per workshop are read from the database once and then kept in memory
(a refused request costs no query), so a restart does not reset them.
Each refusal is counted by reason, and the moderators' Join screen shows them.

One voter rule for every kind of vote and answer (dots on `/api/vote`, and every
activity on `/api/activity`: dots, word cloud, scale, choice, matrix, form, Q&A
questions and upvotes): a voter is the phone's cookie identity first; a phone that
drops its cookie comes back as a new voter, so one source address counts at most
`voters_per_address` voters per block or activity. That count is kept in the
database (store/voter_counts.py), so a restarted server does not let an address vote
again; a phone that voted before the restart is still known by what it stored.
A room whose phones share one
address (NAT) is told apart only by the moderators: their setting (`Room`) raises
every per-address cap by SHARED_FACTOR, while the per-phone and per-block caps stay.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

from facilitator.locale import Text, lazy
from facilitator.store.captures import count_from_phones
from facilitator.store.db import Store
from facilitator.store.voter_counts import address_key, count_voters, voters_counted


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
    # answers, questions and upvote changes of one phone per activity: each is an op
    changes_per_phone: int = 60


# With the NAT setting on, one address may carry a room: 20 × 5 voters, 20 × 4 streams.
SHARED_FACTOR = 20
# An address with this many phones (cookies) seen is worth a hint to the moderators.
CROWDED_PHONES = 6
_SEEN_PHONES = 200  # per address: enough to tell a room, bounded against a flood
_SEEN_ADDRESSES = 5000


@dataclass
class Room:
    """The moderators' setting for the room, kept current by the hub from the workshop."""

    phones_share_address: bool = False
    # distinct phone identities seen per address (bounded), for the Join screen's hint
    seen: dict[str, set[str]] = field(default_factory=dict)

    @property
    def factor(self) -> int:
        return SHARED_FACTOR if self.phones_share_address else 1

    def saw(self, address: str, phone: str | None) -> None:
        """Note that `phone` arrived from `address` (memory bounded per address and in all)."""
        if phone is None:
            return
        here = self.seen.get(address)
        if here is None:
            if len(self.seen) >= _SEEN_ADDRESSES:
                return
            here = self.seen[address] = set()
        if len(here) < _SEEN_PHONES:
            here.add(phone)

    def crowded(self) -> tuple[str, int] | None:
        """Return the address most phones came from, if that many suggest a shared one."""
        if not self.seen:
            return None
        address, phones = max(self.seen.items(), key=lambda kv: len(kv[1]))
        return (address, len(phones)) if len(phones) >= CROWDED_PHONES else None


class CapCounter:
    """What phones have added so far, and how often a cap refused them."""

    def __init__(self, caps: Caps, room: Room | None = None) -> None:
        self.caps = caps
        self.room = room or Room()
        self.refused: Counter[str] = Counter()
        self._by_phone: Counter[tuple[str, str]] = Counter()
        self._by_address: Counter[tuple[str, str]] = Counter()
        self._voters: dict[tuple[str, str], set[str]] = {}
        # new voters an address brought before this server started (read once per slot)
        self._earlier: dict[tuple[str, str], tuple[str, int]] = {}
        self._returning: set[tuple[str, str, str]] = set()
        self._item_earlier: dict[str, int] = {}  # voters stored in a vote before this run
        self._voters_per_item: dict[str, set[str]] = {}
        self._changes: Counter[tuple[str, str]] = Counter()
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

    def per_address(self, what: str) -> int:
        """Return the cap `<what>_per_address`, raised when the room shares one address."""
        return int(getattr(self.caps, f"{what}_per_address")) * self.room.factor

    # -- submissions -------------------------------------------------------
    def submission_blocked(
        self, store: Store, workshop_id: str, item_id: str, phone: str, address: str
    ) -> str | None:
        """Return the cap a new submission would break ('phone', 'address', …), or None."""
        caps = self.caps
        if self._by_phone[(workshop_id, phone)] >= caps.submissions_per_phone:
            return "phone"
        if self._by_address[(workshop_id, address)] >= self.per_address("submissions"):
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
    def _earlier_voters(self, store: Store, slot: tuple[str, str]) -> tuple[str, int]:
        if slot not in self._earlier:
            key = address_key(store, *slot)
            self._earlier[slot] = (key, voters_counted(store, key))
        return self._earlier[slot]

    def ballot_blocked(
        self,
        store: Store,
        item_id: str,
        phone: str,
        address: str,
        known: Callable[[], bool],
        stored: Callable[[], int],
    ) -> str | None:
        """Return 'address' or 'item' if a new voter would break a cap (known voters pass).

        `item_id` is what the voters vote in: a block's dot vote or an activity's id;
        `known` says whether the phone stored something there already (before a restart),
        `stored` how many voters did (asked once per vote and run).
        """
        slot = (item_id, address)
        here = self._voters.get(slot, set())
        everyone = self._voters_per_item.get(item_id, set())
        if phone in here or (item_id, address, phone) in self._returning:
            return None
        _, earlier = self._earlier_voters(store, slot)
        if item_id not in self._item_earlier:
            self._item_earlier[item_id] = stored()
        item_earlier = self._item_earlier[item_id]
        if (earlier > 0 or item_earlier > 0) and known():  # a voter from before the restart
            self._returning.add((item_id, address, phone))
            return None
        if earlier + len(here) >= self.per_address("voters"):
            return "address"
        if phone not in everyone and item_earlier + len(everyone) >= self.caps.voters_per_item:
            return "item"
        return None

    def voted(self, store: Store, item_id: str, phone: str, address: str) -> None:
        slot = (item_id, address)
        here = self._voters.setdefault(slot, set())
        if phone not in here and (item_id, address, phone) not in self._returning:
            key, earlier = self._earlier_voters(store, slot)
            here.add(phone)
            count_voters(store, key, earlier + len(here))
            self._voters_per_item.setdefault(item_id, set()).add(phone)
        self._changes[(item_id, phone)] += 1

    def changes_left(self, item_id: str, phone: str) -> bool:
        """Return whether this phone may change its answer once more (each change is an op)."""
        return self._changes[(item_id, phone)] < self.caps.changes_per_phone

    # -- registrations -----------------------------------------------------
    def registration_blocked(self, workshop_id: str, phone: str, address: str) -> bool:
        here = self._registrations.get((workshop_id, address), set())
        return phone not in here and len(here) >= self.per_address("registrations")

    def registered(self, workshop_id: str, phone: str, address: str) -> None:
        self._registrations.setdefault((workshop_id, address), set()).add(phone)


def submission_refusal(counter: CapCounter, blocked: str, lang: str) -> web.HTTPException:
    """Count and return the refusal of a submission that would break the cap `blocked`."""
    limit = (
        counter.per_address("submissions")
        if blocked == "address"
        else getattr(counter.caps, f"submissions_per_{blocked}")
    )
    status = 429 if blocked in ("phone", "address") else 409
    message = _submission_cap_text(blocked, limit).text(lang)
    return counter.refuse(f"submission_{blocked}", status, message)


def ballot_refusal(counter: CapCounter, blocked: str, lang: str) -> web.HTTPException:
    """Count and return the refusal of a new voter who would break the cap `blocked`."""
    status = 429 if blocked == "address" else 409
    return counter.refuse(f"ballot_{blocked}", status, _ballot_cap_text(blocked).text(lang))


def _submission_cap_text(blocked: str, limit: int) -> Text:
    """Return what a phone is told when the submission cap `blocked` (of `limit`) holds."""
    texts = {
        "phone": lazy(
            "Sie haben schon {max} Beiträge geschickt – danke! Mehr nimmt dieses Telefon nicht an.",
            max=limit,
        ),
        "address": lazy(
            "Von diesem Netzanschluss kamen schon {max} Beiträge. Bitte die Moderation ansprechen.",
            max=limit,
        ),
        "item": lazy(
            "Für diesen Block sind genug Beiträge da ({max}). Bitte die Moderation ansprechen.",
            max=limit,
        ),
        "workshop": lazy("Der Workshop nimmt keine weiteren Beiträge an ({max}).", max=limit),
    }
    return texts[blocked]


def _ballot_cap_text(blocked: str) -> Text:
    """Return what a new voter is told when the ballot cap `blocked` holds."""
    texts = {
        "address": lazy("Von diesem Netzanschluss wurde schon zu oft abgestimmt."),
        "item": lazy("Diese Abstimmung nimmt keine weiteren Stimmen an."),
    }
    return texts[blocked]
