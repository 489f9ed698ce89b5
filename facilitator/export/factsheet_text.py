"""Provides the fact sheet's content as neutral blocks, rendered to Word or Markdown.

One text for both formats: headings, paragraphs, tables and chart places in order.
"""

from datetime import date

from facilitator.core.dates import format_date
from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES
from facilitator.export.factsheet_activities import activity_blocks
from facilitator.export.factsheet_block import Block
from facilitator.export.factsheet_model import (
    THEME_KINDS,
    FactSheet,
    kind_label,
    topic_label,
)
from facilitator.locale import gettext, ngettext, pgettext


def title_of(sheet: FactSheet, lang: str) -> str:
    """Return the document title."""
    return gettext(
        "Faktenblatt: {label}", lang, label=sheet.label or gettext("alle Workshops", lang)
    )


def blocks(sheet: FactSheet, lang: str, today: date | None = None) -> list[Block]:
    """Return the fact sheet's content in order; charts appear as Block('chart', name)."""
    out = [Block("title", title_of(sheet, lang)), _intro(sheet, lang, today)]
    out += _overview(sheet, lang)
    out += _by_type(sheet, lang)
    out += _themes(sheet, lang)
    for kind in THEME_KINDS:
        out += _frequent(sheet, kind, lang)
    out += _measures(sheet, lang)
    out += _top_challenges(sheet, lang)
    out += activity_blocks(sheet, lang)  # the Digital-Check and the room's activities
    out += _workshops(sheet, lang)
    # A table without rows says nothing; say so in words.
    return [_none(lang) if b.kind == "table" and not b.rows else b for b in out]


def _none(lang: str) -> Block:
    return Block("para", gettext("Keine Einträge.", lang))


def _intro(sheet: FactSheet, lang: str, today: date | None) -> Block:
    return Block(
        "para",
        gettext(
            "Stand {today}. Zusammenfassung aus {workshops} mit {participants} und "
            "{organisations}.",
            lang,
            today=format_date((today or date.today()).isoformat(), lang),
            workshops=ngettext("einem Workshop", "{n} Workshops", len(sheet.workshops), lang),
            participants=ngettext(
                "einer anwesenden Person", "{n} anwesenden Personen", sheet.participants, lang
            ),
            organisations=ngettext(
                "einer Organisation mit Anwesenden",
                "{n} Organisationen mit Anwesenden",
                sheet.organisations,
                lang,
            ),
        ),
    )


def _overview(sheet: FactSheet, lang: str) -> list[Block]:
    mentions = [
        [gettext("Nennungen: {kinds}", lang, kinds=kind_label(k, lang)), sheet.mentions.get(k, 0)]
        for k in THEME_KINDS
    ]
    rows = [
        [gettext("Workshops", lang), len(sheet.workshops)],
        [gettext("Personen anwesend (je Person einmal)", lang), sheet.participants],
        [gettext("Teilnahmen (Anwesende je Workshop, zusammengezählt)", lang), sheet.attendances],
        [gettext("Organisationen mit Anwesenden", lang), sheet.organisations],
        [
            gettext("Organisationen nur in Einträgen genannt (niemand anwesend)", lang),
            sheet.organisations_named,
        ],
        *mentions,
    ]
    headers = [gettext("Kennzahl", lang), gettext("Anzahl", lang)]
    return [Block("h1", gettext("Überblick", lang)), Block("table", headers=headers, rows=rows)]


def _by_type(sheet: FactSheet, lang: str) -> list[Block]:
    headers = [gettext("Typ", lang), gettext("Organisationen", lang), gettext("Teilnehmende", lang)]
    rows = [
        [ORG_TYPES[k].get(lang), sheet.orgs_by_type.get(k, 0), sheet.participants_by_type.get(k, 0)]
        for k in ORG_TYPES
        if sheet.orgs_by_type.get(k) or sheet.participants_by_type.get(k)
    ]
    return [
        Block("h2", gettext("Organisationen und Teilnehmende nach Typ", lang)),
        Block("chart", "org_types"),
        Block("table", headers=headers, rows=rows),
    ]


