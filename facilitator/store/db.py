"""Provides the connection (WAL, synchronous=FULL), migrations at start-up, and `Store`."""

import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from facilitator.core.errors import DatabaseProblem
from facilitator.core.hlc import HLC_GLOB, HybridClock
from facilitator.locale import lazy
from facilitator.store import schema
from facilitator.store.columns import SCHEMA_VERSION

BUSY_TIMEOUT_MS = int(os.environ.get("FACILITATOR_BUSY_MS", "5000"))
# Ops whose commit must leave no bytes behind: the WAL is checkpointed right after.
ERASING_KINDS = frozenset({"participant.erase", "workshop.purge", "workshop.erase", "photo.erase"})
ERASE_CHECKPOINT_S = 2.0  # how long an erasure waits for another connection's read


def default_db_path() -> Path:
    """Return the database path: FACILITATOR_DB, else the user's data directory."""
    if env := os.environ.get("FACILITATOR_DB"):
        return Path(env)
    import platformdirs  # only needed when no path is given

    return Path(platformdirs.user_data_dir("facilitator", appauthor=False)) / "facilitator.db"


def make_private(path: Path) -> None:
    """Make a file readable by its owner only (0600); Windows has no such mode bits."""
    if os.name == "nt":
        return  # the user's profile folder is private there; chmod only sets read-only
    try:
        if path.exists() and path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass  # not our file to change (read-only media): opening still works


def wall_ms() -> int:
    """Return the wall clock in milliseconds; the default clock of a store."""
    return time.time_ns() // 1_000_000


@dataclass(frozen=True)
class Op:
    """One entry of the op log."""

    seq: int
    uuid: str
    hlc: str
    node: str
    kind: str
    workshop_id: str | None
    payload: dict
    created_at: str


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a connection with the pragmas every connection must have."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(path) != ":memory:" and mode.lower() != "wal":
            raise DatabaseProblem(
                lazy("Die Datenbank {path} lässt sich nicht in den WAL-Modus setzen.", path=path)
            )
        conn.execute("PRAGMA synchronous = FULL")
        # Deleted or rewritten content is overwritten with zeros, so an erased person's
        # bytes do not linger in free pages (GDPR Art. 17); the cost is small writes.
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as err:
        conn.close()
        raise _explain(err, path) from None
    return conn


