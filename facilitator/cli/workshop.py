"""Provides `facilitator new` and `facilitator list`."""

import click

from facilitator.cli.context import Settings, pass_settings


@click.command()
@click.argument("title")
@click.option(
    "--agenda",
    "agenda",
    required=True,
    help="Agenda-Vorlage: Pfad oder Name einer mitgelieferten (z. B. vernetzungsworkshop).",
)
@click.option("--date", "date", help="Datum JJJJ-MM-TT.")
@click.option("--start", "start", help="Beginn HH:MM (Standard: aus der Vorlage).")
@click.option("--venue", default="", help="Ort.")
@click.option("--series", "series", help="Name der Workshopreihe.")
@click.option("--wifi-name", default="", help="WLAN-Name vor Ort (steht auf dem QR-Aushang).")
@click.option("--wifi-password", default="", help="WLAN-Passwort (steht auf dem QR-Aushang).")
@click.option(
    "--methods",
    "method_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Weiterer Ordner mit Methodenkarten.",
)
@pass_settings
def new(
    settings: Settings,
    title: str,
    agenda: str,
    date: str | None,
    start: str | None,
    venue: str,
    series: str | None,
    wifi_name: str,
    wifi_password: str,
    method_dirs: tuple[str, ...],
) -> None:
    """Einen Workshop aus einer Agenda-Vorlage anlegen; gibt seine ID aus."""
    from pathlib import Path

    from facilitator.library import load_agenda, load_methods
    from facilitator.store.series import ensure_series
    from facilitator.store.workshops import create_workshop

    template = load_agenda(agenda, load_methods([Path(d) for d in method_dirs]))
    store = settings.open(create=True)
    with store.transaction():
        series_id = ensure_series(store, series) if series else None
        workshop_id = create_workshop(
            store,
            title,
            template,
            date=date,
            start=start,
            venue=venue,
            series_id=series_id,
            wifi_name=wifi_name,
            wifi_password=wifi_password,
        )
    click.echo(workshop_id)


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Als JSON ausgeben.")
@pass_settings
def list_workshops(settings: Settings, as_json: bool) -> None:
    """Die Workshops in der Datenbank auflisten, den neuesten zuerst."""
    from facilitator.store.workshops import list_workshops as query

    found = query(settings.open())
    if as_json:
        import json

        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("Noch keine Workshops. Anlegen mit: facilitator new TITEL --agenda VORLAGE")
        return
    for row in found:
        click.echo(
            f"{row['id'][:8]}  {row['date'] or '—':10}  {row['start'] or '':5}  {row['title']}"
            f"  ({row['items']} Punkte, {row['participants']} Teilnehmende, "
            f"{row['captures']} Einträge)"
        )
