"""Provides "Who has solved this already?": for each challenge and need of a workshop, the
measures of other organisations in the series (in progress or completed) and the practice
examples of the library that fit it, by what the texts say.

Plain data only; export/solutions.py turns it into blocks for the protocol, Word and
Markdown. A contact is shown only for people who consent to share their details now:
a library example refers to its person by id (looked up here), and a literal contact
that names a person the store knows without consent is left out.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from facilitator.core.example_format import PracticeExample
from facilitator.core.meaning import MeaningModel
from facilitator.core.models import Capture
from facilitator.core.textsim import neighbours
from facilitator.export.contacts import consenting
from facilitator.locale import lazy
from facilitator.store.db import Store
from facilitator.store.people import contact_now, contact_withheld
from facilitator.store.rollup import Scope, load_scope, resolve_scope
from facilitator.topics import keyword_vocabulary

PROBLEM_KINDS = ("challenge", "need")
DONE = ("in_umsetzung", "abgeschlossen")  # a measure that shows how, not only that
PER_PROBLEM = 3
MIN_SIMILARITY = 0.1
TOPIC_BONUS = 0.02


@dataclass
class Solution:
    """A measure of another organisation, or a library example, that fits a problem."""

    title: str
    organisation: str
    municipality: str
    status: str
    source: str  # "series" (a measure captured in the series) or "library"
    similarity: float
    shared_words: list[str]
    where: str = ""  # the workshop it was captured in (series only)
    contact: str = ""  # only with consent
    link: str = ""


@dataclass
class ProblemSolutions:
    """One challenge or need of the workshop and what fits it."""

    kind: str
    text: str
    organisation: str
    solutions: list[Solution] = field(default_factory=list)


@dataclass
class SolutionsSection:
    """The section "Lösungen aus der Reihe" of one workshop's protocol."""

    items: list[ProblemSolutions]
    problems_total: int  # challenges and needs in the workshop, with or without a fit
    in_series: bool = True  # a workshop of no series has no "other workshops" to learn from


@dataclass
class _Candidate:
    text: str
    topic: str | None
    org_id: str
    solution: Solution


def build_solutions(
    store: Store, workshop_id: str, examples: Sequence[PracticeExample] = ()
) -> SolutionsSection:
    """Return the fitting measures and examples for each challenge and need of a workshop."""
    scope = load_scope(store, resolve_scope(store, None, workshop_id))
    candidates = _series_candidates(scope) + [_library_candidate(store, e) for e in examples]
    problems = [
        c for c in scope.captures if c.workshop_id == workshop_id and c.kind in PROBLEM_KINDS
    ]
    items = [ProblemSolutions(c.kind, c.text, c.organisation) for c in problems]
    for i, fits in _fits(problems, candidates).items():
        fits.sort(key=lambda f: (-f[0], f[1].organisation, f[1].title))
        items[i].solutions = [s for _, s in fits[:PER_PROBLEM]]
    return SolutionsSection(
        [item for item in items if item.solutions], len(problems), scope.series_id is not None
    )


def _series_candidates(scope: Scope) -> list[_Candidate]:
    """The series' measures in progress or done, each with its organisation's contacts."""
    titles = {w.id: w.title for w in scope.workshops}
    contacts = _contacts(scope)
    return [
        _Candidate(
            c.text,
            c.topic,
            c.organisation_id or "",
            Solution(
                title=c.text,
                organisation=c.organisation,
                municipality=scope.organisations[c.organisation_id].municipality or "",
                status=c.status or "",
                source="series",
                similarity=0.0,
                shared_words=[],
                where=titles.get(c.workshop_id, ""),
                contact="; ".join(contacts.get(c.organisation_id or "", [])[:2]),
            ),
        )
        for c in scope.captures
        if c.kind == "measure" and c.status in DONE and c.organisation_id in scope.organisations
    ]


def _contacts(scope: Scope) -> dict[str, list[str]]:
    """Per organisation, "name, e-mail" of each person who consented to share them."""
    contacts: dict[str, list[str]] = {}
    for person in consenting(scope.participants):
        line = ", ".join(filter(None, [person.name, person.email]))
        contacts.setdefault(person.organisation_id or "", []).append(line)
    return contacts


