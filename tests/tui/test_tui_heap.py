"""Tests that the app sets its long-lived objects aside from full garbage collections.

The app, the phone server and the sync server share one event loop; a full collection
walking every object of the app held it 100–120 ms on an idle machine (longer under a
flood), which every screen and phone felt (benchmarks/hostile_activities.py).
"""

import gc

import pytest


@pytest.fixture
def thawed():
    gc.unfreeze()  # start from what an app sees at launch; leave nothing frozen behind
    yield
    gc.unfreeze()


async def test_a_full_collection_walks_little_once_the_app_is_up(app, thawed):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        walked = len(gc.get_objects())
        # what the screens, styles and modules hold is frozen: a full collection walks
        # a small part of it (without: every object, the freeze count 0)
        assert gc.get_freeze_count() > 4 * walked, (gc.get_freeze_count(), walked)
