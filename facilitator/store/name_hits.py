"""Provides finding a person's name forms in free text, and redacting them.

Erasure clears a person's own fields; their name can also stand in what others typed:
a capture's text, a to-do owner ("Erika", "Hans Zeuge, Erika Muster"), a Q&A question,
a word-cloud answer, a photo caption. `name_hits` finds the name forms (full name,
first name, surname: `core.consent_rule.name_forms`) in every such field of the
person's workshop; the moderator decides to redact them all or keep them, in one step.
`redact_hits` records one "<table>.redact" op per row: applied here and on the other
laptop, it sets the field and rewrites every earlier op of that row, so the old words
leave the op log too (`erasure.apply_redact`).
"""

import re
from dataclasses import dataclass
from typing import Any

from facilitator.core.consent_rule import name_forms, name_pattern
from facilitator.core.models import Participant
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import rows

REDACTED = "N. N."
# (table, field, label): every free-text field a person's name may stand in
FIELDS = (
    ("capture", "text", "capture"),
    ("capture", "owner", "owner"),
    ("activity_question", "text", "question"),
    ("activity_answer", "answer_value", "answer"),
    ("photo", "caption", "photo"),
)


@dataclass(frozen=True)
class NameHit:
    """One field that names the person: where, what it says now, and which forms."""

    table: str
    row_id: str
    field: str
    place: str  # capture, owner, question, answer, photo
    text: str
    forms: tuple[str, ...]


def _texts(value: Any) -> list[str]:
    """The strings inside a field (a word-cloud answer is JSON: words, texts)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def _redacted(value: Any, pattern: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return pattern.sub(REDACTED, value)
    if isinstance(value, dict):
        return {k: _redacted(v, pattern) for k, v in value.items()}
    if isinstance(value, list):
        return [_redacted(v, pattern) for v in value]
    return value


def _rows(store: Store, table: str, field: str, workshop_ids: list[str]) -> list[dict]:
    marks = ", ".join("?" * len(workshop_ids))
    deleted = " AND deleted = 0" if table != "activity_answer" else ""
    return rows(
        store,
        f"SELECT id, {field} FROM {table} WHERE workshop_id IN ({marks}) "
        f"AND {field} IS NOT NULL{deleted}",
        workshop_ids,
    )


def name_hits(store: Store, people: list[Participant]) -> list[NameHit]:
    """Return every free-text field of the people's workshops that names one of them."""
    hits: list[NameHit] = []
    by_workshop: dict[str, list[str]] = {}
    for person in people:
        if person.name:
            by_workshop.setdefault(person.workshop_id, []).extend(name_forms(person.name))
    for workshop_id, forms in by_workshop.items():
        pattern = name_pattern(forms)
        if pattern is None:
            continue
        for table, field, place in FIELDS:
            for row in _rows(store, table, field, [workshop_id]):
                texts = _texts(row[field])  # JSON columns come decoded (queries.rows)
                found = sorted({m.group(0) for text in texts for m in pattern.finditer(text)})
                if found:
                    shown = " · ".join(texts)
                    hits.append(NameHit(table, row["id"], field, place, shown, tuple(found)))
    return hits


def redact_hits(store: Store, people: list[Participant], hits: list[NameHit]) -> int:
    """Replace the name forms in each hit's field by "N. N."; return how many fields changed."""
    patterns = {
        person.workshop_id: name_pattern(name_forms(person.name))
        for person in people
        if person.name
    }
    changed = 0
    with store.transaction():
        for hit in hits:
            row = rows(
                store,
                f"SELECT workshop_id, {hit.field} FROM {hit.table} WHERE id = ?",
                [hit.row_id],
            )
            pattern = patterns.get(row[0]["workshop_id"]) if row else None
            if pattern is None:
                continue
            new = _redacted(row[0][hit.field], pattern)
            if new == row[0][hit.field]:
                continue
            record(
                store,
                f"{hit.table}.redact",
                {"id": hit.row_id, hit.field: new},
                row[0]["workshop_id"],
            )
            changed += 1
    return changed
