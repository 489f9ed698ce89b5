"""Provides small read helpers shared by the service modules."""

import json
import sqlite3
from typing import Any

from facilitator.store.columns import JSON_COLUMNS
from facilitator.store.db import Store


def rows(store: Store, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
    """Run a query and return dict rows, JSON columns decoded."""
    cursor = store.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [_decode(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def one(store: Store, sql: str, params: list[Any] | tuple = ()) -> dict[str, Any] | None:
    """Return the first row of a query, or None."""
    found = rows(store, sql, params)
    return found[0] if found else None


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for key in JSON_COLUMNS & row.keys():
        value = row[key]
        if isinstance(value, str):
            try:
                row[key] = json.loads(value)
            except json.JSONDecodeError:
                row[key] = []
        elif value is None:
            row[key] = []
    row.pop("clocks", None)
    return row


def scalar(store: Store, sql: str, params: list[Any] | tuple = ()) -> Any:
    """Return the first column of the first row, or None."""
    row: sqlite3.Row | None = store.conn.execute(sql, params).fetchone()
    return row[0] if row else None
