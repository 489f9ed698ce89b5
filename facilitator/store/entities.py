"""Provides each entity declared once: its columns (type, required, editable, personal, JSON,
default) and its op verbs; the projection columns, editable fields and personal fields
elsewhere are derived from here.

Standard library only: store/columns.py derives COLUMNS from this at start-up, which
must stay cheap. A column's rule is the pure function in core/rules.py (`rule_of`); a
test holds RULES, REQUIRED, the services and op validation to this declaration. Adding
a column is one line here plus one migration step in store/schema.py.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Column:
    """One projection column of an entity table (besides id and clocks)."""

    type: type = str
    required: bool = False  # refused as None, and needed when the entity is created
    editable: bool = False  # a service's update may set it
    personal: bool = False  # identifies a person: erased from every op payload
    json: bool = False  # stored as JSON text (lists, objects)
    default: Any = None  # the database's default for a new row


@dataclass(frozen=True)
class Entity:
    """A table of the op log's projections: its columns and the verbs its ops use."""

    verbs: tuple[str, ...]
    columns: dict[str, Column] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # ("set") is a string, not a tuple: its letters would become the verbs
        if isinstance(self.verbs, str) or not all(isinstance(v, str) for v in self.verbs):
            raise TypeError(f"verbs must be a tuple of names, not {self.verbs!r}")

    def names(self, **flags: bool) -> frozenset[str]:
        """Return the columns whose flags (required, editable, personal, json) all match."""
        return frozenset(
            name
            for name, column in self.columns.items()
            if all(getattr(column, flag) == wanted for flag, wanted in flags.items())
        )


