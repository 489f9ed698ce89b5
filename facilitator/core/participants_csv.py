"""Provides reading a participant list (CSV, English or German headers) with row checks."""

import csv
import io
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from facilitator.core.errors import ValidationError
from facilitator.core.taxonomy import ORG_TYPES, choices, fold_key, resolve
from facilitator.locale import Text, lazy

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
    # consent: the version of the consent text the person signed
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
    problems: list[Text] = []
    unknown = [h for h, c in zip(header, columns, strict=True) if c is None and h.strip()]
    if unknown:
        problems.append(
            lazy(
                "{path}:1: unbekannte Spalte(n) {unknown}; erlaubt: "
                "Name, Organisation, Typ, Kommune, E-Mail, Einwilligung, Anwesend",
                path=path,
                unknown=", ".join(unknown),
            )
        )
    if "name" not in columns:
        problems.append(lazy("{path}:1: die Spalte „Name“ (name) fehlt", path=path))
    if problems:
        raise ValidationError(problems[0], problems)
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
                lazy(
                    "{path}:{line}: die Zeile lässt sich nicht lesen (ein Feld ist zu lang oder "
                    "ein Anführungszeichen fehlt)",
                    path=self._path,
                    line=line,
                )
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
            lazy(
                "{path}: keine Textdatei (Nullbytes); bitte in Excel als „CSV UTF-8“ speichern.",
                path=path,
            )
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
        raise ValidationError(lazy("{path}:1: die Datei ist leer", path=path)) from None
    columns = _columns(header, path)
    problems: list[Text] = []
    result: list[ParticipantRow] = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        parsed = _parse_line(values, columns, known_versions)
        if isinstance(parsed, ParticipantRow):
            result.append(parsed)
        else:
            problems.extend(
                lazy("{path}:{line}: {problem}", path=path, line=reader.line_num, problem=problem)
                for problem in parsed
            )
    if problems:
        raise ValidationError(problems[0], problems)
    return result


_Row = dict[str, str]
_Problem = Text | None  # None: the cell is fine


def _parse_line(
    values: list[str], columns: list[str | None], known_versions: Collection[str] | None
) -> ParticipantRow | list[Text]:
    """One line's participant, or its problems."""
    if len(values) > len(columns):
        return [
            lazy(
                "{count} Werte, aber nur {columns} Spalten", count=len(values), columns=len(columns)
            )
        ]
    row = {c: v.strip() for c, v in zip(columns, values, strict=False) if c}
    problems = [problem for check in _ROW_CHECKS if (problem := check(row, known_versions))]
    return problems or _participant_row(row)


def _name_problem(row: _Row, _known: Collection[str] | None) -> _Problem:
    return None if row.get("name") else lazy("der Name fehlt")


def _type_problem(row: _Row, _known: Collection[str] | None) -> _Problem:
    org_type = row.get("org_type") or None
    if not org_type or resolve_org_type(org_type) is not None:
        return None
    return lazy(
        "unbekannter Typ {org_type} (erlaubt: {choices})",
        org_type=repr(org_type),
        choices=choices(ORG_TYPES),
    )


def _email_problem(row: _Row, _known: Collection[str] | None) -> _Problem:
    email = row.get("email", "")
    if not email or looks_like_email(email):
        return None
    return lazy("{email} ist keine E-Mail-Adresse", email=repr(email))


def _consent_problem(row: _Row, _known: Collection[str] | None) -> _Problem:
    if row.get("consent", "").lower() in YES | NO:
        return None
    return lazy("Einwilligung {consent} ist weder ja noch nein", consent=repr(row.get("consent")))


def _consent_date_problem(row: _Row, _known: Collection[str] | None) -> _Problem:
    consent_date = row.get("consent_date", "")
    if not consent_date or parse_consent_date(consent_date) is not None:
        return None
    return lazy(
        "Einwilligung am {consent_date} ist kein Datum wie 30.11.2026",
        consent_date=repr(consent_date),
    )


def _version_problem(row: _Row, known_versions: Collection[str] | None) -> _Problem:
    version = row.get("consent_text_version", "") or None
    if not version or known_versions is None or version in known_versions:
        return None
    allowed = ", ".join(sorted(known_versions))
    return lazy(
        "Einwilligungstext {version} unbekannt (bekannt: {allowed})",
        version=repr(version),
        allowed=allowed,
    )


def _present_problem(row: _Row, _known: Collection[str] | None) -> _Problem:
    if row.get("present", "").lower() in YES | NO:
        return None
    return lazy("Anwesend {present} ist weder ja noch nein", present=repr(row.get("present")))


# in the order a row's problems are reported
_ROW_CHECKS = (
    _name_problem,
    _type_problem,
    _email_problem,
    _consent_problem,
    _consent_date_problem,
    _version_problem,
    _present_problem,
)


def _participant_row(row: _Row) -> ParticipantRow:
    """The row of a line that passed every check."""
    org_type = row.get("org_type") or None
    consent_date = row.get("consent_date", "")
    consent = row.get("consent", "").lower() in YES
    return ParticipantRow(
        name=row["name"],
        organisation=row.get("organisation", ""),
        org_type=resolve_org_type(org_type) if org_type else None,
        municipality=row.get("municipality", ""),
        email=row.get("email", ""),
        consent=consent,
        consent_date=parse_consent_date(consent_date) if consent_date else None,
        present=row.get("present", "").lower() in YES,
        consent_text_version=(row.get("consent_text_version", "") or None) if consent else None,
    )
