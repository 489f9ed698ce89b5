"""Provides `facilitator check`: validate agenda templates and method cards."""

from pathlib import Path

import click

from facilitator.cli.context import _, fail
from facilitator.core.errors import ValidationError
from facilitator.library import check_paths


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--methods",
    "method_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Weiterer Ordner mit Methodenkarten, auf die Agenden verweisen dürfen.",
)
def check(paths: tuple[Path, ...], method_dirs: tuple[Path, ...]) -> None:
    """Agenden (.toml), Methodenkarten und Praxisbeispiele (.md) prüfen.

    Jeder Fehler als pfad:zeile: meldung; dann Exit-Status 2.
    """

    problems = check_paths(paths, method_dirs)
    if problems:
        fail(ValidationError(problems[0], problems))
    click.echo(_("In Ordnung: {paths}", paths=", ".join(map(str, paths))))
