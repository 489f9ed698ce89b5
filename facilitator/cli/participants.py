"""Provides `facilitator participants` (import/list/add/merge/delete/show/edit/erase), `purge`."""

from pathlib import Path

import click

from facilitator.cli.claims import claim, claims
from facilitator.cli.context import (
    Settings,
    _,
    confirm,
    erased_note,
    ngettext,
    pass_settings,
    workshop_option,
)
from facilitator.cli.examples import examples_option
from facilitator.cli.person_text import report_lines
from facilitator.core.errors import UserError, ValidationError
from facilitator.core.models import Participant
from facilitator.core.participants_csv import (
    parse_consent_date,
    parse_participants_csv,
    resolve_org_type,
)
from facilitator.core.taxonomy import ORG_TYPES, choices
from facilitator.locale import gettext, lazy, lazy_plural
from facilitator.locale import ngettext as locale_ngettext
from facilitator.practice import example_name_hits, forget_people, redact_examples
from facilitator.privacy import privacy_notice
from facilitator.store.consent import CONSENT_TEXTS, WORKSHOP_VERSION, consent_text
from facilitator.store.name_hits import name_hits, redact_hits
from facilitator.store.participant_admin import find_participant, merge_participants
from facilitator.store.participant_import import find_match, import_participants
from facilitator.store.participants import (
    add_participant,
    delete_participant,
    set_consent,
    update_participant,
)
from facilitator.store.participants import list_participants as query
from facilitator.store.people import (
    erase_people,
    find_people,
    person_report,
    purge_before,
    purge_people,
)
from facilitator.store.workshops import resolve_workshop


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

    try:
        raw = csv_file.read_bytes()
    except OSError as err:
        raise ValidationError(
            lazy("{path}: lässt sich nicht lesen ({reason})", path=csv_file, reason=err.strerror)
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
                lazy(
                    "{path}: keine Textdatei (UTF-8 oder Windows-1252); "
                    "bitte in Excel als „CSV UTF-8“ speichern.",
                    path=csv_file,
                )
            ) from None
    rows = parse_participants_csv(text, str(csv_file), CONSENT_TEXTS)
    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    result = import_participants(store, workshop.id, rows)
    click.echo(
        ngettext(
            "{n} teilnehmende Person neu, {updated} aktualisiert in „{title}“.",
            "{n} Teilnehmende neu, {updated} aktualisiert in „{title}“.",
            result.added,
            updated=result.updated,
            title=workshop.title,
        )
    )
    for left in result.left_out:  # one line per person: what the list said but was not taken
        click.echo(left.text(settings.lang))


@participants.command("template")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Wohin die Vorlage geschrieben wird (.csv).",
)
@pass_settings
def template(settings: Settings, output: Path) -> None:
    """Eine CSV-Vorlage für die Einladungsliste schreiben: mit der Spalte „Einwilligungstext“,
    die die Version des unterschriebenen Texts nennt (der Import speichert sie)."""
    from importlib.resources import files

    shipped = files("facilitator.data").joinpath("teilnehmende_vorlage.csv")
    output.write_bytes(shipped.read_bytes())
    click.echo(_("Geschrieben: {path}", path=output))
    # the words the version in the template stands for: what the invitation form must show
    click.echo(
        _("Text {version}: {text}", version=WORKSHOP_VERSION, text=consent_text(WORKSHOP_VERSION))
    )


