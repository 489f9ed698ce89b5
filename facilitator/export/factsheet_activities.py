"""Provides the fact sheet's activity sections: Digital-Check per organisation, all activities.

Every activity of the series appears with its key figure.

`activities_across` reads the store (into the FactSheet); `activity_blocks` turns it
into the fact sheet's blocks. The Projektsteckbrief needs no section of its own:
its answers are measures and count in "Maßnahmen nach Themenfeld und Stand".
"""

from typing import Any

from facilitator.core.activities import ACTIVITY_TYPES
from facilitator.store.activities import list_activities, results
from facilitator.store.db import Store
from facilitator.store.workshops import get_workshop

DIGITAL_CHECK = "digital-check"


def activities_across(store: Store, workshop_ids: list[str]) -> dict[str, Any]:
    """Return {"activities": [...], "digital_check": {...}} for the workshops, oldest first."""
    listed: list[dict[str, Any]] = []
    check_fields: list[dict[str, Any]] = []
    latest: dict[str, dict[str, Any]] = {}  # organisation key -> row (the newest answer wins)
    for workshop_id in workshop_ids:
        title = get_workshop(store, workshop_id).title
        for activity in list_activities(store, workshop_id):
            found = results(store, activity["id"])
            found["workshop"] = title
            listed.append(found)
            if activity["config"].get("set") == DIGITAL_CHECK:
                check_fields = found["fields"]
                for row in found["rows"]:
                    key = " ".join(row["organisation"].casefold().split())
                    latest[key] = {**row, "workshop": title}
    means = {}
    for field in check_fields:
        values = [r["values"].get(field["key"]) for r in latest.values()]
        numbers = [v for v in values if isinstance(v, int)]
        means[field["key"]] = round(sum(numbers) / len(numbers), 2) if numbers else None
    return {
        "activities": listed,
        "digital_check": {
            "fields": check_fields,
            "rows": sorted(latest.values(), key=lambda r: r["organisation"].casefold()),
            "means": means,
        },
    }


def _number(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "de" else text


def key_figure(found: dict[str, Any], lang: str) -> str:
    """Return one line that sums up an activity's result (the top answer, or the means)."""
    kind = found["type"]
    if kind == "scale":
        return "; ".join(
            f"{r['statement']} Ø {_number(r['mean'], lang)}" for r in found["statements"]
        )
    top = {
        "choice": lambda: max(found["options"], key=lambda o: o["count"], default=None),
        "dots": lambda: found["entries"][0] if found["entries"] else None,
        "wordcloud": lambda: found["words"][0] if found["words"] else None,
        # the most upvoted question, answered or not (the list puts answered ones last)
        "questions": lambda: max(found["questions"], key=lambda q: q["votes"], default=None),
    }
    if kind in top and (best := top[kind]()) is not None:
        text = best.get("option") or best.get("text") or best.get("word") or ""
        count = best.get("count", best.get("dots", best.get("votes", 0)))
        return f"{text} ({count})"
    if kind == "form":
        return f"{len(found['rows'])} " + ("Organisationen" if lang == "de" else "organisations")
    return ""


def activity_blocks(sheet: Any, lang: str) -> list[Any]:
    """Return the fact sheet's blocks for the Digital-Check and the activities of the series."""
    from facilitator.export.factsheet_block import Block

    data = getattr(sheet, "activities", None) or {}
    de = lang == "de"
    out: list[Any] = []
    check = data.get("digital_check") or {}
    if check.get("rows"):
        fields = check["fields"]
        out.append(Block("h1", "Digital-Check" if de else "Digital check"))
        rows: list[list[object]] = [
            [r["organisation"], *(r["values"].get(f["key"], "–") for f in fields)]
            for r in check["rows"]
        ]
        rows.append(
            [
                "Mittelwert" if de else "Mean",
                *(_number(check["means"].get(f["key"]), lang) for f in fields),
            ]
        )
        out.append(
            Block(
                "table",
                headers=["Organisation", *(f["de"] if de else f["en"] for f in fields)],
                rows=rows,
                widths=[2.4, *([1.0] * len(fields))],
            )
        )
    listed = data.get("activities") or []
    if listed:
        out.append(Block("h1", "Aktivitäten im Raum" if de else "Activities in the room"))
        out.append(
            Block(
                "table",
                headers=(
                    ["Workshop", "Art", "Frage", "Antworten", "Ergebnis"]
                    if de
                    else ["Workshop", "Type", "Prompt", "Answers", "Result"]
                ),
                rows=[
                    [
                        a["workshop"],
                        ACTIVITY_TYPES[a["type"]].get(lang),
                        a["prompt"],
                        a["answers"],
                        key_figure(a, lang),
                    ]
                    for a in listed
                ],
                widths=[1.6, 1.1, 2.2, 0.9, 2.4],
            )
        )
    return out
