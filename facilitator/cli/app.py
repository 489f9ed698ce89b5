"""Provides `facilitator demo` and the app command (plain-text fallback until the app exists)."""

import click

from facilitator.cli.context import Settings, pass_settings


@click.command()
@pass_settings
def app(settings: Settings) -> None:
    """Die App starten."""
    click.echo("Die App folgt; bis dahin: facilitator --help")


@click.command()
@pass_settings
def demo(settings: Settings) -> None:
    """Die App mit einem frischen Beispiel-Workshop starten."""
    click.echo("Die App folgt; bis dahin: facilitator --help")
