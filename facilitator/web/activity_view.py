"""Provides the open activity as phones see it: plain data for the snapshot and an HTML form.

The form works without JavaScript (a POST that sends the phone back to the join
page); activity.js fetches the same fragment when the activity changes, so there
is one rendering of each activity type.
"""

from typing import Any
from urllib.parse import quote

from facilitator.core.activities import MAX_QUESTION, SCALE_MAX, SCALE_MIN
from facilitator.core.activity_results import question_results
from facilitator.core.activity_words import MAX_WORD, WORDS_PER_PHONE
from facilitator.locale import gettext, ngettext
from facilitator.store.activities import (
    ballot_entries,
    list_questions,
    open_activity,
    phone_answer,
)
from facilitator.store.db import Store
from facilitator.store.queries import rows
from facilitator.web.markup import Markup, attrs, join, render


def phone_activity(store: Store, workshop_id: str) -> dict[str, Any] | None:
    """Return the open activity for the phones' snapshot: what to answer, never the results.

    `key` changes only when what the form shows changes (not with every answer), so
    phones re-fetch the form only then.
    """
    activity = open_activity(store, workshop_id)
    if activity is None:
        return None
    found: dict[str, Any] = {"id": activity["id"], "type": activity["type"]}
    key = activity["id"]
    if activity["type"] == "dots":
        key += ":" + ",".join(e["id"] for e in ballot_entries(store, activity))
    elif activity["type"] == "questions" and activity["results_revealed"]:
        # before the moderators reveal them, the snapshot says nothing of the questions
        listed = _questions(store, activity["id"])
        key += ":" + ",".join(f"{q['id']}/{q['votes']}/{int(q['answered'])}" for q in listed)
    found["key"] = key
    return found


def _questions(store: Store, activity_id: str) -> list[dict[str, Any]]:
    upvotes = rows(
        store, "SELECT answer_value FROM activity_answer WHERE activity_id = ?", [activity_id]
    )
    answers = [r["answer_value"] for r in upvotes if isinstance(r["answer_value"], dict)]
    return question_results(list_questions(store, activity_id), answers)


def activity_section(
    store: Store,
    workshop_id: str,
    *,
    code: str,
    lang: str,
    voter: str,
    client: str,
    mine: dict[str, Any] | None = None,
) -> Markup:
    """Return the open activity's form for one phone, filled with its earlier answer.

    `mine` is that answer when the caller has read it already (else it is read here).
    """
    activity = open_activity(store, workshop_id)
    if activity is None:
        return render('<section id="activity" class="card" hidden></section>')
    if mine is None:
        mine = phone_answer(store, activity["id"], voter) or {}
    action = f"/api/activity?code={quote(code)}&lang={lang}"
    kind = activity["type"]
    if kind == "questions":
        body = _questions_form(store, activity, action, voter, client, mine, lang)
    else:
        fields = {
            "wordcloud": _words_fields,
            "scale": _scale_fields,
            "choice": _choice_fields,
            "matrix": _matrix_fields,
            "dots": _dots_fields,
            "form": _form_fields,
        }[kind](store, activity, mine, lang)
        body = render(
            '<form id="activity-form" method="post" action="{action}">{hidden}{fields}'
            '<p class="hint">{change}</p><button type="submit">{send}</button></form>',
            action=action,
            hidden=_hidden(activity["id"], voter),
            fields=fields,
            change=gettext(
                "Sie können Ihre Antwort ändern, solange die Aktivität offen ist.", lang
            ),
            send=gettext("Antwort senden", lang),
        )
    return render(
        '<section id="activity" class="card activity type-{kind}" aria-labelledby="activity-h"'
        ' data-key="{key}" data-done-answered="{answered}" data-done-asked="{asked}"'
        ' data-done-upvoted="{upvoted}"><h2 id="activity-h">{heading}</h2>'
        '<p class="prompt">{prompt}</p>{body}</section>',
        kind=kind,
        key=(phone_activity(store, workshop_id) or {}).get("key", ""),
        answered=gettext("Danke, Ihre Antwort ist angekommen.", lang),
        asked=gettext("Danke, Ihre Frage ist angekommen.", lang),
        upvoted=gettext("Ihre Stimme ist gezählt.", lang),
        heading=gettext("Mitmachen", lang),
        prompt=activity["prompt"],
        body=body,
    )


def _hidden(activity_id: str, voter: str) -> Markup:
    return render(
        '<input type="hidden" name="activity" value="{a}">'
        '<input type="hidden" name="client" value="{v}">',
        a=activity_id,
        v=voter,
    )


def _words_fields(store: Store, activity: dict, mine: dict, lang: str) -> Markup:
    given = list(mine.get("words") or [])
    inputs = join(
        render(
            '<label for="w{i}">{label}</label><input id="w{i}" name="w{i}" maxlength="{max}" '
            'value="{value}" autocomplete="off">',
            i=i,
            label=gettext("Wort {n}", lang, n=i + 1),
            max=MAX_WORD,
            value=given[i] if i < len(given) else "",
        )
        for i in range(WORDS_PER_PHONE)
    )
    return render(
        '<p class="hint">{intro}</p>{inputs}',
        intro=gettext(
            "Bis zu {n} Wörter oder kurze Begriffe (je höchstens {max} Zeichen).",
            lang,
            n=WORDS_PER_PHONE,
            max=MAX_WORD,
        ),
        inputs=inputs,
    )


