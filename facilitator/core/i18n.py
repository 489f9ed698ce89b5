"""Provides string catalogues: German first, English second.

Each front end keeps its own :class:`Catalog` next to its code; this module only
knows how to pick a language and fill in values.
"""

from collections.abc import Mapping
from typing import NamedTuple

DEFAULT_LANG = "de"


class Label(NamedTuple):
    """A text in German and English."""

    de: str
    en: str

    def get(self, lang: str = DEFAULT_LANG) -> str:
        """Return the text in `lang`, German for an unknown language."""
        return self.en if lang == "en" else self.de


def normalise_lang(lang: str | None) -> str:
    """Return 'de' or 'en' for a language tag such as 'en-GB' or None."""
    if lang and lang.lower().split("-")[0].split("_")[0] == "en":
        return "en"
    return DEFAULT_LANG


class Catalog:
    """A table of keyed strings with `{name}` placeholders in both languages."""

    def __init__(self, strings: Mapping[str, tuple[str, str]]) -> None:
        self._strings = {key: Label(*pair) for key, pair in strings.items()}

    def __call__(self, key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
        """Return the string for `key` in `lang`, with `values` filled in."""
        text = self._strings[key].get(lang)
        return text.format(**values) if values else text

    def __contains__(self, key: str) -> bool:
        return key in self._strings
