"""Provides the data-subject services: find a person, show everything, erase, purge.

Art. 15/20: `person_report` gathers every row, the consent history (from the op log)
with the texts agreed to, and the submissions the person signed with their name.
Art. 17: `erase_people` records one erase op per row (see `erasure`); `purge_before`
records one purge op per workshop held before a date (Art. 5(1)(e), retention).
`contact_now` and `contact_withheld` let a practice example name a person only while
they consent now (see core/example_format).
"""

import json
import re
from typing import Any

from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.models import Participant
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.entities import personal_columns
from facilitator.store.erasure import ERASE_KIND, PURGE_KIND
from facilitator.store.name_hits import name_hits
from facilitator.store.oplog import record
from facilitator.store.participants import _SELECT
from facilitator.store.queries import rows

# The person's own fields in the access report, first: the personal columns declared in
# store/entities.py (a reference shown as what it names), then whether they attended.
_SHOWN_AS = {"organisation_id": ("organisation", "org_type", "municipality")}
REPORT_FIELDS = (
    "id",
    *(shown for c in personal_columns("participant") for shown in _SHOWN_AS.get(c, (c,))),
    "present",
)


def _places(store: Store, person: Participant, phone: str | None) -> dict[str, list]:
    """What else names or belongs to the person (Art. 15): the places erasure
    searches (name forms in free text), owned to-dos, the phone's answers and questions,
    photos whose caption names them."""
    hits = name_hits(store, [person])
    answers = (
        rows(
            store,
            "SELECT activity_id, answer_value, answered_at FROM activity_answer "
            "WHERE workshop_id = ? AND voter = ?",
            [person.workshop_id, phone],
        )
        if phone
        else []
    )
    questions = (
        rows(
            store,
            "SELECT id, text, created_at FROM activity_question WHERE workshop_id = ? "
            "AND voter = ? AND deleted = 0",
            [person.workshop_id, phone],
        )
        if phone
        else []
    )
    return {
        "name_hits": [
            {"place": h.place, "id": h.row_id, "text": h.text, "forms": list(h.forms)} for h in hits
        ],
        "owned_todos": [{"id": h.row_id, "owner": h.text} for h in hits if h.place == "owner"],
        "answers": answers,
        "questions": questions,
        "photos": [{"id": h.row_id, "caption": h.text} for h in hits if h.place == "photo"],
    }


class AmbiguousPerson(ValidationError):
    """A name two people share: the message lists the candidates, one line each."""


def find_people(store: Store, text: str) -> list[Participant]:
    """Return the rows for a person given by id, e-mail or exact name (in every workshop)."""
    text = " ".join(str(text).split())
    live = " AND p.deleted = 0 AND p.name IS NOT NULL"
    for where, value in (
        ("p.id = ?", text),
        ("lower(p.email) = lower(?) AND p.email != ''", text),
        ("p.name = ?", text),
    ):
        found = rows(store, _SELECT + f" WHERE {where}{live} ORDER BY p.created_at", [value])
        if found:
            people = [Participant.from_row(r) for r in found]
            if where == "p.name = ?":
                _one_identity(people, text)
            return people
    raise NotFound(
        lazy(
            "Eine Person {text} gibt es nicht (Id, E-Mail-Adresse oder genauer Name).",
            text=repr(text),
        )
    )


def _identity(person: Participant) -> str:
    """Who a row is beyond the name: the e-mail address, else the organisation."""
    if person.email:
        return "email:" + person.email.casefold()
    return "org:" + " ".join(person.organisation.split()).casefold()


def _one_identity(people: list[Participant], name: str) -> None:
    """AmbiguousPerson if rows found by a name belong to more than one person (23.7).

    The same name with the same e-mail (or, without one, the same organisation) in two
    workshops is one person; otherwise two people share the name and the caller must
    say which one: the candidates are named by id, never merged into one report.
    """
    if len({_identity(p) for p in people}) <= 1:
        return
    lines = [f"  {p.id}  {p.name} – {p.organisation or '–'} – {p.email or '–'}" for p in people]
    head = lazy(
        "{count} Einträge heißen {name}; bitte die Id oder E-Mail angeben:",
        count=len(people),
        name=repr(name),
    )
    raise AmbiguousPerson(head, [head, *lines])


def erase_people(store: Store, people: list[Participant]) -> int:
    """Erase each row (projection, earlier ops, submissions' author) in one transaction."""
    with store.transaction():
        for person in people:
            record(store, ERASE_KIND, {"id": person.id}, person.workshop_id)
    return len(people)


def _due_for_purge(store: Store, before: str) -> list[str]:
    """Return the ids of the workshops held before `before` that were not purged yet."""
    # A workshop without a date counts from the day it was created: none escapes purge.
    workshops = rows(
        store,
        "SELECT id FROM workshop WHERE title IS NOT NULL "
        "AND coalesce(nullif(date, ''), substr(created_at, 1, 10)) < ? "
        "AND id NOT IN (SELECT workshop_id FROM purged_workshop)",
        [before],
    )
    return [w["id"] for w in workshops]


def past_retention(store: Store, days: int, today: str) -> int:
    """Return how many workshops are older than `days` before `today` and not purged yet."""
    from datetime import date, timedelta

    cutoff = (date.fromisoformat(today) - timedelta(days=days)).isoformat()
    return len(_due_for_purge(store, cutoff))


