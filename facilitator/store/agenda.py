"""Provides agenda services: items in order, add, change, move, remove, and the schedule."""

from typing import Any

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.models import AgendaItem
from facilitator.core.schedule import Schedule, parse_clock, schedule
from facilitator.core.taxonomy import AGENDA_KINDS, CAPTURE_KINDS
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import one, rows, scalar
from facilitator.store.workshops import get_workshop

_EDITABLE = {
    "title",
    "minutes",
    "kind",
    "at",
    "method",
    "capture",
    "notes",
    "collection_open",
    "voting_open",
    "dot_budget",
    "results_revealed",
}


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
        raise NotFound(
            f"Einen Agendapunkt {item_id!r} gibt es nicht.",
            en=f"There is no agenda item {item_id!r}.",
        )
    return AgendaItem.from_row(row)


def _check(fields: dict[str, Any]) -> None:
    if "title" in fields and not str(fields["title"] or "").strip():
        raise ValidationError(
            "Der Titel eines Agendapunkts darf nicht leer sein.",
            en="The title of an agenda item must not be empty.",
        )
    if "minutes" in fields:
        minutes = fields["minutes"]
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 600:
            raise ValidationError(
                f"Die Dauer muss 1 bis 600 Minuten sein, nicht {minutes!r}.",
                en=f"The duration must be 1 to 600 minutes, not {minutes!r}.",
            )
    if fields.get("kind", "block") not in AGENDA_KINDS:
        raise ValidationError(
            f"Unbekannte Art {fields['kind']!r}; erlaubt: {', '.join(AGENDA_KINDS)}.",
            en=f"Unknown kind {fields['kind']!r}; allowed: {', '.join(AGENDA_KINDS)}.",
        )
    if fields.get("at"):
        try:
            parse_clock(fields["at"])
        except ValueError as err:
            raise ValidationError(str(err), en=f"{fields['at']!r} is not a time HH:MM.") from None
    bad = [c for c in fields.get("capture") or [] if c not in CAPTURE_KINDS]
    if bad:
        raise ValidationError(
            f"Unbekannte Erfassungsart {bad[0]!r}; erlaubt: {', '.join(CAPTURE_KINDS)}.",
            en=f"Unknown capture kind {bad[0]!r}; allowed: {', '.join(CAPTURE_KINDS)}.",
        )
    if "dot_budget" in fields and not 1 <= int(fields["dot_budget"]) <= 20:
        raise ValidationError(
            "Das Punktebudget muss zwischen 1 und 20 liegen.",
            en="The dot budget must be between 1 and 20.",
        )


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
    fields = {
        "title": title.strip(),
        "minutes": minutes,
        "kind": kind,
        "method": method,
        "capture": list(capture or []),
        "notes": notes,
        "at": at if kind == "pinned" else None,
    }
    _check(fields)
    if kind == "pinned" and not at:
        raise ValidationError(
            "Ein fester Termin braucht eine Uhrzeit (at).",
            en="A fixed time needs a clock time (at).",
        )
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
        raise NotFound(
            f"Einen Agendapunkt {after!r} gibt es nicht.", en=f"There is no agenda item {after!r}."
        )
    if index == len(items) - 1:
        return items[index].position + 1.0
    return (items[index].position + items[index + 1].position) / 2


def update_item(store: Store, item_id: str, **fields: Any) -> None:
    """Change fields of an item (title, minutes, method, collection_open …)."""
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValidationError(
            f"Unbekannte Felder: {', '.join(sorted(unknown))}.",
            en=f"Unknown fields: {', '.join(sorted(unknown))}.",
        )
    _check(fields)
    item = get_item(store, item_id)
    before = {k: getattr(item, k) for k in fields}
    record(
        store, "agenda_item.update", {"id": item_id, **fields, "_before": before}, item.workshop_id
    )


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
    workshop = get_workshop(store, workshop_id)
    items = list_items(store, workshop_id)
    return items, schedule(items, workshop.start or "09:00", workshop.end)


def item_count(store: Store, workshop_id: str) -> int:
    return scalar(
        store,
        "SELECT count(*) FROM agenda_item WHERE workshop_id = ? AND deleted = 0",
        [workshop_id],
    )


def find_item(store: Store, workshop_id: str, ref: str) -> AgendaItem:
    """Return the workshop's agenda item named by id, unique id prefix or number (1 = first)."""
    items = list_items(store, workshop_id)
    if ref.strip().isdecimal() and 1 <= int(ref) <= len(items):
        return items[int(ref) - 1]
    found = [i for i in items if i.id == ref] or [i for i in items if ref and i.id.startswith(ref)]
    if len(found) == 1:
        return found[0]
    raise NotFound(
        f"Einen Agendapunkt {ref!r} gibt es in diesem Workshop nicht (Nummer 1–{len(items)}).",
        en=f"This workshop has no agenda item {ref!r} (number 1–{len(items)}).",
    )
