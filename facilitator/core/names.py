"""Provides the German sort key of a name: surname first, titles ignored, umlauts folded."""

import re
import unicodedata
from functools import lru_cache

# academic and professional titles a German list sorts past ("Dr. Özlem Arslan" under A)
_TITLES = re.compile(
    r"^(?:prof|dr|dipl|ing|mag|med|rer|nat|phil|jur|oec|habil|h\.?\s?c|mba|msc|bsc|ma|ba|"
    r"llm|frau|herr|mr|mrs|ms)\b\.?$",
    re.IGNORECASE,
)
# "von", "van", "de", "zu" belong to the surname but are not where a German reader looks
_PARTICLES = {"von", "van", "vom", "zu", "zum", "zur", "de", "der", "den", "di", "da", "le", "la"}
# DIN 5007-1 (dictionary order): ä sorts as a, ß as ss
_FOLDS = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l"})


def _fold(text: str) -> str:
    text = text.casefold().translate(_FOLDS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_title(word: str) -> bool:
    # "Dipl.-Ing." and "Dr.-Ing." are one word made of two titles
    parts = [p for p in re.split(r"[.\-]+", word) if p]
    return bool(parts) and all(_TITLES.match(p) for p in parts)


def split_name(name: str) -> tuple[str, str]:
    """Return (given names, surname) of `name`, titles dropped; "Surname, Given" is understood."""
    name = " ".join(name.split())
    if "," in name:
        surname, _, given = name.partition(",")
        words = [w for w in given.split() if not _is_title(w)]
        return " ".join(words), surname.strip()
    words = [w for w in name.split() if not _is_title(w)]
    if len(words) <= 1:
        return "", " ".join(words)
    # the surname starts at its particle ("Ursula von der Leyen"), else it is the last word
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


@lru_cache(maxsize=4096)  # the list is re-sorted on every change: names repeat
def surname_key(name: str) -> str:
    """The key a German participant list sorts by: surname, then given names.

    Titles (Dr., Prof., Dipl.-Ing. …) are ignored, umlauts fold to their base letter
    ("Özlem" sorts under O), ß to ss, case does not matter; particles such as "von"
    do not decide the letter ("von Braun" under B).
    """
    given, surname = split_name(name)
    words = surname.split()
    while len(words) > 1 and words[0].lower() in _PARTICLES:
        words = words[1:] + [words[0]]
    return _fold(" ".join(words)) + "\x00" + _fold(given)
