"""Provides the dot vote's ballot: a chosen set of entries, and merging near-duplicates first.

The ballot is chosen when the vote starts — all of the workshop's entries, a block's,
a kind's or a hand-picked list — so a gallery walk can vote on what earlier blocks
collected. Near-duplicates are only proposed; a moderator confirms each merge.
"""

from typing import Any

from rapidfuzz import fuzz

from facilitator.core.activity_words import word_key
from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.models import Capture
from facilitator.core.taxonomy import ROOM_KINDS
from facilitator.locale import lazy, lazy_context
from facilitator.store.activities import get_activity
from facilitator.store.captures import check_kind, get_capture, list_captures, update_capture
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.timer import current_item

NEAR = 88  # token-set similarity (0–100) from which two entries are proposed as one


def choose_ballot(
    store: Store, workshop_id: str, spec: list[str], item_id: str | None = None
) -> list[str]:
    """Return the capture ids for `spec`: ["all"], ["block"], ["kind:need"] or ids/id prefixes.

    "block" means `item_id`, else the running block. Only visible entries qualify.
    """
    # only what the room contributes goes to phones: no notes, to-dos, decisions (23.6)
    visible = [
        c for c in list_captures(store, workshop_id, include_hidden=False) if c.kind in ROOM_KINDS
    ]
    chosen = _selected(store, workshop_id, visible, spec, item_id)
    if not chosen:
        raise ValidationError(lazy_context("Punktabfrage", "Noch keine Einträge zur Abstimmung."))
    return [c.id for c in chosen]


def _selected(
    store: Store, workshop_id: str, visible: list[Capture], spec: list[str], item_id: str | None
) -> list[Capture]:
    if spec in ([], ["all"]):
        return visible
    if spec == ["block"]:
        return _in_block(visible, item_id or _running_block(store, workshop_id))
    if len(spec) == 1 and spec[0].startswith("kind:"):
        kind = check_kind(spec[0][5:])
        return [c for c in visible if c.kind == kind]
    return [_one_entry(visible, given) for given in spec]


def _running_block(store: Store, workshop_id: str) -> str | None:
    item = current_item(store, workshop_id)
    return item.id if item else None


def _in_block(visible: list[Capture], block: str | None) -> list[Capture]:
    return [c for c in visible if block and c.agenda_item_id == block]


def _one_entry(visible: list[Capture], given: str) -> Capture:
    """The one visible entry whose id begins with `given`; NotFound for none or several."""
    hits = [c for c in visible if given and c.id.startswith(given)]
    if len(hits) != 1:
        raise NotFound(
            lazy("Einen Eintrag {given} gibt es nicht (oder nicht eindeutig).", given=repr(given))
        )
    return hits[0]


def near_duplicates(entries: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """Return pairs (keep id, duplicate id, similarity) of entries that say nearly the same."""
    keys = [(e["id"], " ".join(word_key(w) for w in e["text"].split())) for e in entries]
    pairs = []
    for i, (first, first_key) in enumerate(keys):
        for second, second_key in keys[i + 1 :]:
            score = int(fuzz.token_set_ratio(first_key, second_key))
            if first_key and score >= NEAR:
                pairs.append((first, second, score))
    return pairs


def merge_entries(store: Store, activity_id: str, keep_id: str, duplicate_id: str) -> None:
    """Merge a duplicate entry into another before the vote: hidden, off the ballot.

    The duplicate's flipchart dots move to the kept entry, so nothing counted is lost.
    """
    activity = get_activity(store, activity_id)
    ballot = activity["config"].get("ballot") or []
    if activity["type"] != "dots" or keep_id not in ballot or duplicate_id not in ballot:
        raise ValidationError(lazy("Beide Einträge müssen auf dem Stimmzettel stehen."))
    if keep_id == duplicate_id:
        raise ValidationError(lazy("Ein Eintrag mit sich selbst?"))
    keep, duplicate = get_capture(store, keep_id), get_capture(store, duplicate_id)
    with store.transaction():
        if duplicate.votes:
            update_capture(store, keep.id, votes=keep.votes + duplicate.votes)
        update_capture(store, duplicate.id, hidden=1)
        # Dots phones already gave the duplicate count for the kept entry.
        merged = {**activity["config"].get("merged", {}), duplicate_id: keep.id}
        config = {
            **activity["config"],
            "ballot": [b for b in ballot if b != duplicate_id],
            "merged": merged,
        }
        record(
            store,
            "activity.edit",
            {"id": activity["id"], "activity_config": config},
            activity["workshop_id"],
        )