@participants.command("list")
@workshop_option
@pass_settings
def list_participants(settings: Settings, workshop_id: str | None) -> None:
    """Teilnehmende des Workshops auflisten."""

    store = settings.open()
    for person in query(store, resolve_workshop(store, workshop_id).id):
        consent = _("Einwilligung") if person.consent else "—"
        # the id's start names the person for merge/delete when two share a name
        click.echo(
            f"{person.id[:8]}  {person.name:30} {person.organisation:30} "
            f"{person.org_type:12} {consent}"
        )


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
    if (org_type or municipality.strip()) and not org.strip():
        raise UserError(
            lazy(
                "--type und --municipality gehören zu einer Organisation: bitte auch --org angeben."
            )
        )
    kind = resolve_org_type(org_type) if org_type else None
    if org_type and kind is None:
        raise UserError(
            lazy(
                "Unbekannter Typ {org_type!r}; erlaubt: {allowed}.",
                org_type=org_type,
                allowed=choices(ORG_TYPES),
            )
        )
    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    twin = find_match(query(store, workshop.id), name, org, email)
    if twin is not None:
        raise UserError(
            lazy(
                "{name} ({organisation}) steht schon auf der Liste (Id {id}); "
                "ändern mit facilitator participants edit.",
                name=twin.name,
                organisation=twin.organisation or "–",
                id=twin.id[:8],
            )
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
    click.echo(_("Hinzugefügt: {name} ({id}).", name=" ".join(name.split()), id=person_id[:8]))


@participants.command("merge", short_help="Dublette OTHER in Person KEEP zusammenführen.")
@click.argument("keep")
@click.argument("other")
@workshop_option
@pass_settings
def merge(settings: Settings, keep: str, other: str, workshop_id: str | None) -> None:
    """Eine Dublette (OTHER) in die Person KEEP zusammenführen (Id, E-Mail oder genauer Name).

    KEEP übernimmt fehlende E-Mail, Organisation und Anwesenheit; OTHER wird gelöscht.
    """

    store = settings.open()
    workshop = resolve_workshop(store, workshop_id)
    kept = find_participant(store, workshop.id, keep)
    dropped = find_participant(store, workshop.id, other)
    merge_participants(store, kept.id, dropped.id)
    click.echo(
        _(
            "Zusammengeführt: {dropped} ({dropped_id}) → {kept} ({kept_id}).",
            dropped=dropped.name,
            dropped_id=dropped.id[:8],
            kept=kept.name,
            kept_id=kept.id[:8],
        )
    )


@participants.command("delete", short_help="Person von der Liste nehmen (keine DSGVO-Löschung).")
@click.argument("person")
@workshop_option
@pass_settings
def delete(settings: Settings, person: str, workshop_id: str | None) -> None:
    """Eine Person von der Liste nehmen (Strg+Z in der App holt sie zurück).

    Das ist keine Löschung nach Art. 17 DSGVO: dafür facilitator participants erase.
    """

    store = settings.open()
    found = find_participant(store, resolve_workshop(store, workshop_id).id, person)
    delete_participant(store, found.id)
    click.echo(
        _(
            "Von der Liste genommen: {name} ({id}); endgültig löschen: "
            "facilitator participants erase.",
            name=found.name,
            id=found.id[:8],
        )
    )


def _people(store, person: str) -> list:

    return find_people(store, person)


@participants.command("show")
@click.argument("person")
@click.option("--json", "as_json", is_flag=True, help="Alles als JSON (Datenübertragbarkeit).")
@pass_settings
def show(settings: Settings, person: str, as_json: bool) -> None:
    """Alles zeigen, was über eine Person gespeichert ist (Id, E-Mail oder genauer Name)."""
    import json

    store = settings.open()
    report = person_report(store, _people(store, person))
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True))
        return
    for line in report_lines(report, settings.lang):
        click.echo(line)


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
@click.option(
    "--text",
    "text_version",
    help="Version des Einwilligungstexts, den die Person unterschrieben hat (steht auf der "
    "Teilnahmeliste); Standard: der aktuelle deutsche Text.",
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
    text_version: str | None,
    examples_dir: Path | None,
) -> None:
    """Angaben einer Person berichtigen (Id, E-Mail oder genauer Name)."""

    _check_text_version(text_version, consent)
    store = settings.open()
    found = _people(store, person)
    if len(found) > 1:
        raise UserError(
            lazy_plural(
                "{person!r} steht in {n} Workshop; bitte die Id angeben "
                "(facilitator participants show).",
                "{person!r} steht in {n} Workshops; bitte die Id angeben "
                "(facilitator participants show).",
                len(found),
                person=person,
            )
        )
    target = found[0]
    fields = {
        k: v for k, v in (("name", name), ("email", email), ("organisation", org)) if v is not None
    }
    with store.transaction():
        if fields:
            update_participant(store, target.id, **fields)
        if consent is not None:
            set_consent(
                store, target.id, consent in ("ja", "yes"), source="paper", version=text_version
            )
    if consent in ("nein", "no"):
        _forget_in_examples([target], examples_dir, settings.lang, references=False)
    click.echo(_("Geändert: {name}.", name=name or target.name))


def _check_text_version(text_version: str | None, consent: str | None) -> None:

    if text_version is not None and (
        text_version not in CONSENT_TEXTS or consent not in ("ja", "yes")
    ):
        raise UserError(
            lazy(
                "--text gehört zu --consent ja und nennt eine Version: {consent_texts}.",
                consent_texts=", ".join(CONSENT_TEXTS),
            )
        )


def _forget_in_examples(
    people: list[Participant], examples_dir: Path | None, lang: str, references: bool = True
) -> None:
    """Take the people's contacts out of the practice examples and say which files changed."""

    for path in forget_people(people, examples_dir, references=references):
        click.echo(gettext("Kontakt entfernt aus Praxisbeispiel: {path}", lang, path=path))


