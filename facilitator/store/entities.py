"""Provides each table declared once: its columns (type, required, editable, personal, JSON,
default) and its op verbs, from which the rest of store/ derives what it needs.

Derived from here: the projection columns, JSON columns and defaults (store/columns.py),
the services' editable fields (workshops, agenda, captures), the required fields and
op verbs of op validation (store/op_check.py), the fields erasure removes
(store/erasure.py) and the fields of the access report (`participants show`).

A column's rule is the pure function in core/rules.py (`rule_of`); a column without a
rule of its own is checked by its type, an editable one must have its own (a test says
so). Adding a column is one line here plus one migration step at the end of
store/schema.py (tests/store/test_entities.py shows it).

Standard library only: store/columns.py derives COLUMNS from this at start-up, which
must stay cheap (core/rules.py loads the activities' word lists: about 0.1 s).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any


@dataclass(frozen=True)
class Column:
    """One projection column of an entity table (besides id and clocks)."""

    type: type = str
    required: bool = False  # refused as None, and needed when the entity is created
    editable: bool = False  # the entity's update service may set it
    personal: bool = False  # identifies a person: erasure removes it from rows and op payloads
    cleared: bool = False  # the person's consent trail: erasure clears it in the row
    json: bool = False  # stored as JSON text (lists, objects)
    default: Any = None  # the database's default for a new row


@dataclass(frozen=True)
class Entity:
    """A projection table of the op log: its columns and the verbs its ops use."""

    verbs: tuple[str, ...]
    columns: dict[str, Column] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # ("set") is a string, not a tuple: its letters would become the verbs
        if isinstance(self.verbs, str) or not all(isinstance(v, str) for v in self.verbs):
            raise TypeError(f"verbs must be a tuple of names, not {self.verbs!r}")

    def names(self, **flags: bool) -> tuple[str, ...]:
        """Return the columns whose flags (required, editable, personal, …) all match, in order."""
        return tuple(
            name
            for name, column in self.columns.items()
            if all(getattr(column, flag) == wanted for flag, wanted in flags.items())
        )


def _flag() -> Column:
    return Column(int, default=0)


ENTITIES: dict[str, Entity] = {
    "series": Entity(
        verbs=("create",),
        columns={
            "name": Column(str, required=True),
            "description": Column(str),
            "deleted": _flag(),
        },
    ),
    "workshop": Entity(
        verbs=("create", "update", "delete", "purge", "erase"),
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
            # since 0050: the room's phones share one address (NAT): per-address caps rise
            "phones_share_address": Column(int, editable=True),
            "deleted": _flag(),
            # since 0060: 1 = no join corner on the projector
            "beamer_join_hidden": Column(int, editable=True),
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
            "deleted": _flag(),
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
            "pending": _flag(),
            "deleted": _flag(),
        },
    ),
    "participant": Entity(
        verbs=("add", "update", "consent", "delete", "restore", "erase"),
        columns={
            "workshop_id": Column(str, required=True),
            "name": Column(str, required=True, personal=True),
            "organisation_id": Column(str, personal=True),
            "email": Column(str, personal=True),
            "consent": _flag(),
            "consent_at": Column(str, cleared=True),
            "consent_text_version": Column(str, cleared=True),
            # since 0004: where consent came from (phone, csv, paper, app), when it was
            # first given (kept on withdrawal) and withdrawn; the phone identity
            "consent_source": Column(str, cleared=True),
            "consent_given_at": Column(str, cleared=True),
            "consent_withdrawn_at": Column(str, cleared=True),
            "client_id": Column(str, personal=True),
            "present": _flag(),
            "role": Column(str),
            "source": Column(str),
            "created_at": Column(str),
            "deleted": _flag(),
        },
    ),
    "capture": Entity(
        verbs=("add", "edit", "delete", "restore", "redact"),
        columns={
            "workshop_id": Column(str, required=True),
            "agenda_item_id": Column(str, editable=True),
            "kind": Column(str, required=True, editable=True),
            "text": Column(str, required=True, editable=True),
            "topic": Column(str, editable=True),
            "organisation_id": Column(str, editable=True),
            "status": Column(str, editable=True),
            # a person's name as typed: emptied where it names an erased person
            "owner": Column(str, editable=True, personal=True),
            "due": Column(str, editable=True),
            "votes": Column(int, editable=True, default=0),
            "source": Column(str),
            "author": Column(str, personal=True),
            "hidden": Column(int, editable=True, default=0),
            "created_at": Column(str),
            "hlc": Column(str),
            # since 0005: order within its protocol group; the capture it was merged into
            "rank": Column(float, editable=True),
            "merged_into": Column(str, editable=True),
            "deleted": _flag(),
        },
    ),
    # since 0005: photos of flipcharts and pinboards; id = sha256 of the stored JPEG
    "photo": Entity(
        verbs=("add", "edit", "delete", "redact", "erase"),
        columns={
            "workshop_id": Column(str, required=True),
            "agenda_item_id": Column(str),
            "caption": Column(str),
            # base64 of the scaled, EXIF-free JPEG (the op carries it to the peer)
            "jpeg": Column(str, required=True),
            "width": Column(int),
            "height": Column(int),
            "size": Column(int),  # bytes of the JPEG
            "created_at": Column(str),
            "deleted": _flag(),
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
            "is_open": _flag(),
            "results_revealed": _flag(),
            "hidden_words": Column(str, json=True),
            "started_at": Column(str),
            "stopped_at": Column(str),
            "created_at": Column(str),
            "hlc": Column(str),
            "deleted": _flag(),
        },
    ),
    "activity_answer": Entity(
        verbs=("set", "redact"),
        columns={
            "workshop_id": Column(str, required=True),
            "activity_id": Column(str, required=True),
            "voter": Column(str, required=True),
            "answer_value": Column(str, json=True),
            "answered_at": Column(str),
        },
    ),
    "activity_question": Entity(
        verbs=("add", "edit", "redact"),
        columns={
            "workshop_id": Column(str, required=True),
            "activity_id": Column(str, required=True),
            "voter": Column(str),
            "text": Column(str, required=True),
            "answered": _flag(),
            "hidden": _flag(),
            "created_at": Column(str),
            "hlc": Column(str),
            "deleted": _flag(),
        },
    ),
    # since 0030: a phone's registration that matches someone it did not create; kept
    # apart, nothing of the person changes until a moderator decides; what it says about
    # the person is forgotten once it is decided (store/erasure.py)
    "claim": Entity(
        verbs=("add", "update", "decide"),
        columns={
            "workshop_id": Column(str, required=True),
            "participant_id": Column(str, required=True),
            "client_id": Column(str, personal=True),
            "name": Column(str, required=True, personal=True),
            "organisation": Column(str, personal=True),
            "org_type": Column(str),
            "municipality": Column(str, personal=True),
            "email": Column(str, personal=True),
            "consent": _flag(),
            "consent_text_version": Column(str),
            "status": Column(str, required=True),
            "created_at": Column(str),
            "decided_at": Column(str),
            "deleted": _flag(),
        },
    ),
    # since 0061: where each laptop serves phones, so a phone can move to the other one
    "phone_server": Entity(
        verbs=("set",),
        columns={
            "workshop_id": Column(str, required=True),
            "urls": Column(str, required=True, json=True),
            "at": Column(str),
        },
    ),
}

# Tables this laptop keeps for itself, never carried by an op: tombstones that stop old
# ops or backups from bringing erased data back, and the redactions' new values.
LOCAL_TABLES: dict[str, dict[str, type]] = {
    "erasure": {"participant_id": str, "erased_at": str},  # since 0004
    "purged_workshop": {"workshop_id": str, "purged_at": str},  # since 0004
    "erased_key": {"fingerprint": str, "workshop_id": str, "erased_at": str},  # since 0031
    "redaction": {"entity": str, "row_id": str, "fields": str},  # since 0032
    "erased_workshop": {"workshop_id": str, "erased_at": str},  # since 0040
    "erased_photo": {"photo_id": str, "erased_at": str},  # since 0040
}


def editable_columns(table: str) -> frozenset[str]:
    """Return the columns the update service of `table` may change on an existing row."""
    return frozenset(ENTITIES[table].names(editable=True))


@cache  # asked for each field of each op a sync brings
def required_columns(table: str) -> tuple[str, ...]:
    """Return the columns an entity of `table` cannot be without (empty for an unknown table)."""
    entity = ENTITIES.get(table)
    return entity.names(required=True) if entity is not None else ()


def personal_columns(table: str) -> tuple[str, ...]:
    """Return the columns of `table` that identify a person (erasure removes them)."""
    return ENTITIES[table].names(personal=True)


def erased_columns(table: str) -> tuple[str, ...]:
    """Return what erasure clears in a person's row: the personal columns and the trail."""
    entity = ENTITIES[table]
    return tuple(n for n, c in entity.columns.items() if c.personal or c.cleared)


def rule_of(table: str, column: str) -> Callable[[Any], Any]:
    """Return the pure function (core/rules.py) that checks one declared column's values."""
    from facilitator.core.rules import rule_for  # ~0.1 s: only when a rule is asked for

    return rule_for(table, column, ENTITIES[table].columns[column].type)
