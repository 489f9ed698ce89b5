"""Provides the app's texts: German at the call site, in the language the app was started in.

    _("Gespeichert: {kind} – {text}", kind=k, text=t)
    ngettext("{n} Eintrag", "{n} Einträge", len(rows))
    pgettext("column", "Punkte")            # a German word that means two things in English

Texts declared before the app runs (key bindings, tables of labels) are marked with
:func:`N_` (:func:`NP_` with a context), which only lets `pybabel extract` find them, and
translated where they are shown with :func:`translated`. A context travels inside the
marked text as gettext itself stores it ("context\\x04text"), so a marked text is one
plain string, as a binding's description must be.
"""

from textual.app import active_app

from facilitator import locale
from facilitator.locale import SOURCE_LANG

_CONTEXT = "\x04"  # gettext's own separator of context and message id in a catalogue


def current_lang() -> str:
    """The running app's language; German outside an app (tests of pure helpers)."""
    try:
        app = active_app.get()
    except LookupError:
        return SOURCE_LANG
    lang = getattr(app, "lang", SOURCE_LANG)  # a plain Textual App (tests) has none
    return lang if isinstance(lang, str) else SOURCE_LANG


def _(message: str, /, **values: object) -> str:
    """Return `message` (German) in the app's language, `{name}` placeholders filled in."""
    return locale.gettext(message, current_lang(), **values)


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> str:
    """Return the singular or plural form for `n` in the app's language; `{n}` is filled in."""
    return locale.ngettext(singular, plural, n, current_lang(), **values)


def pgettext(context: str, message: str, /, **values: object) -> str:
    """Like :func:`_` for a German text that means two things (`context` tells which)."""
    return locale.pgettext(context, message, current_lang(), **values)


def N_(message: str) -> str:
    """Mark `message` for extraction only; :func:`translated` translates it where shown."""
    return message


def NP_(context: str, message: str) -> str:
    """Like :func:`N_` for a German text that means two things (`context` tells which)."""
    return f"{context}{_CONTEXT}{message}"


def translated(marked: str, /, **values: object) -> str:
    """Return a text marked with :func:`N_` in the app's language."""
    return translated_in(marked, current_lang(), **values)


def translated_in(marked: str, lang: str, /, **values: object) -> str:
    """Return a text marked with :func:`N_` in `lang` (for helpers given the language)."""
    context, separated, message = marked.rpartition(_CONTEXT)
    if separated:
        return locale.pgettext(context, message, lang, **values)
    return locale.gettext(message, lang, **values)
