"""Provides a connection of a worker's own, for reading while the moderators keep capturing."""

from collections.abc import Iterator
from contextlib import contextmanager

from facilitator.store import Store, open_store


@contextmanager
def own_connection(store: Store) -> Iterator[Store]:
    """Open the same database again for a worker thread (WAL: a consistent snapshot).

    An in-memory database has no second connection; the worker then shares `store`.
    """
    path = store.path
    if not path or path == ":memory:":
        yield store
        return
    reader = open_store(path, create=False)
    try:
        yield reader
    finally:
        reader.close()
