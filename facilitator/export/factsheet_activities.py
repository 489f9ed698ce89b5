"""Provides the fact sheet's activity sections: Digital-Check per organisation, all activities.

Every activity of the series appears with its key figure.

`activities_across` reads the store (into the FactSheet); `activity_blocks` turns it
into the fact sheet's blocks. The Projektsteckbrief needs no section of its own:
its answers are measures and count in "Maßnahmen nach Themenfeld und Stand".
"""

from typing import Any

from facilitator.core.activities import ACTIVITY_TYPES
from facilitator.export.factsheet_block import Block
from facilitator.locale import gettext, ngettext, pgettext
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
        return ngettext("{n} Organisation", "{n} Organisationen", len(found["rows"]), lang)
    return ""


def activity_blocks(sheet: Any, lang: str) -> list[Any]:
    """Return the fact sheet's blocks for the Digital-Check and the activities of the series."""
    data = getattr(sheet, "activities", None) or {}
    check = data.get("digital_check") or {}
    listed = data.get("activities") or []
    return [
        *(_digital_check(check, lang) if check.get("rows") else []),
        *(_activities(listed, lang) if listed else []),
    ]


def _digital_check(check: dict[str, Any], lang: str) -> list[Any]:
    fields = check["fields"]
    rows: list[list[object]] = [
        [r["organisation"], *(r["values"].get(f["key"], "–") for f in fields)]
        for r in check["rows"]
    ]
    means = (_number(check["means"].get(f["key"]), lang) for f in fields)
    rows.append([gettext("Mittelwert", lang), *means])
    # each field's label is part of the form (both languages typed by its author)
    headers = [
        gettext("Organisation", lang),
        *(f["de"] if lang == "de" else f["en"] for f in fields),
    ]
    return [
        Block("h1", gettext("Digital-Check", lang)),
        Block("table", headers=headers, rows=rows, widths=[2.4, *([1.0] * len(fields))]),
    ]


def _activities(listed: list[dict[str, Any]], lang: str) -> list[Any]:
    headers = [
        gettext("Workshop", lang),
        pgettext("Dokument", "Art", lang),
        pgettext("Aktivität", "Frage", lang),
        gettext("Antworten", lang),
        pgettext("Dokument", "Ergebnis", lang),
    ]
    rows = [
        [
            a["workshop"],
            ACTIVITY_TYPES[a["type"]].get(lang),
            a["prompt"],
            a["answers"],
            key_figure(a, lang),
        ]
        for a in listed
    ]
    return [
        Block("h1", gettext("Aktivitäten im Raum", lang)),
        Block("table", headers=headers, rows=rows, widths=[1.6, 1.1, 2.2, 0.9, 2.4]),
    ]
