"""Provides translations from gettext catalogues: German text at the call site, English in a .po.

The German text is the message id, so German needs no catalogue and no file is read for it.
English comes from `en/LC_MESSAGES/facilitator.mo` beside this module, read by the standard
library's `gettext` (Babel only manages the catalogues; it is not needed at run time). The
language is an argument of every call, never a process setting: one participant server
answers a German and an English phone at the same time.

    gettext("Geschrieben: {path}", "en", path=out)      # -> "Written: …"
    ngettext("{n} Eintrag", "{n} Einträge", 2, "en")   # -> "2 entries"
    pgettext("Beamer", "Mitmachen", "en")               # -> "Join" (elsewhere "Take part")
    lazy("Datei {path} fehlt.", path=p).text("en")      # for errors raised before the
                                                        # language is known

This module sits below `core` (the pure layer) so that core's errors can carry lazy
messages: it reads only the package's own read-only catalogues, once per language.
"""

import gettext as _gettext
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol, TypeGuard, runtime_checkable

DOMAIN = "facilitator"
SOURCE_LANG = "de"
LOCALE_DIR = Path(__file__).resolve().parent


@cache
def translations(lang: str, domain: str = DOMAIN) -> _gettext.NullTranslations:
    """Return the catalogue of `domain` in `lang`; the message ids themselves for German."""
    if lang == SOURCE_LANG and domain == DOMAIN:
        return _gettext.NullTranslations()
    # fallback: a language without a catalogue shows the source text rather than failing
    return _gettext.translation(domain, LOCALE_DIR, languages=[lang], fallback=True)


def gettext(message: str, lang: str, /, **values: object) -> str:
    """Return `message` (German) in `lang`, with `{name}` placeholders filled from `values`."""
    text = translations(lang).gettext(message)
    return text.format(**values) if values else text


def pgettext(context: str, message: str, lang: str, /, **values: object) -> str:
    """Return `message` in `lang` as meant in `context`: one German word, two English ones."""
    text = translations(lang).pgettext(context, message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, n: int, lang: str, /, **values: object) -> str:
    """Return the singular or plural form for `n` in `lang`; `{n}` is filled in too."""
    return translations(lang).ngettext(singular, plural, n).format(n=n, **values)


def npgettext(
    context: str, singular: str, plural: str, n: int, lang: str, /, **values: object
) -> str:
    """Return the singular or plural form for `n` in `lang`, as meant in `context`."""
    return translations(lang).npgettext(context, singular, plural, n).format(n=n, **values)


@runtime_checkable
class Translatable(Protocol):
    """Anything shown in the reader's language: a Text, a data label, an error."""

    def text(self, lang: str) -> str: ...


def translates(value: object) -> TypeGuard[Translatable]:
    """Whether `value` shows itself in a language (a record with a `text` field does not)."""
    return isinstance(value, Translatable) and callable(value.text)


@dataclass(frozen=True)
class Text:
    """A message translated only when shown, in the language of whoever reads it.

    Raised in errors deep below the front ends, which alone know the reader's language.
    """

    message: str
    plural: str | None = None
    n: int = 1
    values: dict[str, object] = field(default_factory=dict)
    context: str | None = None

    def text(self, lang: str) -> str:
        """Return the message in `lang`, values filled in (a Translatable one in `lang` too)."""
        values = {
            name: value.text(lang) if translates(value) else value
            for name, value in self.values.items()
        }
        if self.context is not None:
            return pgettext(self.context, self.message, lang, **values)
        if self.plural is None:
            return gettext(self.message, lang, **values)
        return ngettext(self.message, self.plural, self.n, lang, **values)

    def __str__(self) -> str:
        return self.text(SOURCE_LANG)


def lazy(message: str, /, **values: object) -> Text:
    """Mark `message` for translation when it is shown (see :class:`Text`)."""
    return Text(message, values=values)


def lazy_context(context: str, message: str, /, **values: object) -> Text:
    """Mark `message` for translation when shown, as meant in `context` (see pgettext)."""
    return Text(message, values=values, context=context)


def lazy_plural(singular: str, plural: str, n: int, /, **values: object) -> Text:
    """Mark a singular/plural pair for translation when it is shown; `{n}` is filled in."""
    return Text(singular, plural, n, values)
