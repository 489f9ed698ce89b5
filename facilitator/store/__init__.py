"""Provides the SQLite store: connection, migrations, op log and the service layer.

Every front end (CLI, TUI, web, sync, export) reads and writes through the
functions re-exported here; none of them writes SQL of its own.
"""

from facilitator.store.db import Store, default_db_path, open_store

__all__ = ["Store", "default_db_path", "open_store"]
