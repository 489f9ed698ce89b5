"""Provides the database schema: numbered migrations (sqlite-utils) of the tables in columns.py.

Projection tables carry a `clocks` column: the merge stamp (hlc@node) of the op
that last set each field, so ops from the other laptop apply last-writer-wins per
field, in any order. They declare no foreign keys on purpose: ops from the peer
may arrive before the row they point to; the service layer checks references.
"""

import sqlite3
import sys

from facilitator.store.columns import COLUMNS, DEFAULTS, SCHEMA_VERSION


def _import_sqlite_utils():  # noqa: ANN202 - returns the module
    """Import sqlite-utils with numpy and pandas marked missing while it loads.

    sqlite-utils imports them (if installed) only to map their number types to
    column types; we never store numpy or pandas values, and the imports cost
    0.1–0.2 s on the way to the app's first paint. A later real import (charts)
    is unaffected: the marks are removed right after.
    """
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils


_sqlite_utils = _import_sqlite_utils()
Database, Migrations = _sqlite_utils.Database, _sqlite_utils.Migrations

migrations = Migrations("facilitator")


def migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations and stamp the schema version, under the write lock.

    A second process starting at the same time waits for the lock, then finds
    nothing pending.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(Database(conn))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    """Create the op log, the projections and meta."""
    db["meta"].create({"key": str, "value": str}, pk="key")
    db.execute(
        """CREATE TABLE op (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            hlc TEXT NOT NULL,
            node TEXT NOT NULL,
            kind TEXT NOT NULL,
            workshop_id TEXT,
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX op_workshop ON op(workshop_id)")
    for table, columns in COLUMNS.items():
        db[table].create(
            {"id": str, **columns, "clocks": str},
            pk="id",
            defaults={k: v for k, v in DEFAULTS.items() if k in columns},
        )
    db["timer_event"].create(
        {
            "id": str,
            "workshop_id": str,
            "item_id": str,
            "kind": str,
            "at_ms": int,
            "minutes": int,
            "hlc": str,
            "node": str,
        },
        pk="id",
    )
    db["sync_peer"].create(
        {"node": str, "url": str, "cursor": int, "pushed": int, "last_seen": str}, pk="node"
    )
    for table, column in [
        ("agenda_item", "workshop_id"),
        ("capture", "workshop_id"),
        ("participant", "workshop_id"),
        ("vote", "capture_id"),
        ("timer_event", "workshop_id"),
        ("vote", "workshop_id"),
    ]:
        db[table].create_index([column])


@migrations(name="0002_series")
def m0002_series(db: Database) -> None:
    """Add the next date's start time and venue (the follow-up invitation needs them).

    A database created by this version already has them (0001 builds tables from COLUMNS).
    """
    present = db["workshop"].columns_dict
    for column in ("next_start", "next_venue"):
        if column not in present:
            db["workshop"].add_column(column, str)


@migrations(name="0016_activities")
def m0016_activities(db: Database) -> None:
    """Add the activities, their answers and the Q&A's questions (a new database has them)."""
    for table in ("activity", "activity_answer", "activity_question"):
        if not db[table].exists():
            db[table].create(
                {"id": str, **COLUMNS[table], "clocks": str},
                pk="id",
                defaults={k: v for k, v in DEFAULTS.items() if k in COLUMNS[table]},
            )
    db["activity"].create_index(["workshop_id"], if_not_exists=True)
    db["activity_answer"].create_index(["activity_id"], if_not_exists=True)
    db["activity_question"].create_index(["activity_id"], if_not_exists=True)
