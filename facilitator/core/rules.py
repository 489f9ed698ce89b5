"""Provides the field rules of every entity table, for the services and the op validation.

`check_fields(table, fields)` is what a service calls before it records an op, and
what `store.op_check` calls on the payload of an op from the other laptop or a file:
one set of rules for every way data enters. Which columns a table has, and which of
them are required, is declared in `store/entities.py`; a column without a rule of its
own is checked by its type there.
"""

from typing import Any

from facilitator.core import fields as f
from facilitator.core.activities import ACTIVITY_TYPES
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import Label
from facilitator.core.taxonomy import (
    AGENDA_KINDS,
    CAPTURE_KINDS,
    MEASURE_STATUSES,
    ORG_TYPES,
    TOPICS,
    choices,
    resolve_status,
)
from facilitator.locale import lazy

LANGS = {"de": Label("Deutsch", "German"), "en": Label("Englisch", "English")}

_NAME_EMPTY = lazy("Der Name darf nicht leer sein.")
_SHORT = f.text(f.NAME_MAX)
_LONG = f.text(f.TEXT_MAX, multiline=True)
_TAG = f.text(64)
# A claim (a phone's registration that matches someone it did not create): open until a
# moderator merges it into the person ("accepted"), adds it as someone new ("separate")
# or discards it ("rejected").
CLAIM_STATUSES = {
    "open": Label("offen", "open"),
    "accepted": Label("übernommen", "accepted"),
    "separate": Label("als neue Person", "as a new person"),
    "rejected": Label("abgelehnt", "rejected"),
}
WIFI_MAX = 64  # the venue's Wi-Fi name and password (see RULES["workshop"])


def _measure_status(value: Any) -> str | None:
    """A measure's status: a key, a label or a short form such as "fertig" (taxonomy)."""
    if value in (None, ""):
        return None
    found = resolve_status(value) if isinstance(value, str) else None
    if found is None:
        shown = repr(value)[:40]
        raise ValidationError(
            lazy(
                "Unbekannter Status {shown}; erlaubt: {choices}.",
                shown=shown,
                choices=choices(MEASURE_STATUSES),
            )
        )
    return found


_ANSWER_JSON = f.json_data(8 * 1024)
_ANSWER_NUMBER_MAX = 100  # ratings 1–5, choices and matrix points by index: far below this


def _answer_value(value: Any) -> Any:
    """A phone's answer as an op carries it: its numbers bounded (10^15 dots from a file)."""
    value = _ANSWER_JSON(value)
    if not isinstance(value, dict):
        return value
    dots = value.get("dots")
    numbers = list(dots.values()) if isinstance(dots, dict) else []
    bounds = [(n, f.BUDGET_MAX) for n in numbers]
    for key in ("ratings", "choices", "points"):
        items = value.get(key)
        for item in items if isinstance(items, list) else []:
            for n in item if isinstance(item, list) else [item]:
                bounds.append((n, _ANSWER_NUMBER_MAX))
    for number, high in bounds:
        if number is None:
            continue
        if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number <= high:
            shown = repr(number)[:24]
            raise ValidationError(
                lazy("Eine Antwort enthält die ungültige Zahl {shown}.", shown=shown)
            )
    return value


