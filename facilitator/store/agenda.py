"""Provides agenda services: items in order, add, change, move, remove, and the schedule."""

from collections.abc import Mapping
from typing import Any

from facilitator.core.agenda_rules import item_timing
from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.models import AgendaItem
from facilitator.core.rules import check_fields, readable
from facilitator.core.schedule import Schedule, schedule
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.entities import editable_columns
from facilitator.store.oplog import record
from facilitator.store.queries import one, rows

_EDITABLE = editable_columns("agenda_item")  # declared in store/entities.py


def list_items(store: Store, workshop_id: str) -> list[AgendaItem]:
    """Return the workshop's agenda in order."""
    found = rows(
        store,
        "SELECT * FROM agenda_item WHERE workshop_id = ? AND deleted = 0 "
        "AND title IS NOT NULL ORDER BY position, id",
        [workshop_id],
    )
    return [AgendaItem.from_row(r) for r in found]


def get_item(store: Store, item_id: str) -> AgendaItem:
    """Return one agenda item; NotFound if it does not exist."""
    row = one(store, "SELECT * FROM agenda_item WHERE id = ? AND deleted = 0", [item_id])
    if row is None:
        raise NotFound(lazy("Einen Agendapunkt {item_id} gibt es nicht.", item_id=repr(item_id)))
    return AgendaItem.from_row(row)


def _check(fields: dict[str, Any]) -> dict[str, Any]:
    # the rules live in core.rules: sync and `import json` apply the same ones
    return check_fields("agenda_item", fields)


def add_item(
    store: Store,
    workshop_id: str,
    title: str,
    minutes: int,
    *,
    kind: str = "block",
    method: str | None = None,
    capture: list[str] | None = None,
    notes: str = "",
    at: str | None = None,
    after: str | None = None,
) -> str:
    """Add an item at the end of the agenda, or right after the item `after`."""
    fields: dict[str, Any] = {
        "title": title,
        "minutes": minutes,
        "method": method,
        "capture": list(capture or []),
        "notes": notes,
        **item_timing(kind, at),  # a fixed item needs its time, others have none
    }
    fields = _check(fields)
    with store.transaction():
        position = _position_after(store, workshop_id, after)
        item_id = store.new_id()
        record(
            store,
            "agenda_item.add",
            {"id": item_id, "workshop_id": workshop_id, "position": position, **fields},
            workshop_id,
        )
    return item_id


def _position_after(store: Store, workshop_id: str, after: str | None) -> float:
    items = list_items(store, workshop_id)
    if not items:
        return 1.0
    if after is None:
        return items[-1].position + 1.0
    index = next((i for i, it in enumerate(items) if it.id == after), None)
    if index is None:
        raise NotFound(lazy("Einen Agendapunkt {after} gibt es nicht.", after=repr(after)))
    if index == len(items) - 1:
        return items[index].position + 1.0
    return (items[index].position + items[index + 1].position) / 2


def update_item(store: Store, item_id: str, *, batch: str | None = None, **fields: Any) -> None:
    """Change fields of an item (title, minutes, method, collection_open …).

    `batch` groups the ops of one decision (a re-plan) so that one undo reverses them all.
    """
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValidationError(lazy("Unbekannte Felder: {items}.", items=", ".join(sorted(unknown))))
    fields = _check(fields)
    item = get_item(store, item_id)
    before = {k: getattr(item, k) for k in fields}
    payload: dict[str, Any] = {"id": item_id, **fields, "_before": before}
    if batch:
        payload["_batch"] = batch
    record(store, "agenda_item.update", payload, item.workshop_id)


def set_minutes(store: Store, minutes: Mapping[str, int]) -> None:
    """Give several items new lengths (an accepted re-plan): one transaction, one undo."""
    batch = store.new_id()
    with store.transaction():
        for item_id, new_minutes in minutes.items():
            update_item(store, item_id, batch=batch, minutes=new_minutes)


def move_item(store: Store, item_id: str, new_index: int) -> None:
    """Move an item to position `new_index` (0-based) of the agenda: one op, one field."""
    item = get_item(store, item_id)
    others = [it for it in list_items(store, item.workshop_id) if it.id != item_id]
    new_index = max(0, min(new_index, len(others)))
    if not others:
        return
    if new_index == 0:
        position = others[0].position - 1.0
    elif new_index == len(others):
        position = others[-1].position + 1.0
    else:
        position = (others[new_index - 1].position + others[new_index].position) / 2
    record(
        store,
        "agenda_item.move",
        {"id": item_id, "position": position, "_before": {"position": item.position}},
        item.workshop_id,
    )


def remove_item(store: Store, item_id: str) -> None:
    """Remove an item from the agenda (tombstone)."""
    item = get_item(store, item_id)
    record(store, "agenda_item.remove", {"id": item_id, "deleted": 1}, item.workshop_id)


def workshop_schedule(store: Store, workshop_id: str) -> tuple[list[AgendaItem], Schedule]:
    """Return the agenda and its schedule (computed start/end times)."""
    # Only the two times, read here: workshops.py builds agendas with add_item, so
    # importing it back would make the two modules a cycle.
    times = one(
        store, "SELECT start, end FROM workshop WHERE id = ? AND deleted = 0", [workshop_id]
    )
    if times is None:
        raise NotFound(
            lazy(
                "Einen Workshop {workshop_id} gibt es nicht (facilitator list zeigt alle).",
                workshop_id=repr(workshop_id),
            )
        )
    items = list_items(store, workshop_id)
    # a stored time that breaks its rule (an older version let it in) reads as unset
    times = readable("workshop", dict(times), {"start": None, "end": None})
    return items, schedule(items, times["start"] or "09:00", times["end"])


def find_item(store: Store, workshop_id: str, ref: str) -> AgendaItem:
    """Return the workshop's agenda item named by number (1 = first), id or its unique start."""
    items = list_items(store, workshop_id)
    if ref.strip().isdecimal() and 1 <= int(ref) <= len(items):
        return items[int(ref) - 1]
    # an id's start needs four characters: "9" is a number out of range, not the item
    # whose random id happens to begin with 9
    found = [i for i in items if i.id == ref] or [
        i for i in items if len(ref) >= 4 and i.id.startswith(ref)
    ]
    if len(found) == 1:
        return found[0]
    raise NotFound(
        lazy(
            "Einen Agendapunkt {ref} gibt es in diesem Workshop nicht (Nummer 1–{count}).",
            ref=repr(ref),
            count=len(items),
        )
    )
