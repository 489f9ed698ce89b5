"""Provides the protocol's layout: the model turned into headings, lists and tables.

Both renderers (Word and Markdown) walk the same list of blocks, so the two
documents cannot drift apart. Labels come from export/strings.py.
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
from facilitator.export.strings import STRINGS


class _Layout:
    def __init__(self, model: ProtocolModel) -> None:
        self.model = model
        self.lang = model.lang
        self.blocks: list[Block] = []

    def t(self, key: str, **values: object) -> str:
        return STRINGS(key, self.lang, **values)

    def label(self, table: dict, key: str | None, fallback: str = "") -> str:
        return table[key].get(self.lang) if key in table else (fallback or (key or ""))

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def empty(self) -> None:
        self.add(Para(self.t("empty")))

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
        return self.t("one_vote") if entry.votes == 1 else self.t("votes", n=entry.votes)

    def entry_line(self, entry: Entry) -> str:
        extras = [x for x in (self.votes(entry), entry.organisation) if x]
        if entry.merged:
            extras.append(self.t("merged", n=entry.merged + 1))
        return entry.text + (f" ({'; '.join(extras)})" if extras else "")

    def date(self, iso: str | None, empty: str = "") -> str:
        """Return an ISO date as people write it: 01.12.2026 or 1 December 2026."""
        return format_date(iso, self.lang, empty) if iso else empty

    def topic(self, key: str | None) -> str:
        return self.label(TOPICS, key, self.t("no_topic"))


def layout(model: ProtocolModel) -> list[Block]:
    """Return the protocol as a list of blocks, in document order.

    Sections are numbered in their headings ("10. Anhang: Methoden"), so the
    contents list needs no list numbering that a narrow indent could squeeze.
    """
    out = _Layout(model)
    t = out.t
    out.add(Title(t("page_title", title=model.title)))
    time = t("time_range", start=model.start, end=model.end) if model.end else model.start
    fields = [
        (t("date"), out.date(model.date, t("not_given"))),
        (t("time"), time or t("not_given")),
        (t("venue"), model.venue or t("not_given")),
    ]
    for label, value in (
        (t("series"), model.series),
        (t("moderation"), model.moderation),
        (t("minute_taker"), model.minute_taker),
        (t("distribution"), "; ".join(model.distribution)),
    ):
        if value:  # an empty detail is left out rather than printed as "nicht angegeben"
            fields.append((label, value))
    out.add(Fields(tuple(fields)))
    sections: list[tuple[str, Callable[[], None]]] = [
        (t(key), partial(write, out, model)) for key, write in SECTIONS[:-1]
    ]
    for extra in model.extra_sections:
        sections.append((extra.title, partial(out.add, *extra.blocks)))
    key, write = SECTIONS[-1]
    sections.append((t(key), lambda: write(out, model)))
    titles = [f"{number}. {title}" for number, (title, _) in enumerate(sections, 1)]
    out.add(Heading(1, t("contents")), *(Para(title) for title in titles))
    for title, (_, write_section) in zip(titles, sections, strict=True):
        out.add(Heading(1, title))
        write_section()
    return out.blocks


def _goals_agenda(out: _Layout, model: ProtocolModel) -> None:
    t = out.t
    out.add(Heading(2, t("goals")))
    out.bullets(model.goals)
    out.add(Heading(2, t("agenda")))
    rows = [
        [
            row.title,
            row.planned,
            t("skipped") if row.skipped else row.actual or "–",
            row.method,
        ]
        for row in model.agenda
    ]
    out.table([t("item"), t("planned"), t("actual"), t("method")], rows)


def _participants(out: _Layout, model: ProtocolModel) -> None:
    t = out.t
    people = model.attendance
    if not people.named and not people.unnamed and not people.others:
        out.empty()
        return
    if people.recorded:
        out.add(Para(t("attendance", present=people.present, absent=people.absent)))
    else:
        out.add(Para(t("attendance_unknown"), note=True))
    out.table(
        [t("name"), t("organisation"), t("org_type")],
        [[p.name, p.organisation, out.label(ORG_TYPES, p.org_type)] for p in people.named],
    )
    if people.unnamed or people.others:
        out.add(Para(t("unnamed_intro")))
        lines = [
            f"{org or t('no_org')} ({t('one_person') if n == 1 else t('persons', n=n)})"
            for org, n in people.unnamed
        ]
        if people.others:  # one person per organisation: no organisation names them
            n = people.others
            lines.append(f"{t('other_orgs')} ({t('one_person') if n == 1 else t('persons', n=n)})")
        out.bullets(lines)
    out.add(Heading(2, t("counts")))
    counts = [[out.label(ORG_TYPES, key), format_count(n, out.lang)] for key, n in model.org_counts]
    counts.append([t("total"), format_count(sum(n for _, n in model.org_counts), out.lang)])
    out.table([t("org_type"), t("count")], counts)


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
        out.add(Heading(2, out.t(f"results_{kind}")))
        _groups(out, groups, lambda entries: out.bullets([out.entry_line(e) for e in entries]))


def _results_and_activities(out: _Layout, model: ProtocolModel) -> None:
    """The captured results, then the phones' activities per block (issue 16)."""
    _results(out, model)
    if model.activities:
        write_activities(out, model)


