"""Provides the activities' services: start, stop, reveal, answers from phones, Q&A, results.

One activity is open per workshop at a time (starting one stops the other). An
answer row is keyed by activity and voter ("<activity_id>:<voter>"), so a phone
answering again replaces its answer, a retry changes nothing, and the laptops
converge last-writer-wins per row; a question is a row of its own.
"""

import json
from typing import Any

from facilitator.core.activities import (
    ACTIVITY_TYPES,
    MAX_ANSWERS,
    MAX_QUESTIONS,
    QUESTIONS_PER_PHONE,
    UPVOTES_PER_PHONE,
    check_answer,
    check_config,
    check_question,
    check_type,
)
from facilitator.core.activity_results import activity_results
from facilitator.core.errors import NotFound, ValidationError
from facilitator.core.taxonomy import ROOM_KINDS
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.oplog import record
from facilitator.store.queries import one, rows, scalar

_SELECT = (
    "SELECT id, workshop_id, agenda_item_id, type, prompt, activity_config AS config, is_open,"
    " results_revealed, hidden_words, started_at, stopped_at, hlc FROM activity"
)
# Activities of a type this version does not know (from a newer laptop) stay in the log only.
_KNOWN = "type IN ({})".format(", ".join(f"'{t}'" for t in ACTIVITY_TYPES))


class ActivityClosed(ValidationError):
    """An answer to an activity that is not (or no longer) open."""


class NotYourAnswer(ValidationError):
    """A form answer for an organisation another phone has answered for."""


# A phone may fill the form for a few organisations (a moderator's phone at a table),
# not for every name it can type: each new one adds a measure and a challenge.
FORM_ORGANISATIONS_PER_PHONE = 3


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    config = row.get("config")
    if isinstance(config, str):  # aliased, so `rows` did not decode it
        try:
            config = json.loads(config)
        except json.JSONDecodeError:
            config = None
    row["config"] = _complete(config if isinstance(config, dict) else {})
    row["hidden_words"] = row["hidden_words"] or []
    row["is_open"], row["results_revealed"] = bool(row["is_open"]), bool(row["results_revealed"])
    return row


def _complete(config: dict[str, Any]) -> dict[str, Any]:
    """Fill what a config from a broken or newer peer lacks, so results and pages never fail."""
    from facilitator.core.activities import DEFAULT_AXES, DEFAULT_LABELS

    def texts(key: str, default: list[str]) -> list[str]:
        value: Any = config.get(key)
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return list(value) if ok else list(default)

    config = dict(config)
    config["statements"] = texts("statements", [])
    config["options"] = texts("options", [])
    config["ballot"] = texts("ballot", [])
    labels = texts("labels", DEFAULT_LABELS)
    config["labels"] = labels if len(labels) == 5 else list(DEFAULT_LABELS)
    axes = texts("axes", DEFAULT_AXES)
    config["axes"] = axes if len(axes) == 2 else list(DEFAULT_AXES)
    for key, default in (("budget", 3), ("per_item_max", 2)):
        value = config.get(key)
        config[key] = value if isinstance(value, int) and not isinstance(value, bool) else default
    fields = config.get("fields")
    config["fields"] = [f for f in (fields if isinstance(fields, list) else []) if _field_ok(f)]
    if not isinstance(config.get("merged"), dict):
        config["merged"] = {}
    return config


def _field_ok(field: Any) -> bool:
    return (
        isinstance(field, dict)
        and all(isinstance(field.get(k), str) for k in ("key", "kind", "de", "en"))
        and (field["kind"] != "choice" or isinstance(field.get("options"), list))
    )


def get_activity(store: Store, activity_id: str) -> dict[str, Any]:
    """Return an activity (config decoded); NotFound if there is none (a prefix is enough)."""
    found = rows(
        store,
        f"{_SELECT} WHERE {_KNOWN} AND deleted = 0 AND id LIKE ? || '%' ORDER BY hlc DESC LIMIT 2",
        [activity_id],
    )
    if len(found) != 1 or not activity_id:
        raise NotFound(
            lazy("Eine Aktivität {activity_id} gibt es nicht.", activity_id=repr(activity_id))
        )
    return _decoded(found[0])


