"""Provides reading a participant list (CSV, English or German headers) with row checks."""

import csv
import io
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.core.taxonomy import ORG_TYPES, choices, fold_key, resolve

HEADERS = {
    "name": "name",
    "organisation": "organisation",
    "organization": "organisation",
    "org_type": "org_type",
    "typ": "org_type",
    "type": "org_type",
    "municipality": "municipality",
    "kommune": "municipality",
    "gemeinde": "municipality",
    "email": "email",
    "e-mail": "email",
    "e_mail": "email",
    "mail": "email",
    "consent": "consent",
    "einwilligung": "consent",
    # privacy: when consent was given (on paper, before the day); else "date unknown"
    "consent_date": "consent_date",
    "consent date": "consent_date",
    "einwilligung am": "consent_date",
    "einwilligung_am": "consent_date",
    "present": "present",  # attendance (protocol): ja/nein
    "anwesend": "present",
    # consent (issue 23.8): the version of the consent text the person signed
    "consent_text": "consent_text_version",
    "consent text": "consent_text_version",
    "consent_text_version": "consent_text_version",
    "einwilligungstext": "consent_text_version",
    "textversion": "consent_text_version",
}
YES = {"ja", "yes", "y", "j", "true", "wahr", "1", "x"}
NO = {"nein", "no", "n", "false", "falsch", "0", ""}


# what registration lists call the types (folded); the keys of ORG_TYPES work as well
ORG_TYPE_SYNONYMS = {
    **dict.fromkeys(
        ("gemeinde", "stadt", "stadtverwaltung", "gemeindeverwaltung", "kommunen", "city"),
        "kommune",
    ),
    **dict.fromkeys(("kreis", "landratsamt", "kreisverwaltung", "lra"), "landkreis"),
    **dict.fromkeys(("stadtwerke", "energieversorger", "versorger", "eigenbetrieb"), "stadtwerk"),
    **dict.fromkeys(
        ("unternehmen", "firma", "betrieb", "industrie", "gewerbe", "company"), "wirtschaft"
    ),
    **dict.fromkeys(
        ("hochschule", "universitaet", "uni", "forschung", "institut", "university"),
        "wissenschaft",
    ),
    **dict.fromkeys(("verein", "kammer", "netzwerk", "association"), "verband"),
    **dict.fromkeys(("andere", "sonstiges", "other", "privat"), "sonstige"),
}


def resolve_org_type(value: str) -> str | None:
    """The ORG_TYPES key a list means: a key, a label, or a common synonym ("Gemeinde")."""
    return resolve(value, ORG_TYPES) or ORG_TYPE_SYNONYMS.get(fold_key(value))


def looks_like_email(text: str) -> bool:
    """Return whether `text` can be an e-mail address (one rule for CSV, app and phones)."""
    text = text.strip()
    return "@" in text and " " not in text and not text.startswith("@")


@dataclass(frozen=True)
class ParticipantRow:
    name: str
    organisation: str = ""
    org_type: str | None = None
    municipality: str = ""
    email: str = ""
    consent: bool = False
    consent_date: str | None = None  # ISO date the list says consent was given
    present: bool = False
    consent_text_version: str | None = None  # the text the person signed (None: not said)


def parse_consent_date(text: str) -> str | None:
    """Return an ISO date for `2026-11-30` or `30.11.2026`; None if it is neither."""
    from datetime import date

    text = text.strip()
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.split("."))
            return date(year, month, day).isoformat()
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _columns(header: list[str], path: str) -> list[str | None]:
    """The known column of each header cell; ValidationError for unknown ones or no name."""
    columns = [HEADERS.get(h.strip().lower()) for h in header]
    problems: list[str] = []
    english: list[str] = []  # the same problems in English, in step with `problems`
    unknown = [h for h, c in zip(header, columns, strict=True) if c is None and h.strip()]
    if unknown:
        problems.append(
            f"{path}:1: unbekannte Spalte(n) {', '.join(unknown)}; erlaubt: "
            "Name, Organisation, Typ, Kommune, E-Mail, Einwilligung, Anwesend"
        )
        english.append(
            f"{path}:1: unknown column(s) {', '.join(unknown)}; allowed: "
            "Name, Organisation, Typ, Kommune, E-Mail, Einwilligung, Anwesend"
        )
    if "name" not in columns:
        problems.append(f"{path}:1: die Spalte „Name“ (name) fehlt")
        english.append(f"{path}:1: the column “Name” (name) is missing")
    if problems:
        raise ValidationError(problems[0], problems, en=english[0], problems_en=english)
    return columns