def _rating(name: str, legend: str, labels: list[str], value: Any, lang: str) -> Markup:
    """One statement's 1…5 as one compact row (the key to the numbers is shown once above)."""
    options = join(
        render(
            '<label class="choice rate"><input type="radio" name="{name}" value="{v}"{checked}'
            ' aria-label="{aria}"> <span>{v}</span></label>',
            name=name,
            v=v,
            checked=attrs(checked=value == v),
            aria=f"{v} {labels[v - SCALE_MIN]}" if labels else str(v),
        )
        for v in range(SCALE_MIN, SCALE_MAX + 1)
    )
    skip = render(
        '<label class="choice rate"><input type="radio" name="{name}" value=""{checked}>'
        " <span>{skip}</span></label>",
        name=name,
        checked=attrs(checked=value is None),
        skip=gettext("keine Angabe", lang),
    )
    return render(
        '<fieldset class="scale compact"><legend>{legend}</legend>'
        '<div class="rates">{options}{skip}</div></fieldset>',
        legend=legend,
        options=options,
        skip=skip,
    )


def _scale_fields(store: Store, activity: dict, mine: dict, lang: str) -> Markup:
    config = activity["config"]
    ratings = list(mine.get("ratings") or [])
    labels = config["labels"]
    key = (
        render(
            '<p class="hint scale-key">{k}</p>',
            k=gettext("1 = {low} … 5 = {high}", lang, low=labels[0], high=labels[-1]),
        )
        if labels
        else Markup("")
    )
    rows_html = join(
        _rating(f"s{i}", s, labels, ratings[i] if i < len(ratings) else None, lang)
        for i, s in enumerate(config["statements"])
    )
    return join([key, rows_html])


def _choice_fields(store: Store, activity: dict, mine: dict, lang: str) -> Markup:
    config = activity["config"]
    chosen = set(mine.get("choices") or [])
    multiple = bool(config.get("multiple"))
    options = join(
        render(
            '<label class="choice"><input type="{t}" name="{name}" value="{value}"{checked}> '
            "{option}</label>",
            t="checkbox" if multiple else "radio",
            name=f"c{i}" if multiple else "choice",
            value="on" if multiple else i,
            checked=attrs(checked=i in chosen),
            option=option,
        )
        for i, option in enumerate(config["options"])
    )
    return render(
        "<fieldset><legend>{legend}</legend>{options}</fieldset>",
        legend=gettext("Eine oder mehrere Optionen wählen.", lang)
        if multiple
        else gettext("Eine Option wählen.", lang),
        options=options,
    )


def _select(name: str, label: str, value: Any, lang: str) -> Markup:
    options = join(
        render('<option value="{v}"{sel}>{v}</option>', v=v, sel=attrs(selected=value == v))
        for v in range(SCALE_MIN, SCALE_MAX + 1)
    )
    return render(
        '<label>{label} <select name="{name}"><option value="">{skip}</option>{options}'
        "</select></label>",
        label=label,
        name=name,
        skip=gettext("keine Angabe", lang),
        options=options,
    )


def _matrix_fields(store: Store, activity: dict, mine: dict, lang: str) -> Markup:
    config = activity["config"]
    points = list(mine.get("points") or [])
    x_axis, y_axis = config["axes"]
    rows_html = join(
        render(
            '<fieldset class="matrix-entry"><legend>{entry}</legend>{x}{y}</fieldset>',
            entry=entry,
            x=_select(f"x{i}", x_axis, _pick(points, i, 0), lang),
            y=_select(f"y{i}", y_axis, _pick(points, i, 1), lang),
        )
        for i, entry in enumerate(config["options"])
    )
    return render(
        '<p class="hint">{intro}</p>{rows}',
        intro=gettext("Ordnen Sie jeden Eintrag ein: 1 = wenig, 5 = viel.", lang),
        rows=rows_html,
    )


def _pick(points: list, index: int, axis: int) -> Any:
    point = points[index] if index < len(points) else None
    return point[axis] if isinstance(point, list) else None


def _dots_fields(store: Store, activity: dict, mine: dict, lang: str) -> Markup:
    """Number fields without JavaScript; activity.js turns them into tap-to-add dots."""
    config = activity["config"]
    given = mine.get("dots") or {}
    entries = join(
        render(
            '<li><label for="ad-{id}">{text}</label><input type="number" id="ad-{id}" '
            'name="d.{id}" min="0" max="{max}" value="{value}" inputmode="numeric"></li>',
            id=e["id"],
            text=e["text"],
            max=config["per_item_max"],
            value=given.get(e["id"], 0),
        )
        for e in ballot_entries(store, activity)
    )
    budget = config["budget"]
    used = sum(v for v in given.values() if isinstance(v, int))
    return render(
        '<p class="hint">{intro}</p><ul class="ballot" data-budget="{budget}">{entries}</ul>'
        '<p class="dots-left" aria-live="polite">{left}</p>',
        intro=gettext(
            "Sie haben {budget} Punkte, höchstens {max} pro Eintrag.",
            lang,
            budget=budget,
            max=config["per_item_max"],
        ),
        budget=budget,
        entries=entries,
        left=gettext(
            "noch {left} von {budget} Punkten", lang, left=max(0, budget - used), budget=budget
        ),
    )