@participants.command("erase", short_help="Person endgültig löschen (Art. 17 DSGVO).")
@click.argument("person")
@click.option("--yes", is_flag=True, help="Ohne Rückfrage löschen.")
@click.option(
    "--redact",
    type=click.Choice(["all", "none"]),
    help="Den Namen in freiem Text (Beiträge, Aufgaben, Fragen, Antworten, Fotos) schwärzen "
    "(all) oder stehen lassen (none); ohne: Rückfrage.",
)
@examples_option
@pass_settings
def erase(
    settings: Settings, person: str, yes: bool, redact: str | None, examples_dir: Path | None
) -> None:
    """Eine Person endgültig löschen (Art. 17 DSGVO), auch aus dem Op-Protokoll; zeigt, wo ihr
    Name sonst steht, und schwärzt ihn dort (--redact all) oder lässt ihn (--redact none)."""

    store = settings.open()
    found = _people(store, person)
    for row in found:
        click.echo(f"{row.name} – {row.organisation or '–'} – {row.email or '–'} ({row.id})")
    hits = name_hits(store, found)
    in_examples = example_name_hits(found, examples_dir)  # the practice example files
    places = len(hits) + len(in_examples)
    if places:
        _show_places(hits, in_examples)
        redact = _redact_choice(redact, yes)
    question = _(
        "{entries} endgültig löschen? Das lässt sich nicht rückgängig machen.",
        entries=_entries(len(found), settings.lang),
    )
    if not yes and not confirm(question):
        click.echo(_("Nichts gelöscht."))
        return
    with store.transaction():  # redaction and erasure in one step: both or neither
        redacted = redact_hits(store, found, hits) if redact == "all" else 0
        done = _entries(erase_people(store, found), settings.lang)
    if redact == "all":
        redacted += _redact_examples(found, in_examples, examples_dir)
    said = _erased_line(done, places, redacted)
    note = erased_note(store)
    # never "gelöscht" while the bytes remain in the -wal
    click.echo(f"{done}: {note}" if note else said)
    _forget_in_examples(found, examples_dir, settings.lang)


def _show_places(hits: list, in_examples: list[tuple[Path, int, str]]) -> None:
    """Where else the name stands: free text in the database, then the example files."""
    places = len(hits) + len(in_examples)
    click.echo(
        ngettext(
            "Der Name steht außerdem an {n} Stelle:",
            "Der Name steht außerdem an {n} Stellen:",
            places,
        )
    )
    for hit in hits:
        click.echo(f"  [{hit.place}] {hit.text}  ({', '.join(hit.forms)})")
    for path, number, line in in_examples:
        click.echo(f"  [{path}:{number}] {line}")


def _redact_choice(redact: str | None, yes: bool) -> str:
    """--redact, else the moderator's answer; with --yes it must be given."""

    if redact is not None:
        return redact
    if yes:
        raise UserError(
            _("Bitte --redact all (schwärzen) oder --redact none (stehen lassen) angeben.")
        )
    return "all" if confirm(_("Den Namen an diesen Stellen durch „N. N.“ ersetzen?")) else "none"


def _redact_examples(
    people: list[Participant], in_examples: list[tuple[Path, int, str]], folder: Path | None
) -> int:
    """Redact the name in the practice example files; return how many lines named it."""

    if in_examples:
        redact_examples(people, folder)
    return len(in_examples)


def _erased_line(done: str, places: int, redacted: int) -> str:
    kept = places - redacted
    if not places:  # true now: no free text names them (searched above)
        return _("{entries} gelöscht; Beiträge bleiben ohne Namen.", entries=done)
    if kept:
        return _(
            "{entries} gelöscht; {redacted} Stellen geschwärzt, {kept} mit dem Namen behalten.",
            entries=done,
            redacted=redacted,
            kept=kept,
        )
    return _("{entries} gelöscht; {redacted} Stellen geschwärzt.", entries=done, redacted=redacted)


def _entries(count: int, lang: str) -> str:
    """ "1 Eintrag" / "2 Einträge" (and English) through the catalogue, as every count."""
    return locale_ngettext("{n} Eintrag", "{n} Einträge", count, lang)


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

    if before is None:
        days = privacy_notice().retention_days
        if days is None:
            raise UserError(
                lazy("Bitte --before DATUM angeben (oder retention_days in privacy.toml).")
            )
        cutoff = (date.today() - timedelta(days=days)).isoformat()
    else:
        parsed = parse_consent_date(before)
        if parsed is None:
            raise UserError(
                lazy(
                    "--before {before!r} ist kein Datum wie 2026-01-31 oder 31.01.2026.",
                    before=before,
                )
            )
        cutoff = parsed
    store = settings.open()
    question = _("Personenbezogene Daten aller Workshops vor dem {day} löschen?", day=cutoff)
    if not yes and not confirm(question):
        click.echo(_("Nichts gelöscht."))
        return
    people = purge_people(store, cutoff)
    count = purge_before(store, cutoff)
    note = erased_note(store)
    if note:
        click.echo(
            ngettext(
                "{n} Person (vor dem {day}): {note}",
                "{n} Personen (vor dem {day}): {note}",
                count,
                day=cutoff,
                note=note,
            )
        )
    else:
        click.echo(
            ngettext(
                "{n} Person aus Workshops vor dem {day} gelöscht.",
                "{n} Personen aus Workshops vor dem {day} gelöscht.",
                count,
                day=cutoff,
            )
        )
    _forget_in_examples(people, examples_dir, settings.lang)


# the claims live in their own module, this one is long; same group
participants.add_command(claims)
participants.add_command(claim)
