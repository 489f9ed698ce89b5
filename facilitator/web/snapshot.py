"""Provides the phone page's state as plain data: built once per version and language.

The same snapshot feeds the server-rendered page, /api/state and every SSE stream,
so what a phone shows never depends on which of the three it came from. Its size
does not grow with what phones submit: the ballot travels separately (`ballot`,
served page by page from /api/ballot), and only the top results are included,
each text cut to a phone's length.
"""

import hashlib
from datetime import date
from typing import Any

from facilitator.core.live_plan import live_times, plan_base_ms
from facilitator.core.method_format import MethodCard
from facilitator.core.schedule import format_clock
from facilitator.core.taxonomy import CAPTURE_KINDS, PHONE_KINDS
from facilitator.core.timer import TimerState, countdown
from facilitator.locale import gettext, lazy
from facilitator.store.agenda import workshop_schedule
from facilitator.store.db import Store
from facilitator.store.phone_servers import phone_servers
from facilitator.store.timer import timer_state
from facilitator.store.votes import ballot_captures, rules_for, vote_results, voting_item
from facilitator.store.workshops import get_workshop
from facilitator.web.activity_view import phone_activity

MAX_SUBMISSION = 500
RESULTS_SHOWN = 30
MAX_BALLOT = 500  # above the per-block cap on submissions: moderators' entries fit too
_MONTHS = (
    lazy("Januar"),
    lazy("Februar"),
    lazy("März"),
    lazy("April"),
    lazy("Mai"),
    lazy("Juni"),
    lazy("Juli"),
    lazy("August"),
    lazy("September"),
    lazy("Oktober"),
    lazy("November"),
    lazy("Dezember"),
)


def date_text(iso: str | None, lang: str) -> str:
    """Return '1. Dezember 2026' / '1 December 2026' for an ISO date, '' if none."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso)
    month = _MONTHS[day.month - 1].text(lang)
    return gettext("{day}. {month} {year}", lang, day=day.day, month=month, year=day.year)


def phone_kinds(capture: list[str] | None) -> list[str]:
    """Return the kinds phones may submit to a block: its planned ones among PHONE_KINDS."""
    planned = [k for k in capture or [] if k in PHONE_KINDS]
    return planned or list(PHONE_KINDS)


def _item_state(item_id: str, state: TimerState) -> str:
    """Return 'running', 'paused', 'done', 'skipped' or '' (not yet) for an agenda item."""
    if item_id == state.current_id:
        return "running" if state.running else "paused"
    run = state.runs.get(item_id)
    if run is not None and run.skipped:
        return "skipped"  # not "erledigt": the room did not hold it
    return "done" if run is not None and run.done else ""


def build_snapshot(
    store: Store, workshop_id: str, lang: str, methods: dict[str, MethodCard], version: int
) -> dict[str, Any]:
    """Return everything a phone shows, in `lang`; nothing hidden, no contact details."""
    workshop = get_workshop(store, workshop_id)
    items, plan = workshop_schedule(store, workshop_id)
    state = timer_state(store, workshop_id)
    now = store.now_ms()
    # the times as they are now (a block that runs late moves what follows it)
    base = plan_base_ms(items, plan, state, workshop.date, now)
    times = live_times(items, plan, state, now, base)
    agenda = []
    current: dict[str, Any] | None = None
    for item, (start, end) in zip(items, times, strict=False):
        slot = (format_clock(start), format_clock(end))
        status = _item_state(item.id, state)
        agenda.append(
            {
                "id": item.id,
                "title": item.title,
                "start": slot[0],
                "end": slot[1],
                "kind": item.kind,
                "state": status,
            }
        )
        if item.id == state.current_id:
            current = _current(store, item, slot, state, methods, lang, now)
    return {
        "version": version,
        "lang": lang,
        "workshop": {
            "title": workshop.title,
            "date": workshop.date or "",
            "date_text": date_text(workshop.date, lang),
            "venue": workshop.venue or "",
            # the language the moderators wrote titles in: phones hyphenate them by it
            "content_lang": workshop.lang or "de",
        },
        "agenda": agenda,
        "current": current,
        "activity": phone_activity(store, workshop_id),  # the open activity
        # every laptop serving this workshop, where a phone goes if one dies
        "servers": phone_servers(store, workshop_id),
    }


def _current(store, item, slot, state, methods, lang, now) -> dict[str, Any]:
    reading = countdown(state, item.id, item.minutes, now)
    card = methods.get(item.method or "")
    row = voting_item(store, item.id)
    rules = rules_for(row)
    current: dict[str, Any] = {
        "id": item.id,
        "title": item.title,
        "start": slot[0],
        "end": slot[1],
        "running": reading.running,
        "remaining_ms": reading.remaining_ms,
        "planned_ms": reading.planned_ms,
        # When the time is up, in server milliseconds: phones tick down on their own.
        "ends_at_ms": now + reading.remaining_ms if reading.running else None,
        "level": reading.level,
        "method": card.name.get(lang) if card else "",
        "instructions": card.participants.get(lang) if card else "",
        "collection_open": bool(row["collection_open"]),
        "kinds": [
            {"key": k, "label": CAPTURE_KINDS[k].get(lang)} for k in phone_kinds(item.capture)
        ],
        "voting_open": bool(row["voting_open"]),
        "results_revealed": bool(row["results_revealed"]),
        "budget": rules.budget,
        "per_item_max": rules.per_item_max,
        "ballot_size": 0,
        "ballot_key": "",
        "results": [],
    }
    if current["voting_open"]:
        ids = [c["id"] for c in ballot_captures(store, item.id)[:MAX_BALLOT]]
        current["ballot_size"] = len(ids)
        # Phones fetch the ballot again only when this changes, not on every vote.
        key = ":".join([item.id, str(rules.budget), *ids])
        current["ballot_key"] = hashlib.sha256(key.encode()).hexdigest()[:16]
    if current["results_revealed"]:
        current["results"] = [
            {"id": r["id"], "text": r["text"][:MAX_SUBMISSION], "dots": r["dots"]}
            for r in vote_results(store, item.id)[:RESULTS_SHOWN]
        ]
    return current


def build_ballot(store: Store, item_id: str, lang: str) -> list[dict[str, str]]:
    """Return the block's ballot for phones: at most MAX_BALLOT entries, texts cut to length."""
    return [
        {"id": c["id"], "kind": _kind_label(c["kind"], lang), "text": c["text"][:MAX_SUBMISSION]}
        for c in ballot_captures(store, item_id)[:MAX_BALLOT]
    ]


def _kind_label(kind: str, lang: str) -> str:
    label = CAPTURE_KINDS.get(kind)
    return label.get(lang) if label else kind
