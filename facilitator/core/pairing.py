"""Provides offer/request pairing by what the texts say, with the topic field as tie-breaker.

Every offer of one organisation is compared with every request of another by the meaning
engine (core/meaning.py: lemmas, compound parts, domain concepts, 4-grams, TF-IDF
cosine); a pair needs at least MIN_SIMILARITY and a shared feature, and the words on both
sides that carry it are its reason ("Glasfaser ↔ Breitband"). Where every statement
carries its sentence vector (facilitator/sentence_vectors.py, computed outside core), the
score blends words and vectors half and half and must reach MIN_BLENDED: on the first
lines of tests/data/meaning/dev that ranked the true offer first for 91 % of requests
instead of 78 %; on the enlarged dev (harder lines added) 56 % first, 69 % in the top 3,
23 % of distractors paired. The same topic field adds TOPIC_BONUS, enough
to order equal texts but never to make a pair on its own.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from facilitator.core.meaning import MeaningModel, blend
from facilitator.core.textsim import german_decimal, similarity_matrix
from facilitator.locale import gettext

MIN_SIMILARITY = 0.15  # chosen on tests/data/meaning/dev: distractors paired <= 25 %
MIN_BLENDED = 0.15  # the same for the blend (enlarged dev: 0.15-0.18 pair 17-23 % of distractors)
TOPIC_BONUS = 0.02


@dataclass
class Pair:
    """An offer of one organisation that answers a request of another."""

    offer_org: str
    offer_text: str
    request_org: str
    request_text: str
    topic: str | None  # the topic field both share, if any
    shared_words: list[str]  # the terms that make them alike, as written
    score: float  # text similarity (0..1; words and vectors blended), without the topic bonus


@dataclass(frozen=True)
class Statement:
    """One offer or request: who said it, what, and under which topic field."""

    org: str
    text: str
    topic: str | None = None
    # Its unit sentence vector (a numpy array), if computed; left out of == and hash.
    vector: Any = field(default=None, compare=False)


def pair_offers(
    offers: Sequence[Statement],
    requests: Sequence[Statement],
    *,
    vocabulary: Iterable[str] = (),
    limit: int = 200,
) -> list[Pair]:
    """Return offers that fit requests of other organisations, most similar first."""
    model = MeaningModel([s.text for s in (*offers, *requests)], vocabulary)
    offered = [model.vector(s.text) for s in offers]
    wanted = [model.vector(s.text) for s in requests]
    pairs: list[Pair] = []
    if not offered or not wanted:
        return pairs
    scores = similarity_matrix(offered, wanted)
    threshold = MIN_SIMILARITY
    if all(s.vector is not None for s in (*offers, *requests)):
        meant = np.stack([s.vector for s in offers]) @ np.stack([s.vector for s in requests]).T
        scores = np.asarray(blend(scores, meant))  # a matrix in, a matrix out
        threshold = MIN_BLENDED
    orgs_offering = np.array([s.org for s in offers], dtype=object)
    orgs_asking = np.array([s.org for s in requests], dtype=object)
    scores[orgs_offering[:, None] == orgs_asking[None, :]] = 0.0  # never one's own request
    # Only the best few candidates need reasons: a matrix product ranks them all at once.
    flat = scores.ravel()
    keep = min(flat.size, limit * 4)
    best = np.argpartition(-flat, keep - 1)[:keep] if keep < flat.size else np.arange(flat.size)
    for index in best:
        score = float(flat[index])
        if score < threshold:
            continue
        i, j = divmod(int(index), len(wanted))
        offer, request = offers[i], requests[j]
        reason = model.reasons(offer.text, request.text)
        if not reason:
            continue
        topic = offer.topic if offer.topic and offer.topic == request.topic else None
        pairs.append(Pair(offer.org, offer.text, request.org, request.text, topic, reason, score))
    pairs.sort(
        key=lambda p: (
            -(p.score + (TOPIC_BONUS if p.topic else 0.0)),
            p.offer_org,
            p.request_org,
            p.offer_text,
        )
    )
    return pairs[:limit]


def pair_reason(pair: Pair, lang: str = "de", topic_label: str = "") -> str:
    """Return why two texts were paired: similarity (decimal comma in German), terms, topic."""
    score = german_decimal(pair.score) if lang == "de" else f"{pair.score:.2f}"
    parts = [gettext("Ähnlichkeit {score}", lang, score=score)]
    if pair.shared_words:  # "Ähnlichkeit 0,71: Glasfaser ↔ Breitband"
        parts[0] += ": " + ", ".join(pair.shared_words)
    if topic_label:
        parts.append(gettext("Themenfeld {topic}", lang, topic=topic_label))
    return "; ".join(parts)
