"""Provides the fact sheet's content as neutral blocks, rendered to Word or Markdown.

One text for both formats: headings, paragraphs, tables and chart places in order.
"""

from datetime import date

from facilitator.core.dates import format_date
from facilitator.core.i18n import Catalog
from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES
from facilitator.export.factsheet_block import Block
from facilitator.export.factsheet_model import (
    THEME_KINDS,
    FactSheet,
    kind_label,
    topic_label,
)

TEXT = Catalog(
    {
        "title": ("Faktenblatt: {label}", "Fact sheet: {label}"),
        "all": ("alle Workshops", "all workshops"),
        "intro": (
            # "and", not "from": the organisations include those only named in entries
            # or registered without coming, so there can be more of them than people.
            "Stand {today}. Zusammenfassung aus {workshops} mit {participants} und "
            "{organisations}.",
            "As of {today}. Summary of {workshops} with {participants} and {organisations}.",
        ),
        "n_workshops": ("{n} Workshops", "{n} workshops"),
        "1_workshops": ("einem Workshop", "one workshop"),
        "n_participants": ("{n} Teilnehmenden", "{n} participants"),
        "1_participants": ("einer Person", "one participant"),
        "n_organisations": ("{n} Organisationen", "{n} organisations"),
        "1_organisations": ("einer Organisation", "one organisation"),
        "overview": ("Überblick", "Overview"),
        "figure": ("Kennzahl", "Figure"),
        "value": ("Anzahl", "Count"),
        "workshops": ("Workshops", "Workshops"),
        "participants": ("Teilnehmende", "Participants"),
        "organisations": ("Organisationen", "Organisations"),
        "by_type": (
            "Organisationen und Teilnehmende nach Typ",
            "Organisations and participants by type",
        ),
        "type": ("Typ", "Type"),
        "themes": ("Bedarfe, Treiber und Herausforderungen", "Needs, drivers and challenges"),
        "by_topic": ("Nach Themenfeld", "By topic field"),
        "topic": ("Themenfeld", "Topic field"),
        "sum": ("Summe", "Total"),
        "frequent": ("Häufigste Nennungen: {kind}", "Most frequent: {kind}"),
        "statement": ("Nennung", "Statement"),
        "times": ("Häufigkeit", "Frequency"),
        "dots": ("Punkte", "Dots"),
        # series (issue 17): who is behind a near-duplicate cluster
        "who": ("Organisationen", "Organisations"),
        "more": ("und {n} weitere", "and {n} more"),
        "none": ("Keine Einträge.", "No entries."),
        "measures": ("Maßnahmen nach Themenfeld und Stand", "Measures by topic field and status"),
        "top": ("Meistbewertete Herausforderungen", "Most-voted challenges"),
        "workshop": ("Workshop", "Workshop"),
        "list": ("Workshops der Reihe", "Workshops in the series"),
        "date": ("Datum", "Date"),
        "venue": ("Ort", "Venue"),
        "entries": ("Einträge", "Entries"),
        # issue 24.3: every count says what it counts
        "people_present": ("Personen anwesend (je Person einmal)", "People present (each once)"),
        "attendances": (
            "Teilnahmen (Anwesende je Workshop, zusammengezählt)",
            "Attendances (people present per workshop, added up)",
        ),
        "orgs_present": ("Organisationen mit Anwesenden", "Organisations with someone present"),
        "orgs_named": (
            "Organisationen nur in Einträgen genannt (niemand anwesend)",
            "Organisations only named in entries (nobody present)",
        ),
        "mentions": ("Nennungen: {kinds}", "Statements: {kinds}"),
        "behind": (
            "{orgs} Org. in {workshops} Workshop(s): {names}",
            "{orgs} orgs in {workshops} workshop(s): {names}",
        ),
        "once_rest": (
            "Dazu {n} weitere Nennungen, die je nur einmal vorkamen.",
            "Plus {n} more statements, each made only once.",
        ),
        "once_rest_1": (
            "Dazu eine weitere Nennung, die nur einmal vorkam.",
            "Plus one more statement, made only once.",
        ),
        "n_present": ("{n} anwesenden Personen", "{n} people present"),
        "1_present": ("einer anwesenden Person", "one person present"),
        "mentions_short": ("Nennungen", "Statements"),
        "n_orgs_present": ("{n} Organisationen mit Anwesenden", "{n} organisations present"),
        "1_orgs_present": ("einer Organisation mit Anwesenden", "one organisation present"),
    }
)


def title_of(sheet: FactSheet, lang: str) -> str:
    """Return the document title."""
    return TEXT("title", lang, label=sheet.label or TEXT("all", lang))