RULES: dict[str, dict[str, f.Rule]] = {
    "series": {
        "name": f.text(
            f.NAME_MAX,
            required=lazy("Der Name der Workshopreihe darf nicht leer sein."),
        ),
        "description": _LONG,
        "deleted": f.flag,
    },
    "workshop": {
        "title": f.text(
            f.TITLE_MAX,
            required=lazy("Der Titel des Workshops darf nicht leer sein."),
        ),
        "date": f.day,
        "start": f.clock,
        "end": f.clock,
        "venue": f.text(f.TITLE_MAX),
        "series_id": f.ident,
        "lang": f.choice(LANGS, lazy("Unbekannte Sprache"), nullable=False),
        "description": _LONG,
        "goals": f.lines(f.text(f.TITLE_MAX), 50),
        "moderation": f.text(f.TITLE_MAX),
        "minute_taker": f.text(f.TITLE_MAX),
        "distribution": f.lines(f.text(f.TITLE_MAX), 200),
        "next_date": f.day,
        "next_start": f.clock,
        "next_venue": f.text(f.TITLE_MAX),
        "next_steps": _LONG,
        # printed on the QR poster: an SSID has at most 32 bytes and a WPA passphrase
        # 63 characters; 64 leaves room for either without a line the poster cannot hold
        "wifi_name": f.text(WIFI_MAX),
        "wifi_password": f.text(WIFI_MAX),
        "phones_share_address": f.flag,
        "join_code": f.join_code,
        "created_at": f.moment,
        "deleted": f.flag,
        "beamer_join_hidden": f.flag,
    },
    "agenda_item": {
        "workshop_id": f.ident,
        "position": f.position,
        "title": f.text(
            f.TITLE_MAX,
            required=lazy("Der Titel eines Agendapunkts darf nicht leer sein."),
        ),
        "minutes": f.whole(
            1,
            f.MINUTES_MAX,
            lazy(
                "Die Dauer muss 1 bis {minutes_max} Minuten sein, nicht {value}.",
                minutes_max=f.MINUTES_MAX,
            ),
        ),
        "kind": f.choice(AGENDA_KINDS, lazy("Unbekannte Art"), nullable=False),
        "at": f.clock,
        "method": f.text(100),
        "capture": f.lines(
            f.choice(CAPTURE_KINDS, lazy("Unbekannte Erfassungsart"), nullable=False),
            len(CAPTURE_KINDS),
        ),
        "notes": _LONG,
        "collection_open": f.flag,
        "voting_open": f.flag,
        "dot_budget": f.whole(
            1,
            f.BUDGET_MAX,
            lazy(
                "Das Punktebudget muss zwischen 1 und {budget_max} liegen, nicht {value}.",
                budget_max=f.BUDGET_MAX,
            ),
        ),
        "results_revealed": f.flag,
        "deleted": f.flag,
    },
    "organisation": {
        "name": f.text(
            f.NAME_MAX,
            collapse=True,
            required=lazy("Der Name der Organisation darf nicht leer sein."),
        ),
        "org_type": f.choice(ORG_TYPES, lazy("Unbekannter Organisationstyp")),
        "municipality": f.text(f.NAME_MAX, collapse=True),
        "merged_into": f.ident,
        "pending": f.flag,
        "deleted": f.flag,
    },
    "participant": {
        "workshop_id": f.ident,
        "name": f.text(f.NAME_MAX, collapse=True, required=_NAME_EMPTY),
        "organisation_id": f.ident,
        "email": f.email,
        "consent": f.flag,
        "consent_at": f.moment,
        "consent_text_version": _TAG,
        "consent_source": _TAG,
        "consent_given_at": f.moment,
        "consent_withdrawn_at": f.moment,
        "client_id": _TAG,
        "present": f.flag,
        "role": _TAG,
        "source": _TAG,
        "created_at": f.moment,
        "deleted": f.flag,
    },
    "capture": {
        "workshop_id": f.ident,
        "agenda_item_id": f.ident,
        "kind": f.choice(CAPTURE_KINDS, lazy("Unbekannte Art"), nullable=False),
        "text": f.text(
            f.TEXT_MAX,
            multiline=True,
            required=lazy("Der Text darf nicht leer sein."),
        ),
        "topic": f.choice(TOPICS, lazy("Unbekanntes Themenfeld")),
        "organisation_id": f.ident,
        "status": _measure_status,
        "owner": _SHORT,
        "due": f.day,
        "votes": f.whole(
            0, 10_000, lazy("Punkte müssen eine ganze Zahl ab 0 sein, nicht {value}.")
        ),
        "source": _TAG,
        "author": _SHORT,
        "hidden": f.flag,
        "created_at": f.moment,
        "hlc": f.clock_stamp,
        "rank": f.position,
        "merged_into": f.ident,
        "deleted": f.flag,
    },
    "photo": {
        "workshop_id": f.ident,
        "agenda_item_id": f.ident,
        "caption": f.text(300),
        "jpeg": f.jpeg_base64,
        "width": f.whole(1, 2000, lazy("Breite {value} ungültig.")),
        "height": f.whole(1, 2000, lazy("Höhe {value} ungültig.")),
        "size": f.whole(1, f.JPEG_BASE64_MAX, lazy("Größe {value} ungültig.")),
        "created_at": f.moment,
        "deleted": f.flag,
    },
    # activities: their meaning is checked by core.activities when a service
    # records them; here the shape and size, so no op from outside can grow a row
    "activity": {
        "workshop_id": f.ident,
        "agenda_item_id": f.ident,
        "type": f.choice(ACTIVITY_TYPES, lazy("Unbekannte Aktivität"), nullable=False),
        "prompt": f.text(200),
        "activity_config": f.json_data(64 * 1024),
        "is_open": f.flag,
        "results_revealed": f.flag,
        "hidden_words": f.json_data(16 * 1024),
        "started_at": f.moment,
        "stopped_at": f.moment,
        "created_at": f.moment,
        "hlc": f.clock_stamp,
        "deleted": f.flag,
    },
    "activity_answer": {
        "workshop_id": f.ident,
        "activity_id": f.ident,
        "voter": f.text(64, required=lazy("Die Kennung fehlt.")),
        "answer_value": _answer_value,
        "answered_at": f.moment,
    },
    "activity_question": {
        "workshop_id": f.ident,
        "activity_id": f.ident,
        "voter": f.text(64),
        "text": f.text(280, required=lazy("Die Frage ist leer.")),
        "answered": f.flag,
        "hidden": f.flag,
        "created_at": f.moment,
        "hlc": f.clock_stamp,
        "deleted": f.flag,
    },
    "claim": {
        "workshop_id": f.ident,
        "participant_id": f.ident,
        "client_id": _TAG,
        "name": f.text(f.NAME_MAX, collapse=True, required=_NAME_EMPTY),
        "organisation": f.text(f.NAME_MAX, collapse=True),
        "org_type": f.choice(ORG_TYPES, lazy("Unbekannter Organisationstyp")),
        "municipality": f.text(f.NAME_MAX, collapse=True),
        "email": f.email,
        "consent": f.flag,
        "consent_text_version": _TAG,
        "status": f.choice(CLAIM_STATUSES, lazy("Unbekannter Stand"), nullable=False),
        "created_at": f.moment,
        "decided_at": f.moment,
        "deleted": f.flag,
    },
    # the addresses at which each laptop serves phones (a phone moves to the other one
    # when its laptop dies): one row per laptop
    "phone_server": {
        "workshop_id": f.ident,
        "urls": f.lines(f.server_url, 8),
        "at": f.moment,
    },
    "vote": {
        "workshop_id": f.ident,
        "capture_id": f.ident,
        "agenda_item_id": f.ident,
        "voter": f.text(
            64,
            required=lazy("Die Kennung der abstimmenden Person fehlt."),
        ),
        "dots": f.whole(
            0,
            f.DOTS_MAX,
            lazy(
                "Punkte müssen ganze Zahlen von 0 bis {dots_max} sein, nicht {value}.",
                dots_max=f.DOTS_MAX,
            ),
        ),
    },
}

