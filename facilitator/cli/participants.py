"""Provides `facilitator participants` (import, list, show/edit/erase) and `purge`."""

from pathlib import Path

import click

from facilitator.cli.context import Settings, pass_settings, workshop_option
from facilitator.cli.examples import examples_option
from facilitator.core.models import Participant


@click.group()
def participants() -> None:
    """Teilnehmende verwalten."""


@participants.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@workshop_option
@pass_settings
def import_csv(settings: Settings, csv_file: Path, workshop_id: str | None) -> None:
    """Teilnehmende aus CSV importieren (Spalten: Name, Organisation, Typ, Kommune, E-Mail,
    Einwilligung – oder englisch). Fehlerhafte Zeilen: nichts wird importiert."""
    from facilitator.core.errors import ValidationError
    from facilitator.core.participants_csv import parse_participants_csv
    from facilitator.store.participant_import import import_participants
    from facilitator.store.workshops import resolve_workshop

    try:
        raw = csv_file.read_bytes()
    except OSError as err:
        raise ValidationError(
            f"{csv_file}: lässt sich nicht lesen ({err.strerror})",
            en=f"{csv_file}: cannot be read ({err.strerror})",
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252", errors="strict")  # Excel on Windows
        except UnicodeDecodeError:
            raise ValidationError(
                f"{csv_file}: keine Textdatei (UTF-8 oder Windows-1252); "
                "bitte in Excel als „CSV UTF-8“ speichern.",
                en=(
                    f"{csv_file}: not a text file (UTF-8 or Windows-1252); please save it "
                    f"in Excel as “CSV UTF-8”."
                ),
            ) from None
    rows = parse_participants_csv(text, str(csv_file))
    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    result = import_participants(store, workshop.id, rows)
    click.echo(
        f"{result.added} Teilnehmende neu, {result.updated} aktualisiert in „{workshop.title}“."
    )


@participants.command("list")
@workshop_option
@pass_settings
def list_participants(settings: Settings, workshop_id: str | None) -> None:
    """Teilnehmende des Workshops auflisten."""
    from facilitator.store.participants import list_participants as query
    from facilitator.store.workshops import resolve_workshop

    store = settings.open()
    for person in query(store, resolve_workshop(store, workshop_id).id):
        consent = "Einwilligung" if person.consent else "—"
        click.echo(f"{person.name:30} {person.organisation:30} {person.org_type:12} {consent}")


def _people(store, person: str) -> list:
    from facilitator.store.people import find_people

    return find_people(store, person)


@participants.command("show")
@click.argument("person")
@click.option("--json", "as_json", is_flag=True, help="Alles als JSON (Datenübertragbarkeit).")
@pass_settings
def show(settings: Settings, person: str, as_json: bool) -> None:
    """Alles zeigen, was über eine Person gespeichert ist (Id, E-Mail oder genauer Name)."""
    import json

    from facilitator.store.people import person_report

    store = settings.open()
    report = person_report(store, _people(store, person))
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True))
        return
    for entry in report["entries"]:
        row, shop = entry["participant"], entry["workshop"]
        click.echo(f"Workshop: {shop.get('title', '')} ({shop.get('date') or '–'})")
        for key in ("id", "name", "organisation", "org_type", "municipality", "email", "present"):
            click.echo(f"  {key}: {row.get(key) if row.get(key) is not None else ''}")
        given = row.get("consent_given_at") or "Datum unbekannt"
        state = "erteilt" if row.get("consent") else "keine"
        if row.get("consent_withdrawn_at"):
            state = f"widerrufen am {row['consent_withdrawn_at']} (erteilt am {given})"
        elif row.get("consent"):
            state = f"erteilt am {given}, Quelle {row.get('consent_source') or '–'}"
        click.echo(f"  Einwilligung: {state}")
        for item in entry["consent_history"]:
            what = "erteilt" if item["consent"] else "widerrufen"
            text = f", Text {item['text_version']}" if item["text_version"] else ""
            click.echo(f"    {item['at']}: {what} (Quelle: {item['source'] or '–'}{text})")
        for version, text in entry["consent_texts"].items():
            click.echo(f"  Text {version}: {text}")
        click.echo(f"  Beiträge mit Namen: {len(entry['submissions'])}")
        for item in entry["submissions"]:
            click.echo(f"    [{item['kind']}] {item['text']}")


