"""Provides `facilitator activity`: start, stop, reveal and read the room's live activities."""

import json
from typing import Any

import click

from facilitator.cli.activity_text import near_duplicate_line, results_lines
from facilitator.cli.context import Settings, _, pass_settings, workshop_option
from facilitator.core.activities import ACTIVITY_TYPES
from facilitator.core.errors import NotFound
from facilitator.locale import lazy
from facilitator.store.activity_forms import load_activity_set
from facilitator.store.timer import current_item
from facilitator.store.workshops import resolve_workshop

TYPES = ["dots", "wordcloud", "scale", "choice", "matrix", "questions", "form"]


@click.group()
def activity() -> None:
    """Aktivitäten auf den Telefonen: Punktabfrage, Wortwolke, Skala, Auswahl, Matrix, Fragen."""


@activity.command("start")
@click.option("--type", "kind", type=click.Choice(TYPES), help="Art der Aktivität.")
@click.option("--prompt", help="Die Frage an den Raum (bei --set: die des Sets).")
@click.option(
    "--set",
    "activity_set",
    help="Aktivitäts-Set (Erhebung je Organisation): projektsteckbrief, digital-check "
    "oder eine .toml-Datei.",
)
@click.option("--option", "options", multiple=True, help="Option (choice) oder Eintrag (matrix).")
@click.option("--statement", "statements", multiple=True, help="Aussage (scale).")
@click.option("--label", "labels", multiple=True, help="5 Beschriftungen der Skala, 1 bis 5.")
@click.option(
    "--axis", "axes", multiple=True, help="2 Achsen der Matrix (Standard: Aufwand, Nutzen)."
)
@click.option("--multiple", is_flag=True, help="Mehrfachauswahl (choice).")
@click.option(
    "--entries",
    multiple=True,
    help="Stimmzettel (dots): all, block, kind:ART oder Eintrags-IDs, auch mit Komma "
    "getrennt (Standard: all).",
)
@click.option("--budget", default=3, show_default=True, type=int, help="Punkte je Telefon (dots).")
@click.option("--item", "item_id", help="Agendapunkt-ID (Standard: der laufende).")
@click.option("--reveal", is_flag=True, help="Ergebnisse sofort am Beamer zeigen.")
@workshop_option
@pass_settings
def start(
    settings: Settings,
    kind: str | None,
    prompt: str | None,
    activity_set: str | None,
    options: tuple[str, ...],
    statements: tuple[str, ...],
    labels: tuple[str, ...],
    axes: tuple[str, ...],
    multiple: bool,
    entries: tuple[str, ...],
    budget: int,
    item_id: str | None,
    reveal: bool,
    workshop_id: str | None,
) -> None:
    """Eine Aktivität starten (eine offene wird dabei beendet); gibt ihre ID aus."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.activities import start_activity
    from facilitator.store.activity_ballot import choose_ballot

    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    if item_id is None:
        running = current_item(store, workshop.id)
        item_id = running.id if running else None
    config: dict[str, Any] = {
        "options": list(options),
        "statements": list(statements),
        "labels": list(labels),
        "axes": list(axes),
        "multiple": multiple,
        "budget": budget,
    }
    if activity_set or kind == "form":
        kind, config = "form", load_activity_set(activity_set or "")
        prompt = prompt or config["prompt"].get(settings.lang) or config["prompt"]["de"]
    if kind is None:
        raise click.UsageError("--type oder --set fehlt.")
    if kind == "dots":
        # "--entries a1b2,c3d4" as well as "--entries a1b2 --entries c3d4"
        spec = [part.strip() for given in entries for part in given.split(",") if part.strip()]
        config["ballot"] = choose_ballot(store, workshop.id, spec, item_id)
    activity_id = start_activity(
        store, workshop.id, kind, prompt or "", config, agenda_item_id=item_id, reveal=reveal
    )
    click.echo(activity_id)


@activity.command("stop")
@click.argument("activity_id", required=False)
@workshop_option
@pass_settings
def stop(settings: Settings, activity_id: str | None, workshop_id: str | None) -> None:
    """Die offene Aktivität (oder ACTIVITY_ID) für Antworten schließen."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.activities import stop_activity

    store = settings.open()
    found = _chosen(store, activity_id, workshop_id, open_only=True)
    stop_activity(store, found["id"])
    click.echo(_("Beendet."))


@activity.command("reveal")
@click.argument("activity_id", required=False)
@click.option("--hide", is_flag=True, help="Ergebnisse wieder verbergen.")
@workshop_option
@pass_settings
def reveal(
    settings: Settings, activity_id: str | None, hide: bool, workshop_id: str | None
) -> None:
    """Ergebnisse der Aktivität am Beamer zeigen (oder mit --hide verbergen)."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.activities import reveal_results

    store = settings.open()
    found = _chosen(store, activity_id, workshop_id)
    reveal_results(store, found["id"], not hide)


@activity.command("hide-word")
@click.argument("word")
@click.option("--show", is_flag=True, help="Das Wort wieder zeigen.")
@click.option("--activity", "activity_id", help="Aktivitäts-ID (Standard: die letzte).")
@workshop_option
@pass_settings
def hide_word_command(
    settings: Settings, word: str, show: bool, activity_id: str | None, workshop_id: str | None
) -> None:
    """Ein Wort aus der Wortwolke nehmen (oder mit --show zurückholen)."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.activities import hide_word

    store = settings.open()
    hide_word(store, _chosen(store, activity_id, workshop_id)["id"], word, not show)


