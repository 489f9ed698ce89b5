"""Provides the topic model of a series: the shipped keywords plus its own tagged captures."""

import numpy as np

from facilitator.core.errors import NotFound
from facilitator.core.models import Capture
from facilitator.core.taxonomy import TOPICS
from facilitator.core.topic_model import TopicModel
from facilitator.store.capture_vectors import capture_vectors
from facilitator.store.captures import update_capture
from facilitator.store.db import Store
from facilitator.store.rollup import load_scope, resolve_scope
from facilitator.topics import base_model, with_prototypes


def series_model(
    store: Store, series: str | None = None, *, workshop_id: str | None = None
) -> TopicModel:
    """Return the shipped model, taught the series' tagged captures, knowing their vectors.

    Scope as in `rollup.resolve_scope` (series name/id, a workshop's series, the latest's);
    a database without workshops gives the shipped model alone. Building reads the whole
    series (tens of milliseconds) and encodes the captures without a stored vector (about
    0.4 ms each in a batch, once; 1.3 s for the encoder and the shipped prototypes the first
    time in a process): build it off the UI thread, once (a screen's mount, after a capture),
    and call `core.topic_model.suggest_topic(text, model)` per keystroke (about 1 ms).
    The series' tagged captures become prototypes of their fields; every capture's text
    gets its vector in `known_vectors`, so suggestions for them need no encoding.
    """
    model = with_prototypes(base_model())
    try:
        scope = load_scope(store, resolve_scope(store, series, workshop_id, default_latest=True))
    except NotFound:
        if series or workshop_id:
            raise
        return model
    tagged = [c for c in scope.captures if c.topic in TOPICS]
    model.learn((c.text, c.topic) for c in tagged if c.topic)
    if model.prototypes is None:  # no sentence encoder installed: the words answer alone
        return model
    _learn_vectors(model, tagged, scope.captures, capture_vectors(store, _texts(scope.captures)))
    return model


def _texts(captures: list[Capture]) -> list[tuple[str, str]]:
    return [(c.id, c.text) for c in captures]


def _learn_vectors(
    model: TopicModel, tagged: list[Capture], captures: list[Capture], vectors: dict
) -> None:
    """The tagged captures become prototypes of their fields; every vector is known."""
    learnt = [c for c in tagged if c.id in vectors]
    if learnt:
        model.add_prototypes(
            [(c.text, c.topic or "") for c in learnt], np.stack([vectors[c.id] for c in learnt])
        )
    model.known_vectors = {c.text: vectors[c.id] for c in captures if c.id in vectors}


def accept_topics(store: Store, chosen: dict[str, str]) -> int:
    """Set the topic field of each capture in {capture id: topic}, in one transaction."""
    with store.transaction():
        for capture_id, topic in chosen.items():
            update_capture(store, capture_id, topic=topic)
    return len(chosen)