def _measures(out: _Layout, model: ProtocolModel) -> None:
    t = out.t

    def table(entries: list[Entry]) -> None:
        rows = [
            [
                e.text + (f" ({out.votes(e)})" if e.votes else ""),
                out.label(MEASURE_STATUSES, e.status),
                e.organisation,
            ]
            for e in entries
        ]
        out.table([t("measure"), t("status"), t("organisation")], rows)

    _groups(out, model.measures, table)


def _networking(out: _Layout, model: ProtocolModel) -> None:
    t = out.t
    out.add(Heading(2, t("matches")))
    _groups(
        out,
        model.networking,
        lambda entries: out.bullets([f"{t(e.kind)}: {out.entry_line(e)}" for e in entries]),
    )
    out.add(Heading(2, t("contacts")))
    out.table(
        [t("name"), t("organisation"), t("email")],
        [[p.name, p.organisation, p.email] for p in model.contacts],
    )
    if model.contacts:
        out.add(Para(t("contacts_note"), note=True))


def _tasks(out: _Layout, model: ProtocolModel) -> None:
    t = out.t
    out.table(
        [t("owner"), t("what"), t("due")],
        [[e.owner or "–", e.text, out.date(e.due, "–")] for e in model.tasks],
    )


def _decisions(out: _Layout, model: ProtocolModel) -> None:
    out.add(Heading(2, out.t("decisions")))
    out.bullets([out.entry_line(e) for e in model.decisions])
    out.add(Heading(2, out.t("questions")))
    out.bullets([out.entry_line(e) for e in model.questions])


def _record(out: _Layout, model: ProtocolModel) -> None:
    if not model.record:
        out.empty()
    for block in model.record:
        out.add(Heading(2, block.title or out.t("no_block")))
        if block.notes:
            out.add(Bullets(tuple(out.entry_line(e) for e in block.notes)))
        for photo in block.photos:
            caption = photo.caption or out.t("photo")
            out.add(Image(photo.jpeg, caption, photo.width, photo.height))


def _next_steps(out: _Layout, model: ProtocolModel) -> None:
    out.bullets([out.entry_line(e) for e in model.next_steps])
    fields = [(out.t("next_date"), out.date(model.next_date, out.t("not_given")))]
    if model.next_venue:
        fields.append((out.t("venue"), model.next_venue))
    out.add(Fields(tuple(fields)))


def _appendix(out: _Layout, model: ProtocolModel) -> None:
    if not model.methods:
        out.empty()
    for method in model.methods:
        out.add(Heading(2, method.name), Para(method.summary))
        out.add(
            Bullets(
                tuple(
                    f"{out.t('minutes_short', n=minutes)}: {text}" for minutes, text in method.steps
                ),
            )
        )


# (heading key, writer) in document order; sections of other areas (the model's
# extra_sections) go in before the last one, the appendix.
SECTIONS: list[tuple[str, Callable[[_Layout, ProtocolModel], None]]] = [
    ("goals_agenda", _goals_agenda),
    ("participants", _participants),
    ("results", _results_and_activities),
    ("measures", _measures),
    ("networking", _networking),
    ("tasks", _tasks),
    ("decisions_questions", _decisions),
    ("record", _record),
    ("next_steps", _next_steps),
    ("appendix", _appendix),
]
