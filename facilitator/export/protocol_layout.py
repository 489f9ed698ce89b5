"""Provides the protocol's layout: the model turned into headings, lists and tables.

Both renderers (Word and Markdown) walk the same list of blocks, so the two
documents cannot drift apart. Labels are gettext texts (German source, English in the .po).
"""

from collections.abc import Callable
from functools import partial

from facilitator.core.dates import format_date
from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES, TOPICS
from facilitator.export.blocks import (
    Block,
    Bullets,
    Fields,
    Heading,
    Image,
    Para,
    Table,
    Title,
    content_widths,
    format_count,
)
from facilitator.export.protocol_activities import write_activities
from facilitator.export.protocol_model import Entry, ProtocolModel, TopicGroup
from facilitator.locale import Text, gettext, lazy, ngettext, npgettext, pgettext


class _Layout:
    def __init__(self, model: ProtocolModel) -> None:
        self.model = model
        self.lang = model.lang
        self.blocks: list[Block] = []

    def label(self, table: dict, key: str | None, fallback: str = "") -> str:
        return table[key].get(self.lang) if key in table else (fallback or (key or ""))

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def empty(self) -> None:
        self.add(Para(gettext("Keine Einträge.", self.lang)))

    def bullets(self, items: list[str]) -> None:
        if items:
            self.add(Bullets(tuple(items)))
        else:
            self.empty()

    def table(self, headers: list[str], rows: list[list[str]]) -> None:
        """A table whose column widths follow its content (no word broken)."""
        if rows:
            cells = tuple(tuple(r) for r in rows)
            self.add(Table(tuple(headers), cells, content_widths(tuple(headers), cells)))
        else:
            self.empty()

    def votes(self, entry: Entry) -> str:
        if not entry.votes:
            return ""
        # "Punkt" is also an agenda item elsewhere; here it is a sticky dot
        return npgettext("Klebepunkte", "{n} Punkt", "{n} Punkte", entry.votes, self.lang)

    def entry_line(self, entry: Entry) -> str:
        extras = [x for x in (self.votes(entry), entry.organisation) if x]
        if entry.merged:
            extras.append(gettext("{n} Nennungen", self.lang, n=entry.merged + 1))
        return entry.text + (f" ({'; '.join(extras)})" if extras else "")

    def date(self, iso: str | None, empty: str = "") -> str:
        """Return an ISO date as people write it: 01.12.2026 or 1 December 2026."""
        return format_date(iso, self.lang, empty) if iso else empty

    def topic(self, key: str | None) -> str:
        return self.label(TOPICS, key, gettext("Ohne Themenfeld", self.lang))


def layout(model: ProtocolModel) -> list[Block]:
    """Return the protocol as a list of blocks, in document order.

    Sections are numbered in their headings ("10. Anhang: Methoden"), so the
    contents list needs no list numbering that a narrow indent could squeeze.
    """
    out = _Layout(model)
    out.add(Title(gettext("{title} – Protokoll", out.lang, title=model.title)))
    time = (
        gettext("{start}–{end} Uhr", out.lang, start=model.start, end=model.end)
        if model.end
        else model.start
    )
    fields = [
        (gettext("Datum", out.lang), out.date(model.date, gettext("nicht angegeben", out.lang))),
        (gettext("Uhrzeit", out.lang), time or gettext("nicht angegeben", out.lang)),
        (gettext("Ort", out.lang), model.venue or gettext("nicht angegeben", out.lang)),
    ]
    for label, value in (
        (gettext("Reihe", out.lang), model.series),
        (pgettext("Dokument", "Moderation", out.lang), model.moderation),
        (pgettext("Rolle", "Protokoll", out.lang), model.minute_taker),
        (pgettext("Dokument", "Verteiler", out.lang), "; ".join(model.distribution)),
    ):
        if value:  # an empty detail is left out rather than printed as "nicht angegeben"
            fields.append((label, value))
    out.add(Fields(tuple(fields)))
    sections: list[tuple[str, Callable[[], None]]] = [
        (heading.text(out.lang), partial(write, out, model)) for heading, write in SECTIONS[:-1]
    ]
    for extra in model.extra_sections:
        sections.append((extra.title, partial(out.add, *extra.blocks)))
    heading, write = SECTIONS[-1]
    sections.append((heading.text(out.lang), lambda: write(out, model)))
    titles = [f"{number}. {title}" for number, (title, _) in enumerate(sections, 1)]
    out.add(Heading(1, gettext("Inhalt", out.lang)), *(Para(title) for title in titles))
    for title, (_, write_section) in zip(titles, sections, strict=True):
        out.add(Heading(1, title))
        write_section()
    return out.blocks