def list_activities(store: Store, workshop_id: str) -> list[dict[str, Any]]:
    """Return the workshop's activities, oldest first, each with its answer count."""
    found = rows(
        store,
        f"{_SELECT} WHERE {_KNOWN} AND workshop_id = ? AND deleted = 0 ORDER BY hlc, id",
        [workshop_id],
    )
    counts = dict(
        store.conn.execute(
            "SELECT activity_id, count(*) FROM activity_answer WHERE workshop_id = ? "
            "GROUP BY activity_id",
            [workshop_id],
        ).fetchall()
    )
    return [{**_decoded(r), "answers": counts.get(r["id"], 0)} for r in found]


def open_activity(store: Store, workshop_id: str) -> dict[str, Any] | None:
    """Return the workshop's open activity, or None."""
    row = one(
        store,
        f"{_SELECT} WHERE {_KNOWN} AND workshop_id = ? AND deleted = 0 AND is_open = 1 "
        "ORDER BY hlc DESC",
        [workshop_id],
    )
    return _decoded(row) if row else None


def shown_activity(store: Store, workshop_id: str, item_id: str | None) -> dict[str, Any] | None:
    """Return the activity the room sees: the open one, else the last revealed one of the block."""
    found = open_activity(store, workshop_id)
    if found is not None:
        return found
    row = one(
        store,
        f"{_SELECT} WHERE {_KNOWN} AND workshop_id = ? AND deleted = 0 AND results_revealed = 1 "
        "AND coalesce(agenda_item_id, '') = coalesce(?, '') ORDER BY hlc DESC",
        [workshop_id, item_id],
    )
    return _decoded(row) if row else None


def start_activity(
    store: Store,
    workshop_id: str,
    kind: str,
    prompt: str,
    config: dict[str, Any] | None = None,
    *,
    agenda_item_id: str | None = None,
    reveal: bool = False,
) -> str:
    """Start an activity (stopping the open one); return its id. ValidationError if invalid."""
    kind = check_type(kind)
    prompt, clean = check_config(kind, prompt, dict(config or {}))
    activity_id = store.new_id()
    with store.transaction():
        before = open_activity(store, workshop_id)
        if before is not None:
            stop_activity(store, before["id"])
        record(
            store,
            "activity.add",
            {
                "id": activity_id,
                "workshop_id": workshop_id,
                "agenda_item_id": agenda_item_id,
                "type": kind,
                "prompt": prompt,
                "activity_config": clean,
                "is_open": 1,
                "results_revealed": int(reveal),
                "hidden_words": [],
                "started_at": store.now_text(),
                "created_at": store.now_text(),
            },
            workshop_id,
        )
    return activity_id


def _edit(store: Store, activity: dict[str, Any], **fields: Any) -> None:
    record(store, "activity.edit", {"id": activity["id"], **fields}, activity["workshop_id"])


def stop_activity(store: Store, activity_id: str) -> None:
    """Close an activity for answers (its results stay)."""
    activity = get_activity(store, activity_id)
    if activity["is_open"]:
        _edit(store, activity, is_open=0, stopped_at=store.now_text())


def delete_activity(store: Store, activity_id: str) -> None:
    """Delete an activity nobody answered (started by mistake, or aborted at once).

    One with answers or questions stays: what the room said is the protocol's, and a
    moderator's slip must not take it away (stop it instead).
    """
    activity = get_activity(store, activity_id)
    asked = scalar(
        store, "SELECT count(*) FROM activity_question WHERE activity_id = ?", [activity["id"]]
    )
    if _answer_count(store, activity["id"]) or asked:
        raise ValidationError(
            lazy("Diese Aktivität hat schon Antworten; sie bleibt (beenden geht).")
        )
    _edit(store, activity, is_open=0, deleted=1)