def _themes(sheet: FactSheet, lang: str) -> list[Block]:
    topics = [t for t in sheet.topics_used if any(sheet.themes[k].get(t) for k in THEME_KINDS)]
    headers = [
        gettext("Themenfeld", lang),
        *(kind_label(k, lang) for k in THEME_KINDS),
        gettext("Summe", lang),
    ]
    rows = [
        [
            topic_label(topic, lang),
            *(sheet.themes[k].get(topic, 0) for k in THEME_KINDS),
            sum(sheet.themes[k].get(topic, 0) for k in THEME_KINDS),
        ]
        for topic in topics
    ]
    return [
        Block("h1", gettext("Bedarfe, Treiber und Herausforderungen", lang)),
        Block("h2", gettext("Nach Themenfeld", lang)),
        Block("chart", "themes"),
        Block("table", headers=headers, rows=rows),
    ]


def _frequent(sheet: FactSheet, kind: str, lang: str) -> list[Block]:
    """The most frequent statements of one kind, with who made them."""
    out = [Block("h2", gettext("Häufigste Nennungen: {kind}", lang, kind=kind_label(kind, lang)))]
    found = sheet.frequent[kind]
    headers = [
        gettext("Nennung", lang),
        gettext("Themenfeld", lang),
        pgettext("Faktenblatt", "Nennungen", lang),
        gettext("Punkte", lang),
        gettext("Organisationen", lang),
    ]
    rows = [[f.text, topic_label(f.topic, lang), f.count, f.votes, _who(f, lang)] for f in found]
    widths = [2.0, 1.3, 1.15, 0.85, 1.7]
    out.append(Block("table", headers=headers, rows=rows, widths=widths) if found else _none(lang))
    if rest := sheet.frequent_rest.get(kind):
        once = ngettext(
            "Dazu eine weitere Nennung, die nur einmal vorkam.",
            "Dazu {n} weitere Nennungen, die je nur einmal vorkamen.",
            rest,
            lang,
        )
        out.append(Block("para", once))
    return out


def _measures(sheet: FactSheet, lang: str) -> list[Block]:
    statuses = list(MEASURE_STATUSES)
    topics = [x for x in sheet.topics_used if x in sheet.measures]
    headers = [
        gettext("Themenfeld", lang),
        *(MEASURE_STATUSES[s].get(lang) for s in statuses),
        gettext("Summe", lang),
    ]
    rows = [
        [
            topic_label(x, lang),
            *(sheet.measures[x].get(s, 0) for s in statuses),
            sum(sheet.measures[x].values()),
        ]
        for x in topics
    ]
    return [
        Block("h1", gettext("Maßnahmen nach Themenfeld und Stand", lang)),
        Block("chart", "measures"),
        Block("table", headers=headers, rows=rows) if topics else _none(lang),
    ]


def _top_challenges(sheet: FactSheet, lang: str) -> list[Block]:
    headers = [
        gettext("Nennung", lang),
        gettext("Themenfeld", lang),
        gettext("Punkte", lang),
        gettext("Workshop", lang),
    ]
    rows = [
        [c.text, topic_label(c.topic or "", lang), c.votes, title]
        for c, title in sheet.top_challenges
    ]
    table = Block("table", headers=headers, rows=rows, widths=[3.0, 1.5, 0.9, 1.6])
    return [
        Block("h1", gettext("Meistbewertete Herausforderungen", lang)),
        Block("chart", "top_challenges"),
        table if sheet.top_challenges else _none(lang),
    ]


def _workshops(sheet: FactSheet, lang: str) -> list[Block]:
    headers = [
        gettext("Workshop", lang),
        gettext("Datum", lang),
        gettext("Ort", lang),
        gettext("Teilnehmende", lang),
        gettext("Einträge", lang),
    ]
    rows = [
        [w.title, format_date(w.date, lang), w.venue, w.participants, w.captures]
        for w in sheet.workshops
    ]
    return [
        Block("h1", gettext("Workshops der Reihe", lang)),
        Block("table", headers=headers, rows=rows, widths=[2.4, 1.6, 1.8, 1.5, 1.1]),
    ]


def _who(found, lang: str, shown: int = 3) -> str:
    """Return how many organisations and workshops stand behind a statement, and who."""
    names = found.organisations[:shown]
    rest = len(found.organisations) - len(names)
    if rest > 0:
        names.append(gettext("und {n} weitere", lang, n=rest))
    return gettext(
        "{orgs} Org. in {workshops} Workshop(s): {names}",
        lang,
        orgs=len(found.organisations),
        workshops=len(found.workshops),
        names=", ".join(names) or "–",
    )
