"""Provides the app on the test store with the fake clock, and Pilot helpers."""

import pytest
from textual.pilot import Pilot

from facilitator.store import Store
from facilitator.tui.app import FacilitatorApp, create_app

JOIN_HOST = "192.168.1.20"
JOIN_CODE = "TESTCODE42"


@pytest.fixture
def app(store: Store, workshop_id: str) -> FacilitatorApp:
    """The app on the test workshop: fake clock (via the store), no phone server."""
    return create_app(store, workshop_id, server=False, join_host=JOIN_HOST, join_code=JOIN_CODE)


async def _type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


@pytest.fixture
def type_text():
    """Type like a person: one key per character (`await type_text(pilot, "h: …")`)."""
    return _type_text


def palette_offers(app: FacilitatorApp, text: str) -> bool:
    """Whether the open command palette has found its first hit, a command with `text`."""
    from textual.command import CommandList

    found = app.screen.query(CommandList)
    if not found or not found.first().option_count:
        return False
    first = found.first().get_option_at_index(0)
    return text.lower() in str(first.prompt).lower()
