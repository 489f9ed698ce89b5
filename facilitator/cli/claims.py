"""Provides `facilitator participants claims` and `participants claim accept|reject|separate`.

A phone's registration that matches someone the phone did not create is a claim
(store/claims.py): listed here, merged only when a moderator confirms it.
"""

import click

from facilitator.cli.context import Settings, _, pass_settings, workshop_option
from facilitator.store.claims import decide_claim, find_claim, list_claims
from facilitator.store.workshops import resolve_workshop

_DECISIONS = {"accept": "accepted", "reject": "rejected", "separate": "separate"}


@click.command("claims")
@workshop_option
@pass_settings
def claims(settings: Settings, workshop_id: str | None) -> None:
    """Offene Anmeldungen vom Telefon, die zu einer Person auf der Liste passen."""

    store = settings.open()
    found = list_claims(store, resolve_workshop(store, workshop_id).id)
    if not found:
        click.echo(_("Keine offenen Anmeldungen."))
        return
    consent_word = _("Einwilligung")
    for claim in found:
        typed = ", ".join(filter(None, [claim.name, claim.organisation, claim.email]))
        consent = f" ({consent_word})" if claim.consent else ""
        click.echo(
            _(
                "{claim}  {typed}{consent}  beansprucht: {matches}",
                claim=claim.id[:8],
                typed=typed,
                consent=consent,
                matches=claim.matches,
            )
        )


@click.command("claim")
@click.argument("decision", type=click.Choice(sorted(_DECISIONS)))
@click.argument("claim_id")
@workshop_option
@pass_settings
def claim(settings: Settings, decision: str, claim_id: str, workshop_id: str | None) -> None:
    """Eine Anmeldung übernehmen (accept), als neue Person anlegen (separate) oder ablehnen
    (reject); CLAIM_ID: die ersten Zeichen aus `participants claims`."""

    store = settings.open()
    found = find_claim(store, resolve_workshop(store, workshop_id).id, claim_id)
    decide_claim(store, found.id, _DECISIONS[decision])
    said = {
        "accept": _("{claim} übernommen für {target}.", claim=found.id[:8], target=found.matches),
        "separate": _(
            "{claim} als neue Person angelegt: {target}.", claim=found.id[:8], target=found.name
        ),
        "reject": _(
            "{claim} abgelehnt; nichts geändert an {target}.",
            claim=found.id[:8],
            target=found.matches,
        ),
    }
    click.echo(said[decision])