ENTITIES: dict[str, Entity] = {
    "series": Entity(
        verbs=("create",),
        columns={
            "name": Column(str, required=True),
            "description": Column(str),
            "deleted": Column(int, default=0),
        },
    ),
    "workshop": Entity(
        verbs=("create", "update", "delete", "purge"),
        columns={
            "title": Column(str, required=True, editable=True),
            "date": Column(str, editable=True),
            "start": Column(str, editable=True),
            "end": Column(str, editable=True),
            "venue": Column(str, editable=True),
            "series_id": Column(str, editable=True),
            "lang": Column(str, editable=True),
            "description": Column(str, editable=True),
            "goals": Column(str, editable=True, json=True),
            "moderation": Column(str, editable=True),
            "minute_taker": Column(str, editable=True),
            "distribution": Column(str, editable=True, json=True),
            "next_date": Column(str, editable=True),
            # since 0002: start time and venue of the next date (the .ics invitation)
            "next_start": Column(str, editable=True),
            "next_venue": Column(str, editable=True),
            "next_steps": Column(str, editable=True),
            "join_code": Column(str),
            "created_at": Column(str),
            # since 0006: the venue's Wi-Fi, printed on the QR poster
            "wifi_name": Column(str, editable=True),
            "wifi_password": Column(str, editable=True),
            "deleted": Column(int, default=0),
        },
    ),
    "agenda_item": Entity(
        verbs=("add", "update", "move", "remove", "restore"),
        columns={
            "workshop_id": Column(str, required=True),
            "position": Column(float),
            "title": Column(str, required=True, editable=True),
            "minutes": Column(int, required=True, editable=True),
            "kind": Column(str, editable=True),
            "at": Column(str, editable=True),
            "method": Column(str, editable=True),
            "capture": Column(str, editable=True, json=True),
            "notes": Column(str, editable=True),
            "collection_open": Column(int, editable=True, default=0),
            "voting_open": Column(int, editable=True, default=0),
            "dot_budget": Column(int, editable=True, default=3),
            "results_revealed": Column(int, editable=True, default=0),
            "deleted": Column(int, default=0),
        },
    ),
    "organisation": Entity(
        verbs=("add", "update", "merge", "accept"),
        columns={
            "name": Column(str, required=True),
            "org_type": Column(str),
            "municipality": Column(str),
            "merged_into": Column(str),
            # since 0003: typed on a phone, kept out of the shared list until a moderator
            # accepts it (the projection's name_key column is local: see schema 0003)
            "pending": Column(int, default=0),
            "deleted": Column(int, default=0),
        },
    ),
    "participant": Entity(
        verbs=("add", "update", "consent", "delete", "restore", "erase"),
        columns={
            "workshop_id": Column(str, required=True),
            "name": Column(str, required=True, personal=True),
            "organisation_id": Column(str, personal=True),
            "email": Column(str, personal=True),
            "consent": Column(int, default=0),
            "consent_at": Column(str),
            "consent_text_version": Column(str),
            # since 0004: where consent came from (phone, csv, paper, app), when it was
            # first given (kept on withdrawal) and withdrawn; the phone identity
            "consent_source": Column(str),
            "consent_given_at": Column(str),
            "consent_withdrawn_at": Column(str),
            "client_id": Column(str, personal=True),
            "present": Column(int, default=0),
            "role": Column(str),
            "source": Column(str),
            "created_at": Column(str),
            "deleted": Column(int, default=0),
        },
    ),
    "capture": Entity(
        verbs=("add", "edit", "delete", "restore"),
        columns={
            "workshop_id": Column(str, required=True),
            "agenda_item_id": Column(str, editable=True),
            "kind": Column(str, required=True, editable=True),
            "text": Column(str, required=True, editable=True),
            "topic": Column(str, editable=True),
            "organisation_id": Column(str, editable=True),
            "status": Column(str, editable=True),
            "owner": Column(str, editable=True),
            "due": Column(str, editable=True),
            "votes": Column(int, editable=True, default=0),
            "source": Column(str),
            "author": Column(str),
            "hidden": Column(int, editable=True, default=0),
            "created_at": Column(str),
            "hlc": Column(str),
            # since 0005: order within its protocol group; the capture it was merged into
            "rank": Column(float, editable=True),
            "merged_into": Column(str, editable=True),
            "deleted": Column(int, default=0),
        },
    ),
    # since 0005: photos of flipcharts and pinboards; id = sha256 of the stored JPEG
    "photo": Entity(
        verbs=("add", "edit", "delete"),
        columns={
            "workshop_id": Column(str, required=True),
            "agenda_item_id": Column(str),
            "caption": Column(str),
            # base64 of the scaled, EXIF-free JPEG (the op carries it to the peer)
            "jpeg": Column(str, required=True),
            "width": Column(int),
            "height": Column(int),
            "size": Column(int),
            "created_at": Column(str),
            "deleted": Column(int, default=0),
        },
    ),
    "vote": Entity(
        verbs=("set",),
        columns={
            "workshop_id": Column(str, required=True),
            "capture_id": Column(str, required=True),
            "agenda_item_id": Column(str),
            "voter": Column(str, required=True),
            "dots": Column(int, required=True),
        },
    ),
    # since 0007: live activities on the phones, their answers, the Q&A's questions
    "activity": Entity(
        verbs=("add", "edit"),
        columns={
            "workshop_id": Column(str, required=True),
            "agenda_item_id": Column(str),
            "type": Column(str, required=True),
            "prompt": Column(str),
            "activity_config": Column(str, json=True),
            "is_open": Column(int, default=0),
            "results_revealed": Column(int, default=0),
            "hidden_words": Column(str, json=True),
            "started_at": Column(str),
            "stopped_at": Column(str),
            "created_at": Column(str),
            "hlc": Column(str),
            "deleted": Column(int, default=0),
        },
    ),
    "activity_answer": Entity(
        verbs=("set",),
        columns={
            "workshop_id": Column(str, required=True),
            "activity_id": Column(str, required=True),
            "voter": Column(str, required=True),
            "answer_value": Column(str, json=True),
            "answered_at": Column(str),
        },
    ),
    "activity_question": Entity(
        verbs=("add", "edit"),
        columns={
            "workshop_id": Column(str, required=True),
            "activity_id": Column(str, required=True),
            "voter": Column(str),
            "text": Column(str, required=True),
            "answered": Column(int, default=0),
            "hidden": Column(int, default=0),
            "created_at": Column(str),
            "hlc": Column(str),
            "deleted": Column(int, default=0),
        },
    ),
}


def editable_columns(table: str) -> frozenset[str]:
    """Return the columns a service may change on an existing row of `table`."""
    return ENTITIES[table].names(editable=True)


def personal_columns(table: str) -> frozenset[str]:
    """Return the columns of `table` that identify a person."""
    return ENTITIES[table].names(personal=True)


def rule_of(table: str, column: str) -> Any:
    """Return the pure function (core/rules.py) that checks one column's values."""
    from facilitator.core.rules import rule_for  # core: only where a rule is asked for

    return rule_for(table, column, ENTITIES[table].columns[column].type)
