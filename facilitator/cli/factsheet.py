"""Provides `facilitator export factsheet`: the picture across a series of workshops."""

from pathlib import Path

import click

from facilitator.cli.context import Settings, _, ngettext, output_option, pass_settings


@click.command("factsheet")
@output_option("Zieldatei (.docx oder .md).")
@click.option("--series", "series", help="Workshopreihe (Name oder ID); Standard: alle Workshops.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md"]),
    help="Format; Standard: nach der Dateiendung (.md → Markdown), sonst docx.",
)
@click.option("--lang", type=click.Choice(["de", "en"]), help="Sprache des Dokuments.")
@pass_settings
def factsheet(
    settings: Settings, output: Path, series: str | None, fmt: str | None, lang: str | None
) -> None:
    """Faktenblatt: Zahlen, Bedarfe/Treiber/Herausforderungen, Maßnahmen, Diagramme."""
    # python-docx and matplotlib load only here: they take a second to import.
    from facilitator.export.factsheet_model import build_factsheet

    lang = lang or settings.lang
    fmt = fmt or ("md" if output.suffix.lower() == ".md" else "docx")
    sheet = build_factsheet(settings.open(), series)
    if fmt == "md":
        # python-docx and matplotlib load only when a document is written
        from facilitator.export.factsheet_md import write_factsheet_md

        written = write_factsheet_md(sheet, output, lang)
        click.echo(
            ngettext(
                "Geschrieben: {path} (+ {n} Diagrammdatei)",
                "Geschrieben: {path} (+ {n} Diagrammdateien)",
                len(written) - 1,
                path=output,
            )
        )
        return
    # python-docx and matplotlib load only when a document is written
    from facilitator.export.factsheet_docx import write_factsheet_docx

    write_factsheet_docx(sheet, output, lang)
    click.echo(_("Geschrieben: {path}", path=output))
