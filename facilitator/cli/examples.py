"""Provides `facilitator examples`: the practice-example library ("Praxisbeispiele")."""

from pathlib import Path

import click

from facilitator.cli.context import Settings, _, pass_settings
from facilitator.core.example_format import check_link
from facilitator.practice import load_examples, write_example

examples_option = click.option(
    "--examples",
    "examples_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="FACILITATOR_EXAMPLES",
    help="Ordner der Praxisbeispiele (Standard: im Datenordner des Benutzers).",
)


@click.group()
def examples() -> None:
    """Praxisbeispiele: Maßnahmen, die andere schon umgesetzt haben."""


@examples.command("add")
@click.option("--from-capture", "capture_id", required=True, help="ID der Maßnahme.")
@click.option("--link", default="", help="Verweis auf mehr (https://…).")
@examples_option
@pass_settings
def add(settings: Settings, capture_id: str, link: str, examples_dir: Path | None) -> None:
    """Aus einer Maßnahme ein Praxisbeispiel machen (eine Markdown-Datei)."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.export.solutions_model import example_from_capture

    example = example_from_capture(settings.open(), capture_id)
    example.link = check_link(link)
    path = write_example(example, examples_dir)
    click.echo(_("Praxisbeispiel geschrieben: {path}", path=path))


@examples.command("list")
@click.option("--json", "as_json", is_flag=True, help="Als JSON ausgeben.")
@examples_option
def list_examples(as_json: bool, examples_dir: Path | None) -> None:
    """Die Praxisbeispiele der Bibliothek zeigen (Fehlerhafte nennt `facilitator check`)."""

    found, problems = load_examples(examples_dir)
    if as_json:
        import json

        fields = ("title", "organisation", "municipality", "topic", "status", "summary", "link")
        rows = [{k: getattr(e, k) for k in (*fields, "path")} for e in found]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for example in found:
            click.echo(f"{example.title} – {example.organisation} [{example.status}]")
        if not found:
            click.echo(_("Noch keine Praxisbeispiele."))
    for problem in problems:
        click.echo(problem, err=True)
