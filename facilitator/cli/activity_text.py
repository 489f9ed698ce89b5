"""Provides the activities' results as lines of text for the terminal."""

from collections.abc import Callable
from typing import Any

from facilitator.core.activity_forms import field_label
from facilitator.core.taxonomy import CAPTURE_KINDS
from facilitator.locale import gettext, ngettext


def _bar(count: int, most: int, width: int = 20) -> str:
    return "█" * (round(width * count / most) if most else 0)


def results_lines(results: dict[str, Any], lang: str) -> list[str]:
    """Return the results of one activity (see store.activities.results) as text lines."""
    state = gettext("offen", lang) if results["is_open"] else gettext("beendet", lang)
    answers = ngettext("{n} Antwort", "{n} Antworten", results["answers"], lang)
    body = _BODIES.get(results["type"])
    return [f"{results['prompt']} ({state}; {answers})", *(body(results, lang) if body else ())]


def _scale(results: dict[str, Any], lang: str) -> list[str]:
    lines = []
    for row in results["statements"]:
        mean = (
            f"{row['mean']:.1f}".replace(".", "," if lang == "de" else ".") if row["mean"] else "–"
        )
        counts = " ".join(f"{v}:{n}" for v, n in enumerate(row["counts"], start=1))
        lines.append(f"  {row['statement']}: Ø {mean}  ({counts}; n={row['n']})")
    return lines


def _choice(results: dict[str, Any], lang: str) -> list[str]:
    most = max((o["count"] for o in results["options"]), default=0)
    return [f"  {o['count']:>4} {_bar(o['count'], most)} {o['option']}" for o in results["options"]]


def _matrix(results: dict[str, Any], lang: str) -> list[str]:
    x_axis, y_axis = results["axes"]
    lines = []
    for row in results["entries"]:
        where = f"{x_axis} {row['x']}, {y_axis} {row['y']}" if row["n"] else "–"
        lines.append(f"  {row['entry']}: {where} (n={row['n']})")
    return lines


def _wordcloud(results: dict[str, Any], lang: str) -> list[str]:
    return [f"  {w['count']:>4} {w['word']}" for w in results["words"]]


def _dots(results: dict[str, Any], lang: str) -> list[str]:
    return [f"  {e['dots']:>4} {e['id'][:8]} {e['text']}" for e in results["entries"]]


def _form(results: dict[str, Any], lang: str) -> list[str]:
    lines = []
    for row in results["rows"]:
        values = "; ".join(
            f"{f['de'] if lang == 'de' else f['en']}: "
            f"{field_label(f, row['values'].get(f['key']), lang)}"
            for f in results["fields"]
            if row["values"].get(f["key"]) is not None
        )
        lines.append(f"  {row['organisation']}: {values}")
    return lines


def _questions(results: dict[str, Any], lang: str) -> list[str]:
    lines = []
    for q in results["questions"]:
        done = gettext(" (beantwortet)", lang) if q["answered"] else ""
        lines.append(f"  {q['votes']:>4} {q['id'][:8]} {q['text']}{done}")
    return lines


# the lines under the heading, by activity type
_BODIES: dict[str, Callable[[dict[str, Any], str], list[str]]] = {
    "scale": _scale,
    "choice": _choice,
    "matrix": _matrix,
    "wordcloud": _wordcloud,
    "dots": _dots,
    "form": _form,
    "questions": _questions,
}


def near_duplicate_line(pair: list[tuple[str, str, str]], score: int, lang: str) -> str:
    """Return one proposed merge: both entries with id, kind and text (an offer is no measure)."""

    def entry(entry_id: str, kind: str, text: str) -> str:
        label = CAPTURE_KINDS[kind].get(lang) if kind in CAPTURE_KINDS else kind
        return f"{entry_id[:8]} [{label}] „{text[:60]}“"

    return gettext(
        "  ähnlich ({score} %): {first} ~ {second}",
        lang,
        score=score,
        first=entry(*pair[0]),
        second=entry(*pair[1]),
    )
