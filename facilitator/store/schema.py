"""Provides the database schema: numbered migrations (sqlite-utils) of the tables in columns.py.

Projection tables carry a `clocks` column: the merge stamp (hlc@node) of the op
that last set each field, so ops from the other laptop apply last-writer-wins per
field, in any order. They declare no foreign keys on purpose: ops from the peer
may arrive before the row they point to; the service layer checks references.
"""

import sqlite3
import sys

from facilitator.store.columns import COLUMNS, DEFAULTS, SCHEMA_VERSION


def _import_sqlite_utils():
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


@migrations(name="0012_org_key")
def m0012_org_key(db: Database) -> None:
    """Find organisations by an indexed normalised name (not a scan), and mark pending ones.

    `name_key` is derived from the name on each laptop when an op sets it (oplog), so it
    is not a replicated column; `pending` is (a moderator's acceptance travels as an op).
    """
    from facilitator.core.clean import name_key

    present = db["organisation"].columns_dict
    if "pending" not in present:
        db["organisation"].add_column("pending", int, not_null_default=0)
    if "name_key" not in present:
        db["organisation"].add_column("name_key", str)
    for org_id, name in db.execute("SELECT id, name FROM organisation").fetchall():
        db.execute("UPDATE organisation SET name_key = ? WHERE id = ?", [name_key(name), org_id])
    db.execute("CREATE INDEX IF NOT EXISTS organisation_name_key ON organisation(name_key)")
    # the cap on names from phones counts the pending ones on every new name
    db.execute(
        "CREATE INDEX IF NOT EXISTS organisation_pending ON organisation(pending) WHERE pending = 1"
    )


@migrations(name="0013_consent")
def m0013_consent(db: Database) -> None:
    """Add consent provenance, the consent texts by version, and erasure tombstones.

    A database created by this version already has the participant columns (0001
    builds tables from COLUMNS); the tables are new either way.
    """
    present = db["participant"].columns_dict
    for column in ("consent_source", "consent_given_at", "consent_withdrawn_at", "client_id"):
        if column not in present:
            db["participant"].add_column(column, str)
    db.execute(
        "UPDATE participant SET consent_given_at = consent_at "
        "WHERE consent = 1 AND consent_given_at IS NULL"
    )
    db["consent_text"].create(
        {"version": str, "lang": str, "scope": str, "text": str, "first_used_at": str},
        pk="version",
        if_not_exists=True,
    )
    db["erasure"].create({"participant_id": str, "erased_at": str}, pk="participant_id")
    db["purged_workshop"].create({"workshop_id": str, "purged_at": str}, pk="workshop_id")
    db["participant"].create_index(["client_id"], if_not_exists=True)


@migrations(name="0014_photos")
def m0014_photos(db: Database) -> None:
    """Add photos (content-addressed JPEGs) and a capture's review order and merge target.

    A database created by this version already has them (0001 builds tables from COLUMNS).
    """
    if "photo" not in db.table_names():
        db["photo"].create(
            {"id": str, **COLUMNS["photo"], "clocks": str},
            pk="id",
            defaults={k: v for k, v in DEFAULTS.items() if k in COLUMNS["photo"]},
        )
    db["photo"].create_index(["workshop_id"], if_not_exists=True)
    present = db["capture"].columns_dict
    for column, kind in (("rank", float), ("merged_into", str)):
        if column not in present:
            db["capture"].add_column(column, kind)
    db["capture"].create_index(["merged_into"], if_not_exists=True)


@migrations(name="0019_wifi")
def m0019_wifi(db: Database) -> None:
    """Add the venue's Wi-Fi name and password (the QR poster prints them).

    A database created by this version already has them (0001 builds tables from COLUMNS).
    """
    present = db["workshop"].columns_dict
    for column in ("wifi_name", "wifi_password"):
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


@migrations(name="0060_beamer_join")
def m0060_beamer_join(db: Database) -> None:
    """Add the workshop's switch for the projector's join corner (shown unless 1)."""
    if "beamer_join_hidden" not in db["workshop"].columns_dict:
        db["workshop"].add_column("beamer_join_hidden", int)


@migrations(name="0061_phone_servers")
def m0061_phone_servers(db: Database) -> None:
    """Add the laptops' phone addresses (a phone moves to the other laptop when one dies)."""
    if not db["phone_server"].exists():
        db["phone_server"].create({"id": str, **COLUMNS["phone_server"], "clocks": str}, pk="id")
