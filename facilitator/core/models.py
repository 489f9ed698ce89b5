"""Provides the workshop's domain objects as plain dataclasses."""

from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, ClassVar, Self


class _FromRow:
    """Builds a dataclass from a database row, ignoring columns it does not know.

    A value that breaks its field's rule (stored by an older version, or written into
    the file by hand) is read as the field's default, so no page or export fails on it.
    """

    _table: ClassVar[str] = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        known = _defaults(cls)
        values = {k: v for k, v in row.items() if k in known}
        if cls._table:
            from facilitator.core.rules import readable  # rules -> schedule -> models

            values = readable(cls._table, values, {k: d() for k, d in known.items() if d})
        return cls(**values)


_DEFAULTS: dict[type, dict[str, Callable[[], Any] | None]] = {}  # per class, made once


def _defaults(cls: type) -> dict[str, Callable[[], Any] | None]:
    """Return each field of a dataclass with a maker of its default (None: no default)."""
    known = _DEFAULTS.get(cls)
    if known is None:
        known = _DEFAULTS[cls] = _default_makers(cls)
    return known


def _default_makers(cls: type) -> dict[str, Callable[[], Any] | None]:
    found: dict[str, Callable[[], Any] | None] = {}
    for f in fields(cls):
        if f.default is not MISSING:
            found[f.name] = _constant(f.default)
        elif f.default_factory is not MISSING:
            found[f.name] = f.default_factory
        else:
            found[f.name] = None
    return found


def _constant(value: object) -> Callable[[], object]:
    return lambda: value


@dataclass
class Series(_FromRow):
    _table: ClassVar[str] = "series"

    id: str
    name: str
    description: str = ""


@dataclass
class Workshop(_FromRow):
    _table: ClassVar[str] = "workshop"

    id: str
    title: str
    date: str | None = None  # ISO date YYYY-MM-DD
    start: str = "09:00"
    end: str | None = None
    venue: str = ""
    series_id: str | None = None
    lang: str = "de"
    description: str = ""
    moderation: str = ""
    minute_taker: str = ""
    next_date: str | None = None
    join_code: str | None = None
    created_at: str = ""
    wifi_name: str = ""
    wifi_password: str = ""


@dataclass
class AgendaItem(_FromRow):
    _table: ClassVar[str] = "agenda_item"

    id: str
    workshop_id: str
    position: float
    title: str
    minutes: int
    kind: str = "block"  # block | break | pinned
    at: str | None = None  # HH:MM, pinned items only
    method: str | None = None
    capture: list[str] = field(default_factory=list)
    notes: str = ""
    collection_open: int = 0
    voting_open: int = 0
    dot_budget: int = 3
    results_revealed: int = 0


@dataclass
class Organisation(_FromRow):
    _table: ClassVar[str] = "organisation"

    id: str
    name: str
    org_type: str = "sonstige"
    municipality: str = ""
    merged_into: str | None = None
    pending: int = 0  # typed on a phone, not yet accepted by a moderator


@dataclass
class Participant(_FromRow):
    _table: ClassVar[str] = "participant"

    id: str
    workshop_id: str
    name: str
    organisation_id: str | None = None
    organisation: str = ""  # name, filled in by queries
    org_type: str = "sonstige"
    municipality: str = ""
    email: str = ""
    consent: int = 0
    consent_at: str | None = None
    consent_text_version: str | None = None
    present: int = 0
    client_id: str | None = None  # the phone identity that created the record


@dataclass
class Capture(_FromRow):
    _table: ClassVar[str] = "capture"

    id: str
    workshop_id: str
    kind: str
    text: str
    agenda_item_id: str | None = None
    topic: str | None = None
    organisation_id: str | None = None
    organisation: str = ""  # name, filled in by queries
    status: str | None = None  # measures
    owner: str | None = None  # to-dos
    due: str | None = None  # to-dos, ISO date
    votes: int = 0  # dots counted on a flipchart
    source: str = "moderator"  # moderator | participant
    author: str = ""
    hidden: int = 0
    created_at: str = ""
    hlc: str = ""
    rank: float | None = None  # order within its protocol group, set on the review screen
    merged_into: str | None = None  # the capture this near-duplicate was merged into


@dataclass(frozen=True)
class TimerEvent:
    """One press of a timer key; the timer's state is derived from these."""

    kind: str  # start | pause | extend | skip | finish
    item_id: str | None
    at_ms: int
    minutes: int = 0
    order: str = ""  # hlc@node: the merge order across laptops
