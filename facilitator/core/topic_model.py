"""Provides topic-field suggestions from a capture's meaning features, offline and fast.

A TopicModel holds feature weights per topic field: the shipped keywords
(facilitator/data/topic_keywords.toml, loaded by facilitator/topics.py) and, on top, the
features of the series' own captures that carry a topic field. Features come from the
meaning engine (core/meaning.py): lemmas, compound parts the dictionary knows, domain
concepts and character 4-grams, so "Glasfaseranschluss" meets "Glasfaser" through its
part and "Internet" meets "Breitband" through its concept, while "bekommen" no longer
meets "Komm.ONE" inside a word. A feature that several fields share counts less in each
(its weight is split by how specific it is); 4-grams only speak when nothing else does.
"""

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from facilitator.core.meaning import text_features

GRAM_SHARE = 0.15  # what a text's 4-grams weigh beside its words (typos, unknown compounds)
KEYWORD_WEIGHT = 1.0
CAPTURE_WEIGHT = 0.6  # a word of a tagged capture says less than a chosen keyword


@dataclass(frozen=True)
class TopicSuggestion:
    """One topic field with its share of the evidence (0..1) and the words behind it."""

    topic: str
    score: float
    words: tuple[str, ...]


@dataclass
class TopicModel:
    """Stem -> topic -> weight; build with `from_keywords` and `learn`."""

    # float weights per topic (typeshed's Counter holds int)
    weights: dict[str, Any] = field(default_factory=lambda: defaultdict(Counter))
    longest: int = 0

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
            for feature in text_features(text)[0]:
                if feature not in self.weights:
                    new.append((feature, topic))
        for feature, topic in new:
            self._add(feature, topic, CAPTURE_WEIGHT)
        return self

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


def suggest_topic(text: str, model: TopicModel, limit: int = 3) -> list[TopicSuggestion]:
    """Return up to `limit` topic fields for a text, best first; [] when no word is known.

    Pure and fast (a few hundred dictionary look-ups); the app, the CLI and the review
    call it with `facilitator.topics.shipped_model()` or a series' model
    (`facilitator.store.topics.series_model(store, series_id)`).
    """
    evidence, reasons = model.scores(text)
    total = sum(evidence.values())
    if not total:
        return []
    ranked = sorted(evidence.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [TopicSuggestion(t, s / total, tuple(reasons[t])) for t, s in ranked]
