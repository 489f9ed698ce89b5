"""Provides the vector filler's child process: `python -m facilitator.store.vector_child DB EVERY`.

It stores the sentence vector of every capture that lacks one, then waits: a byte on
stdin wakes it at once, and it looks again every EVERY seconds in any case. End of stdin
(the parent closed it or ended, however) stops it after the batch in hand. It runs at a
lower priority where the system has one, so the room's server and the app go first.
"""

import os
import sys
import threading

from facilitator.store.capture_vectors import fill_missing
from facilitator.store.db import open_store


def _read_pokes(wake: threading.Event, stop: threading.Event) -> None:
    """Each byte on stdin wakes the filler; end of input stops it."""
    while sys.stdin.buffer.read(1):
        wake.set()
    stop.set()
    wake.set()


def _lower_priority() -> None:
    nice = getattr(os, "nice", None)  # not on Windows: there the child keeps normal priority
    if nice is not None:
        try:
            nice(10)
        except OSError:
            pass


def main(path: str, every: float) -> None:
    """Fill missing vectors until stdin ends."""
    _lower_priority()
    wake, stop = threading.Event(), threading.Event()
    threading.Thread(target=_read_pokes, args=(wake, stop), daemon=True).start()
    store = open_store(path, create=False)
    try:
        while not stop.is_set():
            fill_missing(store, stop)
            wake.wait(every)
            wake.clear()
    finally:
        store.close()


if __name__ == "__main__":
    try:
        main(sys.argv[1], float(sys.argv[2]))
    except Exception:  # a vector is optional: the words still answer
        sys.exit(1)
