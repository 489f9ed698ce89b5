"""Provides the topic model of a series: the shipped keywords plus its own tagged captures."""

from facilitator.core.errors import NotFound
from facilitator.core.taxonomy import TOPICS
from facilitator.core.topic_model import TopicModel
from facilitator.store.captures import update_capture
from facilitator.store.db import Store
from facilitator.store.rollup import load_scope, resolve_scope
from facilitator.topics import shipped_keywords


def series_model(
    store: Store, series: str | None = None, *, workshop_id: str | None = None
) -> TopicModel:
    """Return the shipped keyword model, taught the words of the series' tagged captures.

    Scope as in `rollup.resolve_scope` (series name/id, a workshop's series, the latest's);
    a database without workshops gives the shipped model alone. Building reads the whole
    series (tens of milliseconds): build it once (a screen's mount, after a capture) and call
    `core.topic_model.suggest_topic(text, model)` per keystroke (well under a millisecond).
    """
    model = TopicModel.from_keywords(shipped_keywords())
    try:
        scope = load_scope(store, resolve_scope(store, series, workshop_id, default_latest=True))
    except NotFound:
        if series or workshop_id:
            raise
        return model
    return model.learn((c.text, c.topic) for c in scope.captures if c.topic in TOPICS)


def accept_topics(store: Store, chosen: dict[str, str]) -> int:
    """Set the topic field of each capture in {capture id: topic}, in one transaction."""
    with store.transaction():
        for capture_id, topic in chosen.items():
            update_capture(store, capture_id, topic=topic)
    return len(chosen)
