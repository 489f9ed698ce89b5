"""Provides capture services: challenges, needs, drivers, measures, to-dos … and their votes."""

from datetime import datetime
from typing import Any

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.fields import TEXT_MAX
from facilitator.core.models import Capture
from facilitator.core.rules import check_fields
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.entities import editable_columns
from facilitator.store.oplog import record
from facilitator.store.organisations import ensure_organisation
from facilitator.store.queries import one, rows

MAX_TEXT = TEXT_MAX
_EDITABLE = editable_columns("capture")  # declared in store/entities.py

# Dots phones gave an entry in a dot-vote activity (answer {"dots": {capture_id: n}}); a
# ballot entry merged into another (the activity's "merged") counts for the kept one.
# Broken JSON from a peer counts nothing rather than failing the whole list.
_ACTIVITY_DOTS = """coalesce((SELECT sum(j.value) FROM activity_answer a
      JOIN activity act ON act.id = a.activity_id AND act.type = 'dots' AND act.deleted = 0,
      json_each(CASE WHEN json_valid(a.answer_value) THEN a.answer_value ELSE '{}' END,
        '$.dots') j
      WHERE a.workshop_id = {c}.workshop_id AND j.type = 'integer' AND j.value > 0
        AND coalesce(json_extract(CASE WHEN json_valid(act.activity_config)
          THEN act.activity_config ELSE '{}' END, '$.merged."' || j.key || '"'), j.key) = {c}.id
    ), 0)"""


def _activity_dots(alias: str) -> str:
    return _ACTIVITY_DOTS.replace("{c}", alias)


# One notion of points: flipchart dots + the block's phone dots + dot-vote activities.
_SELECT = f"""
    SELECT c.*, coalesce(o.name, '') AS organisation,
      c.votes + coalesce((SELECT sum(v.dots) FROM vote v WHERE v.capture_id = c.id), 0)
      + {_activity_dots("c")}
      -- merged near-duplicates keep their dots: they count for the entry they went into
      + coalesce((SELECT sum(m.votes + coalesce(
            (SELECT sum(v2.dots) FROM vote v2 WHERE v2.capture_id = m.id), 0)
            + {_activity_dots("m")})
          FROM capture m WHERE m.merged_into = c.id AND m.deleted = 0), 0)
        AS total_votes
    FROM capture c
    LEFT JOIN organisation o0 ON o0.id = c.organisation_id
    -- an organisation merged into another shows as the one that survived
    LEFT JOIN organisation o ON o.id = coalesce(o0.merged_into, o0.id)
"""


def check_kind(kind: str) -> str:
    """Return the capture kind named (key or label in de/en); ValidationError lists all."""
    return check_fields("capture", {"kind": kind})["kind"]


def check_topic(topic: str | None) -> str | None:
    """Return the topic field named, or None; ValidationError lists all."""
    return check_fields("capture", {"topic": topic or None})["topic"]


def _check_fields(fields: dict[str, Any]) -> dict[str, Any]:
    # the rules live in core.rules: sync and `import json` apply the same ones
    return check_fields("capture", fields)


def add_capture(
    store: Store,
    workshop_id: str,
    kind: str,
    text: str,
    *,
    topic: str | None = None,
    organisation: str | None = None,
    agenda_item_id: str | None = None,
    status: str | None = None,
    owner: str | None = None,
    due: str | None = None,
    source: str = "moderator",
    author: str = "",
    capture_id: str | None = None,
) -> str:
    """Record one capture; it is on disk when this returns. Returns its id."""
    fields = _check_fields(
        {"kind": kind, "text": text, "topic": topic, "status": status, "due": due}
    )
    owner, author = _check_fields({"owner": owner or None, "author": author}).values()
    if fields["kind"] == "measure" and not fields["status"]:
        fields["status"] = "idee"
    with store.transaction():
        # what a phone types does not join the shared list until a moderator accepts it
        org_id = (
            ensure_organisation(store, organisation, pending=source == "participant")
            if organisation
            else None
        )
        capture_id = capture_id or store.new_id()
        record(
            store,
            "capture.add",
            {
                "id": capture_id,
                "workshop_id": workshop_id,
                "agenda_item_id": agenda_item_id,
                **fields,
                "organisation_id": org_id,
                "owner": owner or None,
                "source": source,
                "author": author,
                "votes": 0,
                "hidden": 0,
                "created_at": datetime.fromtimestamp(store.now_ms() / 1000).isoformat(
                    "T", "seconds"
                ),
            },
            workshop_id,
        )
    return capture_id


