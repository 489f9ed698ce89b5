"""Provides what this laptop keeps about its pairings: offers it made, and their scope.

A pairing offer is made when the moderators show a pairing code (`facilitator sync
code`, the app's pairing dialog): it names what the other laptop gets (one workshop,
or a whole series, including its later workshops) and keeps only a hash of the key
derived from the code (`sync.secret`), never the code. Offers live in `meta`, which is
local and never replicated. The laptop that typed a code keeps the derived key and the
certificate fingerprint (`sync.secret.remember_pairing`), not the code either. The
module is cheap to import: the app asks it before loading aiohttp.
"""

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from facilitator.core.errors import NotFound
from facilitator.locale import lazy
from facilitator.store.db import Op, Store
from facilitator.store.queries import rows

PAIRING_KEY = "sync_pairing"  # the same key as facilitator.sync.secret.PAIRING_KEY
OFFERS_KEY = "sync_offers"
LEGACY_CODE_KEY = "sync_code"  # before: the secret itself, in clear


@dataclass(frozen=True)
class SyncScope:
    """What a pairing shares: these workshops, and every workshop of these series."""

    workshops: tuple[str, ...] = ()
    series: tuple[str, ...] = ()

    def workshop_ids(self, store: Store) -> set[str]:
        """Return the ids of the workshops this scope covers in `store` (deleted ones too)."""
        ids = set(self.workshops)
        if self.series:
            marks = ", ".join("?" * len(self.series))
            found = rows(
                store, f"SELECT id FROM workshop WHERE series_id IN ({marks})", list(self.series)
            )
            ids.update(row["id"] for row in found)
        return ids

    def to_json(self) -> dict[str, list[str]]:
        return {"workshops": list(self.workshops), "series": list(self.series)}

    @classmethod
    def from_json(cls, data: Any) -> "SyncScope":
        """Read a scope from stored or received JSON; anything malformed covers nothing."""
        if not isinstance(data, dict):
            return cls()
        workshops = found if isinstance(found := data.get("workshops"), list) else []
        series = found if isinstance(found := data.get("series"), list) else []
        return cls(
            tuple(str(w)[:64] for w in workshops[:1000]), tuple(str(s)[:64] for s in series[:100])
        )

    def describe(self, store: Store) -> str:
        """Return what the scope covers in German, e.g. "Reihe „Ostalb“"."""
        parts = []
        for series_id in self.series:
            found = rows(store, "SELECT name FROM series WHERE id = ?", [series_id])
            parts.append(f"Reihe „{found[0]['name'] if found else series_id}“")
        for workshop_id in self.workshops:
            found = rows(store, "SELECT title, date FROM workshop WHERE id = ?", [workshop_id])
            title = found[0]["title"] if found else workshop_id
            parts.append(f"Workshop „{title}“")
        return ", ".join(parts) or "nichts"


@dataclass(frozen=True)
class SyncOffer:
    """A pairing this laptop offered: its id (to revoke), key hash, scope and time."""

    id: str
    key_hash: str
    scope: SyncScope = field(default_factory=SyncScope)
    created_at: str = ""


def scope_for(store: Store, workshop_id: str | None, series: str | None) -> SyncScope:
    """Return the scope the moderators chose; by default the newest workshop's series or itself."""
    from facilitator.store.series import find_series
    from facilitator.store.workshops import get_workshop, list_workshops

    if series:
        return SyncScope(series=(find_series(store, series).id,))
    if workshop_id:
        return SyncScope(workshops=(get_workshop(store, workshop_id).id,))
    newest = list_workshops(store)
    if not newest:
        raise NotFound(
            lazy("Noch kein Workshop, den der andere Laptop bekommen könnte (facilitator new …).")
        )
    if newest[0]["series_id"]:
        return SyncScope(series=(newest[0]["series_id"],))
    return SyncScope(workshops=(newest[0]["id"],))


def list_offers(store: Store) -> list[SyncOffer]:
    """Return the pairings this laptop offers, oldest first."""
    raw = store.get_meta(OFFERS_KEY)
    try:
        data = json.loads(raw) if raw else []
    except ValueError:
        data = []
    offers = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict) and isinstance(item.get("key_hash"), str):
            offers.append(
                SyncOffer(
                    str(item.get("id", "")),
                    item["key_hash"],
                    SyncScope.from_json(item.get("scope")),
                    str(item.get("created_at", "")),
                )
            )
    return offers


def _save(store: Store, offers: list[SyncOffer]) -> None:
    data = [
        {"id": o.id, "key_hash": o.key_hash, "scope": o.scope.to_json(), "created_at": o.created_at}
        for o in offers
    ]
    with store.transaction():
        store.set_meta(OFFERS_KEY, json.dumps(data))
        # A secret kept in clear by an earlier release goes (a pairing made with it
        # must be made again): only the hash of a derived key is kept now.
        store.conn.execute("DELETE FROM meta WHERE key = ?", [LEGACY_CODE_KEY])


def add_offer(store: Store, key_hash: str, scope: SyncScope) -> SyncOffer:
    """Remember a new pairing offer (its key's hash and scope) and return it."""
    offer = SyncOffer(secrets.token_hex(3), key_hash, scope, store.now_text())
    _save(store, [*list_offers(store), offer])
    return offer


def find_offer(store: Store, offer_id: str) -> SyncOffer:
    """Return the offer with this id; NotFound (one sentence) otherwise."""
    for offer in list_offers(store):
        if offer.id == offer_id.strip().lower():
            return offer
    raise NotFound(
        lazy(
            "Eine Kopplung {offer_id} gibt es nicht (facilitator sync list zeigt alle).",
            offer_id=repr(offer_id),
        )
    )


def revoke_offer(store: Store, offer_id: str) -> SyncOffer:
    """Forget an offer: its code opens nothing from now on. Returns the revoked offer."""
    offer = find_offer(store, offer_id)
    _save(store, [o for o in list_offers(store) if o.id != offer.id])
    return offer


def forget_peer(store: Store) -> bool:
    """Forget the laptop this one follows (its key); return whether one was remembered."""
    with store.transaction():
        gone = store.conn.execute("DELETE FROM meta WHERE key = ?", [PAIRING_KEY]).rowcount
    return bool(gone)


def offers_sync(store: Store) -> bool:
    """Return whether this laptop offers a pairing (then the app listens for sync at start)."""
    return bool(list_offers(store))


def is_paired(store: Store) -> bool:
    """Return whether a pairing with another laptop is remembered."""
    return bool(store.get_meta(PAIRING_KEY))


def op_in_scope(op: Op, workshop_ids: set[str], series: tuple[str, ...] = ()) -> bool:
    """Return whether an op belongs to the pairing's scope.

    Ops of no workshop (organisations, series) go everywhere; a workshop op only
    within the scope, or when it puts a workshop into one of the scope's series.
    """
    if op.workshop_id is None:
        return True
    if op.workshop_id in workshop_ids:
        return True
    joins = op.kind.startswith("workshop.") and op.payload.get("series_id") in series
    return bool(series) and joins


def ops_in_scope(ops: list[Op], scope: SyncScope, workshop_ids: set[str]) -> list[Op]:
    """Return the ops of `ops` within the scope, oldest first.

    A workshop that joins one of the scope's series within the batch (its create or
    update op) counts from that op on, so its later ops travel with it.
    """
    kept = []
    for op in ops:
        if op_in_scope(op, workshop_ids, scope.series):
            if op.workshop_id:
                workshop_ids.add(op.workshop_id)
            kept.append(op)
    return kept