class _Rows:
    """csv.reader whose errors (a field over 131,072 characters, …) name the line."""

    def __init__(self, reader: Any, path: str) -> None:
        self._reader, self._path = reader, path

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def __iter__(self) -> "_Rows":
        return self

    def __next__(self) -> list[str]:
        try:
            return next(self._reader)
        except csv.Error:
            line = max(1, self._reader.line_num)
            raise ValidationError(
                f"{self._path}:{line}: die Zeile lässt sich nicht lesen (ein Feld ist zu lang "
                "oder ein Anführungszeichen fehlt)",
                en=f"{self._path}:{line}: the line cannot be read (a field is too long or a "
                "quote is missing)",
            ) from None


def _reader(text: str, path: str) -> _Rows:
    """The CSV's rows in its own dialect (comma, semicolon or tab), NULs dropped."""
    text = text.lstrip("\ufeff")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # csv stops on NUL: a stray one is a control character like any other (cleaned later,
    # here dropped); text that is a quarter NUL is UTF-16 without its mark, or no text
    if text.count("\x00") > len(text) // 4:
        raise ValidationError(
            f"{path}: keine Textdatei (Nullbytes); bitte in Excel als „CSV UTF-8“ speichern.",
            en=f"{path}: not a text file (null bytes); please save it in Excel as “CSV UTF-8”.",
        )
    text = text.replace("\x00", "")
    return _Rows(csv.reader(io.StringIO(text), dialect), path)


def parse_participants_csv(
    text: str, path: str = "CSV", known_versions: Collection[str] | None = None
) -> list[ParticipantRow]:
    """Parse the CSV; ValidationError lists every bad row as `path:line: message`.

    `known_versions` are the consent text versions a row may name (None: not checked).
    """
    reader = _reader(text, path)
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError(
            f"{path}:1: die Datei ist leer", en=f"{path}:1: the file is empty"
        ) from None
    columns = _columns(header, path)
    problems: list[str] = []
    english: list[str] = []  # the same problems in English, in step with `problems`
    result: list[ParticipantRow] = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(columns):
            problems.append(f"{path}:{line}: {len(values)} Werte, aber nur {len(columns)} Spalten")
            english.append(f"{path}:{line}: {len(values)} values, but only {len(columns)} columns")
            continue
        row = {c: v.strip() for c, v in zip(columns, values, strict=False) if c}
        row_problems: list[tuple[str, str]] = []  # (German, English)
        if not row.get("name"):
            row_problems.append(("der Name fehlt", "the name is missing"))
        org_type = row.get("org_type") or None
        if org_type and resolve_org_type(org_type) is None:
            row_problems.append(
                (
                    f"unbekannter Typ {org_type!r} (erlaubt: {choices(ORG_TYPES)})",
                    f"unknown type {org_type!r} (allowed: {choices(ORG_TYPES)})",
                )
            )
        email = row.get("email", "")
        if email and not looks_like_email(email):
            row_problems.append(
                (f"{email!r} ist keine E-Mail-Adresse", f"{email!r} is not an email address")
            )
        consent_text = row.get("consent", "").lower()
        if consent_text not in YES | NO:
            row_problems.append(
                (
                    f"Einwilligung {row.get('consent')!r} ist weder ja noch nein",
                    f"consent {row.get('consent')!r} is neither yes nor no",
                )
            )
        consent_date = row.get("consent_date", "")
        if consent_date and parse_consent_date(consent_date) is None:
            row_problems.append(
                (
                    f"Einwilligung am {consent_date!r} ist kein Datum wie 30.11.2026",
                    f"consent date {consent_date!r} is not a date like 2026-11-30",
                )
            )
        version = row.get("consent_text_version", "") or None
        if version and known_versions is not None and version not in known_versions:
            allowed = ", ".join(sorted(known_versions))
            row_problems.append(
                (
                    f"Einwilligungstext {version!r} unbekannt (bekannt: {allowed})",
                    f"consent text {version!r} unknown (known: {allowed})",
                )
            )
        present_text = row.get("present", "").lower()
        if present_text not in YES | NO:
            row_problems.append(
                (
                    f"Anwesend {row.get('present')!r} ist weder ja noch nein",
                    f"present {row.get('present')!r} is neither yes nor no",
                )
            )
        if row_problems:
            problems.extend(f"{path}:{line}: {de}" for de, _ in row_problems)
            english.extend(f"{path}:{line}: {en}" for _, en in row_problems)
            continue
        result.append(
            ParticipantRow(
                name=row["name"],
                organisation=row.get("organisation", ""),
                org_type=resolve_org_type(org_type) if org_type else None,
                municipality=row.get("municipality", ""),
                email=email,
                consent=consent_text in YES,
                consent_date=parse_consent_date(consent_date) if consent_date else None,
                present=present_text in YES,
                consent_text_version=version if consent_text in YES else None,
            )
        )
    if problems:
        raise ValidationError(problems[0], problems, en=english[0], problems_en=english)
    return result