@activity.command("question")
@click.argument("question_id")
@click.option("--answered/--open", default=None, help="Als beantwortet markieren.")
@click.option("--hide/--show", "hidden", default=None, help="Frage ausblenden.")
@pass_settings
def question(
    settings: Settings, question_id: str, answered: bool | None, hidden: bool | None
) -> None:
    """Eine Frage aus dem Raum als beantwortet markieren oder ausblenden."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.activities import mark_question

    flags = {k: v for k, v in (("answered", answered), ("hidden", hidden)) if v is not None}
    mark_question(settings.open(), question_id, **flags)


@activity.command("merge")
@click.argument("keep")
@click.argument("duplicate")
@click.option("--activity", "activity_id", help="Aktivitäts-ID (Standard: die letzte).")
@workshop_option
@pass_settings
def merge(
    settings: Settings, keep: str, duplicate: str, activity_id: str | None, workshop_id: str | None
) -> None:
    """Vor der Punktabfrage einen doppelten Eintrag DUPLICATE in KEEP zusammenführen."""
    # rapidfuzz loads only when a search runs
    from facilitator.store.activity_ballot import merge_entries

    store = settings.open()
    found = _chosen(store, activity_id, workshop_id)
    ids = found["config"].get("ballot") or []
    merge_entries(store, found["id"], _on_ballot(ids, keep), _on_ballot(ids, duplicate))


def _on_ballot(ids: list[str], given: str) -> str:
    hits = [i for i in ids if i.startswith(given)]
    return hits[0] if len(hits) == 1 else given


@activity.command("results")
@click.argument("activity_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Als JSON ausgeben.")
@workshop_option
@pass_settings
def results_command(
    settings: Settings, activity_id: str | None, as_json: bool, workshop_id: str | None
) -> None:
    """Ergebnisse der offenen (sonst der letzten) Aktivität."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.activities import results
    from facilitator.store.activity_ballot import near_duplicates

    store = settings.open()
    found = results(store, _chosen(store, activity_id, workshop_id)["id"])
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return

    for line in results_lines(found, settings.lang):
        click.echo(line)
    if found["type"] == "dots" and found["is_open"]:
        # numpy and the meaning engine load only when this command runs (~1 s)
        from facilitator.store.activities import ballot_entries, get_activity

        kinds = {
            e["id"]: e["kind"] for e in ballot_entries(store, get_activity(store, found["id"]))
        }
        texts = {e["id"]: e["text"] for e in found["entries"]}
        for keep, duplicate, score in near_duplicates(found["entries"]):
            pair = [(i, kinds.get(i, ""), texts[i]) for i in (keep, duplicate)]
            click.echo(near_duplicate_line(pair, score, settings.lang))


@activity.command("delete")
@click.argument("activity_id", required=False)
@workshop_option
@pass_settings
def delete(settings: Settings, activity_id: str | None, workshop_id: str | None) -> None:
    """Eine Aktivität ohne Antworten löschen (Standard: die letzte); mit Antworten bleibt sie."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.activities import delete_activity

    store = settings.open()
    found = _chosen(store, activity_id, workshop_id)
    delete_activity(store, found["id"])
    click.echo(_("Gelöscht: {prompt}", prompt=found["prompt"]))


@activity.command("list")
@workshop_option
@pass_settings
def list_command(settings: Settings, workshop_id: str | None) -> None:
    """Alle Aktivitäten des Workshops mit Zahl der Antworten."""
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.activities import list_activities

    store = settings.open()
    found = list_activities(store, resolve_workshop(store, workshop_id).id)
    if not found:
        click.echo(_("Noch keine Aktivitäten."))
    for row in found:
        state = _("offen") if row["is_open"] else "–"
        kind = ACTIVITY_TYPES[row["type"]].get(settings.lang)
        click.echo(f"{row['id'][:8]}  {kind:<12} {state:<6} {row['answers']:>4}  {row['prompt']}")


def _chosen(store, activity_id: str | None, workshop_id: str | None, *, open_only: bool = False):
    # numpy and the meaning engine load only when this command runs (~1 s)
    from facilitator.store.activities import get_activity, list_activities, open_activity

    if activity_id:
        return get_activity(store, activity_id)
    workshop = resolve_workshop(store, workshop_id)
    found = open_activity(store, workshop.id)
    if found is None and not open_only:
        every = list_activities(store, workshop.id)
        found = every[-1] if every else None
    if found is None:
        raise NotFound(lazy("Keine Aktivität offen."))
    return found