def _library_candidate(store: Store, e: PracticeExample) -> _Candidate:
    return _Candidate(
        e.text,
        e.topic,
        "",
        Solution(
            e.title,
            e.organisation,
            e.municipality,
            e.status,
            "library",
            0.0,
            [],
            "",
            _example_contact(store, e),
            e.link,
        ),  # fmt: skip
    )


def _fits(
    problems: list[Capture], candidates: list[_Candidate]
) -> dict[int, list[tuple[float, Solution]]]:
    """Per problem (by index), the candidates similar enough, scored; own measures left out."""
    model = MeaningModel(
        [c.text for c in problems] + [c.text for c in candidates], keyword_vocabulary()
    )
    asked = [model.vector(c.text) for c in problems]
    offered = [model.vector(c.text) for c in candidates]
    found: dict[int, list[tuple[float, Solution]]] = {}
    for (i, j), score in neighbours(asked, offered, MIN_SIMILARITY).items():
        fit = _fit(problems[i], candidates[j], score, model)
        if fit is not None:
            found.setdefault(i, []).append(fit)
    return found


def _fit(
    problem: Capture, candidate: _Candidate, score: float, model: MeaningModel
) -> tuple[float, Solution] | None:
    """The candidate as a solution to the problem, ranked (same topic first), or None."""
    if candidate.org_id and candidate.org_id == (problem.organisation_id or ""):
        return None  # the organisation's own measure is no news to it
    reason = model.reasons(problem.text, candidate.text)
    if not reason:
        return None
    bonus = TOPIC_BONUS if problem.topic and problem.topic == candidate.topic else 0.0
    solution = Solution(**{**candidate.solution.__dict__, "similarity": score})
    solution.shared_words = reason
    return score + bonus, solution


def _example_contact(store: Store, example: PracticeExample) -> str:
    """Return the contact of a library example as it may be shown now (consent today)."""
    if example.contact_id:
        return contact_now(store, example.contact_id)
    if example.contact and not contact_withheld(store, example.contact):
        return example.contact
    return ""


def example_from_capture(store: Store, capture_id: str) -> PracticeExample:
    """Return a practice example made from a measure (organisation, place, topic, status).

    The topic is the capture's, else the suggested one; the contact is a reference (the
    participant id) to a person of the organisation who consented to share their details,
    else none: the file holds no name or e-mail address that an erasure would have to find.
    """
    from facilitator.core.errors import ValidationError
    from facilitator.core.topic_model import suggest_topic
    from facilitator.store.captures import get_capture
    from facilitator.store.topics import series_model

    capture = get_capture(store, capture_id)
    if capture.kind != "measure":
        raise ValidationError(
            lazy(
                "Eintrag {capture_id} ist keine Maßnahme; Praxisbeispiele entstehen aus Maßnahmen.",
                capture_id=capture_id,
            )
        )
    scope = load_scope(store, resolve_scope(store, None, capture.workshop_id))
    mine = next((c for c in scope.captures if c.id == capture.id), capture)
    org = scope.organisations.get(mine.organisation_id or "")
    if org is None:
        raise ValidationError(
            lazy(
                "Maßnahme {capture_id} hat keine Organisation; bitte erst eine zuordnen.",
                capture_id=capture_id,
            )
        )
    topic = mine.topic
    if not topic:
        hits = suggest_topic(mine.text, series_model(store, workshop_id=mine.workshop_id))
        topic = hits[0].topic if hits else "querschnitt"
    people = [p for p in consenting(scope.participants) if p.organisation_id == org.id]
    title = mine.text if len(mine.text) <= 80 else mine.text[:79].rsplit(" ", 1)[0] + " …"
    return PracticeExample(
        title=title,
        organisation=org.name,
        topic=topic,
        status=mine.status or "idee",
        summary=mine.text,
        municipality=org.municipality or "",
        contact_id=people[0].id if people else "",
        source=f"capture:{mine.id}",
    )