def purge_people(store: Store, before: str) -> list[Participant]:
    """Return the people `purge_before(before)` would erase (to clean files outside the store)."""
    found = []
    for workshop_id in _due_for_purge(store, before):
        found += rows(
            store,
            _SELECT + " WHERE p.workshop_id = ? AND p.name IS NOT NULL AND p.deleted = 0",
            [workshop_id],
        )
    return [Participant.from_row(r) for r in found]


def purge_before(store: Store, before: str) -> int:
    """Remove the personal data of workshops held before `before` (ISO date); return people.

    One purge op per workshop: it erases every participant (as `erase_people` does) and
    the names on the workshop's captures (author, to-do owner), here and on the other laptop.
    """
    ids = _due_for_purge(store, before)
    count = 0
    with store.transaction():
        for workshop_id in ids:
            count += store.conn.execute(
                "SELECT count(*) FROM participant WHERE workshop_id = ? AND name IS NOT NULL "
                "AND deleted = 0",
                [workshop_id],
            ).fetchone()[0]
            record(store, PURGE_KIND, {"id": workshop_id}, workshop_id)
    return count


def person_report(store: Store, people: list[Participant]) -> dict[str, Any]:
    """Return everything stored about one person: rows, consent history, texts, submissions."""
    entries = [_person_entry(store, person) for person in people]
    return {"person": people[0].name if people else "", "entries": entries}


def _person_entry(store: Store, person: Participant) -> dict[str, Any]:
    """What one workshop holds about the person."""
    raw = rows(store, "SELECT * FROM participant WHERE id = ?", [person.id])[0]
    workshop = rows(store, "SELECT title, date FROM workshop WHERE id = ?", [person.workshop_id])
    history = _consent_history(store, person.id, raw.get("client_id"))
    texts = {
        r["version"]: r["text"]
        for r in rows(store, "SELECT version, text FROM consent_text")
        if any(h["text_version"] == r["version"] for h in history)
    }
    return {
        "workshop": {"id": person.workshop_id, **(workshop[0] if workshop else {})},
        "participant": {
            **raw,
            "organisation": person.organisation,
            "org_type": person.org_type,
            "municipality": person.municipality,
        },
        "consent_history": history,
        "consent_texts": texts,
        "submissions": _submissions(store, person),
        **_places(store, person, raw.get("client_id")),
    }


def _consent_history(
    store: Store, participant_id: str, client_id: str | None
) -> list[dict[str, Any]]:
    """Every consent given or withdrawn, from the person's ops in order."""
    history = []
    for op in rows(
        store,
        "SELECT kind, payload, created_at, node FROM op WHERE kind LIKE 'participant.%' "
        "AND json_extract(payload, '$.id') = ? ORDER BY hlc, node",
        [participant_id],
    ):
        payload = json.loads(op["payload"])
        if "consent" in payload and (op["kind"] != "participant.add" or payload["consent"]):
            history.append(_consent_event(op, payload, client_id))
    return history


def _consent_event(op: Any, payload: dict[str, Any], client_id: str | None) -> dict[str, Any]:
    from_phone = payload.get("consent_source") == "phone"
    return {
        "at": payload.get("consent_at") or op["created_at"],
        "consent": bool(payload["consent"]),
        "source": payload.get("consent_source"),
        "given_at": payload.get("consent_given_at"),
        "text_version": payload.get("consent_text_version"),
        # a phone's claim a moderator confirmed: the consent came from it
        "claim": payload.get("_claim"),
        # which phone: only the one that owns the record can change it
        "phone": (payload.get("client_id") or client_id or "")[:8] if from_phone else "",
    }


def _submissions(store: Store, person: Participant) -> list[dict[str, Any]]:
    """The captures the person wrote (by author name) in their workshop."""
    return [
        {"kind": c["kind"], "text": c["text"], "created_at": c["created_at"]}
        for c in rows(
            store,
            "SELECT kind, text, created_at, author FROM capture WHERE workshop_id = ? "
            "AND deleted = 0 AND author != ''",
            [person.workshop_id],
        )
        if c["author"].strip().casefold() == person.name.casefold()
    ]


_LIVE = " AND p.deleted = 0 AND p.name IS NOT NULL"
_EMAIL = re.compile(r"[^\s<>,;()]+@[^\s<>,;()]+")


def contact_now(store: Store, participant_id: str) -> str:
    """Return "Name, e-mail" of the person if they consent now; "" if erased, withdrawn, unknown."""
    row = rows(store, _SELECT + " WHERE p.id = ?" + _LIVE + " AND p.consent = 1", [participant_id])
    if not row:
        return ""
    return ", ".join(filter(None, [row[0]["name"], row[0]["email"] or ""]))


def contact_withheld(store: Store, contact: str) -> bool:
    """True if a literal contact names a person the store knows who does not consent now.

    The person is found by an e-mail address in the text, else by the name before the
    first "," or "<". A person the store does not know is the writer's responsibility.
    """
    emails = [e.casefold() for e in _EMAIL.findall(contact)]
    name = re.split(r"[,<]", contact, maxsplit=1)[0].strip()
    found = []
    for email in emails:
        found += rows(store, _SELECT + " WHERE lower(p.email) = ?" + _LIVE, [email])
    if not found and name:
        found = rows(store, _SELECT + " WHERE p.name = ?" + _LIVE, [name])
    return bool(found) and not any(r["consent"] for r in found)
