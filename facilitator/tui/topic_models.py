"""Provides the series' topic model to a screen: the shipped one at once, the series' soon after.

Teaching the model the series' tagged captures reads the whole series (about 0.6 s with
5,000 captures), too long for a key that opens the capture line. A worker thread builds it
on its own connection while the shipped keyword model answers (an empty one until the
first build has loaded the German dictionary, ~1 s); `ready` gets the result on the UI
thread.
"""

from collections.abc import Callable

from textual.dom import DOMNode

from facilitator.core.topic_model import TopicModel
from facilitator.store.topics import series_model
from facilitator.topics import shipped_model, shipped_model_ready
from facilitator.tui.host import as_facilitator
from facilitator.tui.reader import own_connection


def load_topic_model(
    node: DOMNode, workshop_id: str | None, ready: Callable[[TopicModel], None]
) -> TopicModel:
    """Return the shipped model and start building the series' one (handed to `ready`)."""
    app = node.app
    store = as_facilitator(app).store

    def build() -> None:
        try:
            shipped_model()  # the first build loads the German dictionary: here, not on the UI
            with own_connection(store) as reader:
                model = series_model(reader, workshop_id=workshop_id)
        except Exception:  # a suggestion is optional: the keywords still answer
            return
        app.call_from_thread(lambda: ready(model) if node.is_attached else None)

    node.run_worker(build, thread=True, group="topic-model", exit_on_error=False)
    # Until the worker is done an empty model answers (no suggestion), never a stalled key.
    return shipped_model() if shipped_model_ready() else TopicModel()
