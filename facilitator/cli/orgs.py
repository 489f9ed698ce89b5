"""Provides `facilitator orgs list|merge`: organisations shared across workshops."""

import click

from facilitator.cli.context import Settings, pass_settings


@click.group()
def orgs() -> None:
    """Organisationen über alle Workshops: auflisten, Doppelte zusammenführen."""


@orgs.command("list")
@click.option("--json", "as_json", is_flag=True, help="Als JSON ausgeben.")
@pass_settings
def list_orgs(settings: Settings, as_json: bool) -> None:
    """Alle Organisationen (ohne zusammengeführte Doppelte) mit Typ und Ort."""
    from dataclasses import asdict

    from facilitator.core.taxonomy import ORG_TYPES
    from facilitator.store.organisations import list_organisations

    found = list_organisations(settings.open())
    if as_json:
        import json

        click.echo(json.dumps([asdict(o) for o in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("Noch keine Organisationen.")
    for org in found:
        kind = ORG_TYPES.get(org.org_type or "sonstige", ORG_TYPES["sonstige"]).get(settings.lang)
        place = f", {org.municipality}" if org.municipality else ""
        click.echo(f"{org.id[:8]}  {org.name}  ({kind}{place})")
    # A place that names no municipality of the state is a warning, never an error.
    from facilitator.geo import place_warning

    for org in found:
        if org.municipality and (warning := place_warning(org.municipality)):
            click.echo(f"Warnung: {org.name}: {warning}", err=True)


@orgs.command("merge")
@click.argument("duplicate")
@click.argument("keep")
@pass_settings
def merge(settings: Settings, duplicate: str, keep: str) -> None:
    """DUPLICATE in KEEP zusammenführen (ID, ID-Anfang oder eindeutiger Name).

    Teilnehmende und Einträge der doppelten Organisation zählen danach überall für KEEP.
    """
    from facilitator.store.org_lookup import lookup_organisation
    from facilitator.store.organisations import merge_organisations

    store = settings.open()
    dup, kept = lookup_organisation(store, duplicate), lookup_organisation(store, keep)
    merge_organisations(store, dup.id, kept.id)
    click.echo(f"Zusammengeführt: „{dup.name}“ → „{kept.name}“.")