def blocks(sheet: FactSheet, lang: str, today: date | None = None) -> list[Block]:
    """Return the fact sheet's content in order; charts appear as Block('chart', name)."""
    t = lambda key, **values: TEXT(key, lang, **values)  # noqa: E731 - local shorthand
    today_text = format_date((today or date.today()).isoformat(), lang)
    out = [
        Block("title", title_of(sheet, lang)),
        Block(
            "para",
            t(
                "intro",
                today=today_text,
                workshops=_count("workshops", len(sheet.workshops), lang),
                participants=_count("present", sheet.participants, lang),
                organisations=_count("orgs_present", sheet.organisations, lang),
            ),
        ),
        Block("h1", t("overview")),
        Block(
            "table",
            headers=[t("figure"), t("value")],
            rows=[
                [t("workshops"), len(sheet.workshops)],
                [t("people_present"), sheet.participants],
                [t("attendances"), sheet.attendances],
                [t("orgs_present"), sheet.organisations],
                [t("orgs_named"), sheet.organisations_named],
                *(
                    [t("mentions", kinds=kind_label(k, lang)), sheet.mentions.get(k, 0)]
                    for k in THEME_KINDS
                ),
            ],
        ),
        Block("h2", t("by_type")),
        Block("chart", "org_types"),
        Block(
            "table",
            headers=[t("type"), t("organisations"), t("participants")],
            rows=[
                [
                    ORG_TYPES[k].get(lang),
                    sheet.orgs_by_type.get(k, 0),
                    sheet.participants_by_type.get(k, 0),
                ]
                for k in ORG_TYPES
                if sheet.orgs_by_type.get(k) or sheet.participants_by_type.get(k)
            ],
        ),
        Block("h1", t("themes")),
        Block("h2", t("by_topic")),
        Block("chart", "themes"),
    ]
    topics = [t_ for t_ in sheet.topics_used if any(sheet.themes[k].get(t_) for k in THEME_KINDS)]
    out.append(
        Block(
            "table",
            headers=[t("topic"), *(kind_label(k, lang) for k in THEME_KINDS), t("sum")],
            rows=[
                [
                    topic_label(topic, lang),
                    *(sheet.themes[k].get(topic, 0) for k in THEME_KINDS),
                    sum(sheet.themes[k].get(topic, 0) for k in THEME_KINDS),
                ]
                for topic in topics
            ],
        )
    )
    for kind in THEME_KINDS:
        out.append(Block("h2", t("frequent", kind=kind_label(kind, lang))))
        found = sheet.frequent[kind]
        out.append(
            Block(
                "table",
                headers=[t("statement"), t("topic"), t("mentions_short"), t("dots"), t("who")],
                rows=[
                    [f.text, topic_label(f.topic, lang), f.count, f.votes, _who(f, lang)]
                    for f in found
                ],
                widths=[2.0, 1.3, 1.15, 0.85, 1.7],
            )
            if found
            else Block("para", t("none"))
        )
        if rest := sheet.frequent_rest.get(kind):
            out.append(Block("para", t("once_rest_1" if rest == 1 else "once_rest", n=rest)))
    out += [Block("h1", t("measures")), Block("chart", "measures")]
    statuses = list(MEASURE_STATUSES)
    measure_topics = [x for x in sheet.topics_used if x in sheet.measures]
    out.append(
        Block(
            "table",
            headers=[t("topic"), *(MEASURE_STATUSES[s].get(lang) for s in statuses), t("sum")],
            rows=[
                [
                    topic_label(x, lang),
                    *(sheet.measures[x].get(s, 0) for s in statuses),
                    sum(sheet.measures[x].values()),
                ]
                for x in measure_topics
            ],
        )
        if measure_topics
        else Block("para", t("none"))
    )
    out += [Block("h1", t("top")), Block("chart", "top_challenges")]
    out.append(
        Block(
            "table",
            headers=[t("statement"), t("topic"), t("dots"), t("workshop")],
            rows=[
                [c.text, topic_label(c.topic or "", lang), c.votes, title]
                for c, title in sheet.top_challenges
            ],
            widths=[3.0, 1.5, 0.9, 1.6],
        )
        if sheet.top_challenges
        else Block("para", t("none"))
    )
    from facilitator.export.factsheet_activities import activity_blocks  # imports Block

    out += activity_blocks(sheet, lang)  # issue 16: Digital-Check and activities
    out += [
        Block("h1", t("list")),
        Block(
            "table",
            headers=[t("workshop"), t("date"), t("venue"), t("participants"), t("entries")],
            rows=[
                [w.title, format_date(w.date, lang), w.venue, w.participants, w.captures]
                for w in sheet.workshops
            ],
            widths=[2.4, 1.6, 1.8, 1.5, 1.1],
        ),
    ]
    # A table without rows says nothing; say so in words.
    return [Block("para", t("none")) if b.kind == "table" and not b.rows else b for b in out]


def _count(what: str, n: int, lang: str) -> str:
    return TEXT(f"1_{what}" if n == 1 else f"n_{what}", lang, n=n)


def _who(found, lang: str, shown: int = 3) -> str:
    """Return how many organisations and workshops stand behind a statement, and who."""
    names = found.organisations[:shown]
    rest = len(found.organisations) - len(names)
    if rest > 0:
        names.append(TEXT("more", lang, n=rest))
    return TEXT(
        "behind",
        lang,
        orgs=len(found.organisations),
        workshops=len(found.workshops),
        names=", ".join(names) or "–",
    )