def _goals_agenda(out: _Layout, model: ProtocolModel) -> None:
    out.add(Heading(2, gettext("Ziele", out.lang)))
    out.bullets(model.goals)
    out.add(Heading(2, gettext("Ablauf", out.lang)))
    rows = [
        [
            row.title,
            row.planned,
            gettext("entfallen", out.lang) if row.skipped else row.actual or "–",
            row.method,
        ]
        for row in model.agenda
    ]
    out.table(
        [
            pgettext("Dokument", "Programmpunkt", out.lang),
            gettext("geplant", out.lang),
            gettext("tatsächlich", out.lang),
            gettext("Methode", out.lang),
        ],
        rows,
    )


def _participants(out: _Layout, model: ProtocolModel) -> None:
    people = model.attendance
    if not people.named and not people.unnamed and not people.others:
        out.empty()
        return
    _attendance(out, model)
    out.table(
        [
            gettext("Name", out.lang),
            gettext("Organisation", out.lang),
            pgettext("Dokument", "Art", out.lang),
        ],
        [[p.name, p.organisation, out.label(ORG_TYPES, p.org_type)] for p in people.named],
    )
    if people.unnamed or people.others:
        out.add(Para(gettext("Außerdem (ohne Einwilligung zur Namensnennung):", out.lang)))
        out.bullets(_unnamed(out, model))
    _org_counts(out, model)


def _attendance(out: _Layout, model: ProtocolModel) -> None:
    people = model.attendance
    if people.recorded:
        out.add(
            Para(
                gettext(
                    "Anwesend: {present} Personen; entschuldigt oder nicht erschienen: {absent}.",
                    out.lang,
                    present=people.present,
                    absent=people.absent,
                )
            )
        )
    else:
        out.add(
            Para(
                gettext(
                    "Die Anwesenheit wurde nicht erfasst; aufgeführt sind die Angemeldeten.",
                    out.lang,
                ),
                note=True,
            )
        )


def _unnamed(out: _Layout, model: ProtocolModel) -> list[str]:
    """Those without consent to be named, counted per organisation: "Stadt X (2 Personen)"."""
    people, lang = model.attendance, out.lang
    counted = [(org or gettext("Ohne Organisation", lang), n) for org, n in people.unnamed]
    if people.others:  # one person per organisation: no organisation names them
        counted.append((gettext("weitere Organisationen", lang), people.others))
    return [
        ngettext("{org} ({n} Person)", "{org} ({n} Personen)", n, lang, org=org)
        for org, n in counted
    ]


def _org_counts(out: _Layout, model: ProtocolModel) -> None:
    out.add(Heading(2, gettext("Nach Art der Organisation", out.lang)))
    counts = [[out.label(ORG_TYPES, key), format_count(n, out.lang)] for key, n in model.org_counts]
    counts.append(
        [gettext("Gesamt", out.lang), format_count(sum(n for _, n in model.org_counts), out.lang)]
    )
    out.table([pgettext("Dokument", "Art", out.lang), gettext("Anzahl", out.lang)], counts)


# the results' kinds, in the model's order (the review screen groups by them too), and
# the networking entries' kinds
RESULT_HEADINGS = {
    "challenge": lazy("Herausforderungen"),
    "need": lazy("Bedarfe"),
    "driver": lazy("Treiber"),
    "idea": lazy("Ideen"),
}
_MATCH_KINDS = {"request": lazy("Suche"), "offer": lazy("Biete")}
# the review screen's last group: entries hidden from the protocol
HIDDEN_TITLE = lazy("Ausgeblendet (nicht im Protokoll)")


def _groups(out: _Layout, groups: list[TopicGroup], write: Callable[[list[Entry]], None]) -> None:
    if not groups:
        out.empty()
    for group in groups:
        out.add(Heading(3, out.topic(group.topic)))
        write(group.entries)


def _results(out: _Layout, model: ProtocolModel) -> None:
    if not any(model.results.values()):
        out.empty()
        return
    for kind, groups in model.results.items():
        out.add(Heading(2, RESULT_HEADINGS[kind].text(out.lang)))
        _groups(out, groups, lambda entries: out.bullets([out.entry_line(e) for e in entries]))


