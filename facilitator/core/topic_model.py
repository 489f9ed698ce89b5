"""Provides topic-field suggestions from a capture's meaning features, offline and fast.

A TopicModel holds feature weights per topic field: the shipped keywords
(facilitator/data/topic_keywords.toml, loaded by facilitator/topics.py) and, on top, the
features of the series' own captures that carry a topic field. Features come from the
meaning engine (core/meaning.py): lemmas, compound parts the dictionary knows, domain
concepts and character 4-grams, so "Glasfaseranschluss" meets "Glasfaser" through its
part and "Internet" meets "Breitband" through its concept, while "bekommen" no longer
meets "Komm.ONE" inside a word. A feature that several fields share counts less in each
(its weight is split by how specific it is); 4-grams only speak when nothing else does.

Beside the words, a model may hold prototypes: sentence vectors of example captures and
keywords per field (facilitator/sentence_vectors.py computes them, outside core). Given a
text's vector, each field gets the mean cosine of its three nearest prototypes, turned
into shares by a softmax, and these shares count as much as the words' shares. Measured on
tests/data/meaning: the words alone overfit the texts they were tuned on (dev 87 %, test
70 % top-1), the vectors alone do not (dev 73 %, test 70 %), together they hold better.
"""

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import simplemma

from facilitator.core.meaning import text_features

GRAM_SHARE = 0.15  # what a text's 4-grams weigh beside its words (typos, unknown compounds)
KEYWORD_WEIGHT = 1.0
CAPTURE_WEIGHT = 0.6  # a word of a tagged capture says less than a chosen keyword
VECTOR_WEIGHT = 1.0  # the vectors' shares count as much as the words' (chosen a priori)
NEAREST = 3  # a field's closeness: the mean cosine of its three nearest prototypes
SOFTMAX_T = 0.05  # cosines of neighbouring fields differ by a few hundredths
ALONE = 0.5  # without a known word, the vectors speak only for a prototype this close
LIKE_SHOWN = 0.5  # a nearest example is named as a reason only from this cosine on


@dataclass(frozen=True)
class TopicSuggestion:
    """One topic field with its share of the evidence (0..1) and the words behind it."""

    topic: str
    score: float
    words: tuple[str, ...]
    like: str = ""  # the field's nearest example ("Rufbus per App bestellen"), if vectors spoke
    similarity: float = 0.0  # its cosine with the text


@dataclass
class TopicModel:
    """Stem -> topic -> weight; build with `from_keywords` and `learn`."""

    # float weights per topic (typeshed's Counter holds int)
    weights: dict[str, Any] = field(default_factory=lambda: defaultdict(Counter))
    longest: int = 0
    prototypes: np.ndarray | None = None  # one unit vector per row
    prototype_topics: list[str] = field(default_factory=list)
    prototype_texts: list[str] = field(default_factory=list)
    # text -> its vector, for texts whose vectors were computed off the UI thread (a series'
    # captures): suggest_topic uses them when no vector is passed
    known_vectors: dict[str, np.ndarray] = field(default_factory=dict)

    @classmethod
    def from_keywords(cls, keywords: Mapping[str, Iterable[str]]) -> "TopicModel":
        """Return a model from topic -> keywords (words or short phrases)."""
        model = cls()
        for topic, entries in keywords.items():
            for entry in entries:
                for feature in text_features(entry)[0]:
                    model._add(feature, topic, KEYWORD_WEIGHT)
        return model

    def learn(self, captures: Iterable[tuple[str, str]]) -> "TopicModel":
        """Add the features of (text, topic) captures that moderators tagged; return self.

        A tag speaks for the capture as a whole, not for each of its words: it teaches
        features the keywords do not know, and leaves the keywords' own weights alone.
        """
        new: list[tuple[str, str]] = []
        for text, topic in captures:
            found, source = text_features(text)
            first = text.split(maxsplit=1)[0] if text.split() else ""
            for feature in found:
                if feature not in self.weights and _names_a_thing(source[feature], first):
                    new.append((feature, topic))
        for feature, topic in new:
            self._add(feature, topic, CAPTURE_WEIGHT)
        return self

    def add_prototypes(
        self, examples: Sequence[tuple[str, str]], vectors: np.ndarray
    ) -> "TopicModel":
        """Add (text, topic) examples with their sentence vectors (one row each); return self."""
        if not len(examples):
            return self
        rows = np.asarray(vectors, dtype=np.float32).reshape(len(examples), -1)
        self.prototypes = rows if self.prototypes is None else np.vstack([self.prototypes, rows])
        self.prototype_texts += [text for text, _ in examples]
        self.prototype_topics += [topic for _, topic in examples]
        return self

    def closeness(
        self, vector: np.ndarray | Sequence[float]
    ) -> dict[str, tuple[float, int, float]]:
        """Return topic -> (mean cosine of its nearest prototypes, nearest row, its cosine)."""
        if self.prototypes is None:
            return {}
        cosines = self.prototypes @ np.asarray(vector, dtype=np.float32)
        labels = np.asarray(self.prototype_topics)
        found: dict[str, tuple[float, int, float]] = {}
        for topic in dict.fromkeys(self.prototype_topics):
            (rows,) = np.nonzero(labels == topic)
            order = rows[np.argsort(-cosines[rows])[:NEAREST]]
            found[topic] = (float(cosines[order].mean()), int(order[0]), float(cosines[order[0]]))
        return found

    def _add(self, feature: str, topic: str, weight: float) -> None:
        self.weights[feature][topic] += weight
        self.longest = max(self.longest, len(feature))

    def scores(self, text: str) -> tuple[Counter, dict[str, list[str]]]:
        """Return topic -> evidence and topic -> the words that gave it."""
        evidence: Any = Counter()  # float weights (typeshed's Counter holds int)
        grams: Any = Counter()
        reasons: dict[str, list[str]] = defaultdict(list)
        found, source = text_features(text)
        for feature, amount in found.items():
            by_topic = self.weights.get(feature)
            if not by_topic:
                continue
            total = sum(by_topic.values())
            target = grams if feature.startswith("g:") else evidence
            # Specific features weigh more: a feature of one field gives it its full weight.
            for topic, weight in by_topic.items():
                target[topic] += amount * (weight / total) * math.log1p(weight)
                if source[feature] not in reasons[topic]:
                    reasons[topic].append(source[feature])
        gram_total = sum(grams.values())
        if gram_total:
            scale = GRAM_SHARE * (sum(evidence.values()) or 1.0) / gram_total
            for topic, value in grams.items():
                evidence[topic] += value * scale
        return evidence, reasons


