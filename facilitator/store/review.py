"""Provides the review services: merge near-duplicates, order entries within a group.

Used by the app's review screen before the protocol goes out. Every change is an
op (capture.edit), so the other laptop sees the same review. A merged capture
keeps its row, text, organisation and dots; it is left out of lists and its dots
count for the capture it was merged into (store/captures.py's total).
"""

from dataclasses import dataclass

from facilitator.core.errors import ValidationError
from facilitator.core.models import Capture
from facilitator.locale import lazy
from facilitator.store.captures import get_capture, list_captures, update_capture
from facilitator.store.db import Store

SIMILAR_AT = 80  # rapidfuzz token_set_ratio from which two entries count as near-duplicates
MAX_SUGGESTIONS = 50


@dataclass(frozen=True)
class MergeSuggestion:
    keep: Capture
    other: Capture
    score: int


def merge_captures(store: Store, keep_id: str, other_id: str) -> None:
    """Merge `other` into `keep`; captures merged into `other` follow it."""
    keep, other = get_capture(store, keep_id), get_capture(store, other_id)
    if keep.id == other.id:
        raise ValidationError(
            lazy("Ein Eintrag kann nicht mit sich selbst zusammengeführt werden.")
        )
    if keep.workshop_id != other.workshop_id:
        raise ValidationError(lazy("Nur Einträge desselben Workshops lassen sich zusammenführen."))
    if keep.merged_into or other.merged_into:
        raise ValidationError(lazy("Dieser Eintrag ist schon zusammengeführt."))
    with store.transaction():
        for child in merged_into(store, other.workshop_id).get(other.id, []):
            update_capture(store, child.id, merged_into=keep.id)
        update_capture(store, other.id, merged_into=keep.id)


def unmerge_all(store: Store, keep_id: str) -> int:
    """Take every capture merged into `keep_id` out again; return how many."""
    keep = get_capture(store, keep_id)
    children = merged_into(store, keep.workshop_id).get(keep.id, [])
    with store.transaction():
        for child in children:
            update_capture(store, child.id, merged_into=None)
    return len(children)


def merged_into(store: Store, workshop_id: str) -> dict[str, list[Capture]]:
    """Return, per capture id, the captures merged into it (oldest first)."""
    out: dict[str, list[Capture]] = {}
    for capture in list_captures(store, workshop_id, include_merged=True):
        if capture.merged_into:
            out.setdefault(capture.merged_into, []).append(capture)
    return out


def cycle_status(store: Store, capture_id: str) -> str:
    """Set a measure's next status (idee → geplant → in_umsetzung → abgeschlossen → idee)."""
    from facilitator.core.taxonomy import MEASURE_STATUSES

    capture = get_capture(store, capture_id)
    if capture.kind != "measure":
        raise ValidationError(lazy("Einen Status haben nur Maßnahmen."))
    statuses = list(MEASURE_STATUSES)
    current = statuses.index(capture.status) if capture.status in statuses else -1
    following = statuses[(current + 1) % len(statuses)]
    update_capture(store, capture_id, status=following)
    return following


def set_order(store: Store, capture_ids: list[str]) -> None:
    """Store the order of one group's entries (first = 1) as one transaction."""
    with store.transaction():
        for rank, capture_id in enumerate(capture_ids, 1):
            update_capture(store, capture_id, rank=float(rank))


def merge_suggestions(captures: list[Capture]) -> list[MergeSuggestion]:
    """Return pairs of the same kind whose texts are near-duplicates, most similar first.

    The moderator confirms each; nothing is merged here. Pairs are compared within a
    kind only, and the capture with more dots (or the older one) is the one kept.
    """
    from rapidfuzz import fuzz, process

    found: list[MergeSuggestion] = []
    by_kind: dict[str, list[Capture]] = {}
    for capture in captures:
        by_kind.setdefault(capture.kind, []).append(capture)
    for group in by_kind.values():
        texts = [c.text.casefold() for c in group]
        scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, score_cutoff=SIMILAR_AT)
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                if scores[i][j]:
                    a, b = group[i], group[j]
                    keep, other = (b, a) if b.votes > a.votes else (a, b)
                    found.append(MergeSuggestion(keep, other, int(scores[i][j])))
    found.sort(key=lambda s: -s.score)
    return found[:MAX_SUGGESTIONS]
