"""Provides the workshop's details as typed text: read for a form, written back as one op.

`facilitator workshop edit` and the app's settings dialog both call `edit_details`
with what the moderator typed (dates as 31.01.2027 or 31.01., times as 9:30, the
distribution list separated by ";"), so both accept the same forms.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from facilitator.core.dates import format_date, parse_date, reference_day
from facilitator.core.errors import ValidationError
from facilitator.core.rules import check_value
from facilitator.core.schedule import format_clock, parse_clock
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.workshops import get_workshop, update_workshop, workshop_row


@dataclass(frozen=True)
class DetailField:
    key: str  # the form's name, also the CLI option (with "-" for "_")
    column: str  # the workshop column it sets
    kind: str  # text | date | clock | list | series | exact (spaces kept: a password)


# The settings dialog shows these in this order; another area adds its fields here.
DETAIL_FIELDS: list[DetailField] = [
    DetailField("title", "title", "text"),
    DetailField("date", "date", "date"),
    DetailField("start", "start", "clock"),
    DetailField("end", "end", "clock"),
    DetailField("venue", "venue", "text"),
    DetailField("series", "series_id", "series"),
    DetailField("moderation", "moderation", "text"),
    DetailField("minutes_by", "minute_taker", "text"),
    DetailField("distribution", "distribution", "list"),
    DetailField("next_date", "next_date", "date"),
    DetailField("next_venue", "next_venue", "text"),
    DetailField("wifi_name", "wifi_name", "text"),  # printed on the QR poster
    DetailField("wifi_password", "wifi_password", "exact"),
]
MAX_DETAIL = 2_000


def details_of(store: Store, workshop_id: str) -> dict[str, str]:
    """Return each detail as the form shows it (German dates, ";"-separated list)."""
    row = workshop_row(store, workshop_id)
    out: dict[str, str] = {}
    for field in DETAIL_FIELDS:
        value = row.get(field.column)
        if field.kind == "date":
            out[field.key] = format_date(value) if value else ""
        elif field.kind == "list":
            out[field.key] = "; ".join(_list(value))
        elif field.kind == "series":
            out[field.key] = _series_name(store, value)
        else:
            out[field.key] = "" if value is None else str(value)
    return out


def _list(value: Any) -> list[str]:
    import json

    if isinstance(value, str) and value.startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            pass
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return [line for line in str(value or "").splitlines() if line.strip()]


def _series_name(store: Store, series_id: str | None) -> str:
    from facilitator.store.series import list_series

    return next((s.name for s in list_series(store) if s.id == series_id), "")


def edit_details(store: Store, workshop_id: str, today: date, **typed: str | None) -> list[str]:
    """Set the typed details (None = unchanged, "" = cleared); return the keys changed.

    Everything is checked before anything is written; one op carries all changes.
    """
    workshop = get_workshop(store, workshop_id)
    fields: dict[str, Any] = {}
    series_name: str | None = None
    for field, value in _named_fields(typed):
        text = _typed_text(field, value)
        if field.kind == "series":
            series_name = text
        else:
            fields[field.column] = _parsed(field, text, _date_base(field.key, workshop.date, today))
    _write(store, workshop.id, fields, series_name)
    return [f.key for f in DETAIL_FIELDS if f.column in fields]


def _named_fields(typed: dict[str, str | None]) -> list[tuple[DetailField, str]]:
    """The fields typed (not None); ValidationError naming any unknown key."""
    by_key = {f.key: f for f in DETAIL_FIELDS}
    unknown = [k for k in typed if k not in by_key]
    if unknown:
        raise ValidationError(lazy("Unbekannte Felder: {unknown}.", unknown=", ".join(unknown)))
    return [(by_key[k], v) for k, v in typed.items() if v is not None]


def _write(store: Store, workshop_id: str, fields: dict[str, Any], series: str | None) -> None:
    """One op for all changes; a series named for the first time is created with it."""
    with store.transaction():
        if series is not None:
            from facilitator.store.series import ensure_series

            fields["series_id"] = ensure_series(store, series) if series else None
        if fields:
            update_workshop(store, workshop_id, **fields)


def _typed_text(field: DetailField, value: str) -> str:
    """What was typed, spaces tidied (kept in a list and a password); ValidationError if long."""
    text = str(value).strip() if field.kind in ("list", "exact") else " ".join(str(value).split())
    if len(text) > MAX_DETAIL:
        raise ValidationError(
            lazy(
                "„{key}“ ist länger als {max_detail} Zeichen.", key=field.key, max_detail=MAX_DETAIL
            )
        )
    return text


def _date_base(key: str, workshop_date: str | None, today: date) -> date:
    # the workshop's own date counts from today; the next date from the workshop
    return today if key == "date" else reference_day(workshop_date, today)


def _parsed(field: DetailField, text: str, base: date) -> Any:
    """The column's value for the typed text ("" clears a date or a time)."""
    if field.kind == "date":
        return parse_date(text, base, label=f"{field.key}: ") if text else None
    if field.kind == "clock":
        return _clock(field.key, text) if text else None
    if field.kind == "list":
        return [p.strip() for p in text.replace("\n", ";").split(";") if p.strip()]
    return _checked(field.key, field.column, text)


def _checked(key: str, column: str, value: str) -> str:
    # the column's own rule (core.rules), with the field named: "Der Text ist länger
    # als 64 Zeichen" alone does not say which input to shorten
    try:
        return check_value("workshop", column, value)
    except ValidationError as err:
        raise ValidationError(lazy("„{key}“: {problem}", key=key, problem=err)) from None


def _clock(key: str, value: str) -> str:
    try:
        return format_clock(parse_clock(value))
    except ValueError:
        raise ValidationError(
            lazy("„{key}“ muss eine Uhrzeit HH:MM sein, nicht {value}.", key=key, value=repr(value))
        ) from None


def today_of(store: Store) -> date:
    """Return the store clock's day (the CLI and the app pass it to `edit_details`)."""
    return datetime.fromtimestamp(store.now_ms() / 1000).date()
