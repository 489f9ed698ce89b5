"""Provides the fact sheet's data: the picture across a series (or all workshops).

Plain data only; `factsheet_docx`, `factsheet_md` and `charts` turn it into files.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from facilitator.core.clusters import Mention, cluster_mentions
from facilitator.core.models import Capture
from facilitator.core.taxonomy import CAPTURE_KINDS, MEASURE_STATUSES, ORG_TYPES, TOPICS
from facilitator.locale import gettext
from facilitator.store.capture_vectors import vectors_if_ready
from facilitator.store.db import Store
from facilitator.store.rollup import Scope, load_scope, resolve_scope
from facilitator.topics import keyword_vocabulary

THEME_KINDS = ("need", "driver", "challenge")
NO_TOPIC = "ohne"  # captures without a topic field
# Every statement said at least this often is listed (no silent top-10); the rest are
# summarised in one line ("N weitere Nennungen, je einmal").
MIN_FREQUENT = 2


@dataclass
class Frequent:
    """A statement that came up (in the same or nearly the same words) one or more times."""

    text: str  # the cluster's representative wording
    topic: str
    count: int
    votes: int
    organisations: list[str] = field(default_factory=list)  # who said it, each once
    workshops: list[str] = field(default_factory=list)  # where it was said, each once


@dataclass
class WorkshopLine:
    title: str
    date: str
    venue: str
    participants: int
    captures: int


@dataclass
class FactSheet:
    """Counts, distributions and top lists for one scope, keys from the taxonomy."""

    label: str
    workshops: list[WorkshopLine]
    participants: int  # people present, each once across the series
    organisations: int  # organisations with someone present
    orgs_by_type: Counter
    participants_by_type: Counter
    themes: dict[str, Counter]  # kind -> topic -> count
    frequent: dict[str, list[Frequent]]  # kind -> most frequent statements
    measures: dict[str, Counter]  # topic -> status -> count
    top_challenges: list[tuple[Capture, str]] = field(default_factory=list)  # with workshop
    activities: dict = field(default_factory=dict)  # see export/factsheet_activities
    attendances: int = 0  # people present per workshop, added up (one person, two workshops: 2)
    organisations_named: int = 0  # organisations only named in entries, nobody present
    mentions: dict[str, int] = field(default_factory=dict)  # kind -> statements
    frequent_rest: dict[str, int] = field(default_factory=dict)  # kind -> said once, not listed

    @property
    def topics_used(self) -> list[str]:
        """Topic keys that occur in themes or measures, in taxonomy order."""
        used = {t for c in self.themes.values() for t in c} | set(self.measures)
        return [t for t in [*TOPICS, NO_TOPIC] if t in used]


def build_factsheet(store: Store, series: str | None = None, *, top: int = 10) -> FactSheet:
    """Gather the fact sheet of a series (name or id), or of all workshops."""
    from facilitator.export.factsheet_activities import activities_across

    scope = load_scope(store, resolve_scope(store, series))
    # Clusters by meaning where the captures' sentence vectors are stored (read here; the
    # filler thread computed them as the captures arrived).
    said = ((c.id, c.text) for c in scope.captures if c.kind in THEME_KINDS)
    sheet = factsheet_from_scope(scope, top=top, vectors=vectors_if_ready(store, said))
    sheet.activities = activities_across(store, [w.id for w in scope.workshops])
    return sheet


def factsheet_from_scope(
    scope: Scope, *, top: int = 10, vectors: dict[str, Any] | None = None
) -> FactSheet:
    """Compute the fact sheet from a loaded scope (participants, captures, organisations).

    `vectors`: capture id -> stored sentence vector; with all of them, clusters by meaning.
    """
    vectors = vectors or {}
    titles = {w.id: w.title for w in scope.workshops}
    visible = [c for c in scope.captures if not c.hidden and not c.merged_into]
    attended = _attended(scope.participants)
    # people, not attendances: who came to three workshops of the series counts once
    people = {_person_key(p): p for p in attended}
    orgs, named = _organisations(scope, attended, visible)
    tally = _tally(visible, titles, vectors)
    frequent, rest = _frequent(tally)
    return FactSheet(
        label=scope.label,
        workshops=_workshop_lines(scope, attended, visible),
        participants=len(people),
        organisations=len(orgs),
        orgs_by_type=_by_type(orgs.values()),
        participants_by_type=_by_type(people.values()),
        themes=tally.themes,
        frequent=frequent,
        measures=tally.measures,
        top_challenges=_top_challenges(visible, titles, top),
        attendances=len(attended),
        organisations_named=len(named),
        mentions={kind: len(tally.said[kind]) for kind in THEME_KINDS},
        frequent_rest=rest,
    )


def _organisations(scope: Scope, attended: list, visible: list[Capture]) -> tuple[dict, set]:
    """Organisations with someone present, and those only named in entries (counted apart).

    One whose people all stayed away is not "there" at all.
    """
    present = {o for o in (p.organisation_id for p in attended) if o in scope.organisations}
    named = {o for o in _capture_orgs(visible) if o in scope.organisations} - present
    return {o: scope.organisations[o] for o in present}, named


@dataclass
class _Tally:
    """The captures counted: themes and measures per topic, and what was said, by kind."""

    themes: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in THEME_KINDS})
    said: dict[str, list[Mention]] = field(default_factory=lambda: {k: [] for k in THEME_KINDS})
    where: dict[str, str] = field(default_factory=dict)  # capture id -> workshop title
    measures: dict[str, Counter] = field(default_factory=dict)  # topic -> status -> count


def _tally(visible: list[Capture], titles: dict[str, str], vectors: dict[str, Any]) -> _Tally:
    tally = _Tally()
    for capture in visible:
        topic = capture.topic if capture.topic in TOPICS else NO_TOPIC
        if capture.kind in THEME_KINDS:
            tally.themes[capture.kind][topic] += 1
            tally.said[capture.kind].append(
                Mention(
                    capture.text,
                    topic,
                    capture.organisation or "",
                    capture.votes,
                    capture.id,
                    vectors.get(capture.id),
                )  # fmt: skip
            )
            tally.where[capture.id] = titles.get(capture.workshop_id, "")
        elif capture.kind == "measure":
            status = capture.status if capture.status in MEASURE_STATUSES else "idee"
            tally.measures.setdefault(topic, Counter())[status] += 1
    return tally


def _frequent(tally: _Tally) -> tuple[dict[str, list[Frequent]], dict[str, int]]:
    """Per kind, the statements made at least MIN_FREQUENT times, and how many were not."""
    # Near-duplicates count as one statement (core/clusters.py): "Häufigste Nennung".
    vocabulary = keyword_vocabulary()
    clustered = {
        kind: cluster_mentions(tally.said[kind], vocabulary=vocabulary) for kind in THEME_KINDS
    }
    frequent = {
        kind: [_frequent_line(c, tally.where) for c in clustered[kind] if c.count >= MIN_FREQUENT]
        for kind in THEME_KINDS
    }
    rest = {
        kind: sum(c.count for c in clustered[kind] if c.count < MIN_FREQUENT)
        for kind in THEME_KINDS
    }
    return frequent, rest


def _frequent_line(cluster, where: dict[str, str]) -> Frequent:
    return Frequent(
        cluster.representative.text,
        cluster.topic or NO_TOPIC,
        cluster.count,
        cluster.votes,
        cluster.organisations,
        list(dict.fromkeys(where[m.key] for m in cluster.members if where.get(m.key))),
    )


def _top_challenges(visible: list[Capture], titles: dict[str, str], top: int) -> list:
    challenges = sorted(
        (c for c in visible if c.kind == "challenge" and c.votes > 0),
        key=lambda c: (-c.votes, c.text.casefold()),
    )[:top]
    return [(c, titles.get(c.workshop_id, "")) for c in challenges]


def _workshop_lines(scope: Scope, attended: list, visible: list[Capture]) -> list[WorkshopLine]:
    people = Counter(p.workshop_id for p in attended)
    captures = Counter(c.workshop_id for c in visible)
    return [
        WorkshopLine(w.title, w.date or "", w.venue, people[w.id], captures[w.id])
        for w in scope.workshops
    ]


def _by_type(found) -> Counter:
    """Organisations or people per type of organisation (unknown types as "sonstige")."""
    return Counter(x.org_type if x.org_type in ORG_TYPES else "sonstige" for x in found)


def _attended(participants: list) -> list:
    """Those present, per workshop; everyone registered where attendance was not taken."""
    recorded = {p.workshop_id for p in participants if p.present}
    return [p for p in participants if p.present or p.workshop_id not in recorded]


def _person_key(person) -> tuple[str, str]:
    """One person across workshops: by e-mail, else by name and organisation."""
    if person.email:
        return ("email", person.email.strip().casefold())
    name = " ".join(person.name.casefold().split())
    return ("name", f"{name}|{person.organisation_id or ''}")


def _capture_orgs(captures: list[Capture]) -> set[str]:
    return {c.organisation_id for c in captures if c.organisation_id}


def kind_label(kind: str, lang: str) -> str:
    """Return the plural-free label of a capture kind."""
    return CAPTURE_KINDS[kind].get(lang)


def topic_label(topic: str, lang: str) -> str:
    """Return the label of a topic field, or "ohne Themenfeld"."""
    if topic in TOPICS:
        return TOPICS[topic].get(lang)
    return gettext("ohne Themenfeld", lang)
