"""Provides the protocol's section on the room's activities: per block, a chart and the numbers.

`activities_for_protocol` reads the results (into the protocol model);
`write_activities` turns them into blocks under the heading of each agenda block.
What people typed (words, questions, entries) goes into plain table cells.
"""

from typing import Any

from facilitator.core.activities import ACTIVITY_TYPES
from facilitator.export.activity_charts import activity_chart
from facilitator.export.blocks import Chart, Heading, Para, Table
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


def _table(found: dict[str, Any], t: Any, lang: str) -> Table | None:
    kind = found["type"]
    if kind == "scale":
        rows = [
            (r["statement"], *(str(n) for n in r["counts"]), str(r["n"]), _number(r["mean"], lang))
            for r in found["statements"]
        ]
        return Table(
            (t("act_statement"), "1", "2", "3", "4", "5", "n", "Ø"),
            tuple(rows),
            (6, 1, 1, 1, 1, 1, 1, 2),
        )
    if kind == "choice":
        rows = [(o["option"], str(o["count"])) for o in found["options"]]
        return Table((t("act_option"), t("count")), tuple(rows), (6, 2))
    if kind == "dots":
        rows = [(e["text"], str(e["dots"]), str(e["voters"])) for e in found["entries"]]
        return Table((t("act_entry"), t("act_dots"), t("act_voters")), tuple(rows), (6, 2, 2))
    if kind == "wordcloud":
        rows = [(w["word"], str(w["count"])) for w in found["words"][:30]]
        return Table((t("act_word"), t("act_mentions")), tuple(rows), (6, 2))
    if kind == "matrix":
        x_axis, y_axis = found["axes"]
        rows = [
            (e["entry"], _number(e["x"], lang), _number(e["y"], lang), str(e["n"]))
            for e in found["entries"]
        ]
        return Table((t("act_entry"), f"{x_axis} Ø", f"{y_axis} Ø", "n"), tuple(rows), (6, 2, 2, 1))
    if kind == "form":
        from facilitator.core.activity_forms import field_label

        fields = found["fields"]
        rows = [
            (r["organisation"], *(field_label(f, r["values"].get(f["key"]), lang) for f in fields))
            for r in found["rows"]
        ]
        if any(f["kind"] == "rating" for f in fields):
            rows.append(
                (t("act_mean"), *(_number(found["means"].get(f["key"]), lang) for f in fields))
            )
        headers = (t("organisation"), *(f["en"] if lang == "en" else f["de"] for f in fields))
        return Table(headers, tuple(rows), (3, *(2 for _ in fields)))
    if kind == "questions":
        rows = [
            (q["text"], str(q["votes"]), t("act_answered") if q["answered"] else "")
            for q in found["questions"]
        ]
        return Table((t("act_question"), t("act_votes"), t("act_state")), tuple(rows), (7, 2, 2))
    return None


def _counted(t: Any, key: str, n: int) -> str:
    """The text for a count, singular for one ("1 Frage", "4 Fragen")."""
    return t(f"{key}_one") if n == 1 else t(key, n=n)


def _answered(found: dict[str, Any], t: Any) -> str:
    """How many took part: a Q&A counts its questions and askers, the rest their answers."""
    if found["type"] == "questions":
        questions = len(found["questions"])
        parts = [_counted(t, "act_qa_questions", questions)]
        if questions:
            parts.append(_counted(t, "act_qa_phones", found["asked_by"]))
        text = " ".join(parts)
        return f"{text}, {_counted(t, 'act_qa_votes', found['votes'])}."
    return _counted(t, "act_answers", found["answers"])


def write_activities(out: Any, model: Any) -> None:
    """Write the activities under the results: per agenda block, each one's chart and table."""
    t, lang = out.t, out.lang
    block = None
    for found in model.activities:
        if found["block"] != block or block is None:
            block = found["block"]
            out.add(Heading(2, t("act_block", title=block) if block else t("act_no_block")))
        kind = ACTIVITY_TYPES[found["type"]].get(lang)
        out.add(Heading(3, f"{kind}: {found['prompt']}"))
        out.add(Para(_answered(found, t), note=True))
        chart = activity_chart(found, lang)
        if chart is not None:
            out.add(Chart(chart, f"{kind}: {found['prompt']}"))
        table = _table(found, t, lang)
        if table is not None and table.rows:
            out.add(table)
