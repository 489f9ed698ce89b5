"""Provides `facilitator topic`: the suggested topic field of each text, offline."""

import click

from facilitator.cli.context import Settings, pass_settings
from facilitator.core.errors import UserError


@click.command()
@click.argument("text")
@click.option("--series", "series", help="Reihe (Name oder ID), deren Einträge mitlernen.")
@click.option("--json", "as_json", is_flag=True, help="Als JSON mit Punktzahlen ausgeben.")
@pass_settings
def topic(settings: Settings, text: str, series: str | None, as_json: bool) -> None:
    """Themenfeld für TEXT vorschlagen; „-“ liest einen Text je Zeile von der Standardeingabe.

    Gibt je Text eine Zeile mit dem Schlüssel des Themenfelds aus (leer, wenn kein Wort
    bekannt ist). Gelernt wird aus den mitgelieferten Schlagwörtern und, wenn es die
    Datenbank gibt, aus den Einträgen der Reihe, die schon ein Themenfeld tragen.
    """
    import json
    import sys

    # numpy and the sentence model: only when a text is to be classified
    from facilitator import sentence_vectors
    from facilitator.core.topic_model import suggest_topic

    texts = sys.stdin.read().splitlines() if text == "-" else [text]
    model = _model(settings, series)
    # One batch for all lines (the encoder loads once, ~1 s); without it the words answer.
    vectors = sentence_vectors.encode(texts) if model.prototypes is not None else None
    found = [
        suggest_topic(line, model, vector=None if vectors is None else vectors[n])
        for n, line in enumerate(texts)
    ]
    if as_json:
        rows = [_json_row(line, hits) for line, hits in zip(texts, found, strict=True)]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for hits in found:
        click.echo(hits[0].topic if hits else "")


def _json_row(line: str, hits: list) -> dict:  # hits: core.topic_model suggestions
    return {
        "text": line,
        "topic": hits[0].topic if hits else None,
        "scores": {h.topic: round(h.score, 3) for h in hits},
        "words": {h.topic: list(h.words) for h in hits},
        "like": {h.topic: [h.like, round(h.similarity, 2)] for h in hits if h.like},
    }


def _model(settings: Settings, series: str | None):
    """Return the series' model when there is a database, else the shipped keywords alone."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.topics import series_model
    from facilitator.topics import shipped_model

    try:
        store = settings.open()
    except UserError:
        if series:
            raise
        return shipped_model()
    return series_model(store, series)
