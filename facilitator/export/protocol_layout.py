"""Provides the protocol's layout: the model turned into headings, lists and tables.

Both renderers (Word and Markdown) walk the same list of blocks, so the two
documents cannot drift apart. Labels come from export/strings.py.
"""

from datetime import date

from facilitator.core.taxonomy import CAPTURE_KINDS, MEASURE_STATUSES, ORG_TYPES, TOPICS
from facilitator.export.blocks import Block, Bullets, Fields, Heading, Para, Table, Title
from facilitator.export.protocol_activities import write_activities
from facilitator.export.protocol_model import Entry, ProtocolModel
from facilitator.export.strings import SECTIONS, STRINGS

_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


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

    def table(self, headers: list[str], rows: list[list[str]], widths: tuple[int, ...]) -> None:
        if rows:
            self.add(Table(tuple(headers), tuple(tuple(r) for r in rows), widths))
        else:
            self.empty()

    def votes(self, entry: Entry) -> str:
        if not entry.votes:
            return ""
        return self.t("one_vote") if entry.votes == 1 else self.t("votes", n=entry.votes)

    def entry_line(self, entry: Entry) -> str:
        extras = [x for x in (self.votes(entry), entry.organisation) if x]
        return entry.text + (f" ({'; '.join(extras)})" if extras else "")

    def date(self, iso: str | None, empty: str = "") -> str:
        """Return an ISO date as people write it: 01.12.2026 or 1 December 2026."""
        try:
            day = date.fromisoformat(str(iso)[:10])
        except ValueError:
            return iso or empty
        if self.lang == "en":
            return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
        return day.strftime("%d.%m.%Y")

    def topic(self, key: str | None) -> str:
        return self.label(TOPICS, key, self.t("no_topic"))


def layout(model: ProtocolModel) -> list[Block]:
    """Return the protocol as a list of blocks, in document order."""
    out = _Layout(model)
    t = out.t
    out.add(Title(t("page_title", title=model.title)))
    time = t("time_range", start=model.start, end=model.end) if model.end else model.start
    out.add(
        Fields(
            (
                (t("date"), out.date(model.date, t("not_given"))),
                (t("time"), time or t("not_given")),
                (t("venue"), model.venue or t("not_given")),
                (t("moderation"), model.moderation or t("not_given")),
                (t("minute_taker"), model.minute_taker or t("not_given")),
                (t("distribution"), "; ".join(model.distribution) or t("not_given")),
            )
        )
    )
    out.add(Heading(1, t("contents")), Bullets(tuple(t(s) for s in SECTIONS), numbered=True))
    for section, write in zip(SECTIONS, _WRITERS, strict=True):
        out.add(Heading(1, t(section)))
        write(out, model)
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
    out.table([t("item"), t("planned"), t("actual"), t("method")], rows, (8, 5, 5, 7))


def _participants(out: _Layout, model: ProtocolModel) -> None:
    t = out.t
    rows = [
        [p.name, p.organisation, out.label(ORG_TYPES, p.org_type), p.email]
        for p in model.participants
    ]
    out.table([t("name"), t("organisation"), t("org_type"), t("email")], rows, (4, 4, 3, 5))
    if not rows:
        return
    out.add(Para(t("email_note"), note=True), Heading(2, t("counts")))
    counts = [[out.label(ORG_TYPES, key), str(n)] for key, n in model.org_counts]
    counts.append([t("total"), str(len(model.participants))])
    out.table([t("org_type"), t("count")], counts, (3, 1))


def _org_status(out: _Layout, model: ProtocolModel) -> None:
    t = out.t
    if not model.org_status and not model.orgs_without_measures:
        out.empty()
    for group in model.org_status:
        out.add(Heading(2, group.organisation or t("no_org")))
        out.bullets([f"{e.text} – {out.label(MEASURE_STATUSES, e.status)}" for e in group.measures])
    if model.orgs_without_measures:
        out.add(Para(f"{t('no_measures')}: {', '.join(model.orgs_without_measures)}", note=True))


def _results(out: _Layout, model: ProtocolModel) -> None:
    if not any(model.results.values()):
        out.empty()
        return
    for kind, groups in model.results.items():
        out.add(Heading(2, out.label(CAPTURE_KINDS, kind)))
        if not groups:
            out.empty()
        for group in groups:
            out.add(Heading(3, out.topic(group.topic)))
            out.bullets([out.entry_line(e) for e in group.entries])


def _results_and_activities(out: _Layout, model: ProtocolModel) -> None:
    """The captured results, then the phones' activities per block (issue 16)."""
    _results(out, model)
    if model.activities:
        write_activities(out, model)


def _measures(out: _Layout, model: ProtocolModel) -> None:
    t = out.t
    rows = [
        [e.text, out.topic(e.topic), out.label(MEASURE_STATUSES, e.status), e.organisation]
        for e in model.measures
    ]
    out.table([t("measure"), t("topic"), t("status"), t("organisation")], rows, (6, 3, 3, 4))


def _networking(out: _Layout, model: ProtocolModel) -> None:
    t = out.t
    out.add(Heading(2, t("matches")))
    rows = [
        [
            out.topic(m.topic),
            out.entry_line(m.request),
            out.entry_line(m.offer),
        ]
        for m in model.matches
    ]
    out.table([t("topic"), t("request"), t("offer")], rows, (2, 4, 4))
    if model.unmatched:
        out.add(Heading(3, t("unmatched")))
        out.bullets(
            [
                f"{t(kind)}: {out.entry_line(e)} – {out.topic(e.topic)}"
                for kind, e in model.unmatched
            ]
        )
    out.add(Heading(2, t("contacts")))
    out.table(
        [t("name"), t("organisation"), t("email")],
        [[p.name, p.organisation, p.email] for p in model.contacts],
        (3, 3, 4),
    )
    if model.contacts:
        out.add(Para(t("contacts_note"), note=True))


def _tasks(out: _Layout, model: ProtocolModel) -> None:
    t = out.t
    out.table(
        [t("owner"), t("what"), t("due")],
        [[e.owner or "–", e.text, out.date(e.due, "–")] for e in model.tasks],
        (3, 6, 2),
    )


def _decisions(out: _Layout, model: ProtocolModel) -> None:
    out.add(Heading(2, out.t("decisions")))
    out.bullets(model.decisions)
    out.add(Heading(2, out.t("questions")))
    out.bullets(model.questions)


def _next_steps(out: _Layout, model: ProtocolModel) -> None:
    out.bullets(model.next_steps)
    out.add(Fields(((out.t("next_date"), out.date(model.next_date, out.t("not_given"))),)))


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


_WRITERS = (
    _goals_agenda,
    _participants,
    _org_status,
    _results_and_activities,
    _measures,
    _networking,
    _tasks,
    _decisions,
    _next_steps,
    _appendix,
)
