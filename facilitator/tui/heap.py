"""Provides the app's long-lived objects set aside from Python's full garbage collections."""

import gc


def settle_heap() -> None:
    """Set what the app holds for its whole run aside from Python's full garbage collections.

    The app, the phone server and the sync server share one event loop. A full
    collection walks every object (Textual's styles, screens, the method cards, the
    imported modules) and held that loop 100–120 ms on an idle machine and longer under
    a flood, the stall every screen and phone feels. Frozen objects are still freed by
    reference counting; only cycles among them wait for the next `gc.unfreeze`.
    """
    gc.collect()
    gc.freeze()
