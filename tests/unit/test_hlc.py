"""The hybrid logical clock: monotonic, absorbs the peer's clock, sortable as text."""

import pytest

from facilitator.core.hlc import HybridClock, format_hlc, parse_hlc, stamp


def test_clock_never_runs_backwards_when_the_wall_clock_does() -> None:
    wall = [1000]
    clock = HybridClock(lambda: wall[0])
    first = clock.now()
    wall[0] = 500  # NTP stepped the clock back
    second = clock.now()
    assert second > first
    assert parse_hlc(second) == (1000, 1)


def test_same_millisecond_increments_the_counter() -> None:
    clock = HybridClock(lambda: 42)
    values = [clock.now() for _ in range(5)]
    assert values == sorted(values) and len(set(values)) == 5


def test_observing_a_later_remote_clock_moves_ahead_of_it() -> None:
    clock = HybridClock(lambda: 1000)
    remote = format_hlc(5000, 7)
    clock.observe(remote)
    assert clock.now() > remote


def test_text_order_equals_clock_order() -> None:
    assert format_hlc(999, 99) < format_hlc(1000, 0)
    assert stamp(format_hlc(1, 0), "b") > stamp(format_hlc(1, 0), "a")


def test_resumes_after_the_last_stored_value() -> None:
    clock = HybridClock(lambda: 10, last=format_hlc(20, 3))
    assert clock.now() == format_hlc(20, 4)


@pytest.mark.parametrize("bad", ["", "123", "abc.00001", "000000000000001.1"])
def test_malformed_values_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_hlc(bad)
