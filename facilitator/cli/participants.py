"""Provides `facilitator participants` (import/list/add/merge/delete/show/edit/erase), `purge`."""

from pathlib import Path

import click

from facilitator.cli.context import (
    Settings,
    confirm,
    current_lang,
    pass_settings,
    workshop_option,
)
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
        # Excel's "Unicode-Text" is UTF-16 with its byte-order mark
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
        text = raw.decode("utf-16") if utf16 else raw.decode("utf-8")
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
        # the id's start names the person for merge/delete when two share a name
        click.echo(
            f"{person.id[:8]}  {person.name:30} {person.organisation:30} "
            f"{person.org_type:12} {consent}"
        )


def _say(de: str, en: str) -> None:
    click.echo(en if current_lang() == "en" else de)


@participants.command("add", short_help="Person hinzufügen (--present: spontan gekommen).")
@click.argument("name")
@click.option(
    "--org", default="", help="Organisation (wird angelegt, wenn es sie noch nicht gibt)."
)
@click.option("--type", "org_type", help="Typ der Organisation: kommune, landkreis, verband …")
@click.option("--municipality", default="", help="Kommune der Organisation.")
@click.option("--email", default="", help="E-Mail-Adresse.")
@click.option("--present", is_flag=True, help="Ist da (z. B. spontan gekommen).")
@workshop_option
@pass_settings
def add(
    settings: Settings,
    name: str,
    org: str,
    org_type: str | None,
    municipality: str,
    email: str,
    present: bool,
    workshop_id: str | None,
) -> None:
    """Eine Person hinzufügen (mit --present: spontan gekommen und anwesend)."""
    from facilitator.core.errors import UserError
    from facilitator.core.participants_csv import resolve_org_type
    from facilitator.core.taxonomy import ORG_TYPES, choices
    from facilitator.store.participant_import import find_match
    from facilitator.store.participants import add_participant, list_participants
    from facilitator.store.workshops import resolve_workshop

    if (org_type or municipality.strip()) and not org.strip():
        raise UserError(
            "--type und --municipality gehören zu einer Organisation: bitte auch --org angeben.",
            en="--type and --municipality belong to an organisation: please give --org too.",
        )
    kind = resolve_org_type(org_type) if org_type else None
    if org_type and kind is None:
        raise UserError(
            f"Unbekannter Typ {org_type!r}; erlaubt: {choices(ORG_TYPES)}.",
            en=f"Unknown type {org_type!r}; allowed: {choices(ORG_TYPES)}.",
        )
    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    twin = find_match(list_participants(store, workshop.id), name, org, email)
    if twin is not None:
        raise UserError(
            f"{twin.name} ({twin.organisation or '–'}) steht schon auf der Liste (Id "
            f"{twin.id[:8]}); ändern mit facilitator participants edit.",
            en=f"{twin.name} ({twin.organisation or '–'}) is already on the list (id "
            f"{twin.id[:8]}); change with facilitator participants edit.",
        )
    person_id = add_participant(
        store,
        workshop.id,
        name,
        organisation=org.strip(),
        org_type=kind,
        municipality=municipality,
        email=email,
        present=present,
    )
    _say(
        f"Hinzugefügt: {' '.join(name.split())} ({person_id[:8]}).",
        f"Added: {' '.join(name.split())} ({person_id[:8]}).",
    )


@participants.command("merge", short_help="Dublette OTHER in Person KEEP zusammenführen.")
@click.argument("keep")
@click.argument("other")
@workshop_option
@pass_settings
def merge(settings: Settings, keep: str, other: str, workshop_id: str | None) -> None:
    """Eine Dublette (OTHER) in die Person KEEP zusammenführen (Id, E-Mail oder genauer Name).

    KEEP übernimmt fehlende E-Mail, Organisation und Anwesenheit; OTHER wird gelöscht.
    """
    from facilitator.store.participant_admin import find_participant, merge_participants
    from facilitator.store.workshops import resolve_workshop

    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    kept = find_participant(store, workshop.id, keep)
    dropped = find_participant(store, workshop.id, other)
    merge_participants(store, kept.id, dropped.id)
    _say(
        f"Zusammengeführt: {dropped.name} ({dropped.id[:8]}) → {kept.name} ({kept.id[:8]}).",
        f"Merged: {dropped.name} ({dropped.id[:8]}) → {kept.name} ({kept.id[:8]}).",
    )


@participants.command("delete", short_help="Person von der Liste nehmen (keine DSGVO-Löschung).")
@click.argument("person")
@workshop_option
@pass_settings
def delete(settings: Settings, person: str, workshop_id: str | None) -> None:
    """Eine Person von der Liste nehmen (Strg+Z in der App holt sie zurück).

    Das ist keine Löschung nach Art. 17 DSGVO: dafür facilitator participants erase.
    """
    from facilitator.store.participant_admin import find_participant
    from facilitator.store.participants import delete_participant
    from facilitator.store.workshops import resolve_workshop

    store = settings.open()
    found = find_participant(store, resolve_workshop(store, workshop_id).id, person)
    delete_participant(store, found.id)
    _say(
        f"Von der Liste genommen: {found.name} ({found.id[:8]}); endgültig löschen: "
        "facilitator participants erase.",
        f"Taken off the list: {found.name} ({found.id[:8]}); to erase for good: "
        "facilitator participants erase.",
    )


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
    for line in _report_lines(report, settings.lang):
        click.echo(line)


