"""Provides workshop services: create from a template, list, find, update, delete."""

import secrets
from datetime import datetime
from typing import Any

from facilitator.core.agenda_format import AgendaTemplate
from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.models import Workshop
from facilitator.core.rules import check_fields, readable
from facilitator.core.schedule import parse_clock
from facilitator.locale import lazy
from facilitator.store.agenda import add_item
from facilitator.store.db import Store
from facilitator.store.entities import editable_columns
from facilitator.store.oplog import record
from facilitator.store.queries import one, rows

# No 0/O, 1/l/I: a join code is read off a projector and typed on a phone.
JOIN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
JOIN_CODE_LENGTH = 10
# Switches added by later migrations are NULL in older rows: they read as off (0), so an
# edit's `_before` holds 0, which the other laptop's op check takes (not "", which it
# refuses, and with it the whole batch: the workshop never reached laptop B).
_READ_DEFAULTS = {
    "goals": [],
    "distribution": [],
    "lang": "de",
    "phones_share_address": 0,
    "beamer_join_hidden": 0,
}
_EDITABLE = editable_columns("workshop")  # declared in store/entities.py


def new_join_code() -> str:
    """Return a random join code (10 characters: about 49 bits)."""
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def _check_fields(fields: dict[str, Any]) -> dict[str, Any]:
    # the rules live in core.rules: sync and `import json` apply the same ones
    return check_fields("workshop", fields)


def create_workshop(
    store: Store,
    title: str,
    template: AgendaTemplate | None = None,
    *,
    date: str | None = None,
    start: str | None = None,
    venue: str = "",
    series_id: str | None = None,
    **extra: Any,
) -> str:
    """Create a workshop and its agenda from a template; return its id."""
    from_template = _template_fields(template, start)
    fields: dict[str, Any] = {
        "title": title,
        "date": date,
        "start": from_template["start"],
        "end": from_template["end"],
        "venue": venue,
        "series_id": series_id,
        **from_template,
        **{k: v for k, v in extra.items() if k in _EDITABLE},
    }
    fields = _check_fields(fields)
    if template and start and template.end:  # keep the template's length when moved
        fields["end"] = _shift_clock(template.end, _shift(template, start))
    workshop_id = store.new_id()
    with store.transaction():
        record(
            store,
            "workshop.create",
            {
                "id": workshop_id,
                **fields,
                "join_code": new_join_code(),
                # milliseconds: two workshops made in one second must not tie for "newest"
                "created_at": datetime.fromtimestamp(store.now_ms() / 1000).isoformat(
                    "T", "milliseconds"
                ),
            },
            workshop_id,
        )
        if template:
            _add_template_items(store, workshop_id, template, start)
    return workshop_id


def _template_fields(template: AgendaTemplate | None, start: str | None) -> dict[str, Any]:
    """What a workshop takes from its template (or the defaults without one)."""
    if template is None:
        return {
            "start": start or "09:00",
            "end": None,
            "lang": "de",
            "description": "",
            "goals": [],
        }
    return {
        "start": start or template.start,
        "end": template.end,
        "lang": template.lang,
        "description": template.description,
        "goals": template.goals,
    }


def _shift(template: AgendaTemplate, start: str | None) -> int:
    """Minutes the workshop starts later (+) or earlier (-) than its template."""
    return parse_clock(start) - parse_clock(template.start) if start else 0


def _add_template_items(
    store: Store, workshop_id: str, template: AgendaTemplate, start: str | None
) -> None:
    """The template's items in order; fixed times move with the workshop's start."""
    for item in template.items:
        at = item.at
        if at and start:
            at = _shift_clock(at, _shift(template, start))
        add_item(
            store,
            workshop_id,
            item.title,
            item.minutes,
            kind=item.kind,
            method=item.method,
            capture=item.capture,
            notes=item.notes,
            at=at,
        )


def _shift_clock(clock: str, minutes: int) -> str:
    from facilitator.core.schedule import format_clock

    return format_clock(parse_clock(clock) + minutes)


def list_workshops(store: Store) -> list[dict[str, Any]]:
    """Return all workshops, newest first, with counts of items, captures, participants.

    Ties of `created_at` (older rows have one-second resolution) go by the creating op's
    hybrid clock: the same order on both laptops, whatever order sync brought them in.
    """
    return rows(
        store,
        """
        SELECT w.*,
          (SELECT count(*) FROM agenda_item a WHERE a.workshop_id = w.id AND a.deleted = 0)
            AS items,
          (SELECT count(*) FROM capture c WHERE c.workshop_id = w.id AND c.deleted = 0)
            AS captures,
          (SELECT count(*) FROM participant p WHERE p.workshop_id = w.id AND p.deleted = 0)
            AS participants
        FROM workshop w WHERE w.deleted = 0 AND w.title IS NOT NULL
        ORDER BY w.created_at DESC,
          (SELECT min(o.hlc) FROM op o
            WHERE o.workshop_id = w.id AND o.kind = 'workshop.create') DESC,
          w.id""",
    )


