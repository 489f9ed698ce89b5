"""Provides `facilitator match`: suggested peer groups by topic and distance."""

import click

from facilitator.cli.context import Settings, _, ngettext, pass_settings, workshop_option
from facilitator.core.taxonomy import TOPICS


@click.command()
@click.option("--groups", "-g", default=4, show_default=True, type=int, help="Zahl der Gruppen.")
@click.option(
    "--by",
    type=click.Choice(["topic", "distance", "both"]),
    default="both",
    show_default=True,
    help="Nach Themen, nach Entfernung oder beidem gruppieren.",
)
@click.option("--series", "series", help="Workshopreihe (Name oder ID).")
@click.option("--json", "as_json", is_flag=True, help="Als JSON ausgeben.")
@workshop_option
@pass_settings
def match(
    settings: Settings,
    groups: int,
    by: str,
    series: str | None,
    as_json: bool,
    workshop_id: str | None,
) -> None:
    """Peer-Gruppen vorschlagen (ähnliche Themen, kurze Wege) und Biete/Suche-Paare zeigen.

    Standard: die Organisationen der Reihe des neuesten Workshops (oder aller Workshops).
    """
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.matching import suggest_groups

    result = suggest_groups(settings.open(), groups, by, series, workshop_id=workshop_id)
    lang = settings.lang
    if as_json:
        import json

        click.echo(json.dumps(_as_dict(result), ensure_ascii=False, indent=2))
        return
    for warning in result.warnings:
        click.echo(_("Warnung: {warning}", warning=warning), err=True)
    for number, (members, score) in enumerate(zip(result.groups, result.cohesion, strict=True)):
        _print_group(number + 1, members, score, lang)
    if result.pairs:
        click.echo("\n" + _("Biete/Suche-Paare:"))
    for pair in result.pairs:
        _print_pair(pair, lang)


def _print_group(number: int, members: list, score: float, lang: str) -> None:
    """One group: its size, similarity and span, shared topics, and its members."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.core.matching import shared_topics, span_km
    from facilitator.core.textsim import german_decimal

    topics = ", ".join(TOPICS[t].get(lang) for t in shared_topics(members) if t in TOPICS)
    span = span_km(members)
    similarity = german_decimal(score) if lang == "de" else f"{score:.2f}"
    facts = [
        ngettext("{n} Organisation", "{n} Organisationen", len(members)),
        _("Ähnlichkeit {score}", score=similarity),
    ]
    if span is not None:
        km = f"{span:.0f}"
        facts.append(_("höchstens {km} km auseinander", km=km))
    click.echo(_("Gruppe {number} ({facts}):", number=number, facts=", ".join(facts)))
    if topics:
        click.echo(_("  Gemeinsame Themen: {topics}", topics=topics))
    for org in members:
        shown = org.municipality and org.municipality.casefold() not in org.name.casefold()
        place = f" – {org.municipality}" if shown else ""
        click.echo(f"  {org.name}{place}")


def _print_pair(pair, lang: str) -> None:  # an offer/request pair of core.pairing
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.core.pairing import pair_reason

    topic = TOPICS[pair.topic].get(lang) if pair.topic in TOPICS else ""
    click.echo(
        _(
            "  {offer_org} bietet „{offer}“ → {request_org} sucht „{request}“ ({reason})",
            offer_org=pair.offer_org,
            offer=pair.offer_text,
            request_org=pair.request_org,
            request=pair.request_text,
            reason=pair_reason(pair, lang, topic),
        )
    )


def _as_dict(result) -> dict:
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.core.matching import shared_topics, span_km

    return {
        "by": result.by,
        "groups": [
            {
                "cohesion": round(score, 4),
                "shared_topics": shared_topics(members),
                "span_km": None if (span := span_km(members)) is None else round(span, 1),
                "organisations": [
                    {
                        "id": org.id,
                        "name": org.name,
                        "municipality": org.municipality,
                        "org_type": org.org_type,
                        "located": org.location is not None,
                        "topics": dict(org.topics.most_common()),
                    }
                    for org in members
                ],
            }
            for members, score in zip(result.groups, result.cohesion, strict=True)
        ],
        "pairs": [
            {
                "offer_org": p.offer_org,
                "offer": p.offer_text,
                "request_org": p.request_org,
                "request": p.request_text,
                "topic": p.topic,
                "shared_words": p.shared_words,
                "score": round(p.score, 4),
            }
            for p in result.pairs
        ],
        "warnings": result.warnings,
    }
