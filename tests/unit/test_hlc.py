"""The hybrid logical clock: monotonic, absorbs the peer's clock, sortable as text."""

import pytest

from facilitator.core.hlc import HybridClock, check_remote, format_hlc, parse_hlc, stamp


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


@pytest.mark.parametrize(
    "bad",
    [
        "١" * 15 + ".00000",  # Arabic-Indic digits: isdigit() says yes, and they sort after 9
        "²" * 15 + ".00000",
        "0000000000000001.00000",  # 16 digits
        "000000000000001.000001",
        " 00000000000001.00000",
        "000000000000001.0000\n",
    ],
)
def test_only_ascii_digits_of_fixed_width_are_clocks(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_hlc(bad)


def test_a_clock_far_ahead_of_the_wall_clock_is_refused() -> None:
    now = 1_796_000_000_000
    assert check_remote(format_hlc(now + 4 * 60_000, 0), now) == (now + 4 * 60_000, 0)
    for ahead in (format_hlc(now + 6 * 60_000, 0), "999999999999999.99999"):
        with pytest.raises(ValueError):
            check_remote(ahead, now)
    clock = HybridClock(lambda: now)
    with pytest.raises(ValueError):
        clock.observe(format_hlc(now + 100 * 365 * 24 * 3600 * 1000, 0))
    assert clock.now() == format_hlc(now, 0)  # nothing of it was absorbed


def test_a_clock_never_grows_past_fifteen_digits() -> None:
    with pytest.raises(ValueError):
        format_hlc(10**15, 0)