def get_capture(store: Store, capture_id: str, *, deleted: bool = False) -> Capture:
    """Return one capture; NotFound if it does not exist (or was deleted)."""
    where = "" if deleted else " AND c.deleted = 0"
    row = one(store, _SELECT + " WHERE c.id = ?" + where, [capture_id])
    if row is None:
        raise NotFound(
            lazy("Einen Eintrag {capture_id} gibt es nicht.", capture_id=repr(capture_id))
        )
    return Capture.from_row(row)


def list_captures(
    store: Store,
    workshop_id: str,
    *,
    kind: str | None = None,
    topic: str | None = None,
    organisation_id: str | None = None,
    agenda_item_id: str | None = None,
    include_hidden: bool = True,
    include_merged: bool = False,
) -> list[Capture]:
    """Return the workshop's captures, oldest first, with their vote totals.

    Captures merged into another are left out unless `include_merged`: their dots
    count for the one they were merged into.
    """
    where, params = ["c.workshop_id = ?", "c.deleted = 0", "c.text IS NOT NULL"], [workshop_id]
    if not include_merged:
        where.append("c.merged_into IS NULL")
    for column, value in (
        ("c.kind", kind),
        ("c.topic", topic),
        ("c.organisation_id", organisation_id),
        ("c.agenda_item_id", agenda_item_id),
    ):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if not include_hidden:
        where.append("c.hidden = 0")
    found = rows(store, _SELECT + " WHERE " + " AND ".join(where) + " ORDER BY c.hlc, c.id", params)
    result = []
    for row in found:
        capture = Capture.from_row(row)
        capture.votes = row["total_votes"]
        result.append(capture)
    return result


def update_capture(store: Store, capture_id: str, **fields: Any) -> None:
    """Edit a capture (text, kind, topic, status, owner, due, votes …); undo keeps `_before`."""
    organisation = fields.pop("organisation", None)
    unknown = set(fields) - _EDITABLE
    if unknown:
        raise ValidationError(lazy("Unbekannte Felder: {items}.", items=", ".join(sorted(unknown))))
    fields = _check_fields(fields)
    current = get_capture(store, capture_id)
    with store.transaction():
        if organisation is not None:
            fields["organisation_id"] = (
                ensure_organisation(store, organisation) if organisation else None
            )
        # as stored (votes: the flipchart count, not the total with phone votes); a
        # declared column the model does not show yet is undone like any other
        stored = one(store, "SELECT * FROM capture WHERE id = ?", [capture_id]) or {}
        before = {k: stored.get(k) for k in fields}
        record(
            store,
            "capture.edit",
            {"id": capture_id, **fields, "_before": before},
            current.workshop_id,
        )


def delete_capture(store: Store, capture_id: str) -> None:
    """Delete a capture (tombstone; undo restores it)."""
    current = get_capture(store, capture_id)
    record(store, "capture.delete", {"id": capture_id, "deleted": 1}, current.workshop_id)


def restore_capture(store: Store, capture_id: str) -> None:
    """Bring back a deleted capture."""
    current = get_capture(store, capture_id, deleted=True)
    record(store, "capture.restore", {"id": capture_id, "deleted": 0}, current.workshop_id)


def set_flipchart_votes(store: Store, capture_id: str, dots: int) -> None:
    """Enter the dots counted on a flipchart for a capture."""
    update_capture(store, capture_id, votes=dots)


def count_from_phones(store: Store, workshop_id: str, agenda_item_id: str | None = None) -> int:
    """Return how many captures phones have sent to a workshop (or one block), deleted too.

    The participant server caps these; what the moderators removed still counts, or
    deleting a flood would only make room for the next one.
    """
    sql = "SELECT count(*) AS n FROM capture WHERE workshop_id = ? AND source = 'participant'"
    params = [workshop_id]
    if agenda_item_id is not None:
        sql += " AND agenda_item_id = ?"
        params.append(agenda_item_id)
    row = one(store, sql, params)
    return int(row["n"]) if row else 0