def _names_a_thing(word: str, first: str) -> bool:
    """Return whether a word of a tagged capture may teach its field: a noun or an acronym.

    German capitalises nouns; verbs, adjectives and adverbs ("kümmert", "schnell",
    "niemand") say little about a field and would show as odd reasons. A capitalised
    first word counts only if its lower-case form is a noun too ("Termin", not "Niemand").
    """
    if word.islower() or not word[:1].isalpha():
        return not word.islower()  # "5G" teaches, "schnell" does not
    if word != first or word.isupper() or "-" in word:
        return True
    lower = word.casefold()
    return (
        not simplemma.is_known(lower, lang="de")
        or simplemma.lemmatize(lower, lang="de")[:1].isupper()
    )


def suggest_topic(
    text: str,
    model: TopicModel,
    limit: int = 3,
    vector: np.ndarray | Sequence[float] | None = None,
) -> list[TopicSuggestion]:
    """Return up to `limit` topic fields for a text, best first; [] when nothing fits.

    Pure and fast (a few hundred dictionary look-ups, a 1,000 × 512 product); the app, the
    CLI and the review call it with `facilitator.topics.shipped_model()` or a series' model
    (`facilitator.store.topics.series_model(store, series_id)`). With the text's sentence
    `vector` (`facilitator.sentence_vectors.encode`, or stored per capture) the model's
    prototypes speak too; without it (a key typed on the UI thread) the words alone do.
    """
    if vector is None:
        vector = model.known_vectors.get(text)
    evidence, reasons = model.scores(text)
    words_total = sum(evidence.values())
    shares: dict[str, float] = defaultdict(float)
    if words_total:
        shares.update((t, v / words_total) for t, v in evidence.items())
    close = model.closeness(vector) if vector is not None else {}
    if close and (words_total or max(best for *_, best in close.values()) >= ALONE):
        top = max(mean for mean, *_ in close.values())
        weights = {t: math.exp((mean - top) / SOFTMAX_T) for t, (mean, *_) in close.items()}
        norm = sum(weights.values())
        for topic, weight in weights.items():
            shares[topic] += VECTOR_WEIGHT * weight / norm
    else:
        close = {}
    total = sum(shares.values())
    if not total:
        return []
    ranked = sorted(shares.items(), key=lambda item: (-item[1], item[0]))[:limit]
    found = []
    for topic, share in ranked:
        _, nearest, cosine = close.get(topic, (0.0, -1, 0.0))
        # A far example ("Personalmangel" for "Whiteboards stehen rum") explains nothing.
        like = model.prototype_texts[nearest] if nearest >= 0 and cosine >= LIKE_SHOWN else ""
        found.append(TopicSuggestion(topic, share / total, tuple(reasons[topic]), like, cosine))
    return found
