"""Provides fixtures for the participant server: the app on a test store, the join code."""

from collections.abc import Awaitable, Callable

import pytest
from aiohttp.test_utils import TestClient

from facilitator.store import Store
from facilitator.store.agenda import list_items, update_item
from facilitator.store.timer import advance, start_or_pause
from facilitator.store.workshops import get_workshop
from facilitator.web.app import create_app
from facilitator.web.security import RateLimits

XSS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')
MOD_SECRET = "test-moderator-secret-0123456789"


@pytest.fixture
def code(store: Store, workshop_id: str) -> str:
    return get_workshop(store, workshop_id).join_code


@pytest.fixture
def collecting(store: Store, workshop_id: str) -> str:
    """Run the third block ("Herausforderungen sammeln") with its collection open."""
    start_or_pause(store, workshop_id)
    advance(store, workshop_id)
    advance(store, workshop_id)
    item = list_items(store, workshop_id)[2]
    update_item(store, item.id, collection_open=1)
    return item.id


MakeClient = Callable[..., Awaitable[TestClient]]


@pytest.fixture
def make_client(aiohttp_client, store: Store, workshop_id: str) -> MakeClient:
    """Return a factory for a test client of the app (rate limits off unless asked)."""

    async def make(*, limits: RateLimits | None = None, extra_setup=(), methods=None, caps=None):
        app = create_app(
            store,
            workshop_id=workshop_id,
            moderator_secret=MOD_SECRET,
            rate_limits=limits or RateLimits(enabled=False),
            extra_setup=extra_setup,
            methods=methods,
            caps=caps,
        )
        return await aiohttp_client(app)

    return make


@pytest.fixture
async def client(make_client: MakeClient) -> TestClient:
    return await make_client()
