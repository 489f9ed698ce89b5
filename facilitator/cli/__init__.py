"""Provides the `facilitator` command line: a thin layer over the store's services.

Subcommands live in their own modules and are imported only when they run, so
`facilitator list` starts without loading Textual, aiohttp or python-docx.
"""

import importlib
import os
import sys

import click

from facilitator.cli.click_lang import Context, chosen_lang, speaking, use_language_of
from facilitator.cli.context import Settings, fail
from facilitator.core.errors import UserError
from facilitator.locale import gettext

# command name -> "module:attribute"; add a line here to add a command.
COMMANDS: dict[str, str] = {
    "new": "facilitator.cli.workshop:new",
    "list": "facilitator.cli.workshop:list_workshops",
    "check": "facilitator.cli.files:check",
    "methods": "facilitator.cli.methods:methods",
    "capture": "facilitator.cli.capture:capture",
    "participants": "facilitator.cli.participants:participants",
    "export": "facilitator.cli.exports:export",
    "import": "facilitator.cli.exports:import_",
    "demo": "facilitator.cli.app:demo",
    "app": "facilitator.cli.app:app",
    "orgs": "facilitator.cli.orgs:orgs",
    "match": "facilitator.cli.match:match",
    "next-date": "facilitator.cli.followup:next_date",
    "serve": "facilitator.cli.serve:serve",
    "qr": "facilitator.cli.serve:qr",
    "join-host": "facilitator.cli.serve:join_host",
    "sync": "facilitator.cli.sync:sync",
    # privacy: retention
    "purge": "facilitator.cli.participants:purge",
    # series
    "topic": "facilitator.cli.topic:topic",
    "examples": "facilitator.cli.examples:examples",
    "workshop": "facilitator.cli.workshop:workshop",
    "photo": "facilitator.cli.photo:photo",
    # activities
    "activity": "facilitator.cli.activity:activity",
    # the agenda as the app's plan screen edits it
    "agenda": "facilitator.cli.agenda:agenda",
    # consent: the privacy notice names a controller
    "privacy": "facilitator.cli.privacy:privacy",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when used; user errors exit with status 2."""

    context_class = Context

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: object,
    ) -> click.Context:
        # click's own texts ("Show this message and exit.") in the user's language,
        # chosen before click parses anything (its errors come from the parsing)
        use_language_of(args)
        speaking(self)  # the root's own help and options
        return super().make_context(info_name, args, parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        return speaking(getattr(importlib.import_module(module), attribute))

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UserError as err:
            fail(err)


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    envvar="FACILITATOR_DB",
    help="Datenbankdatei (Standard: im Datenordner des Benutzers).",
)
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    envvar="FACILITATOR_LANG",
    default="de",
    show_default=True,
    help="Sprache der Ausgabe.",
)
@click.version_option(package_name="facilitator")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, lang: str) -> None:
    """facilitator – Vernetzungsworkshops planen, moderieren, protokollieren.

    Ohne Befehl startet die App.
    """
    ctx.obj = Settings(db_path=db_path, lang=lang)
    if ctx.invoked_subcommand is None:
        app = main.get_command(ctx, "app")
        if app is not None:  # listed in COMMANDS: always there
            ctx.invoke(app)


def tolerate_any_encoding() -> None:
    """Write a character the output's encoding lacks as "?" instead of failing.

    A Windows console or a redirected file may be cp1252, which has no "→": the work
    is done when the line is printed, so an encoding error must not turn it into a failure.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue  # not a text file (a test's capture, a closed stream)
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass


def run() -> None:
    """Entry point that also turns unexpected errors into one line (unless debugging)."""
    tolerate_any_encoding()
    try:
        main(standalone_mode=True)
    except Exception as err:
        if os.environ.get("FACILITATOR_DEBUG"):
            raise
        # no click context is left here: the language comes from the command line again
        message = gettext(
            "Interner Fehler: {error} (FACILITATOR_DEBUG=1 zeigt Details)",
            chosen_lang(sys.argv[1:]),
            error=err,
        )
        click.echo(message, err=True)
        sys.exit(1)