def reveal_results(store: Store, activity_id: str, revealed: bool = True) -> None:
    """Show (or hide again) an activity's results on the projector."""
    _edit(store, get_activity(store, activity_id), results_revealed=int(revealed))


def hide_word(store: Store, activity_id: str, word: str, hidden: bool = True) -> None:
    """Keep a word out of the word cloud (or let it back in)."""
    from facilitator.core.activity_words import word_key

    activity = get_activity(store, activity_id)
    key = word_key(word) or word
    words = [w for w in activity["hidden_words"] if w != key] + ([key] if hidden else [])
    _edit(store, activity, hidden_words=words)


def _answerable(store: Store, workshop_id: str, activity_id: str) -> dict[str, Any]:
    try:
        activity = get_activity(store, activity_id)
    except NotFound:
        activity = None
    if activity is None or activity["workshop_id"] != workshop_id or not activity["is_open"]:
        raise ActivityClosed(lazy("Diese Aktivität ist nicht (mehr) offen."))
    return activity


def _voter(voter: str) -> str:
    voter = str(voter or "").strip()
    if not voter or len(voter) > 64:
        raise ValidationError(lazy("Die Kennung des Telefons fehlt."))
    return voter


def answer_activity(
    store: Store, workshop_id: str, activity_id: str, voter: str, raw: dict[str, Any]
) -> dict[str, Any]:
    """Store (replace) a phone's answer to the open activity; return it as stored."""
    voter = _voter(voter)
    activity = _answerable(store, workshop_id, activity_id)
    value = check_answer(activity["type"], activity["config"], raw)
    row_id = f"{activity['id']}:{voter}"
    if activity["type"] == "form":  # once per organisation: a later answer replaces it
        from facilitator.core.activity_forms import organisation_key

        row_id = f"{activity['id']}:org:{organisation_key(value['organisation'])}"
    with store.transaction():
        before = one(
            store, "SELECT answer_value, voter FROM activity_answer WHERE id = ?", [row_id]
        )
        if activity["type"] == "form":
            _check_form_owner(store, activity["id"], voter, before)
        if before is None and _answer_count(store, activity["id"]) >= MAX_ANSWERS:
            raise ValidationError(lazy("Diese Aktivität nimmt keine weiteren Antworten an."))
        if before is not None and before["answer_value"] == value:
            return value  # a retry: nothing new
        record(
            store,
            "activity_answer.set",
            {
                "id": row_id,
                "workshop_id": workshop_id,
                "activity_id": activity["id"],
                "voter": voter,
                "answer_value": value,
                "answered_at": store.now_text(),
            },
            workshop_id,
        )
        if activity["type"] == "form":
            from facilitator.store.activity_forms import feed_captures

            feed_captures(store, activity, value)
    return value


def _check_form_owner(
    store: Store, activity_id: str, voter: str, before: dict[str, Any] | None
) -> None:
    """An organisation's answer belongs to the phone that gave it first."""
    if before is not None and before["voter"] not in (None, voter):
        raise NotYourAnswer(
            lazy(
                "Für diese Organisation hat schon ein anderes Telefon geantwortet; bitte die "
                "Moderation ansprechen."
            )
        )
    if before is None:
        mine = scalar(
            store,
            "SELECT count(*) FROM activity_answer WHERE activity_id = ? AND voter = ?",
            [activity_id, voter],
        )
        if int(mine or 0) >= FORM_ORGANISATIONS_PER_PHONE:
            raise NotYourAnswer(
                lazy(
                    "Von diesem Telefon kamen schon {form_organisations_per_phone} Steckbriefe.",
                    form_organisations_per_phone=FORM_ORGANISATIONS_PER_PHONE,
                )
            )


def _answer_count(store: Store, activity_id: str) -> int:
    sql = "SELECT count(*) FROM activity_answer WHERE activity_id = ?"
    return int(scalar(store, sql, [activity_id]) or 0)