def _explain(err: sqlite3.Error, path: str | Path) -> DatabaseProblem:
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        return DatabaseProblem(
            f"Die Datenbank {path} ist gesperrt: ein anderes Programm schreibt gerade hinein."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseProblem(f"Die Datei {path} ist keine lesbare facilitator-Datenbank.")
    if "unable to open" in text or "readonly" in text:
        return DatabaseProblem(f"Die Datenbank {path} lässt sich nicht öffnen oder beschreiben.")
    return DatabaseProblem(f"Datenbankfehler in {path}: {err}")


def open_store(
    path: str | Path | None = None, *, create: bool = True, now_ms: Callable[[], int] = wall_ms
) -> "Store":
    """Open (and migrate) the database at `path`; refuse a missing one unless `create`."""
    path = Path(path) if path is not None and str(path) != ":memory:" else path
    if path is None:
        path = default_db_path()
    if isinstance(path, Path):
        _prepare_file(path, create)
    conn = connect(path)
    try:
        _check_version(conn, path)
        if schema.needs_migration(conn):
            schema.migrate(conn)  # imports sqlite-utils: only when there is something to do
    except sqlite3.DatabaseError as err:
        conn.close()
        raise _explain(err, path) from None
    return Store(conn, now_ms=now_ms, path=str(path))


def _prepare_file(path: Path, create: bool) -> None:
    """A new database file created private, a missing one refused unless `create`."""
    if not path.exists():
        if not create:
            raise DatabaseProblem(
                lazy(
                    "Die Datenbank {path} gibt es nicht. Legen Sie zuerst einen Workshop an "
                    "(facilitator new) oder geben Sie mit --db die richtige Datei an.",
                    path=path,
                )
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Created private (0600): SQLite gives the WAL and shm files the
            # database's permissions, so all three stay the moderator's own.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as err:
            raise DatabaseProblem(
                lazy(
                    "Der Ordner {parent} lässt sich nicht anlegen: {err}",
                    parent=path.parent,
                    err=err,
                )
            ) from None
    elif path.is_dir():
        raise DatabaseProblem(lazy("{path} ist ein Ordner, keine Datenbank.", path=path))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        make_private(file)


def _check_version(conn: sqlite3.Connection, path: Path | str) -> None:
    """DatabaseProblem for a database a newer facilitator wrote (by version or by step)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DatabaseProblem(
            lazy(
                "Die Datenbank {path} stammt von einer neueren facilitator-Version (Schema "
                "{version}, diese Version kennt {schema_version}). Bitte aktualisieren.",
                path=path,
                version=version,
                schema_version=SCHEMA_VERSION,
            )
        )
    # By name, not by version: a step that landed without a version bump still runs.
    if schema.unknown_names(conn):
        raise DatabaseProblem(
            lazy(
                "Die Datenbank {path} stammt von einer neueren facilitator-Version (Schritte "
                "{items}). Bitte aktualisieren.",
                path=path,
                items=", ".join(schema.unknown_names(conn)),
            )
        )


class Store:
    """The database with its node id, hybrid clock and change listeners."""

    def __init__(
        self, conn: sqlite3.Connection, *, now_ms: Callable[[], int] = wall_ms, path: str = ""
    ) -> None:
        self.conn = conn
        self.path = path
        self.now_ms = now_ms
        self._lock = threading.RLock()
        self._depth = 0
        self._committed: list[Op] = []
        self._listeners: list[Callable[[list[Op]], None]] = []
        # False after an erasure whose bytes another connection still holds in the -wal.
        self.wal_clean = True
        self.node_id = self._meta("node_id") or self._init_node_id()
        # Only well-formed clocks: an old database may hold a forged one ("١١١…").
        last = self.conn.execute("SELECT max(hlc) FROM op WHERE hlc GLOB ?", [HLC_GLOB]).fetchone()[
            0
        ]
        self.clock = HybridClock(now_ms, last)

    # -- meta -------------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def get_meta(self, key: str) -> str | None:
        """Return a local (not replicated) setting."""
        return self._meta(key)

    def set_meta(self, key: str, value: str) -> None:
        """Store a local (not replicated) setting."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def _init_node_id(self) -> str:
        node = uuid.uuid4().hex[:12]
        self.set_meta("node_id", node)
        return node

    # -- transactions and listeners ---------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One SQLite transaction; nested calls join the outer one.

        Listeners hear of the ops only after the outermost COMMIT returned, so
        whatever they show is on disk.
        """
        with self._lock:
            if self._depth == 0:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as err:
                    raise _explain(err, self.path) from None
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self.conn.execute("ROLLBACK")
                    self._committed.clear()
                raise
            self._depth -= 1
            if self._depth:
                return
            try:
                self.conn.execute("COMMIT")
            except sqlite3.OperationalError as err:
                self.conn.execute("ROLLBACK")
                self._committed.clear()
                raise _explain(err, self.path) from None
            ops, self._committed = self._committed, []
            if any(op.kind in ERASING_KINDS for op in ops):
                # Another connection that is reading keeps the erased bytes in the -wal;
                # wait briefly for it, and say so (wal_clean) if it does not end.
                self.wal_clean = self.checkpoint(wait_s=ERASE_CHECKPOINT_S)
        if ops:
            for listener in list(self._listeners):
                listener(ops)

    def checkpoint(self, wait_s: float = 0.0) -> bool:
        """Copy the WAL into the database file and truncate it (after an erasure).

        Returns whether the WAL is empty now. While another connection reads, SQLite
        cannot truncate it; this retries for up to `wait_s` seconds. If it stays busy,
        the next checkpoint (the next erase, or closing a store) empties it.
        """
        deadline = time.monotonic() + wait_s
        while True:
            try:
                busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.OperationalError:
                busy = 1
            if not busy or time.monotonic() >= deadline:
                return not busy
            time.sleep(0.05)

    def note_committed(self, op: Op) -> None:
        """Remember an op written in the running transaction for the listeners."""
        self._committed.append(op)

    def subscribe(self, listener: Callable[[list[Op]], None]) -> None:
        """Call `listener(ops)` after every commit that wrote ops."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[list[Op]], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @property
    def version(self) -> int:
        """The sequence number of the newest op: changes whenever data changes."""
        return self.conn.execute("SELECT coalesce(max(seq), 0) FROM op").fetchone()[0]

    def now_text(self) -> str:
        """Return the store's clock as local time with offset, to the second (for *_at)."""
        return (
            datetime.fromtimestamp(self.now_ms() / 1000).astimezone().isoformat(timespec="seconds")
        )

    def new_id(self) -> str:
        """Return a new random id for an entity."""
        return uuid.uuid4().hex

    @property
    def db(self):  # -> sqlite_utils.Database; imported only by those who ask for it
        """The connection wrapped by sqlite-utils, for schema work."""
        from sqlite_utils import Database

        return Database(self.conn)

    def close(self) -> None:
        # An erasure's bytes left in the -wal by a reader that has finished since go now.
        if not self.wal_clean:
            self.checkpoint()
        self.conn.close()
