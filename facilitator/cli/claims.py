"""Provides `facilitator participants claims` and `participants claim accept|reject|separate`.

A phone's registration that matches someone the phone did not create is a claim
(store/claims.py): listed here, merged only when a moderator confirms it.
"""

import click

from facilitator.cli.context import Settings, pass_settings, workshop_option

_DECISIONS = {"accept": "accepted", "reject": "rejected", "separate": "separate"}


@click.command("claims")
@workshop_option
@pass_settings
def claims(settings: Settings, workshop_id: str | None) -> None:
    """Offene Anmeldungen vom Telefon, die zu einer Person auf der Liste passen."""
    from facilitator.store.claims import list_claims
    from facilitator.store.workshops import resolve_workshop

    store = settings.open()
    en = settings.lang == "en"
    found = list_claims(store, resolve_workshop(store, workshop_id).id)
    if not found:
        click.echo("No open claims." if en else "Keine offenen Anmeldungen.")
        return
    consent_word = "consent" if en else "Einwilligung"
    for claim in found:
        typed = ", ".join(filter(None, [claim.name, claim.organisation, claim.email]))
        consent = f" ({consent_word})" if claim.consent else ""
        arrow = "claims" if en else "beansprucht"
        click.echo(f"{claim.id[:8]}  {typed}{consent}  {arrow}: {claim.matches}")


@click.command("claim")
@click.argument("decision", type=click.Choice(sorted(_DECISIONS)))
@click.argument("claim_id")
@workshop_option
@pass_settings
def claim(settings: Settings, decision: str, claim_id: str, workshop_id: str | None) -> None:
    """Eine Anmeldung übernehmen (accept), als neue Person anlegen (separate) oder ablehnen
    (reject); CLAIM_ID: die ersten Zeichen aus `participants claims`."""
    from facilitator.store.claims import decide_claim, find_claim
    from facilitator.store.workshops import resolve_workshop

    store = settings.open()
    found = find_claim(store, resolve_workshop(store, workshop_id).id, claim_id)
    decide_claim(store, found.id, _DECISIONS[decision])
    en = settings.lang == "en"
    said = {
        "accept": ("übernommen für", "accepted for"),
        "separate": ("als neue Person angelegt:", "added as a new person:"),
        "reject": ("abgelehnt; nichts geändert an", "rejected; nothing changed for"),
    }[decision]
    target = found.name if decision == "separate" else found.matches
    click.echo(f"{found.id[:8]} {said[1] if en else said[0]} {target}.")
