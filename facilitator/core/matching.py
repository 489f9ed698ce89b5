"""Provides peer matching: topic profiles, similarity, distance and balanced peer groups.

Pure: the store gathers organisations and their captures; this module does the maths,
`grouping` splits a similarity matrix into balanced groups.
"""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from facilitator.core.grouping import balanced_groups, cohesion, group_sizes
from facilitator.core.pairing import Pair, Statement, pair_offers
from facilitator.core.textsim import fold, stem
from facilitator.core.textsim import words as text_words

__all__ = [
    "balanced_groups",
    "cohesion",
    "fold",
    "group_sizes",
    "match",
    "MatchResult",
    "OrgProfile",
    "Pair",
]

BY_CHOICES = ("topic", "distance", "both")
# Similarity falls to 1/e at this distance: neighbouring districts still count as close.
DISTANCE_SCALE_KM = 35.0
TOPIC_WEIGHT = 3.0  # a shared topic field says more than a shared word


@dataclass
class OrgProfile:
    """One organisation's topics, words, place and offers/requests (input to matching)."""

    id: str
    name: str
    municipality: str = ""
    org_type: str = "sonstige"
    location: tuple[float, float] | None = None  # (latitude, longitude)
    topics: Counter = field(default_factory=Counter)
    words: Counter = field(default_factory=Counter)
    offers: list[tuple[str | None, str]] = field(default_factory=list)  # (topic, text)
    requests: list[tuple[str | None, str]] = field(default_factory=list)
    place_problem: str | None = None  # why the place is unknown (with the closest names)
    # offer/request text -> its sentence vector, where one was computed (pairing blends them)
    vectors: dict[str, Any] = field(default_factory=dict)

    def add_text(self, topic: str | None, text: str) -> None:
        """Count one capture's topic field and words into the profile."""
        if topic:
            self.topics[topic] += 1
        self.words.update(words(text))


@dataclass
class MatchResult:
    """Proposed peer groups (lists of profiles), offer/request pairs and warnings."""

    by: str
    groups: list[list[OrgProfile]]
    pairs: list[Pair]
    warnings: list[str]
    cohesion: list[float]  # mean similarity inside each group


def words(text: str) -> list[str]:
    """Return the content words of a text as Snowball stems (stop words dropped)."""
    return [stem(w) for w in text_words(text)]


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance between two (lat, lon) points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def topic_vector(profile: OrgProfile) -> Counter:
    """Return the profile as one sparse vector: weighted topic fields plus words."""
    vector: Counter = Counter({f"#{k}": v * TOPIC_WEIGHT for k, v in profile.topics.items()})
    vector.update(profile.words)
    return vector


def topic_matrix(profiles: list[OrgProfile]) -> np.ndarray:
    """Return the pairwise cosine similarity of the profiles' topic vectors."""
    vectors = [topic_vector(p) for p in profiles]
    vocab = {k: i for i, k in enumerate(sorted({k for v in vectors for k in v}))}
    dense = np.zeros((len(profiles), max(1, len(vocab))))
    for row, vector in enumerate(vectors):
        for key, value in vector.items():
            dense[row, vocab[key]] = value
    norms = np.linalg.norm(dense, axis=1)
    norms[norms == 0] = 1.0
    unit = dense / norms[:, None]
    return unit @ unit.T


def distance_matrix(profiles: list[OrgProfile]) -> tuple[np.ndarray, np.ndarray]:
    """Return pairwise distances in km and a mask of pairs where both places are known."""
    n = len(profiles)
    known = np.array([p.location is not None for p in profiles])
    coords = np.radians(np.array([p.location or (0.0, 0.0) for p in profiles]).reshape(n, 2))
    lat, lon = coords[:, 0][:, None], coords[:, 1][:, None]
    h = (
        np.sin((lat.T - lat) / 2) ** 2
        + np.cos(lat) * np.cos(lat.T) * np.sin((lon.T - lon) / 2) ** 2
    )
    km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return km, known[:, None] & known[None, :]


def similarity_matrix(profiles: list[OrgProfile], by: str) -> np.ndarray:
    """Return pairwise similarity in [0, 1]; pairs without both places fall back to topics."""
    if by not in BY_CHOICES:
        raise ValueError(f"by must be one of {BY_CHOICES}, not {by!r}")
    topic = topic_matrix(profiles)
    if by == "topic":
        sim = topic
    else:
        km, known = distance_matrix(profiles)
        near = np.exp(-km / DISTANCE_SCALE_KM)
        combined = near if by == "distance" else (near + topic) / 2
        sim = np.where(known, combined, topic)
    sim = np.array(sim, dtype=float)
    np.fill_diagonal(sim, 0.0)
    return sim


def offer_request_pairs(
    profiles: list[OrgProfile], limit: int = 200, vocabulary: Iterable[str] = ()
) -> list[Pair]:
    """Return offers of one organisation that fit requests of another, by their texts.

    `vocabulary`: known words for splitting compounds (the shipped topic keywords).
    """
    offers = [
        Statement(p.name, text, topic, p.vectors.get(text))
        for p in profiles
        for topic, text in p.offers
    ]
    requests = [
        Statement(p.name, text, topic, p.vectors.get(text))
        for p in profiles
        for topic, text in p.requests
    ]
    return pair_offers(offers, requests, limit=limit, vocabulary=vocabulary)


def match(
    profiles: list[OrgProfile], groups: int, by: str = "topic", vocabulary: Iterable[str] = ()
) -> MatchResult:
    """Propose `groups` balanced peer groups and the offer/request pairs."""
    ordered = sorted(profiles, key=lambda p: (p.name.casefold(), p.id))
    warnings = []
    if by != "topic":
        warnings = [
            f"{p.name}: {p.place_problem} Nur nach Themen zugeordnet."
            if p.place_problem
            else f"{p.name}: Ort {p.municipality!r} nicht gefunden – nur nach Themen zugeordnet."
            if p.municipality
            else f"{p.name}: kein Ort angegeben – nur nach Themen zugeordnet."
            for p in ordered
            if p.location is None
        ] + [  # located by reading a typo as the closest name: said, but grouped by place
            f"{p.name}: {p.place_problem}"
            for p in ordered
            if p.location is not None and p.place_problem
        ]
    sim = similarity_matrix(ordered, by)
    indices = balanced_groups(sim, groups)
    return MatchResult(
        by=by,
        groups=[[ordered[i] for i in g] for g in indices],
        pairs=offer_request_pairs(ordered, vocabulary=vocabulary),
        warnings=warnings,
        cohesion=[cohesion(sim, g) for g in indices],
    )


def shared_topics(group: list[OrgProfile], share: float = 0.5) -> list[str]:
    """Return the topic fields that at least `share` of the group's members work on."""
    counts: Counter = Counter(t for p in group for t in p.topics)
    needed = max(2, math.ceil(len(group) * share)) if len(group) > 1 else 1
    return [t for t, n in counts.most_common() if n >= needed]


def span_km(group: list[OrgProfile]) -> float | None:
    """Return the largest distance between two located members (None if under two)."""
    located = [p.location for p in group if p.location]
    if len(located) < 2:
        return None
    return max(haversine_km(a, b) for i, a in enumerate(located) for b in located[i + 1 :])