_BY_TYPE: dict[type, f.Rule] = {str: _LONG, int: f.whole(-(10**9), 10**9, lazy("{value}"))}


def rule_for(table: str, column: str, column_type: type = str) -> f.Rule:
    """Return the rule of one column (by type for a column without a rule of its own)."""
    return RULES.get(table, {}).get(column) or _BY_TYPE.get(column_type, f.position)


def check_value(table: str, key: str, value: Any, column_type: type = str) -> Any:
    """Return one value cleaned by its column's rule; ValidationError if it breaks it.

    Most values repeat (kinds, ids, flags, times): their outcome is remembered, so
    checking every op of a sync or every row read costs little.
    """
    memo = (table, key, value) if _memorable(value) else None
    if memo is not None:
        found = _MEMO.get(memo, _MISSING)
        if found is not _MISSING:
            return found
    checked = rule_for(table, key, column_type)(value)
    if memo is not None:
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.clear()
        _MEMO[memo] = checked
    return checked


_MEMO: dict[tuple[str, str, Any], Any] = {}  # only values that passed: a refusal is raised
_MEMO_MAX = 50_000
_MISSING = object()


def _memorable(value: Any) -> bool:
    kind = type(value)  # not bool: True == 1 would share 1's entry
    return kind is int or value is None or (kind is str and len(value) <= 64)


def check_fields(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Return `values` cleaned by the rules of `table`; ValidationError if one breaks a rule.

    Keys without a rule are passed through unchanged: the caller decides which keys
    it accepts.
    """
    checked = dict(values)
    for key, value in values.items():
        rule = RULES.get(table, {}).get(key)
        if rule is not None:
            checked[key] = rule(value)
    return checked


# What a broken stored value reads as when its field has no default of its own.
_READ_FALLBACK: dict[str, Any] = {"minutes": 1, "position": 0.0, "kind": "note"}


def readable(table: str, values: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """Return stored `values` with each one that breaks its rule replaced by its default.

    For reading: an old database may hold values no rule would let in today.
    """
    rules = RULES.get(table, {})
    result = dict(values)
    for key, value in values.items():
        rule = rules.get(key)
        if rule is None:
            continue
        try:
            result[key] = check_value(table, key, value)
        except (ValidationError, TypeError, ValueError):
            result[key] = _repair(rule, value, defaults.get(key, _READ_FALLBACK.get(key, "")))
    return result


def _repair(rule: f.Rule, value: Any, default: Any) -> Any:
    # A text too long for today's rule is read shortened rather than lost.
    if isinstance(value, str):
        for limit in (f.TEXT_MAX, f.TITLE_MAX, f.NAME_MAX, 64):
            try:
                return rule(value[:limit])
            except (ValidationError, TypeError, ValueError):
                continue
    return default
