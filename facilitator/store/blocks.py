"""Provides the per-block switches for the phones: collection, voting, dot budget, results."""

from dataclasses import dataclass

from facilitator.core.errors import NotFound
from facilitator.core.rules import readable
from facilitator.locale import lazy
from facilitator.store.columns import DEFAULTS
from facilitator.store.db import Store
from facilitator.store.queries import one


@dataclass(frozen=True)
class BlockSwitches:
    collection_open: bool
    voting_open: bool
    dot_budget: int
    results_revealed: bool


def block_switches(store: Store, item_id: str) -> BlockSwitches:
    """Return what the phones may do in this agenda item right now."""
    row = one(
        store,
        "SELECT collection_open, voting_open, dot_budget, results_revealed "
        "FROM agenda_item WHERE id = ? AND deleted = 0",
        [item_id],
    )
    if row is None:
        raise NotFound(lazy("Einen Agendapunkt {item_id} gibt es nicht.", item_id=repr(item_id)))
    row = readable("agenda_item", row, DEFAULTS)  # a broken stored value reads as default
    return BlockSwitches(
        bool(row["collection_open"]),
        bool(row["voting_open"]),
        int(row["dot_budget"] or 3),
        bool(row["results_revealed"]),
    )
