"""Provides reading a participant list (CSV, English or German headers) with row checks."""

import csv
import io
from dataclasses import dataclass

from facilitator.core.errors import ValidationError
from facilitator.core.taxonomy import ORG_TYPES, choices, resolve

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
}
YES = {"ja", "yes", "y", "j", "true", "wahr", "1", "x"}
NO = {"nein", "no", "n", "false", "falsch", "0", ""}


@dataclass(frozen=True)
class ParticipantRow:
    name: str
    organisation: str = ""
    org_type: str | None = None
    municipality: str = ""
    email: str = ""
    consent: bool = False


def parse_participants_csv(text: str, path: str = "CSV") -> list[ParticipantRow]:
    """Parse the CSV; ValidationError lists every bad row as `path:line: message`."""
    text = text.lstrip("\ufeff")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError(
            f"{path}:1: die Datei ist leer", en=f"{path}:1: the file is empty"
        ) from None
    columns = [HEADERS.get(h.strip().lower()) for h in header]
    problems: list[str] = []
    unknown = [h for h, c in zip(header, columns, strict=True) if c is None and h.strip()]
    if unknown:
        problems.append(
            f"{path}:1: unbekannte Spalte(n) {', '.join(unknown)}; erlaubt: "
            "Name, Organisation, Typ, Kommune, E-Mail, Einwilligung"
        )
    if "name" not in columns:
        problems.append(f"{path}:1: die Spalte „Name“ (name) fehlt")
    if problems:
        raise ValidationError(problems[0], problems)
    result: list[ParticipantRow] = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(columns):
            problems.append(f"{path}:{line}: {len(values)} Werte, aber nur {len(columns)} Spalten")
            continue
        row = {c: v.strip() for c, v in zip(columns, values, strict=False) if c}
        row_problems = []
        if not row.get("name"):
            row_problems.append("der Name fehlt")
        org_type = row.get("org_type") or None
        if org_type and resolve(org_type, ORG_TYPES) is None:
            row_problems.append(f"unbekannter Typ {org_type!r} (erlaubt: {choices(ORG_TYPES)})")
        email = row.get("email", "")
        if email and ("@" not in email or " " in email or email.startswith("@")):
            row_problems.append(f"{email!r} ist keine E-Mail-Adresse")
        consent_text = row.get("consent", "").lower()
        if consent_text not in YES | NO:
            row_problems.append(f"Einwilligung {row.get('consent')!r} ist weder ja noch nein")
        if row_problems:
            problems.extend(f"{path}:{line}: {p}" for p in row_problems)
            continue
        result.append(
            ParticipantRow(
                name=row["name"],
                organisation=row.get("organisation", ""),
                org_type=resolve(org_type, ORG_TYPES) if org_type else None,
                municipality=row.get("municipality", ""),
                email=email,
                consent=consent_text in YES,
            )
        )
    if problems:
        raise ValidationError(problems[0], problems)
    return result
