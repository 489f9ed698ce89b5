"""Provides `facilitator orgs list|merge|pending|accept`: organisations shared across workshops."""

import click

from facilitator.cli.context import Settings, _, pass_settings
from facilitator.core.taxonomy import ORG_TYPES
from facilitator.store.org_lookup import lookup_organisation
from facilitator.store.organisations import (
    accept_organisation,
    list_organisations,
    list_pending,
    merge_organisations,
)


@click.group()
def orgs() -> None:
    """Organisationen über alle Workshops: auflisten, Doppelte zusammenführen, Neue von
    Telefonen annehmen."""


@orgs.command("list")
@click.option("--json", "as_json", is_flag=True, help="Als JSON ausgeben.")
@pass_settings
def list_orgs(settings: Settings, as_json: bool) -> None:
    """Alle Organisationen (ohne zusammengeführte Doppelte) mit Typ und Ort."""
    from dataclasses import asdict

    found = list_organisations(settings.open())
    if as_json:
        import json

        click.echo(json.dumps([asdict(o) for o in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(_("Noch keine Organisationen."))
    for org in found:
        kind = ORG_TYPES.get(org.org_type or "sonstige", ORG_TYPES["sonstige"]).get(settings.lang)
        place = f", {org.municipality}" if org.municipality else ""
        click.echo(f"{org.id[:8]}  {org.name}  ({kind}{place})")
    # A place that names no municipality of the state is a warning, never an error.
    from facilitator.geo import place_warning

    for org in found:
        warning = org.municipality and place_warning(org.municipality, lang=settings.lang)
        if warning:
            click.echo(_("Warnung: {name}: {warning}", name=org.name, warning=warning), err=True)


@orgs.command("merge")
@click.argument("duplicate")
@click.argument("keep")
@pass_settings
def merge(settings: Settings, duplicate: str, keep: str) -> None:
    """DUPLICATE in KEEP zusammenführen (ID, ID-Anfang oder eindeutiger Name).

    Teilnehmende und Einträge der doppelten Organisation zählen danach überall für KEEP.
    """

    store = settings.open()
    dup, kept = lookup_organisation(store, duplicate), lookup_organisation(store, keep)
    merge_organisations(store, dup.id, kept.id)
    click.echo(_("Zusammengeführt: „{duplicate}“ → „{kept}“.", duplicate=dup.name, kept=kept.name))


@orgs.command("pending")
@pass_settings
def pending(settings: Settings) -> None:
    """Organisationen, die Teilnehmende am Telefon eingegeben haben und die noch warten."""

    found = list_pending(settings.open())
    if not found:
        click.echo(_("Keine Organisationen warten."))
    for org in found:
        click.echo(f"{org.id[:8]}  {org.name}")


@orgs.command("accept")
@click.argument("names", nargs=-1, required=True)
@pass_settings
def accept(settings: Settings, names: tuple[str, ...]) -> None:
    """NAMES (ID, ID-Anfang oder Name) in die gemeinsame Liste aufnehmen.

    Was ein Telefon als Organisation schickt, steht erst nach dieser Freigabe (oder wenn
    die Moderation denselben Namen eingibt) in der Liste aller Organisationen.
    """

    store = settings.open()
    with store.transaction():  # all or none
        found = [lookup_organisation(store, name, pending=True) for name in names]
        for org in found:
            accept_organisation(store, org.id)
    for org in found:
        click.echo(_("Angenommen: „{name}“.", name=org.name))
