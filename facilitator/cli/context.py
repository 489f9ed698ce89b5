"""Provides what every command shares: settings, opening the store, failing cleanly."""

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click

from facilitator import locale
from facilitator.core.errors import UserError, ValidationError
from facilitator.store import open_store


@dataclass
class Settings:
    """Global options of the command line."""

    db_path: str | None = None
    lang: str = "de"

    def open(self, *, create: bool = False):  # -> Store, imported lazily
        """Open the store; a missing database is an error unless `create`."""

        return open_store(self.db_path, create=create)


def current_lang() -> str:
    """Return the command line's `--lang` ("de" outside a command or when unset)."""
    ctx = click.get_current_context(silent=True)
    settings = ctx.find_root().obj if ctx is not None else None
    lang = getattr(settings, "lang", None)
    return lang if lang in ("de", "en") else "de"


def _(message: str, /, **values: object) -> str:
    """Return `message` (German, the msgid) in `--lang`, with `{name}` placeholders filled."""
    return locale.gettext(message, current_lang(), **values)


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> str:
    """Return the form of `singular`/`plural` for `n` in `--lang`; `{n}` is filled in."""
    return locale.ngettext(singular, plural, n, current_lang(), **values)


def confirm(question: str) -> bool:
    """Ask a yes/no question in `--lang`; only a yes (j/ja/y/yes) answers yes.

    `question` is already in `--lang` (from `_()`). click.confirm asks "[y/N]" and
    refuses "j" with an English "Error: invalid input": a German moderator answers "j".
    """
    lang = current_lang()
    choices = "[y/N]" if lang == "en" else "[j/N]"
    yes = {"y", "yes"} if lang == "en" else {"j", "ja", "y", "yes"}
    while True:
        answer = click.prompt(f"{question} {choices}", default="", show_default=False)
        answer = answer.strip().casefold()
        if answer in yes:
            return True
        if answer in ("", "n", "no", "nein"):
            return False
        click.echo(_("Bitte j oder n eingeben."))


def fail(err: UserError | str) -> NoReturn:
    """Print the problem(s) as one clear line each, in `--lang`, and exit with status 2."""
    lang = current_lang()
    if isinstance(err, ValidationError):
        for problem in err.problem_texts(lang):
            click.echo(problem, err=True)
    else:
        text = err.text(lang) if isinstance(err, UserError) else err
        click.echo(_("Fehler: {message}", message=text), err=True)
    sys.exit(2)


pass_settings = click.make_pass_decorator(Settings, ensure=True)

workshop_option = click.option(
    "--workshop",
    "-w",
    "workshop_id",
    envvar="FACILITATOR_WORKSHOP",
    help="Workshop-ID (oder ihr Anfang); Standard: der zuletzt angelegte.",
)


def output_option(help_text: str, *, required: bool = True):
    """Return the `-o/--output FILE` option every writing command has."""
    return click.option(
        "-o",
        "--output",
        required=required,
        type=click.Path(dir_okay=False, path_type=Path),
        help=help_text,
    )


def erased_note(store) -> str | None:
    """Return the sentence to add after "gelöscht" when the -wal still holds the bytes."""
    if getattr(store, "wal_clean", True):
        return None
    return _(
        "aus Tabellen und Op-Protokoll entfernt, aber ein anderes Programm liest die "
        "Datenbank noch (die App?): die Werte stehen bis zum Ende dieses Lesens noch in den "
        "Datenbankdateien (db, -wal); der nächste facilitator-Befehl danach entfernt sie."
    )
