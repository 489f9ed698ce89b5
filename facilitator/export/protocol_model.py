"""Provides the protocol model: what goes into a workshop's protocol, read from the store.

Plain dataclasses, no Word: the .docx and the Markdown renderer both draw on the
same model (through export/protocol_layout.py). Every visible capture appears
exactly once: challenges, needs, drivers and ideas under results, measures with
their status, offers and requests under networking, to-dos as tasks, decisions,
questions, next steps, and notes under their agenda block (with its photos).
People: only those present are listed; by name only with consent, otherwise as
their organisation with a count; absent people are only counted. Hidden, merged
and deleted captures never appear on their own (merged ones add their dots and
organisations to the entry they went into).
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from facilitator.core.consent_rule import document_participants, owner_label
from facilitator.core.method_format import MethodCard
from facilitator.core.models import Capture
from facilitator.core.schedule import format_clock
from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES, TOPICS
from facilitator.export.blocks import ExtraSection
from facilitator.export.protocol_activities import activities_for_protocol
from facilitator.export.solutions import solutions_section
from facilitator.store.agenda import workshop_schedule
from facilitator.store.captures import list_captures
from facilitator.store.db import Store
from facilitator.store.participants import list_participants
from facilitator.store.photos import list_photos, photo_jpeg
from facilitator.store.review import merged_into
from facilitator.store.series import list_series
from facilitator.store.timer import timer_state
from facilitator.store.workshops import get_workshop, workshop_row

RESULT_KINDS = ("challenge", "need", "driver", "idea")
MAX_OFFERS_PER_REQUEST = 3  # keeps the pairs readable when a topic has many offers

# Further sections, (store, workshop_id, lang) -> ExtraSection | None; they appear
# before the appendix in this order. Add a line here to add a section.
EXTRA_SECTIONS: list[Callable[[Store, str, str], ExtraSection | None]] = [
    solutions_section,  # "Lösungen aus der Reihe" (series)
]


@dataclass
class AgendaRow:
    id: str
    title: str
    kind: str
    planned: str  # "09:00–09:15"
    actual: str  # "09:02–09:20", "" if it never ran
    skipped: bool
    method: str  # the card's name, or its id if the card is unknown


@dataclass
class PersonRow:
    name: str
    organisation: str
    org_type: str  # key of ORG_TYPES
    email: str  # "" unless the participant consented


@dataclass
class Entry:
    """One capture as the protocol shows it."""

    text: str
    organisation: str = ""  # with merged near-duplicates: every organisation, "; "-joined
    topic: str | None = None
    votes: int = 0
    status: str | None = None
    owner: str = ""
    due: str = ""
    id: str = ""  # the capture's id (the review screen edits it)
    kind: str = ""
    merged: int = 0  # how many near-duplicates were merged into it


@dataclass
class Attendance:
    """Who was there, as the protocol may show it."""

    named: list[PersonRow]  # present, consented: by name
    unnamed: list[tuple[str, int]]  # present without consent: (organisation, how many)
    present: int
    absent: int  # registered but not marked present (excused or absent)
    recorded: bool  # False: nobody was marked present, so everyone registered is shown
    others: int = 0  # without consent, the only one of their organisation: counted only


@dataclass
class PhotoRef:
    id: str
    caption: str
    width: int
    height: int
    jpeg: bytes = b""


@dataclass
class BlockRecord:
    """What happened in one agenda block besides the results: notes and photos."""

    title: str  # "" for notes and photos without a block
    notes: list[Entry]
    photos: list[PhotoRef]


@dataclass
class TopicGroup:
    topic: str | None  # key of TOPICS, None for captures without a topic field
    entries: list[Entry]


@dataclass
class Match:
    topic: str | None
    request: Entry
    offer: Entry


@dataclass
class MethodNote:
    id: str
    name: str
    summary: str
    steps: list[tuple[int, str]]


@dataclass
class ProtocolModel:
    lang: str
    title: str
    date: str
    start: str
    end: str
    venue: str
    moderation: str
    minute_taker: str
    distribution: list[str]
    goals: list[str]
    agenda: list[AgendaRow]
    series: str
    attendance: Attendance
    org_counts: list[tuple[str, int]]  # (org type key, people present), largest first
    results: dict[str, list[TopicGroup]]  # capture kind -> groups, in RESULT_KINDS order
    measures: list[TopicGroup]
    networking: list[TopicGroup]  # requests and offers (Entry.kind) by topic field
    contacts: list[PersonRow]
    tasks: list[Entry]
    decisions: list[Entry]
    questions: list[Entry]
    next_steps: list[Entry]
    next_date: str
    next_venue: str
    record: list[BlockRecord]  # notes and photos per agenda block, in agenda order
    methods: list[MethodNote] = field(default_factory=list)
    extra_sections: list[ExtraSection] = field(default_factory=list)
    activities: list[dict] = field(default_factory=list)  # results per block


def clock_of(ms: int | None) -> str:
    """Return a timer timestamp (ms since the epoch) as local HH:MM."""
    return "" if ms is None else datetime.fromtimestamp(ms / 1000).strftime("%H:%M")


def _lines(value: object) -> list[str]:
    """Return a list of non-empty lines from a stored list or a multi-line text."""
    if isinstance(value, list):
        items = [str(v) for v in value]
    elif value:
        items = str(value).splitlines()
    else:
        items = []
    return [line.strip().lstrip("-•* ").strip() for line in items if line and line.strip()]


def _entry(capture: Capture, merged: list[Capture]) -> Entry:
    orgs = [capture.organisation, *(m.organisation for m in merged)]
    return Entry(
        text=capture.text,
        organisation="; ".join(dict.fromkeys(o for o in orgs if o)),
        topic=capture.topic,
        votes=capture.votes,
        status=capture.status,
        owner=capture.owner or "",
        due=capture.due or "",
        id=capture.id,
        kind=capture.kind,
        merged=len(merged),
    )


def _order(entries: list[Entry], ranks: dict[str, float | None]) -> list[Entry]:
    """The review screen's order where set, then most dots, then as captured."""
    return sorted(
        entries,
        key=lambda e: (ranks.get(e.id) is None, ranks.get(e.id) or 0.0, -e.votes),
    )


