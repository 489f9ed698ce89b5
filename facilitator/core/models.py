"""Provides the workshop's domain objects as plain dataclasses."""

from dataclasses import dataclass, field, fields
from typing import Any, Self


class _FromRow:
    """Builds a dataclass from a database row, ignoring columns it does not know."""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in row.items() if k in names})


@dataclass
class Series(_FromRow):
    id: str
    name: str
    description: str = ""


@dataclass
class Workshop(_FromRow):
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
    id: str
    name: str
    org_type: str = "sonstige"
    municipality: str = ""
    merged_into: str | None = None


@dataclass
class Participant(_FromRow):
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


@dataclass
class Capture(_FromRow):
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


@dataclass(frozen=True)
class TimerEvent:
    """One press of a timer key; the timer's state is derived from these."""

    kind: str  # start | pause | extend | skip | finish
    item_id: str | None
    at_ms: int
    minutes: int = 0
    order: str = ""  # hlc@node: the merge order across laptops