def get_workshop(store: Store, workshop_id: str) -> Workshop:
    """Return a workshop by id or unique id prefix; NotFound otherwise."""
    # A prefix compared literally (case aside, as LIKE did): with LIKE, "_" or "" would
    # pick the only workshop there is.
    found = (
        rows(
            store,
            "SELECT * FROM workshop WHERE deleted = 0 AND title IS NOT NULL "
            "AND substr(lower(id), 1, ?) = lower(?) ORDER BY id",
            [len(workshop_id), workshop_id],
        )
        if workshop_id
        else []
    )
    exact = [r for r in found if r["id"] == workshop_id]
    if exact or len(found) == 1:
        return Workshop.from_row((exact or found)[0])
    if not found:
        raise NotFound(
            lazy(
                "Einen Workshop {workshop_id} gibt es nicht (facilitator list zeigt alle).",
                workshop_id=repr(workshop_id),
            )
        )
    raise NotFound(
        lazy(
            "„{workshop_id}“ passt auf mehrere Workshops; bitte mehr Zeichen angeben.",
            workshop_id=workshop_id,
        )
    )


def workshop_row(store: Store, workshop_id: str) -> dict[str, Any]:
    """Return every stored field of a workshop (goals, distribution decoded)."""
    row = one(store, "SELECT * FROM workshop WHERE id = ?", [workshop_id])
    if row is None:
        raise NotFound(
            lazy("Einen Workshop {workshop_id} gibt es nicht.", workshop_id=repr(workshop_id))
        )
    # a stored value that breaks its rule (an older version let it in) reads as empty
    return readable("workshop", row, _READ_DEFAULTS)


def latest_workshop(store: Store) -> Workshop:
    """Return the most recently created workshop; NotFound if there is none."""
    found = list_workshops(store)
    if not found:
        raise NotFound(
            lazy(
                "Es gibt noch keinen Workshop. Legen Sie einen an: facilitator new TITEL "
                "--agenda DATEI"
            )
        )
    return Workshop.from_row(found[0])


def resolve_workshop(store: Store, workshop_id: str | None) -> Workshop:
    """Return the named workshop, or the most recent one when no id is given."""
    return get_workshop(store, workshop_id) if workshop_id else latest_workshop(store)


def update_workshop(store: Store, workshop_id: str, **fields: Any) -> None:
    """Change fields of a workshop (title, date, venue, next_date …)."""
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValidationError(lazy("Unbekannte Felder: {items}.", items=", ".join(sorted(unknown))))
    fields = _check_fields(fields)
    before = workshop_row(store, workshop_id)
    record(
        store,
        "workshop.update",
        {"id": workshop_id, **fields, "_before": {k: before.get(k) for k in fields}},
        workshop_id,
    )


def delete_workshop(store: Store, workshop_id: str) -> None:
    """Delete a workshop (a tombstone: its data stays in the op log)."""
    get_workshop(store, workshop_id)
    record(store, "workshop.delete", {"id": workshop_id, "deleted": 1}, workshop_id)


def erase_workshops(store: Store, workshop_ids: list[str]) -> int:
    """Delete workshops to the bytes (people, captures, photos, answers, ops) in one transaction.

    Each becomes a "workshop.erase" op (store/workshop_erasure.py) that the other laptop
    applies too; its tombstone keeps old ops, a JSON import or the peer from bringing
    it back. Returns how many were erased.
    """
    from facilitator.store.workshop_erasure import WORKSHOP_ERASE_KIND

    with store.transaction():
        for workshop_id in workshop_ids:
            record(store, WORKSHOP_ERASE_KIND, {"id": workshop_id}, workshop_id)
    return len(workshop_ids)


def series_workshops(store: Store, series_id: str) -> list[dict[str, Any]]:
    """Return the (not yet erased) workshops of a series, newest first."""
    return [w for w in list_workshops(store) if w["series_id"] == series_id]


def workshop_erased(store: Store, workshop_id: object) -> bool:
    """Return whether this workshop was deleted to the bytes (its tombstone exists)."""
    from facilitator.store.workshop_erasure import is_workshop_erased

    return is_workshop_erased(store.conn, workshop_id)