def _topic_order(topic: str | None) -> int:
    keys = list(TOPICS)
    return keys.index(topic) if topic in TOPICS else len(keys)


def _by_topic(entries: list[Entry], ranks: dict[str, float | None]) -> list[TopicGroup]:
    groups: dict[str | None, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.topic if entry.topic in TOPICS else None].append(entry)
    return [
        # sorted() is stable: equal votes keep the order they were captured in
        TopicGroup(topic, _order(groups[topic], ranks))
        for topic in sorted(groups, key=_topic_order)
    ]


def _agenda(store: Store, workshop_id: str, cards: dict[str, MethodCard], lang: str):
    """The agenda as planned and as run, the methods used (for the appendix), the planned end."""
    items, plan = workshop_schedule(store, workshop_id)
    runs = timer_state(store, workshop_id).runs
    rows = [
        _agenda_row(item, slot, runs.get(item.id), cards, lang)
        for item, slot in zip(items, plan.slots, strict=True)
    ]
    return (
        rows,
        _methods_used(items, runs, cards, lang),
        format_clock(plan.end) if plan.slots else "",
    )


def _agenda_row(item, slot, run, cards: dict[str, MethodCard], lang: str) -> AgendaRow:
    skipped = bool(run and run.skipped)
    ran = run is not None and run.started_ms is not None and not skipped
    card = cards.get(item.method) if item.method else None
    return AgendaRow(
        id=item.id,
        title=item.title,
        kind=item.kind,
        planned=f"{slot.start_text}–{slot.end_text}",
        actual=f"{clock_of(run.started_ms)}–{clock_of(run.ended_ms)}" if ran else "",
        skipped=skipped,
        method=card.name.get(lang) if card else (item.method or ""),
    )


def _methods_used(items, runs: dict, cards: dict[str, MethodCard], lang: str) -> list[MethodNote]:
    """Each card the agenda used, once, in agenda order; a skipped block's card is left out."""
    used: dict[str, MethodNote] = {}
    for item in items:
        run = runs.get(item.id)
        card = cards.get(item.method) if item.method else None
        if card is None or card.id in used or (run is not None and run.skipped):
            continue  # a method the room never did has no place in the appendix
        steps = [(s.minutes, s.text.get(lang)) for s in card.steps]
        used[card.id] = MethodNote(card.id, card.name.get(lang), card.summary.get(lang), steps)
    return list(used.values())


def _attendance(people: list) -> Attendance:
    """Who the protocol names: the consent rule of core.consent_rule (one rule everywhere)."""
    rule = document_participants(people)
    return Attendance(
        named=[PersonRow(p.name, p.organisation, p.org_type, p.email) for p in rule.named],
        unnamed=rule.unnamed_by_organisation,
        present=rule.present if rule.recorded else 0,
        absent=rule.absent,
        recorded=rule.recorded,
        others=rule.unnamed_others,
    )


def _record(
    items: list[AgendaRow], notes: list[Entry], note_items: dict[str, str | None], photos: list
) -> list[BlockRecord]:
    """Notes and photos per agenda block, in agenda order; blocks with neither are left out."""
    titles = {row.id: row.title for row in items}
    by_block: dict[str, BlockRecord] = {}
    for row_id in [*titles, ""]:
        by_block[row_id] = BlockRecord(titles.get(row_id, ""), [], [])
    for entry in notes:
        item = note_items.get(entry.id)
        by_block[item if item in titles else ""].notes.append(entry)
    for photo in photos:
        by_block[photo.agenda_item_id if photo.agenda_item_id in titles else ""].photos.append(
            PhotoRef(photo.id, photo.caption, photo.width, photo.height)
        )
    return [block for block in by_block.values() if block.notes or block.photos]


