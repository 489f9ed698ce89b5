"""Provides `facilitator methods`: list, search and print the method cards."""

import json
from pathlib import Path
from typing import Any

import click

from facilitator.cli.context import Settings, ngettext, output_option, pass_settings
from facilitator.core.errors import NotFound, UserError
from facilitator.core.taxonomy import METHOD_PHASES, choices, resolve
from facilitator.export.method_kit import (
    kit_order,
    write_method_kit,  # python-docx: only for --print
)
from facilitator.library import load_methods
from facilitator.locale import gettext, lazy


@click.command("methods")
@click.option("--phase", help="Nur eine Phase (z. B. ideen, vertiefen, abschluss).")
@click.option("--search", "-s", "query", help="Suchtext (Groß/Klein, Umlaute, Tippfehler egal).")
@click.option("--id", "card_id", help="Nur diese Karte (mit --print: eine Karte drucken).")
@click.option("--json", "as_json", is_flag=True, help="Als JSON ausgeben.")
@click.option(
    "--methods",
    "method_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Weiterer Ordner mit eigenen Karten (mehrfach möglich).",
)
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help="Sprache.")
@click.option("--print", "print_kit", is_flag=True, help="Als druckbares Word-Dokument.")
@output_option("Zieldatei für --print (z. B. Methodenkoffer.docx).", required=False)
@pass_settings
def methods(
    settings: Settings,
    phase: str | None,
    query: str | None,
    card_id: str | None,
    as_json: bool,
    method_dirs: tuple[Path, ...],
    lang: str | None,
    print_kit: bool,
    output: Path | None,
) -> None:
    """Methodenkarten auflisten, durchsuchen oder als Methodenkoffer drucken."""

    lang = lang or settings.lang
    _check_print(print_kit, output)
    cards = load_methods(method_dirs)
    selected = [_by_id(cards, card_id)] if card_id else list(cards.values())
    if phase:
        selected = _in_phase(selected, phase)
    selected, scores = _ordered(selected, query, keep_order=bool(card_id))
    if output is not None:
        _write_kit(selected, output, lang)
    elif as_json:
        data = [{**card.to_dict(), **_score(scores, card.id)} for card in selected]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_table(selected, lang, query)


def _check_print(print_kit: bool, output: Path | None) -> None:
    if print_kit and output is None:
        raise UserError(lazy("Für --print bitte eine Zieldatei angeben: -o Methodenkoffer.docx"))
    if output is not None and not print_kit:
        raise UserError(lazy("-o gehört zu --print."))


def _by_id(cards: dict[str, Any], card_id: str) -> Any:  # MethodCard
    """The card of --id; NotFound offering the nearest ids."""
    # rapidfuzz loads only when a search runs
    from facilitator.core.method_search import search

    if card_id in cards:
        return cards[card_id]
    similar = ", ".join(hit.card.id for hit in search(list(cards.values()), card_id)[:3])
    if similar:
        raise NotFound(
            lazy(
                "Eine Methode „{card}“ gibt es nicht. Meinten Sie: {similar}?",
                card=card_id,
                similar=similar,
            )
        )
    raise NotFound(lazy("Eine Methode „{card}“ gibt es nicht.", card=card_id))


def _in_phase(cards: list[Any], phase: str) -> list[Any]:

    key = resolve(phase, METHOD_PHASES)
    if key is None:
        raise UserError(
            lazy(
                "Unbekannte Phase {phase!r}; möglich: {allowed}.",
                phase=phase,
                allowed=choices(METHOD_PHASES),
            )
        )
    return [card for card in cards if card.phase == key]


def _ordered(
    cards: list[Any], query: str | None, keep_order: bool
) -> tuple[list[Any], dict[str, float]]:
    """The cards best hit first for a search, else in the kit's order; and the scores."""
    # rapidfuzz loads only when a search runs
    from facilitator.core.method_search import search

    if query:
        hits = search(cards, query)
        return [hit.card for hit in hits], {hit.card.id: hit.score for hit in hits}
    if keep_order:
        return cards, {}

    return kit_order(cards), {}


def _write_kit(cards: list[Any], output: Path, lang: str) -> None:

    if not cards:
        raise UserError(lazy("Keine Karte passt; es wurde nichts geschrieben."))
    write_method_kit(cards, output, lang=lang)
    click.echo(
        ngettext(
            "Geschrieben: {path} ({n} Karte)",
            "Geschrieben: {path} ({n} Karten)",
            len(cards),
            path=output,
        )
    )


def _score(scores: dict[str, float], card_id: str) -> dict[str, float]:
    return {"score": round(scores[card_id], 1)} if card_id in scores else {}


def _print_table(cards: list, lang: str, query: str | None) -> None:  # list[MethodCard]
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not cards:
        console.print(
            gettext("Keine Methode passt zu „{query}“.", lang, query=query)
            if query
            else gettext("Keine Methoden gefunden.", lang),
            markup=False,
            highlight=False,
        )
        return
    # No frame and single gaps: at 80 columns the frame's cells broke names mid-word.
    table = Table(
        title=gettext("Methoden ({n})", lang, n=len(cards)),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("ID", no_wrap=True)  # ids are typed back in: never cut them short
    table.add_column("Name", overflow="fold")
    table.add_column("Phase", overflow="fold")
    table.add_column("Min.", no_wrap=True, justify="right")
    table.add_column(gettext("Pers.", lang), no_wrap=True, justify="right")
    for card in cards:
        table.add_row(
            card.id,
            card.name.get(lang),
            METHOD_PHASES[card.phase].get(lang),
            f"{card.duration_min}–{card.duration_max}",
            f"{card.group_size_min}–{card.group_size_max}",
        )
    console.print(table)
