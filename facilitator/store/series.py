"""Provides series services: a workshop series (for example eighteen dates in three months)."""

from facilitator.core.errors import NotFound
from facilitator.core.models import Series
from facilitator.core.rules import check_fields
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import rows


def list_series(store: Store) -> list[Series]:
    """Return every series by name."""
    found = rows(
        store,
        "SELECT * FROM series WHERE deleted = 0 AND name IS NOT NULL ORDER BY name COLLATE NOCASE",
    )
    return [Series.from_row(r) for r in found]


def find_series(store: Store, name_or_id: str) -> Series:
    """Return the series with this name (case-insensitive) or id; NotFound otherwise."""
    key = name_or_id.strip().casefold()
    for series in list_series(store):
        if series.id == name_or_id or series.name.casefold() == key:
            return series
    names = ", ".join(s.name for s in list_series(store)) or "keine"
    raise NotFound(
        lazy(
            "Eine Workshopreihe {name_or_id} gibt es nicht (vorhanden: {names}).",
            name_or_id=repr(name_or_id),
            names=names,
        )
    )


def ensure_series(store: Store, name: str, description: str = "") -> str:
    """Return the id of the series `name`, creating it if new."""
    name, description = check_fields("series", {"name": name, "description": description}).values()
    with store.transaction():
        try:
            return find_series(store, name).id
        except NotFound:
            series_id = store.new_id()
            record(
                store,
                "series.create",
                {"id": series_id, "name": name, "description": description},
                None,
            )
            return series_id


def series_name(store: Store, workshop_id: str) -> str:
    """Return the name of the workshop's series, or "" when it belongs to none."""
    row = store.conn.execute(
        "SELECT s.name FROM workshop w JOIN series s ON s.id = w.series_id "
        "WHERE w.id = ? AND s.deleted = 0",
        [workshop_id],
    ).fetchone()
    return row[0] if row and row[0] else ""
