"""Tests strict parsing of strangers' JSON and numbers: every trap is a ValueError."""

import pytest

from facilitator.core.untrusted import loads, parse_int


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": NaN}',
        b'{"a": Infinity}',
        b'{"a": -Infinity}',
        b'{"a": 1e400}',
        b'{"a": "\\ud800"}',
        b'{"\\udfff": 1}',
        b"[" * 5000 + b"]" * 5000,
        b'{"a": "\xff"}',
    ],
)
def test_loads_refuses(raw):
    with pytest.raises(ValueError):
        loads(raw)


def test_loads_keeps_clean_json_and_brackets_inside_strings():
    assert loads(b'{"text": "[[[[", "n": 2, "x": 1.5}') == {"text": "[[[[", "n": 2, "x": 1.5}
    assert loads('{"a": "\\u00e4\\ud83d\\ude00"}') == {"a": "ä😀"}  # a proper pair is fine


@pytest.mark.parametrize(
    "value", ["1e23", "1.0", "１", "٣", "", " ", "9" * 19, 1.0, True, None, [1], 10**19, "-1"]
)
def test_parse_int_refuses(value):
    with pytest.raises(ValueError):
        parse_int(value)


def test_parse_int_accepts_plain_numbers_in_range():
    assert parse_int("42") == 42 and parse_int(7) == 7 and parse_int(" 3 ") == 3
    assert parse_int("-5", low=-10) == -5
    with pytest.raises(ValueError):
        parse_int(11, high=10)
