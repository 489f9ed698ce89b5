"""Provides `facilitator capture`: record challenges, needs, drivers, measures, to-dos …"""

import sys

import click

from facilitator.cli.context import Settings, pass_settings, workshop_option
from facilitator.core.capture_line import resolve_topic
from facilitator.core.clean import split_lines
from facilitator.core.dates import parse_date, reference_day
from facilitator.store.captures import add_capture, check_kind, check_topic
from facilitator.store.timer import current_item
from facilitator.store.workshops import resolve_workshop


@click.command()
@click.option(
    "--kind",
    "-k",
    required=True,
    help="Art: challenge, need, driver, measure, idea, offer, request, todo, "
    "decision, question, note, next_step (oder deutsch: Herausforderung, Bedarf …).",
)
@click.option("--text", "-t", required=True, help="Der Text; '-' liest eine Zeile je Eintrag.")
@click.option(
    "--topic", help="Themenfeld, z. B. verwaltung, mobilitaet (ein eindeutiger Anfang genügt)."
)
@click.option("--org", "organisation", help="Organisation.")
@click.option(
    "--status",
    help="Status einer Maßnahme: idee, geplant, in_umsetzung (umsetzung), abgeschlossen (fertig).",
)
@click.option("--owner", help="Wer (bei Aufgaben).")
@click.option(
    "--due", help="Bis wann (bei Aufgaben): 2027-01-31, 31.01.2027 oder 31.01. (ab Workshoptag)."
)
@click.option("--item", "item_id", help="Agendapunkt-ID (Standard: der laufende).")
@workshop_option
@pass_settings
def capture(
    settings: Settings,
    kind: str,
    text: str,
    topic: str | None,
    organisation: str | None,
    status: str | None,
    owner: str | None,
    due: str | None,
    item_id: str | None,
    workshop_id: str | None,
) -> None:
    """Einen Eintrag erfassen (mit --text - alle Zeilen der Eingabe in einer Transaktion)."""
    from datetime import date

    # a topic's beginning is enough, as in the capture line ("--topic partizip")
    topic = resolve_topic(topic) if topic else None
    kind, topic = check_kind(kind), check_topic(topic)  # fail before reading stdin
    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    if due:
        due = parse_date(due, reference_day(workshop.date, date.today()), label="--due ")
    if item_id is None:
        running = current_item(store, workshop.id)
        item_id = running.id if running else None
    texts = [line for line in split_lines(_read_stdin()) if line.strip()] if text == "-" else [text]
    with store.transaction():
        ids = [
            add_capture(
                store,
                workshop.id,
                kind,
                t,
                topic=topic,
                organisation=organisation,
                agenda_item_id=item_id,
                status=status,
                owner=owner,
                due=due,
            )
            for t in texts
        ]
    for capture_id in ids:
        click.echo(capture_id)


def _read_stdin() -> str:
    """Return standard input as text without newline translation.

    Text mode would turn a lone \\r into a line break; only \\n and \\r\\n end an entry.
    """
    raw = click.get_binary_stream("stdin").read()
    return raw.decode(sys.stdin.encoding or "utf-8", errors="replace")
