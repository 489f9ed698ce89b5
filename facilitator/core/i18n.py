"""Provides the language tag rule and bilingual labels of data (topic fields, kinds, fields).

The program's own texts are gettext messages (facilitator/locale): German at the call
site, English in the .po. A `Label` holds a pair that is data rather than program text:
the taxonomy's names and the fields of method cards and activity sets, written in both
languages where they are declared.
"""

from typing import NamedTuple

DEFAULT_LANG = "de"


class Label(NamedTuple):
    """A text in German and English."""

    de: str
    en: str

    def get(self, lang: str = DEFAULT_LANG) -> str:
        """Return the text in `lang`, German for an unknown language."""
        return self.en if lang == "en" else self.de

    def text(self, lang: str) -> str:
        """Return the text in `lang` (so a Label can be a value of a lazy message)."""
        return self.get(lang)


def normalise_lang(lang: str | None) -> str:
    """Return 'de' or 'en' for a language tag such as 'en-GB' or None."""
    if lang and lang.lower().split("-")[0].split("_")[0] == "en":
        return "en"
    return DEFAULT_LANG
