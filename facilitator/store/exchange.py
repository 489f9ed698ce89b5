"""Provides the JSON export of a workshop (its ops and readable tables) and its import."""

import json
from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.op_check import BadOp
from facilitator.store.oplog import (
    OP_COLUMNS,
    insert_remote_ops,
    op_from_dict,
    op_to_dict,
    row_to_op,
)
from facilitator.store.queries import rows
from facilitator.store.workshops import workshop_row

FORMAT = "facilitator-export"
FORMAT_VERSION = 1


def _org_ids(store: Store, workshop_id: str) -> set[str]:
    found = rows(
        store,
        """
        SELECT organisation_id AS id FROM participant WHERE workshop_id = ?
        UNION SELECT organisation_id FROM capture WHERE workshop_id = ?""",
        [workshop_id, workshop_id],
    )
    ids = {r["id"] for r in found if r["id"]}
    frontier = set(ids)
    while frontier:  # follow merges so the surviving organisation comes along
        merged = rows(
            store,
            f"SELECT merged_into FROM organisation WHERE id IN ({','.join('?' * len(frontier))})",
            list(frontier),
        )
        frontier = {r["merged_into"] for r in merged if r["merged_into"]} - ids
        ids |= frontier
    return ids


def export_workshop(store: Store, workshop_id: str) -> dict[str, Any]:
    """Return all data of one workshop: the readable tables and the op log behind them."""
    workshop = workshop_row(store, workshop_id)
    org_ids = sorted(_org_ids(store, workshop_id))
    marks = ",".join("?" * len(org_ids))
    op_rows = store.conn.execute(
        f"SELECT {OP_COLUMNS} FROM op WHERE workshop_id = ? "
        f"OR (kind LIKE 'organisation.%' AND json_extract(payload, '$.id') IN ({marks})) "
        "OR (kind LIKE 'series.%' AND json_extract(payload, '$.id') = ?) "
        "ORDER BY hlc, node, uuid",
        [workshop_id, *org_ids, workshop.get("series_id")],
    ).fetchall()

    def table(name: str, where: str, params: list[Any]) -> list[dict[str, Any]]:
        return rows(store, f"SELECT * FROM {name} WHERE {where} ORDER BY id", params)

    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "workshop": workshop,
        "series": table("series", "id = ?", [workshop.get("series_id")]),
        "agenda": table("agenda_item", "workshop_id = ?", [workshop_id]),
        "organisations": table("organisation", f"id IN ({marks})", org_ids),
        "participants": table("participant", "workshop_id = ?", [workshop_id]),
        "captures": table("capture", "workshop_id = ?", [workshop_id]),
        "votes": table("vote", "workshop_id = ?", [workshop_id]),
        "timer_events": table("timer_event", "workshop_id = ?", [workshop_id]),
        "ops": [op_to_dict(row_to_op(r)) for r in op_rows],
    }


def dumps(data: dict[str, Any]) -> str:
    """Return export data as stable, readable JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def import_workshop(store: Store, data: Any, source: str = "JSON") -> int:
    """Import an export (replaying its ops, idempotently); return how many ops were new."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(
            lazy("{source} ist kein facilitator-Export (format fehlt).", source=source)
        )
    if data.get("version") != FORMAT_VERSION:
        raise ValidationError(
            lazy(
                "{source} hat Exportversion {data}; diese Version liest {format_version}.",
                source=source,
                data=repr(data.get("version")),
                format_version=FORMAT_VERSION,
            )
        )
    raw_ops = data.get("ops")
    if not isinstance(raw_ops, list):
        raise ValidationError(lazy("{source} enthält kein Op-Protokoll (ops).", source=source))
    ops = []
    for number, raw in enumerate(raw_ops, start=1):
        try:
            ops.append(op_from_dict(raw))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ValidationError(
                lazy(
                    "{source}: Op Nr. {number} ist beschädigt; nichts importiert.",
                    source=source,
                    number=number,
                )
            ) from None
    try:
        return insert_remote_ops(store, ops)
    except BadOp as err:
        raise ValidationError(
            lazy("{source}: {problem} Nichts importiert.", source=source, problem=err)
        ) from None