def _question_item(q: dict[str, Any], upvoted: set[str], lang: str) -> Markup:
    """One question of a Q&A with its votes and the phone's upvote button."""
    return render(
        '<li class="question{answered}"><span class="votes">{votes}</span> '
        '<span class="q-text">{text}</span>{mark}'
        '<button type="submit" name="upvote" value="{id}" class="secondary{on}" '
        'aria-pressed="{pressed}">{plus}</button></li>',
        answered=" answered" if q["answered"] else "",
        votes=ngettext("{n} Stimme", "{n} Stimmen", q["votes"], lang),
        text=q["text"],
        mark=render(' <span class="badge">{m}</span>', m=gettext("beantwortet", lang))
        if q["answered"]
        else "",
        id=q["id"],
        on=" on" if q["id"] in upvoted else "",
        pressed="true" if q["id"] in upvoted else "false",
        plus=gettext("+1", lang),
    )


def _questions_form(
    store: Store, activity: dict, action: str, voter: str, client: str, mine: dict, lang: str
) -> Markup:
    upvoted = set(mine.get("upvotes") or [])
    own = {q["id"] for q in list_questions(store, activity["id"]) if q.get("voter") == voter}
    listed = join(
        _question_item(q, upvoted, lang)
        for q in _questions(store, activity["id"])
        # others' questions only once the moderators reveal them; its own, always
        if activity["results_revealed"] or q["id"] in own
    )
    return render(
        '<form id="question-form" method="post" action="{action}">{hidden}'
        '<input type="hidden" name="qclient" value="{client}">'
        '<label for="q-text">{ask}</label>'
        '<textarea id="q-text" name="question" rows="3" maxlength="{max}"></textarea>'
        '<button type="submit">{send}</button></form>'
        '<form id="upvote-form" method="post" action="{action}">{hidden}'
        '<ol class="questions">{listed}</ol><p class="hint"{has}>{none}</p></form>',
        action=action,
        hidden=_hidden(activity["id"], voter),
        client=client,
        ask=gettext("Ihre Frage (höchstens {max} Zeichen)", lang, max=MAX_QUESTION),
        max=MAX_QUESTION,
        send=gettext("Frage stellen", lang),
        listed=listed,
        has=attrs(hidden=bool(listed)),
        none=gettext("Noch keine Fragen.", lang),
    )


def _form_fields(store: Store, activity: dict, mine: dict, lang: str) -> Markup:
    """An activity set's form: the organisation, then each field."""
    from facilitator.core.activity_forms import MAX_ORGANISATION

    values = mine.get("values") or {}
    parts = [
        render(
            '<label for="f-org">{label}</label><input id="f-org" name="org" required '
            'maxlength="{max}" value="{value}" autocomplete="organization">',
            label=gettext("Organisation", lang),
            max=MAX_ORGANISATION,
            value=mine.get("organisation", ""),
        )
    ]
    parts += [
        _form_field(field, values.get(field["key"]), lang) for field in activity["config"]["fields"]
    ]
    return join(parts)


def _form_field(field: dict[str, Any], value: Any, lang: str) -> Markup:
    """One field of a set's form: a rating, a text, or a choice (or topic) to select."""
    from facilitator.core.activity_forms import MAX_FIELD_TEXT

    label = field["en"] if lang == "en" else field["de"]
    name = f"f.{field['key']}"
    if field["kind"] == "rating":
        return _rating(name, label, [], value, lang)
    if field["kind"] == "text":
        return render(
            '<label for="{id}">{label}</label>'
            '<input id="{id}" name="{name}" maxlength="{max}" value="{value}"{req}>',
            id=f"f-{field['key']}",
            label=label,
            name=name,
            max=MAX_FIELD_TEXT,
            value=value or "",
            req=attrs(required=field["required"]),
        )
    options = join(
        render(
            '<option value="{k}"{sel}>{t}</option>',
            k=k,
            t=t,
            sel=attrs(selected=k == value),
        )
        for k, t in _field_choices(field, lang)
    )
    return render(
        '<label for="{id}">{label}</label><select id="{id}" name="{name}"{req}>'
        '<option value="">–</option>{options}</select>',
        id=f"f-{field['key']}",
        label=label,
        name=name,
        req=attrs(required=field["required"]),
        options=options,
    )


def _field_choices(field: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """The (value, label) options of a choice field, or the topics for a topic field."""
    from facilitator.core.taxonomy import TOPICS

    if field["kind"] == "choice":
        labels = field["labels_en" if lang == "en" else "labels_de"]
        return list(zip(field["options"], labels, strict=True))
    return [(key, topic.get(lang)) for key, topic in TOPICS.items()]
