"""Provides the activities' results as lines of text for the terminal."""

from typing import Any

from facilitator.locale import gettext, ngettext


def _bar(count: int, most: int, width: int = 20) -> str:
    return "█" * (round(width * count / most) if most else 0)


def results_lines(results: dict[str, Any], lang: str) -> list[str]:
    """Return the results of one activity (see store.activities.results) as text lines."""
    de = lang == "de"
    state = gettext("offen", lang) if results["is_open"] else gettext("beendet", lang)
    answers = ngettext("{n} Antwort", "{n} Antworten", results["answers"], lang)
    lines = [f"{results['prompt']} ({state}; {answers})"]
    kind = results["type"]
    if kind == "scale":
        for row in results["statements"]:
            mean = f"{row['mean']:.1f}".replace(".", "," if de else ".") if row["mean"] else "–"
            counts = " ".join(f"{v}:{n}" for v, n in enumerate(row["counts"], start=1))
            lines.append(f"  {row['statement']}: Ø {mean}  ({counts}; n={row['n']})")
    elif kind == "choice":
        most = max((o["count"] for o in results["options"]), default=0)
        lines += [
            f"  {o['count']:>4} {_bar(o['count'], most)} {o['option']}" for o in results["options"]
        ]
    elif kind == "matrix":
        x_axis, y_axis = results["axes"]
        for row in results["entries"]:
            where = f"{x_axis} {row['x']}, {y_axis} {row['y']}" if row["n"] else "–"
            lines.append(f"  {row['entry']}: {where} (n={row['n']})")
    elif kind == "wordcloud":
        lines += [f"  {w['count']:>4} {w['word']}" for w in results["words"]]
    elif kind == "dots":
        lines += [f"  {e['dots']:>4} {e['id'][:8]} {e['text']}" for e in results["entries"]]
    elif kind == "form":
        from facilitator.core.activity_forms import field_label

        for row in results["rows"]:
            values = "; ".join(
                f"{f['de'] if de else f['en']}: {field_label(f, row['values'].get(f['key']), lang)}"
                for f in results["fields"]
                if row["values"].get(f["key"]) is not None
            )
            lines.append(f"  {row['organisation']}: {values}")
    elif kind == "questions":
        for q in results["questions"]:
            done = gettext(" (beantwortet)", lang) if q["answered"] else ""
            lines.append(f"  {q['votes']:>4} {q['id'][:8]} {q['text']}{done}")
    return lines


def near_duplicate_line(pair: list[tuple[str, str, str]], score: int, lang: str) -> str:
    """Return one proposed merge: both entries with id, kind and text (an offer is no measure)."""
    from facilitator.core.taxonomy import CAPTURE_KINDS

    def entry(entry_id: str, kind: str, text: str) -> str:
        label = CAPTURE_KINDS[kind].get(lang) if kind in CAPTURE_KINDS else kind
        return f"{entry_id[:8]} [{label}] „{text[:60]}“"

    similar = "ähnlich" if lang == "de" else "similar"
    return f"  {similar} ({score} %): {entry(*pair[0])} ~ {entry(*pair[1])}"