@participants.command("edit")
@click.argument("person")
@click.option("--name", help="Neuer Name.")
@click.option("--email", help="Neue E-Mail-Adresse ('' löscht sie).")
@click.option("--org", help="Neue Organisation.")
@click.option(
    "--consent",
    type=click.Choice(["ja", "nein", "yes", "no"]),
    help="Einwilligung erteilt (ja, z. B. auf Papier) oder widerrufen (nein).",
)
@examples_option
@pass_settings
def edit(
    settings: Settings,
    person: str,
    name: str | None,
    email: str | None,
    org: str | None,
    consent: str | None,
    examples_dir: Path | None,
) -> None:
    """Angaben einer Person berichtigen (Id, E-Mail oder genauer Name)."""
    from facilitator.core.errors import UserError
    from facilitator.store.participants import set_consent, update_participant

    store = settings.open()
    found = _people(store, person)
    if len(found) > 1:
        raise UserError(
            f"{person!r} steht in {len(found)} Workshops; bitte die Id angeben "
            "(facilitator participants show).",
            en=f"{person!r} is in {len(found)} workshops; please give the id "
            "(facilitator participants show).",
        )
    target = found[0]
    fields = {
        k: v for k, v in (("name", name), ("email", email), ("organisation", org)) if v is not None
    }
    with store.transaction():
        if fields:
            update_participant(store, target.id, **fields)
        if consent is not None:
            set_consent(store, target.id, consent in ("ja", "yes"), source="paper")
    if consent in ("nein", "no"):
        _forget_in_examples([target], examples_dir, references=False)
    click.echo(f"Geändert: {name or target.name}.")


def _forget_in_examples(
    people: list[Participant], examples_dir: Path | None, references: bool = True
) -> None:
    """Take the people's contacts out of the practice examples and say which files changed."""
    from facilitator.practice import forget_people

    for path in forget_people(people, examples_dir, references=references):
        click.echo(f"Kontakt entfernt aus Praxisbeispiel: {path}")


@participants.command("erase")
@click.argument("person")
@click.option("--yes", is_flag=True, help="Ohne Rückfrage löschen.")
@examples_option
@pass_settings
def erase(settings: Settings, person: str, yes: bool, examples_dir: Path | None) -> None:
    """Eine Person endgültig löschen (Art. 17 DSGVO), auch aus dem Op-Protokoll."""
    from facilitator.store.people import erase_people

    store = settings.open()
    found = _people(store, person)
    for row in found:
        click.echo(f"{row.name} – {row.organisation or '–'} – {row.email or '–'} ({row.id})")
    if not yes and not click.confirm(
        f"{len(found)} Eintrag/Einträge endgültig löschen? Das lässt sich nicht rückgängig machen",
        default=False,
    ):
        click.echo("Nichts gelöscht.")
        return
    count = erase_people(store, found)
    _forget_in_examples(found, examples_dir)
    click.echo(f"{count} Eintrag/Einträge gelöscht; Beiträge bleiben ohne Namen.")


@click.command()
@click.option("--before", help="Datum (2026-01-31 oder 31.01.2026): ältere Workshops bereinigen.")
@click.option("--yes", is_flag=True, help="Ohne Rückfrage löschen.")
@examples_option
@pass_settings
def purge(settings: Settings, before: str | None, yes: bool, examples_dir: Path | None) -> None:
    """Personenbezogene Daten vergangener Workshops löschen (Speicherdauer, Art. 5 DSGVO).

    Ohne --before gilt retention_days aus privacy.toml.
    """
    from datetime import date, timedelta

    from facilitator.core.errors import UserError
    from facilitator.core.participants_csv import parse_consent_date
    from facilitator.privacy import privacy_notice
    from facilitator.store.people import purge_before, purge_people

    if before is None:
        days = privacy_notice().retention_days
        if days is None:
            raise UserError(
                "Bitte --before DATUM angeben (oder retention_days in privacy.toml).",
                en="Please give --before DATE (or retention_days in privacy.toml).",
            )
        cutoff = (date.today() - timedelta(days=days)).isoformat()
    else:
        parsed = parse_consent_date(before)
        if parsed is None:
            raise UserError(
                f"--before {before!r} ist kein Datum wie 2026-01-31 oder 31.01.2026.",
                en=f"--before {before!r} is not a date like 2026-01-31 or 31.01.2026.",
            )
        cutoff = parsed
    store = settings.open()
    if not yes and not click.confirm(
        f"Personenbezogene Daten aller Workshops vor dem {cutoff} löschen?", default=False
    ):
        click.echo("Nichts gelöscht.")
        return
    people = purge_people(store, cutoff)
    click.echo(f"{purge_before(store, cutoff)} Personen aus Workshops vor dem {cutoff} gelöscht.")
    _forget_in_examples(people, examples_dir)