def _results_and_activities(out: _Layout, model: ProtocolModel) -> None:
    """The captured results, then the phones' activities per block."""
    _results(out, model)
    if model.activities:
        write_activities(out, model)


def _measures(out: _Layout, model: ProtocolModel) -> None:
    def table(entries: list[Entry]) -> None:
        rows = [
            [
                e.text + (f" ({out.votes(e)})" if e.votes else ""),
                out.label(MEASURE_STATUSES, e.status),
                e.organisation,
            ]
            for e in entries
        ]
        out.table(
            [
                gettext("Maßnahme", out.lang),
                gettext("Status", out.lang),
                gettext("Organisation", out.lang),
            ],
            rows,
        )

    _groups(out, model.measures, table)


def _networking(out: _Layout, model: ProtocolModel) -> None:
    out.add(Heading(2, gettext("Suche und Biete nach Themenfeld", out.lang)))
    _groups(
        out,
        model.networking,
        lambda entries: out.bullets(
            [_MATCH_KINDS[e.kind].text(out.lang) + f": {out.entry_line(e)}" for e in entries]
        ),
    )
    out.add(Heading(2, gettext("Kontakte", out.lang)))
    out.table(
        [gettext("Name", out.lang), gettext("Organisation", out.lang), gettext("E-Mail", out.lang)],
        [[p.name, p.organisation, p.email] for p in model.contacts],
    )
    if model.contacts:
        out.add(
            Para(
                gettext(
                    "Nur Teilnehmende, die der Weitergabe ihrer Kontaktdaten zugestimmt haben.",
                    out.lang,
                ),
                note=True,
            )
        )


def _tasks(out: _Layout, model: ProtocolModel) -> None:
    out.table(
        [gettext("Wer", out.lang), gettext("Was", out.lang), gettext("Bis wann", out.lang)],
        [[e.owner or "–", e.text, out.date(e.due, "–")] for e in model.tasks],
    )


def _decisions(out: _Layout, model: ProtocolModel) -> None:
    out.add(Heading(2, gettext("Entscheidungen", out.lang)))
    out.bullets([out.entry_line(e) for e in model.decisions])
    out.add(Heading(2, gettext("Offene Fragen", out.lang)))
    out.bullets([out.entry_line(e) for e in model.questions])


def _record(out: _Layout, model: ProtocolModel) -> None:
    if not model.record:
        out.empty()
    for block in model.record:
        out.add(Heading(2, block.title or gettext("Ohne Programmpunkt", out.lang)))
        if block.notes:
            out.add(Bullets(tuple(out.entry_line(e) for e in block.notes)))
        for photo in block.photos:
            caption = photo.caption or gettext("Foto", out.lang)
            out.add(Image(photo.jpeg, caption, photo.width, photo.height))


def _next_steps(out: _Layout, model: ProtocolModel) -> None:
    out.bullets([out.entry_line(e) for e in model.next_steps])
    fields = [
        (
            gettext("Nächster Termin", out.lang),
            out.date(model.next_date, gettext("nicht angegeben", out.lang)),
        )
    ]
    if model.next_venue:
        fields.append((gettext("Ort", out.lang), model.next_venue))
    out.add(Fields(tuple(fields)))


def _appendix(out: _Layout, model: ProtocolModel) -> None:
    if not model.methods:
        out.empty()
    for method in model.methods:
        out.add(Heading(2, method.name), Para(method.summary))
        out.add(
            Bullets(
                tuple(
                    gettext("{n} Min.", out.lang, n=minutes) + f": {text}"
                    for minutes, text in method.steps
                ),
            )
        )


# (heading, writer) in document order; sections of other areas (the model's
# extra_sections) go in before the last one, the appendix.
SECTIONS: list[tuple[Text, Callable[[_Layout, ProtocolModel], None]]] = [
    (lazy("Ziele und Ablauf"), _goals_agenda),
    (lazy("Teilnehmende"), _participants),
    (lazy("Ergebnisse"), _results_and_activities),
    (lazy("Maßnahmen"), _measures),
    (lazy("Vernetzung"), _networking),
    (lazy("Aufgaben"), _tasks),
    (lazy("Entscheidungen und offene Fragen"), _decisions),
    (lazy("Notizen und Fotoprotokoll"), _record),
    (lazy("Nächste Schritte"), _next_steps),
    (lazy("Anhang: Methoden"), _appendix),
]
