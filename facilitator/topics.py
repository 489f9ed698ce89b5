"""Provides the shipped topic keywords (data/topic_keywords.toml) as a model and a vocabulary."""

import tomllib
from functools import lru_cache
from importlib import resources

from facilitator.core.taxonomy import TOPICS
from facilitator.core.topic_model import TopicModel


@lru_cache(maxsize=1)
def shipped_keywords() -> dict[str, tuple[str, ...]]:
    """Return topic -> keywords from the shipped file (only topic fields the taxonomy knows)."""
    text = resources.files("facilitator.data").joinpath("topic_keywords.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return {topic: tuple(data[topic]["words"]) for topic in TOPICS if topic in data}


@lru_cache(maxsize=1)
def shipped_model() -> TopicModel:
    """Return the model of the shipped keywords alone (no series captures)."""
    return TopicModel.from_keywords(shipped_keywords())


def shipped_model_ready() -> bool:
    """Return whether the shipped model is built (building it first loads a dictionary)."""
    return shipped_model.cache_info().currsize > 0


def keyword_vocabulary() -> list[str]:
    """Return every shipped keyword: known words for splitting compounds when pairing."""
    return [word for words in shipped_keywords().values() for word in words]
