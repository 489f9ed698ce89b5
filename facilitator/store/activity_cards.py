"""Provides starting the activity a method card declares, for the block that uses the card.

The card says what to ask (`activity` in its front matter); the workshop supplies
the rest when the block runs: the dot vote's ballot and the matrix's entries come
from the entries captured so far.
"""

from typing import Any

from facilitator.core.activities import MAX_OPTIONS
from facilitator.store.activities import start_activity
from facilitator.store.activity_ballot import choose_ballot
from facilitator.store.agenda import update_item
from facilitator.store.captures import get_capture
from facilitator.store.db import Store


def start_card_activity(
    store: Store, workshop_id: str, item_id: str | None, spec: dict[str, Any], lang: str = "de"
) -> str:
    """Start the card's activity for the block `item_id`; return its id (ValidationError)."""
    kind = spec["type"]
    prompt = spec["prompt"].get(lang) or spec["prompt"]["de"]
    config = {k: v for k, v in spec.items() if k not in ("type", "prompt", "entries", "collect")}
    given = spec.get("entries", "all")  # the card's "all" / "kind:…", or the app's chosen ids
    entries = list(given) if isinstance(given, list) else [given]
    if kind == "dots":
        config["ballot"] = choose_ballot(store, workshop_id, entries, item_id)
    elif kind == "matrix" and "options" not in spec:
        ids = choose_ballot(store, workshop_id, entries, item_id)[:MAX_OPTIONS]
        config["options"] = [get_capture(store, i).text[:120] for i in ids]
    with store.transaction():
        if spec.get("collect") and item_id:
            # the card also collects entries (Erwartungsabfrage: needs beside the questions)
            update_item(store, item_id, collection_open=1)
        return start_activity(store, workshop_id, kind, prompt, config, agenda_item_id=item_id)
