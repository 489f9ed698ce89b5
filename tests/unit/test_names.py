"""Tests names for lists and badges: surname sort key and first/last split."""

import doctest

import pytest

from facilitator.core import names
from facilitator.core.names import split_name, surname_key


def test_docstring_examples() -> None:
    assert doctest.testmod(names).failed == 0


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dr. Katrin Maier", ("Katrin", "Maier")),
        ("Prof. Dr. Andreas Roth", ("Andreas", "Roth")),
        ("Dipl.-Ing. Jörg Weiß", ("Jörg", "Weiß")),
        ("Mag. Eva Huber", ("Eva", "Huber")),
        ("Dr.-Ing. habil. Ute Lang", ("Ute", "Lang")),
        ("Anna Maria von der Heide", ("Anna Maria", "von der Heide")),
        ("Roth, Andreas", ("Andreas", "Roth")),
        ("Prof. Roth, Andreas", ("Andreas", "Roth")),
        ("Cher", ("", "Cher")),
        ("  Lena   Krause ", ("Lena", "Krause")),
        ("Dr.", ("", "Dr.")),  # a title alone is what the person typed: keep it
        ("", ("", "")),
    ],
)
def test_split_name(name: str, expected: tuple[str, str]) -> None:
    assert split_name(name) == expected


def test_titles_do_not_decide_the_order() -> None:
    people = ["Prof. Dr. Andreas Roth", "Jonas Weber", "Dr. Katrin Maier", "Petra Schäfer"]
    assert sorted(people, key=surname_key) == [
        "Dr. Katrin Maier",
        "Prof. Dr. Andreas Roth",
        "Petra Schäfer",
        "Jonas Weber",
    ]


def test_umlauts_and_sharp_s_fold_like_their_base_letters() -> None:
    assert surname_key("Jörg Müller") == surname_key("Jorg Muller")
    assert surname_key("Ute Weiß") == surname_key("Ute Weiss")
    assert surname_key("ÖZTÜRK, Ülkü") == surname_key("ulku ozturk")
    # Ärger files under A, not after Z (plain code point order would put Ä last)
    assert sorted(["Zoe Zander", "Eva Ärger", "Ida Arndt"], key=surname_key) == [
        "Eva Ärger",
        "Ida Arndt",
        "Zoe Zander",
    ]


def test_particles_do_not_decide_the_letter() -> None:
    assert sorted(["Anna von Berg", "Carl Adler", "Dora Cramer"], key=surname_key) == [
        "Carl Adler",
        "Anna von Berg",
        "Dora Cramer",
    ]


def test_same_surname_sorts_by_first_name() -> None:
    assert sorted(["Tom Maier", "Dr. Anna Maier"], key=surname_key) == [
        "Dr. Anna Maier",
        "Tom Maier",
    ]
