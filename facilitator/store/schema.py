"""Provides the database schema: numbered migrations and the projection columns.

Projection tables carry a `clocks` column: the merge stamp (hlc@node) of the op
that last set each field, so ops from the other laptop apply last-writer-wins per
field, in any order. They declare no foreign keys on purpose: ops from the peer
may arrive before the row they point to; the service layer checks references.
"""

from sqlite_utils import Database, Migrations

SCHEMA_VERSION = 2

# Projection columns per entity table (besides id and clocks). JSON columns hold lists.
COLUMNS: dict[str, dict[str, type]] = {
    "series": {"name": str, "description": str, "deleted": int},
    "workshop": {
        "title": str,
        "date": str,
        "start": str,
        "end": str,
        "venue": str,
        "series_id": str,
        "lang": str,
        "description": str,
        "goals": str,
        "moderation": str,
        "minute_taker": str,
        "distribution": str,
        "next_date": str,
        "next_start": str,  # since 0002: start time and venue of the next date (ics)
        "next_venue": str,
        "next_steps": str,
        "join_code": str,
        "created_at": str,
        "deleted": int,
    },
    "agenda_item": {
        "workshop_id": str,
        "position": float,
        "title": str,
        "minutes": int,
        "kind": str,
        "at": str,
        "method": str,
        "capture": str,
        "notes": str,
        "collection_open": int,
        "voting_open": int,
        "dot_budget": int,
        "results_revealed": int,
        "deleted": int,
    },
    "organisation": {
        "name": str,
        "org_type": str,
        "municipality": str,
        "merged_into": str,
        "deleted": int,
    },
    "participant": {
        "workshop_id": str,
        "name": str,
        "organisation_id": str,
        "email": str,
        "consent": int,
        "consent_at": str,
        "consent_text_version": str,
        "present": int,
        "role": str,
        "source": str,
        "created_at": str,
        "deleted": int,
    },
    "capture": {
        "workshop_id": str,
        "agenda_item_id": str,
        "kind": str,
        "text": str,
        "topic": str,
        "organisation_id": str,
        "status": str,
        "owner": str,
        "due": str,
        "votes": int,
        "source": str,
        "author": str,
        "hidden": int,
        "created_at": str,
        "hlc": str,
        "deleted": int,
    },
    "vote": {
        "workshop_id": str,
        "capture_id": str,
        "agenda_item_id": str,
        "voter": str,
        "dots": int,
    },
}
JSON_COLUMNS = {"goals", "capture", "distribution"}
DEFAULTS = {
    "deleted": 0,
    "hidden": 0,
    "votes": 0,
    "present": 0,
    "consent": 0,
    "collection_open": 0,
    "voting_open": 0,
    "results_revealed": 0,
    "dot_budget": 3,
}

migrations = Migrations("facilitator")


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
