"""Provides the protocol model: what goes into a workshop's protocol, read from the store.

Plain dataclasses, no Word: the .docx and the Markdown renderer both draw on the
same model (through export/protocol_layout.py). Contact details enter the model
only for participants who consented; hidden and deleted captures never do.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from facilitator.core.method_format import MethodCard
from facilitator.core.models import Capture
from facilitator.core.schedule import format_clock
from facilitator.core.taxonomy import MEASURE_STATUSES, ORG_TYPES, TOPICS
from facilitator.export.protocol_activities import activities_for_protocol
from facilitator.store.agenda import workshop_schedule
from facilitator.store.captures import list_captures
from facilitator.store.db import Store
from facilitator.store.participants import list_participants
from facilitator.store.timer import timer_state
from facilitator.store.workshops import get_workshop, workshop_row

RESULT_KINDS = ("challenge", "need", "driver")
MAX_OFFERS_PER_REQUEST = 3  # keeps the pairs readable when a topic has many offers


@dataclass
class AgendaRow:
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
    organisation: str = ""
    topic: str | None = None
    votes: int = 0
    status: str | None = None
    owner: str = ""
    due: str = ""


@dataclass
class OrgStatus:
    organisation: str
    measures: list[Entry]


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
    participants: list[PersonRow]
    org_counts: list[tuple[str, int]]  # (org type key, count), largest first
    org_status: list[OrgStatus]
    orgs_without_measures: list[str]
    results: dict[str, list[TopicGroup]]  # capture kind -> groups, in RESULT_KINDS order
    measures: list[Entry]
    matches: list[Match]
    unmatched: list[tuple[str, Entry]]  # ("offer" | "request", entry)
    contacts: list[PersonRow]
    tasks: list[Entry]
    decisions: list[str]
    questions: list[str]
    next_steps: list[str]
    next_date: str
    methods: list[MethodNote] = field(default_factory=list)
    activities: list[dict] = field(default_factory=list)  # issue 16: results per block


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


def _entry(capture: Capture) -> Entry:
    return Entry(
        text=capture.text,
        organisation=capture.organisation,
        topic=capture.topic,
        votes=capture.votes,
        status=capture.status,
        owner=capture.owner or "",
        due=capture.due or "",
    )


def _topic_order(topic: str | None) -> int:
    keys = list(TOPICS)
    return keys.index(topic) if topic in TOPICS else len(keys)


def _by_topic(entries: list[Entry]) -> list[TopicGroup]:
    groups: dict[str | None, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.topic if entry.topic in TOPICS else None].append(entry)
    return [
        # sorted() is stable: equal votes keep the order they were captured in
        TopicGroup(topic, sorted(groups[topic], key=lambda e: -e.votes))
        for topic in sorted(groups, key=_topic_order)
    ]


def _agenda(store: Store, workshop_id: str, cards: dict[str, MethodCard], lang: str):
    items, plan = workshop_schedule(store, workshop_id)
    state = timer_state(store, workshop_id)
    rows = []
    for item, slot in zip(items, plan.slots, strict=True):
        run = state.runs.get(item.id)
        actual = ""
        if run and run.started_ms is not None and not run.skipped:
            actual = f"{clock_of(run.started_ms)}–{clock_of(run.ended_ms)}"
        card = cards.get(item.method) if item.method else None
        rows.append(
            AgendaRow(
                title=item.title,
                kind=item.kind,
                planned=f"{slot.start_text}–{slot.end_text}",
                actual=actual,
                skipped=bool(run and run.skipped),
                method=card.name.get(lang) if card else (item.method or ""),
            )
        )
    used = []
    for item in items:
        card = cards.get(item.method) if item.method else None
        if card and card.id not in {m.id for m in used}:
            used.append(
                MethodNote(
                    card.id,
                    card.name.get(lang),
                    card.summary.get(lang),
                    [(s.minutes, s.text.get(lang)) for s in card.steps],
                )
            )
    return rows, used, format_clock(plan.end) if plan.slots else ""


def _matches(offers: list[Entry], requests: list[Entry]):
    """Pair each request with offers of the same topic field from other organisations."""
    pairs: list[Match] = []
    matched_offers: set[int] = set()
    unmatched: list[tuple[str, Entry]] = []
    ranked_offers = sorted(offers, key=lambda e: -e.votes)
    for request in sorted(requests, key=lambda e: (_topic_order(e.topic), -e.votes)):
        found = [
            (index, offer)
            for index, offer in enumerate(ranked_offers)
            if request.topic
            and offer.topic == request.topic
            and (not request.organisation or offer.organisation != request.organisation)
        ][:MAX_OFFERS_PER_REQUEST]
        if not found:
            unmatched.append(("request", request))
        for index, offer in found:
            matched_offers.add(index)
            pairs.append(Match(request.topic, request, offer))
    unmatched.extend(
        ("offer", offer) for i, offer in enumerate(ranked_offers) if i not in matched_offers
    )
    return pairs, unmatched


def build_protocol(
    store: Store, workshop_id: str, cards: dict[str, MethodCard], lang: str = "de"
) -> ProtocolModel:
    """Read one workshop from the store and return its protocol model."""
    workshop = get_workshop(store, workshop_id)
    row = workshop_row(store, workshop.id)
    agenda, methods, planned_end = _agenda(store, workshop.id, cards, lang)
    end = workshop.end or planned_end

    people = list_participants(store, workshop.id)
    persons = [
        PersonRow(p.name, p.organisation, p.org_type, p.email if p.consent == 1 else "")
        for p in people
    ]
    counts = Counter(p.org_type if p.org_type in ORG_TYPES else "sonstige" for p in people)
    org_counts = sorted(counts.items(), key=lambda kv: (-kv[1], list(ORG_TYPES).index(kv[0])))

    captures = list_captures(store, workshop.id, include_hidden=False)
    by_kind: dict[str, list[Entry]] = defaultdict(list)
    for capture in captures:
        by_kind[capture.kind].append(_entry(capture))

    status_order = list(MEASURE_STATUSES)
    measures = sorted(
        by_kind["measure"],
        key=lambda e: (
            _topic_order(e.topic),
            status_order.index(e.status) if e.status in status_order else len(status_order),
            -e.votes,
        ),
    )
    per_org: dict[str, list[Entry]] = defaultdict(list)
    for entry in by_kind["measure"]:
        per_org[entry.organisation].append(entry)
    org_status = [
        OrgStatus(name, per_org[name]) for name in sorted(per_org, key=lambda n: (not n, n.lower()))
    ]
    present_orgs = sorted({p.organisation for p in people if p.organisation}, key=str.lower)
    without = [name for name in present_orgs if name not in per_org]

    pairs, unmatched = _matches(by_kind["offer"], by_kind["request"])
    tasks = sorted(by_kind["todo"], key=lambda e: (not e.due, e.due, e.owner.lower()))
    return ProtocolModel(
        lang=lang,
        title=workshop.title,
        date=workshop.date or "",
        start=workshop.start or "",
        end=end or "",
        venue=workshop.venue,
        moderation=workshop.moderation or "",
        minute_taker=workshop.minute_taker or "",
        distribution=_lines(row.get("distribution")),
        goals=_lines(row.get("goals")),
        agenda=agenda,
        participants=persons,
        org_counts=org_counts,
        org_status=org_status,
        orgs_without_measures=without,
        results={kind: _by_topic(by_kind[kind]) for kind in RESULT_KINDS},
        measures=measures,
        matches=pairs,
        unmatched=unmatched,
        contacts=[p for p in persons if p.email],
        tasks=tasks,
        decisions=[e.text for e in by_kind["decision"]],
        questions=[e.text for e in by_kind["question"]],
        next_steps=_lines(row.get("next_steps")),
        next_date=workshop.next_date or "",
        methods=methods,
        activities=activities_for_protocol(store, workshop.id),
    )