_FIELDS = ("id", "name", "organisation", "org_type", "municipality", "email", "present")


def _report_lines(report: dict, lang: str) -> list[str]:
    """Return `participants show` as text: times in local time, German or English."""
    from facilitator.core.dates import format_date
    from facilitator.core.timeformat import local_time_text as when

    def t(de: str, en: str) -> str:
        return en if lang == "en" else de

    lines = []
    for entry in report["entries"]:
        row, shop = entry["participant"], entry["workshop"]
        lines.append(
            f"Workshop: {shop.get('title', '')} ({format_date(shop.get('date'), lang) or '–'})"
        )
        for key in _FIELDS:
            lines.append(f"  {key}: {row.get(key) if row.get(key) is not None else ''}")
        given = when(row.get("consent_given_at"), lang) or t("Datum unbekannt", "date unknown")
        source = row.get("consent_source") or "–"
        if row.get("consent_withdrawn_at"):
            withdrawn = when(row["consent_withdrawn_at"], lang)
            state = t(
                f"widerrufen am {withdrawn} (erteilt: {given})",
                f"withdrawn {withdrawn} (given: {given})",
            )
        elif row.get("consent"):
            state = t(f"erteilt am {given}, Quelle {source}", f"given {given}, source {source}")
        else:
            state = t("keine", "none")
        lines.append(f"  {t('Einwilligung', 'Consent')}: {state}")
        for item in entry["consent_history"]:
            what = t("erteilt", "given") if item["consent"] else t("widerrufen", "withdrawn")
            origin = f"{t('Quelle', 'source')}: {item['source'] or '–'}"
            if item["text_version"]:
                origin += f", {t('Text', 'text')} {item['text_version']}"
            lines.append(f"    {when(item['at'], lang)}: {what} ({origin})")
        for version, text in entry["consent_texts"].items():
            lines.append(f"  Text {version}: {text}")
        named = entry["submissions"]
        lines.append(f"  {t('Beiträge mit Namen', 'Named contributions')}: {len(named)}")
        lines.extend(f"    [{item['kind']}] {item['text']}" for item in named)
    return lines


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
        _forget_in_examples([target], examples_dir, settings.lang, references=False)
    changed = "Changed" if settings.lang == "en" else "Geändert"
    click.echo(f"{changed}: {name or target.name}.")


def _forget_in_examples(
    people: list[Participant], examples_dir: Path | None, lang: str, references: bool = True
) -> None:
    """Take the people's contacts out of the practice examples and say which files changed."""
    from facilitator.practice import forget_people

    said = (
        "Contact removed from practice example"
        if lang == "en"
        else ("Kontakt entfernt aus Praxisbeispiel")
    )
    for path in forget_people(people, examples_dir, references=references):
        click.echo(f"{said}: {path}")


@participants.command("erase", short_help="Person endgültig löschen (Art. 17 DSGVO).")
@click.argument("person")
@click.option("--yes", is_flag=True, help="Ohne Rückfrage löschen.")
@examples_option
@pass_settings
def erase(settings: Settings, person: str, yes: bool, examples_dir: Path | None) -> None:
    """Eine Person endgültig löschen (Art. 17 DSGVO), auch aus dem Op-Protokoll."""
    from facilitator.store.people import erase_people

    store = settings.open()
    found = _people(store, person)
    en = settings.lang == "en"
    for row in found:
        click.echo(f"{row.name} – {row.organisation or '–'} – {row.email or '–'} ({row.id})")
    if not yes and not confirm(
        f"{_entries(len(found), 'de')} endgültig löschen? Das lässt sich nicht rückgängig machen.",
        f"Erase {_entries(len(found), 'en')} for good? This cannot be undone.",
    ):
        click.echo("Nothing erased." if en else "Nichts gelöscht.")
        return
    done = _entries(erase_people(store, found), settings.lang)
    click.echo(
        f"{done} erased; their contributions stay, without names."
        if en
        else f"{done} gelöscht; Beiträge bleiben ohne Namen."
    )
    _forget_in_examples(found, examples_dir, settings.lang)


def _entries(count: int, lang: str) -> str:
    if lang == "en":
        return f"{count} entry" if count == 1 else f"{count} entries"
    return f"{count} Eintrag" if count == 1 else f"{count} Einträge"


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
    en = settings.lang == "en"
    if not yes and not confirm(
        f"Personenbezogene Daten aller Workshops vor dem {cutoff} löschen?",
        f"Erase the personal data of every workshop before {cutoff}?",
    ):
        click.echo("Nothing erased." if en else "Nichts gelöscht.")
        return
    people = purge_people(store, cutoff)
    count = purge_before(store, cutoff)
    click.echo(
        f"{count} people erased from workshops before {cutoff}."
        if en
        else f"{count} Personen aus Workshops vor dem {cutoff} gelöscht."
    )
    _forget_in_examples(people, examples_dir, settings.lang)
