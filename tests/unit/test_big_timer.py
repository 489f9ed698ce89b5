"""Tests of the block-letter projector timer's rendering (pure text)."""

from facilitator.tui.widgets.big_timer import render_big, width_of


def test_render_scales_in_both_directions() -> None:
    small = render_big("12:05", 1).split("\n")
    large = render_big("12:05", 3).split("\n")
    assert len(small) == 5 and len(large) == 15
    assert len(large[0]) == 3 * len(small[0]) == width_of("12:05", 3)
    assert small[0].startswith("  ██")  # the 1's flag


def test_overtime_sign() -> None:
    assert render_big("+00:35", 1).split("\n")[2].startswith("██████")
