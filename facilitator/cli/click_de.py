"""Provides click's own texts (help, usage errors) in German, unless the user chose English.

click translates through `gettext` with no German catalogue installed, so "Show this
message and exit." would greet a German moderator. Each click module binds `_` and
`ngettext` at import; they are replaced here by a lookup in this table.
"""

import os
import sys
from collections.abc import Sequence

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

_MODULES = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.types,
)

GERMAN = {
    "Options": "Optionen",
    "Commands": "Befehle",
    "Usage:": "Aufruf:",
    "Aborted!": "Abgebrochen!",
    "Missing command.": "Befehl fehlt.",
    "env var: {var}": "Umgebungsvariable: {var}",
    "default: {default}": "Standard: {default}",
    "(dynamic)": "(dynamisch)",
    "Error: {message}": "Fehler: {message}",
    "Try '{command} {option}' for help.": "Hilfe: '{command} {option}'.",
    "Invalid value: {message}": "Ungültiger Wert: {message}",
    "Invalid value for {param_hint}: {message}": "Ungültiger Wert für {param_hint}: {message}",
    "Missing argument": "Argument fehlt",
    "Missing option": "Option fehlt",
    "Missing parameter": "Parameter fehlt",
    "Missing {param_type}": "{param_type} fehlt",
    "Missing parameter: {param_name}": "Parameter fehlt: {param_name}",
    "No such option {name!r}.": "Eine Option {name!r} gibt es nicht.",
    "No such command {name!r}.": "Einen Befehl {name!r} gibt es nicht.",
    "unknown error": "unbekannter Fehler",
    "Could not open file {filename!r}: {message}": (
        "Datei {filename!r} lässt sich nicht öffnen: {message}"
    ),
    "Do you want to continue?": "Fortfahren?",
    "Confirm the action without prompting.": "Ohne Rückfrage bestätigen.",
    "%(prog)s, version %(version)s": "%(prog)s, Version %(version)s",
    "Show the version and exit.": "Version zeigen und beenden.",
    "Show this message and exit.": "Diese Hilfe zeigen und beenden.",
    "Option {name!r} does not take a value.": "Die Option {name!r} nimmt keinen Wert.",
    "Argument {name!r} takes {nargs} values.": "Das Argument {name!r} braucht {nargs} Werte.",
    "Choose from:\n\t{choices}": "Zur Wahl:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} ist keine gültige {number_type}.",
    "{value} is not in the range {range}.": "{value} liegt nicht im Bereich {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} ist kein Wahrheitswert. Erlaubt: {states}"
    ),
    "file": "Datei",
    "directory": "Ordner",
    "path": "Pfad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} gibt es nicht.",
    "{name} {filename!r} is a file.": "{name} {filename!r} ist eine Datei.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} ist ein Ordner.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} ist nicht lesbar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} ist nicht beschreibbar.",
    "integer": "ganze Zahl",
    "float": "Zahl",
}

GERMAN_PLURAL = {
    "Got unexpected extra argument ({args})": (
        "Unerwartetes weiteres Argument ({args})",
        "Unerwartete weitere Argumente ({args})",
    ),
    "Did you mean {possibility}?": ("Meinten Sie {possibility}?", "(Meinten Sie {possibilities}?)"),
    "Option {name!r} requires an argument.": (
        "Die Option {name!r} braucht einen Wert.",
        "Die Option {name!r} braucht {nargs} Werte.",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} ist nicht {choice}.",
        "{value!r} ist keins von {choices}.",
    ),
}


def _german(message: str) -> str:
    return GERMAN.get(message, message)


def _german_plural(singular: str, plural: str, count: int) -> str:
    pair = GERMAN_PLURAL.get(singular)
    if pair is None:
        return singular if count == 1 else plural
    return pair[0] if count == 1 else pair[1]


def _english(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


def chosen_lang(args: Sequence[str]) -> str:
    """The language the command line asks for: --lang, else FACILITATOR_LANG, else German."""
    lang = os.environ.get("FACILITATOR_LANG", "de")
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            lang = args[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return "en" if lang == "en" else "de"


def use_language(lang: str) -> None:
    """Make click speak `lang` ("de" or "en") from now on."""
    single, plural = (_english, _english_plural) if lang == "en" else (_german, _german_plural)
    for module in _MODULES:
        if hasattr(module, "_"):
            module._ = single  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = plural  # type: ignore[attr-defined]


def use_language_of(args: Sequence[str] | None = None) -> None:
    """Pick the language from the command line (sys.argv by default)."""
    use_language(chosen_lang(sys.argv[1:] if args is None else args))
