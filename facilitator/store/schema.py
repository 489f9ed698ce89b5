"""Provides the database schema as history: named migrations, each applied once, in run order.

Every step is recorded by name in `_sqlite_migrations` (sqlite-utils' table) and applied
exactly once, in the order declared here, whatever `PRAGMA user_version` says: several
branches once added steps that all stamped version 3, and a version gate in front of
them skipped them on users' databases. Names are numbered in run order; 0001 is the
first release's schema (7a78192) as literal SQL and every later step says what it adds,
so a new database is built by the same steps an old one was upgraded by, never from
today's column list. Importing this module is cheap: sqlite-utils (which loads numpy)
is imported only when a step is pending (see `pending_names`, used by store/db.py).

Projection tables carry a `clocks` column: the merge stamp (hlc@node) of the op
that last set each field, so ops from the other laptop apply last-writer-wins per
field, in any order. They declare no foreign keys on purpose: ops from the peer
may arrive before the row they point to; the service layer checks references.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator.store.columns import CACHE_COLUMNS, COLUMNS, DEFAULTS, SCHEMA_VERSION
from facilitator.store.schema_sql import ACTIVITIES, PHOTO, RELEASE_7A78192

if TYPE_CHECKING:
    from sqlite_utils import Database as _Database
    from sqlite_utils.db import Table

    class Database(_Database):
        """The migrations' view of sqlite-utils: `db[name]` is a table (they make no views)."""

        def __getitem__(self, table_name: str) -> Table: ...


MIGRATION_SET = "facilitator"
MIGRATIONS_TABLE = "_sqlite_migrations"
# The steps' names before the history was numbered in run order: a database
# that recorded the old name has had the step, and its record is renamed, not re-run.
RENAMED = {
    "0012_org_key": "0003_org_key",
    "0013_consent": "0004_consent",
    "0014_photos": "0005_photos",
    "0019_wifi": "0006_wifi",
    "0016_activities": "0007_activities",
}


def _import_sqlite_utils() -> Any:
    """Import sqlite-utils with numpy and pandas marked missing while it loads.

    sqlite-utils imports them (if installed) only to map their number types to
    column types; we never store numpy or pandas values, and the imports cost
    0.1–0.2 s on the way to the app's first paint. A later real import (charts)
    is unaffected: the marks are removed right after.
    """
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        # None is Python's documented "cannot be imported" mark; typeshed allows modules only
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils


@dataclass(frozen=True)
class Step:
    """One migration: its recorded name and what it does to the database."""

    name: str
    apply: Callable[[Database], None]
    transactional: bool = True


class History:
    """The migrations in run order: the order in which this file declares them."""

    def __init__(self) -> None:
        self.steps: list[Step] = []

    def __call__(
        self, *, name: str, transactional: bool = True
    ) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def register(func: Callable[[Database], None]) -> Callable[[Database], None]:
            if name in self.names:
                raise ValueError(f"migration {name} is declared twice")
            self.steps.append(Step(name, func, transactional))
            return func

        return register

    @property
    def names(self) -> list[str]:
        return [step.name for step in self.steps]


migrations = History()


def recorded_names(conn: sqlite3.Connection) -> list[str]:
    """Return the names the database has recorded, as recorded, in the order applied."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return []
    found = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY id",
        [MIGRATION_SET],
    ).fetchall()
    return [row[0] for row in found]


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """Return the names the database has recorded as applied (old names mapped to new)."""
    return [RENAMED.get(name, name) for name in recorded_names(conn)]


def needs_migration(conn: sqlite3.Connection) -> bool:
    """Whether a step is pending or a record still has its old name (one cheap query)."""
    recorded = recorded_names(conn)
    done = {RENAMED.get(name, name) for name in recorded}
    return any(name in RENAMED for name in recorded) or any(
        name not in done for name in migrations.names
    )


def pending_names(conn: sqlite3.Connection) -> list[str]:
    """Return the steps this database has not had, in run order (one cheap query)."""
    done = set(applied_names(conn))
    return [name for name in migrations.names if name not in done]


def unknown_names(conn: sqlite3.Connection) -> list[str]:
    """Return recorded steps this version does not know: a newer version made them."""
    known = set(migrations.names)
    return [name for name in applied_names(conn) if name not in known]


def migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations and stamp the schema version, under the write lock.

    A second process starting at the same time waits for the lock, then finds
    nothing pending.
    """
    sqlite_utils = _import_sqlite_utils()
    history = sqlite_utils.Migrations(MIGRATION_SET)
    for step in migrations.steps:
        history(name=step.name, transactional=step.transactional)(step.apply)
    conn.execute("BEGIN IMMEDIATE")
    try:
        _rename_records(conn)
        history.apply(sqlite_utils.Database(conn))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _rename_records(conn: sqlite3.Connection) -> None:
    if not any(name in RENAMED for name in recorded_names(conn)):
        return  # also: a new database has no table of records yet
    for old, new in RENAMED.items():
        conn.execute(
            f"UPDATE OR IGNORE {MIGRATIONS_TABLE} SET name = ? "
            "WHERE migration_set = ? AND name = ?",
            [new, MIGRATION_SET, old],
        )
        conn.execute(
            f"DELETE FROM {MIGRATIONS_TABLE} WHERE migration_set = ? AND name = ?",
            [MIGRATION_SET, old],
        )


