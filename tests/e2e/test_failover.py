"""End-to-end: laptop A dies (SIGKILL) mid-entry; its phones carry on at laptop B."""

import pytest

from tests.conftest import require_programs
from tests.e2e.failover_room import CHROMIUM, run_room

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]


def test_phones_move_to_laptop_b_keep_their_identity_and_lose_nothing(tmp_path) -> None:
    require_programs(CHROMIUM)
    # one entry each before the kill: the three phones share 127.0.0.1, and what they
    # resend on B (2 entries each) stays within one address's burst of 10 POSTs
    figures = run_room(tmp_path, phones=3, before=1, after=1)
    assert figures.sent == 3 * (1 + 1 + 1)
    assert max(figures.moved_s) <= 5.0, figures.moved_s
    assert figures.lost == 0 and figures.duplicated == 0
    assert figures.identities_kept == 3
    assert figures.clean_urls == 3  # the move token left the address bar (and no Referer)


def test_phones_that_joined_before_laptop_b_served_still_move(tmp_path) -> None:
    require_programs(CHROMIUM)
    figures = run_room(tmp_path, phones=2, before=1, after=1, b_late=True)
    assert max(figures.moved_s) <= 5.0, figures.moved_s
    assert figures.lost == 0 and figures.duplicated == 0 and figures.identities_kept == 2