def phone_answer(store: Store, activity_id: str, voter: str) -> dict[str, Any] | None:
    """Return what a phone answered to an activity, or None."""
    row = one(
        store, "SELECT answer_value FROM activity_answer WHERE id = ?", [f"{activity_id}:{voter}"]
    )
    return row["answer_value"] if row and isinstance(row["answer_value"], dict) else None


def voters_of_activity(store: Store, activity_id: str) -> int:
    """Return how many phones answered, upvoted or asked in an activity."""
    return int(
        store.conn.execute(
            "SELECT count(*) FROM (SELECT voter FROM activity_answer WHERE activity_id = ?"
            " UNION SELECT voter FROM activity_question WHERE activity_id = ?)",
            [activity_id, activity_id],
        ).fetchone()[0]
    )


def has_taken_part(store: Store, activity_id: str, voter: str) -> bool:
    """Whether a phone stored anything in an activity: an answer, upvotes or a question."""
    if not activity_id:
        return False
    return (
        phone_answer(store, activity_id, voter) is not None
        or one(
            store,
            "SELECT 1 AS found FROM activity_question WHERE activity_id = ? AND voter = ? LIMIT 1",
            [activity_id, voter],
        )
        is not None
    )


def ask_question(
    store: Store, workshop_id: str, activity_id: str, voter: str, text: str, question_id: str
) -> str:
    """Add a phone's question to an open Q&A (`question_id` derived from its client id)."""
    voter = _voter(voter)
    activity = _answerable(store, workshop_id, activity_id)
    if activity["type"] != "questions":
        raise ValidationError(lazy("Hier sind keine Fragen offen."))
    text = check_question(text)
    with store.transaction():
        if one(store, "SELECT id FROM activity_question WHERE id = ?", [question_id]):
            return question_id  # a retry
        asked = scalar(
            store,
            "SELECT count(*) FROM activity_question WHERE activity_id = ? AND voter = ?",
            [activity["id"], voter],
        )
        total = scalar(
            store, "SELECT count(*) FROM activity_question WHERE activity_id = ?", [activity["id"]]
        )
        if asked >= QUESTIONS_PER_PHONE:
            raise ValidationError(
                lazy(
                    "Höchstens {questions_per_phone} Fragen je Telefon.",
                    questions_per_phone=QUESTIONS_PER_PHONE,
                )
            )
        if total >= MAX_QUESTIONS:
            raise ValidationError(
                lazy(
                    "Diese Fragerunde hat schon {max_questions} Fragen.",
                    max_questions=MAX_QUESTIONS,
                )
            )
        record(
            store,
            "activity_question.add",
            {
                "id": question_id,
                "workshop_id": workshop_id,
                "activity_id": activity["id"],
                "voter": voter,
                "text": text,
                "answered": 0,
                "hidden": 0,
                "created_at": store.now_text(),
            },
            workshop_id,
        )
    return question_id


def upvote_question(
    store: Store, workshop_id: str, activity_id: str, voter: str, question_id: str
) -> list[str]:
    """Add (or take back) a phone's upvote of a question; return the phone's upvotes."""
    activity = _answerable(store, workshop_id, activity_id)
    ids = {q["id"] for q in list_questions(store, activity["id"])}
    if question_id not in ids:
        raise ValidationError(lazy("Diese Frage gibt es nicht."))
    mine = (phone_answer(store, activity["id"], _voter(voter)) or {}).get("upvotes") or []
    if question_id not in mine and len(mine) >= UPVOTES_PER_PHONE:
        raise ValidationError(
            lazy(
                "Höchstens {upvotes_per_phone} Stimmen je Telefon.",
                upvotes_per_phone=UPVOTES_PER_PHONE,
            )
        )
    mine = [q for q in mine if q != question_id] + ([] if question_id in mine else [question_id])
    with store.transaction():
        record(
            store,
            "activity_answer.set",
            {
                "id": f"{activity['id']}:{voter}",
                "workshop_id": workshop_id,
                "activity_id": activity["id"],
                "voter": voter,
                "answer_value": {"upvotes": mine},
                "answered_at": store.now_text(),
            },
            workshop_id,
        )
    return mine


