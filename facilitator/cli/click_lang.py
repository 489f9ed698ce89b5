"""Provides click's own texts (help, usage errors) in German, unless the user chose English.

click marks its messages with the standard library's `gettext` and looks them up in the
current text domain, in the languages named by the `LANGUAGE` variable. We bind the
"click" domain to our German catalogue (`facilitator/locale/de/LC_MESSAGES/click.mo`) and
set `LANGUAGE` to the chosen language before click parses anything; English has no
catalogue, so click's own English shows. Our own help texts (docstrings, `help=`) are
German in the code and English in facilitator's catalogue, set on each command as it loads.
"""

import gettext
import inspect
import os
import sys
from collections.abc import Sequence

import click

from facilitator import locale
from facilitator.locale import LOCALE_DIR

CLICK_DOMAIN = "click"


def chosen_lang(args: Sequence[str]) -> str:
    """The language the command line asks for: --lang, else FACILITATOR_LANG, else German.

    Only the options before the command count: `export protocol --lang en` asks for an
    English document, not for English messages.
    """
    lang = os.environ.get("FACILITATOR_LANG", "de")
    index = 0
    while index < len(args) and args[index].startswith("-"):
        arg = args[index]
        if arg in ("--lang", "--db") and index + 1 < len(args):
            lang = args[index + 1] if arg == "--lang" else lang
            index += 1  # the option's value
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
        index += 1
    return "en" if lang == "en" else "de"


def use_language(lang: str) -> None:
    """Make click speak `lang` ("de" or "en") from now on."""
    gettext.bindtextdomain(CLICK_DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(CLICK_DOMAIN)
    # gettext reads LANGUAGE before LC_ALL/LANG: the moderator's --lang wins over the desktop's
    os.environ["LANGUAGE"] = lang


def use_language_of(args: Sequence[str] | None = None) -> None:
    """Pick the language from the command line (sys.argv by default)."""
    use_language(chosen_lang(sys.argv[1:] if args is None else args))


def _metavars(text: str) -> str:
    """Translate click's placeholder words ("[OPTIONS]", "FILE") through its domain.

    click writes them as literals (or translates them once, at import, before the
    language is known); only whole words are looked up, so the user's own texts stay.
    """
    click_words = locale.translations(spoken_lang(), CLICK_DOMAIN)  # cached, unlike dgettext
    return " ".join(click_words.gettext(word) for word in text.split(" "))


# click words the --help text once per command, in the language of the first parse (it
# caches that option), and --version's at import; these rows are written afresh here, so
# a second language in one process (the tests) still reads its own.
_CLICK_ROWS = {"--help": "Show this message and exit.", "--version": "Show the version and exit."}


def _row_text(term: str, text: str) -> str:
    message = _CLICK_ROWS.get(term)
    if message is None:
        return text
    return locale.translations(spoken_lang(), CLICK_DOMAIN).gettext(message)


class HelpFormatter(click.HelpFormatter):
    """click's formatter, with the placeholder words of usage lines and option rows translated."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _metavars(args), prefix)

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(_metavars(term), _row_text(term, text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class Context(click.Context):
    """click's context with the translating help formatter."""

    formatter_class = HelpFormatter


def spoken_lang() -> str:
    """The language chosen by :func:`use_language` ("de" before any choice)."""
    return "en" if os.environ.get("LANGUAGE") == "en" else "de"


def speaking(command: click.Command) -> click.Command:
    """Give `command` and its subcommands the translating context and help texts; return it."""
    command.context_class = Context
    lang = spoken_lang()
    items: tuple[click.Command | click.Parameter, ...] = (command, *command.params)
    for item in items:
        _speak_help(item, lang)
    for sub in getattr(command, "commands", {}).values():
        speaking(sub)
    return command


def _speak_help(item: click.Command | click.Parameter, lang: str) -> None:
    """Set the help texts of `item` in `lang`, from the German that the code wrote.

    click reads `help`/`short_help` when it writes the help; the German original is kept
    beside them, so one process can switch languages (the tests do).
    """
    german = vars(item).setdefault(
        "german_help", {name: getattr(item, name, None) for name in ("help", "short_help")}
    )
    for name, text in german.items():
        if text and lang == locale.SOURCE_LANG:
            setattr(item, name, text)  # German is the source: no lookup (start-up time)
        elif text:
            setattr(item, name, locale.gettext(inspect.cleandoc(text), lang))
