"""Provides timer services: timer events as ops, and the timer state derived from them.

The phone form follows the block: starting a block that plans capture kinds phones may
submit opens its collection, finishing or skipping the running block closes it, in the
same transaction as the timer event.
"""

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.hlc import stamp
from facilitator.core.models import AgendaItem, TimerEvent
from facilitator.core.taxonomy import collects_from_room
from facilitator.core.timer import TIMER_KINDS, TimerState, derive
from facilitator.locale import lazy
from facilitator.store.agenda import get_item, list_items
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import rows


def add_timer_event(
    store: Store, workshop_id: str, kind: str, item_id: str | None, minutes: int = 0
) -> None:
    """Record one timer event (start, pause, extend, skip, finish) as an op."""
    if kind not in TIMER_KINDS:
        raise ValidationError(
            lazy(
                "Unbekanntes Timer-Ereignis {kind}; erlaubt: {timer_kinds}.",
                kind=repr(kind),
                timer_kinds=", ".join(TIMER_KINDS),
            )
        )
    record(
        store,
        f"timer.{kind}",
        {"kind": kind, "item_id": item_id, "at_ms": store.now_ms(), "minutes": minutes},
        workshop_id,
    )


def timer_events(store: Store, workshop_id: str) -> list[TimerEvent]:
    """Return the workshop's timer events in merge order."""
    found = rows(
        store, "SELECT * FROM timer_event WHERE workshop_id = ? ORDER BY hlc, node", [workshop_id]
    )
    return [
        TimerEvent(
            r["kind"], r["item_id"], r["at_ms"], r["minutes"] or 0, stamp(r["hlc"], r["node"])
        )
        for r in found
    ]


def timer_state(store: Store, workshop_id: str) -> TimerState:
    """Return the timer as its stored events leave it."""
    return derive(timer_events(store, workshop_id))


def current_item(store: Store, workshop_id: str) -> AgendaItem | None:
    """Return the running (or paused) agenda item, if any."""
    state = timer_state(store, workshop_id)
    if state.current_id is None:
        return None
    try:
        return get_item(store, state.current_id)
    except Exception:  # removed from the agenda while it ran
        return None


def next_open_item(
    store: Store, workshop_id: str, state: TimerState | None = None
) -> AgendaItem | None:
    """Return the first item after the current one that has not run yet."""
    state = state or timer_state(store, workshop_id)
    items = list_items(store, workshop_id)
    ids = [it.id for it in items]
    start = ids.index(state.current_id) + 1 if state.current_id in ids else 0
    for item in items[start:] + items[:start]:
        run = state.runs.get(item.id)
        if item.id != state.current_id and (run is None or not run.done):
            return item
    return None


def _set_collection(store: Store, item_id: str, wanted: bool) -> None:
    """Open or close one block's phone form, if it is not so already.

    The op carries "_auto" so that ctrl+z passes over it: undo takes back what a
    moderator did, not what the timer did on its own.
    """
    try:
        item = get_item(store, item_id)
    except NotFound:  # removed from the agenda while it ran
        return
    if wanted and not collects_from_room(item.capture):
        return
    if bool(item.collection_open) == wanted:
        return
    record(
        store,
        "agenda_item.update",
        {
            "id": item_id,
            "collection_open": int(wanted),
            "_before": {"collection_open": item.collection_open},
            "_auto": 1,
        },
        item.workshop_id,
    )


def _first_start(store: Store, workshop_id: str, state: TimerState, item_id: str) -> None:
    """Start an item; the first time it starts, its collection opens with it."""
    add_timer_event(store, workshop_id, "start", item_id)
    if item_id not in state.runs:  # a resume keeps what the moderators decided
        _set_collection(store, item_id, True)


def start_or_pause(store: Store, workshop_id: str) -> None:
    """Space: start the first open item, pause the running one, or resume it."""
    with store.transaction():
        state = timer_state(store, workshop_id)
        if state.current_id and state.running:
            add_timer_event(store, workshop_id, "pause", state.current_id)
        elif state.current_id:
            add_timer_event(store, workshop_id, "start", state.current_id)
        else:
            upcoming = next_open_item(store, workshop_id, state)
            if upcoming is None:
                raise ValidationError(lazy("Alle Agendapunkte sind erledigt."))
            _first_start(store, workshop_id, state, upcoming.id)


def advance(store: Store, workshop_id: str) -> AgendaItem | None:
    """n: finish the running item and start the next open one; return it (None at the end)."""
    with store.transaction():
        state = timer_state(store, workshop_id)
        upcoming = next_open_item(store, workshop_id, state)
        if state.current_id:
            add_timer_event(store, workshop_id, "finish", state.current_id)
            _set_collection(store, state.current_id, False)
        if upcoming is not None:
            _first_start(store, workshop_id, state, upcoming.id)
    return upcoming


def extend(store: Store, workshop_id: str, minutes: int, item_id: str | None = None) -> None:
    """+/-: give the running item (or `item_id`) more or fewer minutes."""
    target = item_id or timer_state(store, workshop_id).current_id
    if target is None:
        raise ValidationError(lazy("Es läuft gerade kein Agendapunkt."))
    add_timer_event(store, workshop_id, "extend", target, minutes)


def skip(store: Store, workshop_id: str, item_id: str | None = None) -> AgendaItem | None:
    """s: skip an item (the running one: and go on to the next)."""
    state = timer_state(store, workshop_id)
    target = (
        item_id
        or state.current_id
        or getattr(next_open_item(store, workshop_id, state), "id", None)
    )
    if target is None:
        raise ValidationError(lazy("Es gibt keinen Agendapunkt zum Überspringen."))
    with store.transaction():
        was_running = target == state.current_id
        add_timer_event(store, workshop_id, "skip", target)
        if was_running:
            _set_collection(store, target, False)
            after = timer_state(store, workshop_id)
            upcoming = next_open_item(store, workshop_id, after)
            if upcoming is not None:
                _first_start(store, workshop_id, after, upcoming.id)
            return upcoming
    return None