def _execute_all(db: Database, statements: tuple[str, ...]) -> None:
    # one statement at a time: executescript would COMMIT the migration's transaction
    for statement in statements:
        db.execute(statement)


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    """Create the op log, the projections and meta as the first release had them."""
    _execute_all(db, RELEASE_7A78192)


@migrations(name="0002_series")
def m0002_series(db: Database) -> None:
    """Add the next date's start time and venue (the follow-up invitation needs them).

    The first release's schema (0001) has them already; databases from before it did not.
    """
    present = db["workshop"].columns_dict
    for column in ("next_start", "next_venue"):
        if column not in present:
            db["workshop"].add_column(column, str)


@migrations(name="0003_org_key")
def m0003_org_key(db: Database) -> None:
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


@migrations(name="0004_consent")
def m0004_consent(db: Database) -> None:
    """Add consent provenance, the consent texts by version, and erasure tombstones."""
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


@migrations(name="0005_photos")
def m0005_photos(db: Database) -> None:
    """Add photos (content-addressed JPEGs) and a capture's review order and merge target."""
    if "photo" not in db.table_names():
        _execute_all(db, PHOTO)
    db["photo"].create_index(["workshop_id"], if_not_exists=True)
    present = db["capture"].columns_dict
    for column, kind in (("rank", float), ("merged_into", str)):
        if column not in present:
            db["capture"].add_column(column, kind)
    db["capture"].create_index(["merged_into"], if_not_exists=True)


@migrations(name="0006_wifi")
def m0006_wifi(db: Database) -> None:
    """Add the venue's Wi-Fi name and password (the QR poster prints them)."""
    present = db["workshop"].columns_dict
    for column in ("wifi_name", "wifi_password"):
        if column not in present:
            db["workshop"].add_column(column, str)


@migrations(name="0007_activities")
def m0007_activities(db: Database) -> None:
    """Add the activities, their answers and the Q&A's questions."""
    if not db["activity"].exists():
        _execute_all(db, ACTIVITIES)
    db["activity"].create_index(["workshop_id"], if_not_exists=True)
    db["activity_answer"].create_index(["activity_id"], if_not_exists=True)
    db["activity_question"].create_index(["activity_id"], if_not_exists=True)


@migrations(name="0030_claims")
def m0030_claims(db: Database) -> None:
    """Add claims: phone registrations matching someone the phone did not create."""
    if not db["claim"].exists():
        db["claim"].create(
            {"id": str, **COLUMNS["claim"], "clocks": str},
            pk="id",
            defaults={k: v for k, v in DEFAULTS.items() if k in COLUMNS["claim"]},
        )
    db["claim"].create_index(["workshop_id", "status"], if_not_exists=True)
    db["claim"].create_index(["participant_id"], if_not_exists=True)


@migrations(name="0031_erased_keys")
def m0031_erased_keys(db: Database) -> None:
    """Add the erased people's keyed fingerprints, so a re-import leaves them out (23.2)."""
    db["erased_key"].create(
        {"fingerprint": str, "workshop_id": str, "erased_at": str},
        pk="fingerprint",
        if_not_exists=True,
    )


@migrations(name="0032_redactions")
def m0032_redactions(db: Database) -> None:
    """Add what redaction put into a row's fields, so older ops arriving later cannot undo it."""
    db["redaction"].create(
        {"entity": str, "row_id": str, "fields": str},
        pk=("entity", "row_id"),
        if_not_exists=True,
    )


@migrations(name="0040_erasure_tombstones")
def m0040_erasure_tombstones(db: Database) -> None:
    """Add the tombstones of workshops and photos deleted to the bytes.

    See store/workshop_erasure.py and store/photo_erasure.py.
    """
    if not db["erased_workshop"].exists():
        db["erased_workshop"].create({"workshop_id": str, "erased_at": str}, pk="workshop_id")
    if not db["erased_photo"].exists():
        db["erased_photo"].create({"photo_id": str, "erased_at": str}, pk="photo_id")


@migrations(name="0050_shared_address")
def m0050_shared_address(db: Database) -> None:
    """Add the moderators' setting for a room whose phones share one address (NAT)."""
    if "phones_share_address" not in db["workshop"].columns_dict:
        db["workshop"].add_column("phones_share_address", int)


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


@migrations(name="0090_capture_vectors")
def m0090_capture_vectors(db: Database) -> None:
    """Add the sentence vectors of captures, computed once per text and engine (24.1).

    A local cache, not a projection: no op, no sync, each laptop computes its own. The
    triggers drop a vector when its capture's text changes (an edit, a redaction) or the
    capture leaves the table (a workshop's erasure), so no vector outlives its words.
    """
    if not db["capture_vector"].exists():
        db["capture_vector"].create(CACHE_COLUMNS["capture_vector"], pk=("capture_id", "engine"))
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS capture_vector_text AFTER UPDATE OF text ON capture "
        "WHEN OLD.text IS NOT NEW.text "
        "BEGIN DELETE FROM capture_vector WHERE capture_id = OLD.id; END"
    )
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS capture_vector_gone AFTER DELETE ON capture "
        "BEGIN DELETE FROM capture_vector WHERE capture_id = OLD.id; END"
    )