def _extra_sections(store: Store, workshop_id: str, lang: str) -> list[ExtraSection]:
    built = (build(store, workshop_id, lang) for build in EXTRA_SECTIONS)
    return [section for section in built if section is not None]


def _org_counts(people: list, attendance: Attendance) -> list[tuple[str, int]]:
    """People per type of organisation, most first: those present (all, if not recorded)."""
    shown = [p for p in people if p.present or not attendance.recorded]
    counts = Counter(p.org_type if p.org_type in ORG_TYPES else "sonstige" for p in shown)
    return sorted(counts.items(), key=lambda kv: (-kv[1], list(ORG_TYPES).index(kv[0])))


def _measures(entries: list[Entry], ranks: dict[str, float | None]) -> list[TopicGroup]:
    """Measures per topic, in the order of their status (planned before done)."""
    order = list(MEASURE_STATUSES)
    ranked = sorted(
        entries, key=lambda e: order.index(e.status) if e.status in order else len(order)
    )
    return _by_topic(ranked, ranks)


def _networking(by_kind: dict[str, list[Entry]], ranks) -> list[TopicGroup]:
    groups = _by_topic(by_kind["request"] + by_kind["offer"], ranks)
    for group in groups:  # requests first: "who looks for what, who offers it"
        group.entries.sort(key=lambda e: e.kind != "request")
    return groups


def _tasks(entries: list[Entry], people: list, lang: str, ranks) -> list[Entry]:
    for task in entries:  # the consent rule for owners too: organisation, not name
        task.owner = owner_label(task.owner, people, lang)
    tasks = sorted(entries, key=lambda e: (not e.due, e.due, e.owner.lower()))
    return _order(tasks, ranks)


def _with_photos(
    store: Store,
    workshop_id: str,
    agenda: list[AgendaRow],
    notes: list[Entry],
    note_items: dict[str, str | None],
    photos: bool,
) -> list[BlockRecord]:
    """Notes and photos per agenda block; with `photos`, the JPEGs read for the renderer."""
    record = _record(agenda, notes, note_items, list_photos(store, workshop_id) if photos else [])
    for block in record:
        for photo in block.photos:
            photo.jpeg = photo_jpeg(store, photo.id)
    return record


def _series_name(store: Store, series_id: str | None) -> str:
    return next((s.name for s in list_series(store) if s.id == series_id), "")


def _details(workshop, row: dict, planned_end: str) -> dict[str, Any]:
    """The protocol's head and its next date: the workshop's fields, "" where unset."""
    return {
        "title": workshop.title,
        "date": workshop.date or "",
        "start": workshop.start or "",
        "end": workshop.end or planned_end or "",
        "venue": workshop.venue,
        "moderation": workshop.moderation or "",
        "minute_taker": workshop.minute_taker or "",
        "distribution": _lines(row.get("distribution")),
        "goals": _lines(row.get("goals")),
        "next_date": workshop.next_date or "",
        "next_venue": str(row.get("next_venue") or ""),
    }


def build_protocol(
    store: Store,
    workshop_id: str,
    cards: dict[str, MethodCard],
    lang: str = "de",
    *,
    photos: bool = True,
) -> ProtocolModel:
    """Read one workshop from the store and return its protocol model.

    With `photos`, the photos' JPEGs are in the model (PhotoRef.jpeg) for the renderer.
    """
    workshop = get_workshop(store, workshop_id)
    row = workshop_row(store, workshop.id)
    agenda, methods, planned_end = _agenda(store, workshop.id, cards, lang)
    people = list_participants(store, workshop.id)
    attendance = _attendance(people)
    captures = list_captures(store, workshop.id, include_hidden=False)
    merged = merged_into(store, workshop.id)
    ranks = {c.id: c.rank for c in captures}
    by_kind: dict[str, list[Entry]] = defaultdict(list)
    for capture in captures:
        by_kind[capture.kind].append(_entry(capture, merged.get(capture.id, [])))
    note_items = {c.id: c.agenda_item_id for c in captures}
    return ProtocolModel(
        lang=lang,
        **_details(workshop, row, planned_end),
        agenda=agenda,
        series=_series_name(store, workshop.series_id),
        attendance=attendance,
        org_counts=_org_counts(people, attendance),
        results={kind: _by_topic(by_kind[kind], ranks) for kind in RESULT_KINDS},
        measures=_measures(by_kind["measure"], ranks),
        networking=_networking(by_kind, ranks),
        contacts=[p for p in attendance.named if p.email],
        tasks=_tasks(by_kind["todo"], people, lang, ranks),
        decisions=_order(by_kind["decision"], ranks),
        questions=_order(by_kind["question"], ranks),
        next_steps=[Entry(text=line) for line in _lines(row.get("next_steps"))]
        + _order(by_kind["next_step"], ranks),
        record=_with_photos(store, workshop.id, agenda, by_kind["note"], note_items, photos),
        methods=methods,
        extra_sections=_extra_sections(store, workshop.id, lang),
        activities=activities_for_protocol(store, workshop.id),
    )
