"""Provides peer-group suggestions from the database ("Gruppen vorschlagen").

The store gathers each organisation's captures, measures, offers and requests across
the chosen workshops; `core.matching` does the maths; `geo` supplies the places.
"""

from facilitator.core.errors import ValidationError
from facilitator.core.matching import BY_CHOICES, MatchResult, OrgProfile, match
from facilitator.core.models import Capture, Organisation
from facilitator.core.taxonomy import TOPICS
from facilitator.core.topic_model import TopicModel, suggest_topic
from facilitator.geo import locate, place_warning, resolve_place
from facilitator.locale import lazy
from facilitator.store.capture_vectors import capture_vectors
from facilitator.store.db import Store
from facilitator.store.rollup import Scope, load_scope, resolve_scope
from facilitator.topics import keyword_vocabulary, shipped_keywords

# Kinds that say what an organisation works on; questions and notes say less.
PROFILE_KINDS = {"challenge", "need", "driver", "measure", "idea", "offer", "request", "todo"}
# An untagged capture counts under its suggested topic field when the suggestion holds at
# least this share of the evidence (untagged, groups by topic were no better than random).
SUGGESTED_AT = 0.4


def _topic_of(capture, model: TopicModel) -> str | None:
    """Return the capture's topic field, else the one its words clearly suggest."""
    if capture.topic:
        return capture.topic
    found = suggest_topic(capture.text, model, limit=1)
    return found[0].topic if found and found[0].score >= SUGGESTED_AT else None


def profiles(scope: Scope, vectors: dict | None = None) -> list[OrgProfile]:
    """Return one topic profile per organisation of the (loaded) scope.

    `vectors`: capture id -> sentence vector (store/capture_vectors.py) for offers and
    requests, which pairing then compares by meaning as well as by words.
    """
    vectors = vectors or {}
    found = {org.id: _org_profile(org) for org in scope.organisations.values()}
    # The series' own tags teach the model, as in the review (store/topics.series_model).
    model = TopicModel.from_keywords(shipped_keywords()).learn(
        (c.text, c.topic) for c in scope.captures if c.topic in TOPICS
    )
    for capture in scope.captures:
        profile = found.get(capture.organisation_id or "")
        if profile is not None and capture.kind in PROFILE_KINDS:
            _add_capture(profile, capture, _topic_of(capture, model), vectors)
    return list(found.values())


def _org_profile(org: Organisation) -> OrgProfile:
    """The organisation's empty profile, located (a place that only looks like one is said)."""
    location = locate(org.municipality or "") or locate(org.name)
    # A typo read as the one clearly closest name is located, and still warned about.
    read = resolve_place(org.municipality) if org.municipality else None
    return OrgProfile(
        id=org.id,
        name=org.name,
        municipality=org.municipality or "",
        org_type=org.org_type or "sonstige",
        location=location,
        place_problem=place_warning(org.municipality, read)
        if read and (read.guessed or not location)
        else None,
    )


def _add_capture(profile: OrgProfile, capture: Capture, topic: str | None, vectors: dict) -> None:
    profile.add_text(topic, capture.text)
    if capture.kind == "offer":
        profile.offers.append((topic, capture.text))
    elif capture.kind == "request":
        profile.requests.append((topic, capture.text))
    if capture.kind in ("offer", "request") and capture.id in vectors:
        profile.vectors[capture.text] = vectors[capture.id]


def suggest_groups(
    store: Store,
    groups: int,
    by: str = "topic",
    series_id: str | None = None,
    *,
    workshop_id: str | None = None,
) -> MatchResult:
    """Propose `groups` balanced peer groups of the organisations in scope.

    Scope: the series (name or id) if given, else the series of `workshop_id` (or of the
    latest workshop), else all workshops. Bad input raises ValidationError/NotFound.
    """
    if by not in BY_CHOICES:
        raise ValidationError(
            lazy(
                "Unbekannte Art {by}; erlaubt: {by_choices}.",
                by=repr(by),
                by_choices=", ".join(BY_CHOICES),
            )
        )
    if groups < 1:
        raise ValidationError(lazy("Die Zahl der Gruppen muss mindestens 1 sein."))
    scope = load_scope(store, resolve_scope(store, series_id, workshop_id, default_latest=True))
    # Stored vectors are reused; the missing ones are encoded in one batch (callers run this
    # off the UI thread: the app's groups worker, the command line).
    said = [(c.id, c.text) for c in scope.captures if c.kind in ("offer", "request")]
    found = profiles(scope, capture_vectors(store, said))
    if not found:
        raise ValidationError(
            lazy(
                "In der Auswahl gibt es noch keine Organisationen (Teilnehmende oder Einträge "
                "mit Organisation)."
            )
        )
    if groups > len(found):
        raise ValidationError(
            lazy(
                "{groups} Gruppen sind mehr als die {count} Organisationen in der Auswahl.",
                groups=groups,
                count=len(found),
            )
        )
    return match(found, groups, by, vocabulary=keyword_vocabulary())
