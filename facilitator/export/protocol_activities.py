"""Provides the protocol's section on the room's activities: per block, a chart and the numbers.

`activities_for_protocol` reads the results (into the protocol model);
`write_activities` turns them into blocks under the heading of each agenda block.
What people typed (words, questions, entries) goes into plain table cells.
"""

from collections.abc import Callable
from typing import Any

from facilitator.core.activities import ACTIVITY_TYPES
from facilitator.core.activity_forms import field_label
from facilitator.export.activity_charts import activity_chart
from facilitator.export.blocks import Chart, Heading, Para, Table
from facilitator.locale import gettext, ngettext, pgettext
from facilitator.store.activities import list_activities, results
from facilitator.store.agenda import list_items
from facilitator.store.db import Store


def activities_for_protocol(store: Store, workshop_id: str) -> list[dict[str, Any]]:
    """Return each activity's results with its block's title, in agenda order."""
    items = list_items(store, workshop_id)
    order = {item.id: n for n, item in enumerate(items)}
    titles = {item.id: item.title for item in items}
    found = []
    for activity in list_activities(store, workshop_id):
        data = results(store, activity["id"])
        if not data["answers"] and not data.get("questions"):
            continue  # aborted or never answered: no page of zeros in the protocol
        data["block"] = titles.get(activity["agenda_item_id"] or "", "")
        data["order"] = order.get(activity["agenda_item_id"] or "", len(order))
        found.append(data)
    return sorted(found, key=lambda a: a["order"])


def _number(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "de" else text


def _scale_table(found: dict[str, Any], lang: str) -> Table:
    rows = [
        (r["statement"], *(str(n) for n in r["counts"]), str(r["n"]), _number(r["mean"], lang))
        for r in found["statements"]
    ]
    heads = (gettext("Aussage", lang), "1", "2", "3", "4", "5", "n", "Ø")
    return Table(heads, tuple(rows), (6, 1, 1, 1, 1, 1, 1, 2))


def _choice_table(found: dict[str, Any], lang: str) -> Table:
    rows = [(o["option"], str(o["count"])) for o in found["options"]]
    return Table((gettext("Option", lang), gettext("Anzahl", lang)), tuple(rows), (6, 2))


def _dots_table(found: dict[str, Any], lang: str) -> Table:
    rows = [(e["text"], str(e["dots"]), str(e["voters"])) for e in found["entries"]]
    heads = (
        pgettext("Dokument", "Eintrag", lang),
        gettext("Punkte", lang),
        gettext("Personen", lang),
    )
    return Table(heads, tuple(rows), (6, 2, 2))


def _wordcloud_table(found: dict[str, Any], lang: str) -> Table:
    rows = [(w["word"], str(w["count"])) for w in found["words"][:30]]
    return Table((gettext("Wort", lang), gettext("Nennungen", lang)), tuple(rows), (6, 2))


def _matrix_table(found: dict[str, Any], lang: str) -> Table:
    x_axis, y_axis = found["axes"]
    rows = [
        (e["entry"], _number(e["x"], lang), _number(e["y"], lang), str(e["n"]))
        for e in found["entries"]
    ]
    heads = (pgettext("Dokument", "Eintrag", lang), f"{x_axis} Ø", f"{y_axis} Ø", "n")
    return Table(heads, tuple(rows), (6, 2, 2, 1))


def _form_table(found: dict[str, Any], lang: str) -> Table:
    fields = found["fields"]
    rows = [
        (r["organisation"], *(field_label(f, r["values"].get(f["key"]), lang) for f in fields))
        for r in found["rows"]
    ]
    if any(f["kind"] == "rating" for f in fields):
        means = (_number(found["means"].get(f["key"]), lang) for f in fields)
        rows.append((gettext("Mittelwert", lang), *means))
    # each field's label is part of the form (both languages typed by its author)
    headers = (
        gettext("Organisation", lang),
        *(f["en"] if lang == "en" else f["de"] for f in fields),
    )
    return Table(headers, tuple(rows), (3, *(2 for _ in fields)))


def _questions_table(found: dict[str, Any], lang: str) -> Table:
    rows = [
        (q["text"], str(q["votes"]), gettext("beantwortet", lang) if q["answered"] else "")
        for q in found["questions"]
    ]
    heads = (gettext("Frage", lang), gettext("Stimmen", lang), gettext("Stand", lang))
    return Table(heads, tuple(rows), (7, 2, 2))


# the numbers table of each activity type that has one
_TABLES: dict[str, Callable[[dict[str, Any], str], Table]] = {
    "scale": _scale_table,
    "choice": _choice_table,
    "dots": _dots_table,
    "wordcloud": _wordcloud_table,
    "matrix": _matrix_table,
    "form": _form_table,
    "questions": _questions_table,
}


def _answered(found: dict[str, Any], lang: str) -> str:
    """How many took part: a Q&A counts its questions and askers, the rest their answers."""
    if found["type"] != "questions":
        return ngettext(
            "{n} Antwort von einem Telefon.", "{n} Antworten von Telefonen.", found["answers"], lang
        )
    questions = len(found["questions"])
    parts = [ngettext("{n} Frage", "{n} Fragen", questions, lang)]
    if questions:
        parts.append(ngettext("von einem Telefon", "von {n} Telefonen", found["asked_by"], lang))
    votes = ngettext("{n} Stimme", "{n} Stimmen", found["votes"], lang)
    return " ".join(parts) + f", {votes}."


def write_activities(out: Any, model: Any) -> None:
    """Write the activities under the results: per agenda block, each one's chart and table."""
    lang = out.lang
    block = None
    for found in model.activities:
        if found["block"] != block or block is None:
            block = found["block"]
            title = (
                gettext("Aktivität im Raum: {title}", lang, title=block)
                if block
                else gettext("Aktivität im Raum", lang)
            )
            out.add(Heading(2, title))
        kind = ACTIVITY_TYPES[found["type"]].get(lang)
        out.add(Heading(3, f"{kind}: {found['prompt']}"))
        out.add(Para(_answered(found, lang), note=True))
        chart = activity_chart(found, lang)
        if chart is not None:
            out.add(Chart(chart, f"{kind}: {found['prompt']}"))
        table = _TABLES.get(found["type"])
        if table is not None and (filled := table(found, lang)).rows:
            out.add(filled)