def list_questions(
    store: Store, activity_id: str, *, include_hidden: bool = False
) -> list[dict[str, Any]]:
    """Return a Q&A's questions, oldest first."""
    return rows(
        store,
        "SELECT id, text, voter, answered, hidden FROM activity_question WHERE activity_id = ? "
        f"AND deleted = 0 {'' if include_hidden else 'AND hidden = 0'} ORDER BY hlc, id",
        [activity_id],
    )


def mark_question(store: Store, question_id: str, **flags: bool) -> None:
    """Mark a question answered and/or hidden (the moderators' moves in the Q&A)."""
    row = one(store, "SELECT workshop_id FROM activity_question WHERE id = ?", [question_id])
    if row is None:
        raise NotFound(
            lazy("Eine Frage {question_id} gibt es nicht.", question_id=repr(question_id))
        )
    fields = {k: int(bool(v)) for k, v in flags.items() if k in ("answered", "hidden")}
    record(store, "activity_question.edit", {"id": question_id, **fields}, row["workshop_id"])


def ballot_entries(store: Store, activity: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the dot vote's entries that still exist and are visible, in the ballot's order."""
    ids = activity["config"].get("ballot") or []
    if not ids:
        return []
    found = rows(
        store,
        f"SELECT id, kind, text FROM capture WHERE id IN ({', '.join('?' * len(ids))}) "
        "AND deleted = 0 AND hidden = 0 AND text IS NOT NULL "
        f"AND kind IN ({', '.join('?' * len(ROOM_KINDS))})",  # never notes, to-dos (23.6)
        [*ids, *ROOM_KINDS],
    )
    by_id = {r["id"]: r for r in found}
    return [by_id[i] for i in ids if i in by_id]


def _answer_ok(value: dict[str, Any]) -> dict[str, Any]:
    """Keep only the well-formed parts of a stored answer (it may come from a broken peer)."""
    clean: dict[str, Any] = {}
    for key in ("ratings", "choices", "points", "words", "upvotes"):
        if isinstance(value.get(key), list):
            clean[key] = _scalars(value[key])
    for key in ("words", "upvotes"):
        clean[key] = [v for v in clean.get(key, []) if isinstance(v, str)]
    clean["points"] = [_point_ok(p) for p in clean.get("points", [])]
    if isinstance(value.get("dots"), dict):
        clean["dots"] = _dots_ok(value["dots"])
    if isinstance(value.get("organisation"), str) and isinstance(value.get("values"), dict):
        clean.update(organisation=value["organisation"], values=value["values"])
    return clean


def _dots_ok(dots: dict[Any, Any]) -> dict[str, int]:
    return {str(k): v for k, v in dots.items() if isinstance(v, int)}


def _scalars(values: list[Any]) -> list[Any]:
    return [v for v in values if isinstance(v, int | str | list | None)]


def _point_ok(point: Any) -> list[int] | None:
    """A matrix point [x, y] of whole numbers; None (no answer) for anything else."""
    if isinstance(point, list) and len(point) == 2 and all(isinstance(c, int) for c in point):
        return point
    return None


def results(store: Store, activity_id: str) -> dict[str, Any]:
    """Return an activity's results (see core.activity_results) with its prompt and state."""
    activity = get_activity(store, activity_id)
    answers = [
        _answer_ok(r["answer_value"])
        for r in rows(
            store,
            "SELECT answer_value FROM activity_answer WHERE activity_id = ? ORDER BY id",
            [activity["id"]],
        )
        if isinstance(r["answer_value"], dict)
    ]
    kind = activity["type"]
    found = activity_results(
        activity,
        answers,
        entries=ballot_entries(store, activity) if kind == "dots" else None,
        questions=list_questions(store, activity["id"]) if kind == "questions" else None,
    )
    found.update(
        id=activity["id"],
        prompt=activity["prompt"],
        is_open=activity["is_open"],
        results_revealed=activity["results_revealed"],
        agenda_item_id=activity["agenda_item_id"],
    )
    return found
