"""Provides people's names for lists and badges: a surname sort key and a first/last split.

German sign-in lists sort by surname: academic titles do not count, umlauts sort
as their base letter (Müller beside Muller, DIN 5007-1), ß as "ss", accents and
case do not count. Names are split on the last word, with name particles (von, van, de …)
kept with the surname, so "Anna von Berg" files under B as German lists do
("Berg, Anna von"). No I/O: the app's sort and the exports both call this.
"""

import re
import unicodedata

# Titles and degrees before a name; compared case-folded, dots optional.
_TITLES = {
    "dr",
    "prof",
    "professor",
    "professorin",
    "dipl",
    "dipl-ing",
    "dipl-kfm",
    "dipl-kff",
    "dipl-inf",
    "dipl-psych",
    "dipl-verw-wiss",
    "dipl-päd",
    "ing",
    "mag",
    "med",
    "rer",
    "nat",
    "phil",
    "pol",
    "oec",
    "jur",
    "habil",
    "h-c",
    "hc",
    "mult",
    "msc",
    "ma",
    "ba",
    "bsc",
    "mba",
    "llm",
    "herr",
    "frau",
}
# Particles that belong to the surname but do not decide where it is filed.
_PARTICLES = {"von", "vom", "zu", "zum", "zur", "van", "der", "den", "de", "di", "da", "du", "la"}
_FOLDS = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "ø": "o", "ł": "l"})


def _is_title(word: str) -> bool:
    key = word.casefold().replace(".", "-").strip("-,")
    return (
        key in _TITLES
        or key.replace("-", "") in _TITLES
        or (
            # "Dr.-Ing.", "Dipl.-Verw.-Wiss.": every part a title
            "-" in key and all(part in _TITLES for part in key.split("-") if part)
        )
    )


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"\s+", name.strip()) if w]


def strip_titles(name: str) -> tuple[str, str]:
    """Return (titles, the rest): the leading titles of `name` and the name without them."""
    words = _words(name)
    count = 0
    while count < len(words) - 1 and _is_title(words[count]):
        count += 1
    return " ".join(words[:count]), " ".join(words[count:])


def split_name(name: str) -> tuple[str, str]:
    """Return (first names, surname) of a person's name; titles are dropped.

    A comma means "surname, first names". Otherwise the last word is the surname,
    together with any lower-case particles before it. One word is a surname.

    >>> split_name("Prof. Dr. Andreas Roth")
    ('Andreas', 'Roth')
    >>> split_name("Anna Maria von der Heide")
    ('Anna Maria', 'von der Heide')
    >>> split_name("Schäfer, Petra")
    ('Petra', 'Schäfer')
    >>> split_name("Müller")
    ('', 'Müller')
    """
    if "," in name:
        surname, _, first = name.partition(",")
        _, surname = strip_titles(surname)
        _, first = strip_titles(first)
        return first.strip(), surname.strip()
    _, rest = strip_titles(name)
    words = _words(rest)
    if len(words) <= 1:
        return "", rest
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def _fold(text: str) -> str:
    """Return text folded for comparison: umlauts as their base letter, ß as ss, no case."""
    text = text.casefold().translate(_FOLDS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def surname_key(name: str) -> str:
    """Return the key that sorts `name` by surname, then first names, as a phone book does.

    Titles are ignored, particles (von, van …) do not decide the letter, umlauts
    fold to their base letter (ä → a) and ß to ss, case does not matter.

    >>> surname_key("Prof. Dr. Andreas Roth")
    'roth andreas'
    >>> surname_key("Jörg Müßig")
    'mussig jorg'
    >>> surname_key("Anna von Berg")
    'berg anna von'
    >>> sorted(["Ute Zander", "Dr. Eva Ärger", "Bob Abel", "Ida Arndt"], key=surname_key)
    ['Bob Abel', 'Dr. Eva Ärger', 'Ida Arndt', 'Ute Zander']
    """
    first, surname = split_name(name)
    words = _words(surname)
    particles = []
    while len(words) > 1 and words[0].casefold() in _PARTICLES:
        particles.append(words.pop(0))
    parts = [" ".join(words), first, " ".join(particles)]
    return _fold(" ".join(p for p in parts if p))
