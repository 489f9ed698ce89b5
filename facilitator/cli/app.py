"""Provides `facilitator app` (also `facilitator` alone) and `facilitator demo`."""

import tempfile
from pathlib import Path

import click

from facilitator.cli.context import Settings, pass_settings, workshop_option
from facilitator.demo import seed_demo
from facilitator.store import open_store
from facilitator.store.session import session_workshop
from facilitator.store.workshops import list_workshops

no_server_option = click.option(
    "--no-server", is_flag=True, help="Den Teilnehmer-Server (Handys) nicht starten."
)
host_option = click.option(
    "--host",
    default="0.0.0.0",
    show_default=True,
    help="Adresse, auf der Handys und der andere Laptop diesen Laptop erreichen.",
)


def _run(store, workshop_id: str | None, lang: str, no_server: bool, host: str) -> None:
    # Textual is imported here, not at the top: `facilitator list` must start fast
    from facilitator.tui.app import create_app

    create_app(store, workshop_id, lang=lang, server=not no_server, server_host=host).run()


@click.command()
@workshop_option
@no_server_option
@host_option
@pass_settings
def app(settings: Settings, workshop_id: str | None, no_server: bool, host: str) -> None:
    """Die App starten (auf dem Workshop, dessen Timer läuft, sonst dem zuletzt geöffneten)."""

    store = settings.open(create=True)
    try:
        chosen = None
        if workshop_id or list_workshops(store):
            chosen = session_workshop(store, workshop_id).id
        _run(store, chosen, settings.lang, no_server, host)
    finally:
        store.close()


@click.command()
@no_server_option
@host_option
@click.option(
    "--db",
    "demo_db",
    type=click.Path(dir_okay=False),
    help="Datenbankdatei für den Beispiel-Workshop (bleibt erhalten; sonst eine temporäre).",
)
@pass_settings
def demo(settings: Settings, no_server: bool, host: str, demo_db: str | None) -> None:
    """Die App mit einem frischen Beispiel-Workshop starten (temporäre Datenbank ohne --db)."""

    # `facilitator demo --db FILE` as the README says, and `facilitator --db FILE demo`
    db_path = demo_db or settings.db_path
    with tempfile.TemporaryDirectory(prefix="facilitator-demo-") as folder:
        path = Path(db_path) if db_path else Path(folder) / "demo.db"
        store = open_store(path, create=True)
        try:
            workshop_id = seed_demo(store)
            _run(store, workshop_id, settings.lang, no_server, host)
        finally:
            store.close()
