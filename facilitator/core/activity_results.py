"""Provides the activities' results from their answers: counts, distributions, means, rankings.

Pure functions over plain data, so the projector, the phones, the CLI, the app and
the protocol all show the same figures.
"""

from collections import Counter
from collections.abc import Callable
from typing import Any

from facilitator.core.activities import SCALE_MAX, SCALE_MIN
from facilitator.core.activity_words import count_words


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def scale_results(config: dict[str, Any], answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return per statement: counts of 1…5, answers, skips and the mean."""
    found = []
    for i, statement in enumerate(config["statements"]):
        given = [_pick(a.get("ratings"), i) for a in answers]
        values = [v for v in given if isinstance(v, int) and SCALE_MIN <= v <= SCALE_MAX]
        counts = Counter(values)
        found.append(
            {
                "statement": statement,
                "counts": [counts.get(v, 0) for v in range(SCALE_MIN, SCALE_MAX + 1)],
                "n": len(values),
                "skipped": len(given) - len(values),
                "mean": _mean(values),
            }
        )
    return found


def _pick(values: Any, index: int) -> Any:
    return values[index] if isinstance(values, list) and index < len(values) else None


def choice_results(config: dict[str, Any], answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return each option with how many phones chose it, in the options' order."""
    counts: Counter[int] = Counter()
    for answer in answers:
        for index in set(answer.get("choices") or []):
            if isinstance(index, int):
                counts[index] += 1
    return [{"option": o, "count": counts.get(i, 0)} for i, o in enumerate(config["options"])]


def matrix_results(config: dict[str, Any], answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return each entry's mean position (x, y on 1…5) and how many placed it."""
    found = []
    for i, entry in enumerate(config["options"]):
        points = [_pick(a.get("points"), i) for a in answers]
        placed = [p for p in points if isinstance(p, list) and len(p) == 2]
        found.append(
            {
                "entry": entry,
                "x": _mean([int(p[0]) for p in placed]),
                "y": _mean([int(p[1]) for p in placed]),
                "n": len(placed),
            }
        )
    return found


def dots_results(
    entries: list[dict[str, Any]],
    answers: list[dict[str, Any]],
    merged: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Return the ballot's entries ({"id", "text"}) ranked by dots, with voters per entry.

    `merged` maps a duplicate merged away to the entry it was merged into.
    """
    merged = merged or {}
    dots: Counter[str] = Counter()
    voters: Counter[str] = Counter()
    for answer in answers:
        per_entry: Counter[str] = Counter()
        for entry_id, count in (answer.get("dots") or {}).items():
            if isinstance(count, int) and count > 0:
                per_entry[merged.get(entry_id, entry_id)] += count
        for entry_id, count in per_entry.items():
            dots[entry_id] += count
            voters[entry_id] += 1
    ranked = [
        {"id": e["id"], "text": e["text"], "dots": dots[e["id"]], "voters": voters[e["id"]]}
        for e in entries
    ]
    ranked.sort(key=lambda r: -r["dots"])  # stable: ties keep the ballot's order
    return ranked


def question_results(
    questions: list[dict[str, Any]], answers: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Return the visible questions by upvotes (answered ones last), each with its votes."""
    votes: Counter[str] = Counter()
    for answer in answers:
        for question_id in set(answer.get("upvotes") or []):
            votes[question_id] += 1
    listed = [
        {
            "id": q["id"],
            "text": q["text"],
            "votes": votes[q["id"]],
            "answered": bool(q.get("answered")),
        }
        for q in questions
        if not q.get("hidden")
    ]
    listed.sort(key=lambda q: (q["answered"], -q["votes"]))
    return listed


def activity_results(
    activity: dict[str, Any],
    answers: list[dict[str, Any]],
    *,
    entries: list[dict[str, Any]] | None = None,
    questions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Return the results of one activity row (type, config, hidden_words) and its answers."""
    results: dict[str, Any] = {"type": activity["type"], "answers": len(answers)}
    by_type = _BY_TYPE.get(activity["type"])
    if by_type is not None:
        results.update(by_type(activity, answers, entries or [], questions or []))
    return results


_Rows = list[dict[str, Any]]


def _scale(activity: dict[str, Any], answers: _Rows, _e: _Rows, _q: _Rows) -> dict[str, Any]:
    config = activity["config"]
    return {"statements": scale_results(config, answers), "labels": config["labels"]}


def _choice(activity: dict[str, Any], answers: _Rows, _e: _Rows, _q: _Rows) -> dict[str, Any]:
    return {"options": choice_results(activity["config"], answers)}


def _matrix(activity: dict[str, Any], answers: _Rows, _e: _Rows, _q: _Rows) -> dict[str, Any]:
    config = activity["config"]
    return {"entries": matrix_results(config, answers), "axes": config["axes"]}


def _wordcloud(activity: dict[str, Any], answers: _Rows, _e: _Rows, _q: _Rows) -> dict[str, Any]:
    words = count_words((a.get("words") or [] for a in answers), activity["hidden_words"])
    return {
        "words": [w for w in words if not w["hidden"]],
        "hidden": [w for w in words if w["hidden"]],
    }


def _dots(activity: dict[str, Any], answers: _Rows, entries: _Rows, _q: _Rows) -> dict[str, Any]:
    return {"entries": dots_results(entries, answers, activity["config"].get("merged"))}


def _questions(
    activity: dict[str, Any], answers: _Rows, _e: _Rows, questions: _Rows
) -> dict[str, Any]:
    listed = question_results(questions, answers)
    # who asked (the question's phone), not who upvoted (the answers)
    visible = [q for q in questions if not q.get("hidden")]
    return {
        "questions": listed,
        "asked_by": len({q.get("voter") for q in visible}),
        "votes": sum(q["votes"] for q in listed),
    }


def _form(activity: dict[str, Any], answers: _Rows, _e: _Rows, _q: _Rows) -> dict[str, Any]:
    from facilitator.core.activity_forms import form_results

    return form_results(activity["config"], answers)


# each type's results besides its type and number of answers
_BY_TYPE: dict[str, Callable[[dict[str, Any], _Rows, _Rows, _Rows], dict[str, Any]]] = {
    "scale": _scale,
    "choice": _choice,
    "matrix": _matrix,
    "wordcloud": _wordcloud,
    "dots": _dots,
    "questions": _questions,
    "form": _form,
}
