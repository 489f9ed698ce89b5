"""Provides the shipped topic keywords and examples (data/topic_*.toml) as a model."""

import tomllib
from functools import lru_cache
from importlib import resources

import numpy as np

from facilitator import sentence_vectors
from facilitator.core.taxonomy import TOPICS
from facilitator.core.topic_model import TopicModel


def _read(name: str) -> dict:
    return tomllib.loads(resources.files("facilitator.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def shipped_keywords() -> dict[str, tuple[str, ...]]:
    """Return topic -> keywords from the shipped file (only topic fields the taxonomy knows)."""
    data = _read("topic_keywords.toml")
    return {topic: tuple(data[topic]["words"]) for topic in TOPICS if topic in data}


@lru_cache(maxsize=1)
def shipped_examples() -> tuple[tuple[str, str], ...]:
    """Return (example capture, topic) pairs written from each field's meaning."""
    data = _read("topic_examples.toml")
    return tuple(
        (text, topic) for topic in TOPICS if topic in data for text in data[topic]["examples"]
    )


def base_model() -> TopicModel:
    """Return a fresh model of the shipped keywords and examples, words only (no vectors)."""
    return TopicModel.from_keywords(shipped_keywords()).learn(shipped_examples())


@lru_cache(maxsize=1)
def shipped_prototypes() -> tuple[tuple[tuple[str, str], ...], np.ndarray | None]:
    """Return the prototypes (keywords and examples with their topics) and their vectors.

    About 1.3 s the first time (the encoder loads, 940 short texts in a batch): build it
    off the UI thread. Without the encoder installed, no prototypes.
    """
    examples = tuple((w, t) for t, words in shipped_keywords().items() for w in words)
    examples += shipped_examples()
    if not sentence_vectors.available():
        return (), None
    return examples, sentence_vectors.encode([text for text, _ in examples])


def with_prototypes(model: TopicModel) -> TopicModel:
    """Return the model with the shipped prototypes added (when the encoder is installed)."""
    examples, vectors = shipped_prototypes()
    return model.add_prototypes(examples, vectors) if examples and vectors is not None else model


@lru_cache(maxsize=1)
def shipped_model() -> TopicModel:
    """Return the model of the shipped keywords and examples alone (no series captures)."""
    return with_prototypes(base_model())


def shipped_model_ready() -> bool:
    """Return whether the shipped model is built (building it first loads a dictionary)."""
    return shipped_model.cache_info().currsize > 0


def keyword_vocabulary() -> list[str]:
    """Return every shipped keyword: known words for splitting compounds when pairing."""
    return [word for words in shipped_keywords().values() for word in words]
