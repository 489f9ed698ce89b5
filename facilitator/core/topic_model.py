"""Provides topic-field suggestions from a capture's words, offline and in well under 5 ms.

A TopicModel holds stem weights per topic field: the shipped keywords
(facilitator/data/topic_keywords.toml, loaded by facilitator/topics.py) and, on top, the
words of the series' own captures that carry a topic field. A text's words are stemmed and
searched for keyword stems inside them, so compounds count ("Hochwasserschutzkonzept"
holds "hochwass"). A stem that several fields share counts less in each (its weight is
split by how specific it is).
"""

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from facilitator.core.textsim import stem, words

MIN_STEM = 4  # shorter stems (KI, PV, Bus) match whole words only, never inside one
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

    weights: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    longest: int = 0

    @classmethod
    def from_keywords(cls, keywords: Mapping[str, Iterable[str]]) -> "TopicModel":
        """Return a model from topic -> keywords (words or short phrases)."""
        model = cls()
        for topic, entries in keywords.items():
            for entry in entries:
                for word in words(entry):
                    model._add(stem(word), topic, KEYWORD_WEIGHT)
        return model

    def learn(self, captures: Iterable[tuple[str, str]]) -> "TopicModel":
        """Add the words of (text, topic) captures that moderators tagged; return self.

        A tag speaks for the capture as a whole, not for each of its words: it teaches
        words the keywords do not know, and leaves the keywords' own weights alone.
        """
        new: list[tuple[str, str]] = []
        for text, topic in captures:
            for term in {stem(word) for word in words(text)}:
                if not self._found(term):
                    new.append((term, topic))
        for term, topic in new:
            self._add(term, topic, CAPTURE_WEIGHT)
        return self

    def _add(self, term: str, topic: str, weight: float) -> None:
        if len(term) < 2:
            return
        self.weights[term][topic] += weight
        self.longest = max(self.longest, len(term))

    def _found(self, term: str) -> list[str]:
        """Return the known stems in a term: the term itself, else the longest inside it."""
        if term in self.weights:
            return [term]
        found: list[tuple[int, int, str]] = []
        for start in range(len(term) - MIN_STEM + 1):
            for end in range(min(len(term), start + self.longest), start + MIN_STEM - 1, -1):
                piece = term[start:end]
                if piece in self.weights:
                    found.append((start, end, piece))
                    break
        # Keep the pieces no longer piece covers ("hochwass" over "wass").
        kept = [
            f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and o != f for o in found)
        ]
        return [piece for _, _, piece in kept]

    def scores(self, text: str) -> tuple[Counter, dict[str, list[str]]]:
        """Return topic -> evidence and topic -> the words that gave it."""
        evidence: Counter = Counter()
        reasons: dict[str, list[str]] = defaultdict(list)
        for word in words(text):
            for piece in self._found(stem(word)):
                by_topic = self.weights[piece]
                total = sum(by_topic.values())
                # Specific stems weigh more: a stem of one field gives it its full weight.
                for topic, weight in by_topic.items():
                    share = weight / total
                    evidence[topic] += share * math.log1p(weight) * (len(piece) / 6) ** 0.5
                    if word not in reasons[topic]:
                        reasons[topic].append(word)
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
