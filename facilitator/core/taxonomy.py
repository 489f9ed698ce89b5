"""Provides the capture kinds, topic fields, organisation types and measure statuses."""

from facilitator.core.i18n import Label

CAPTURE_KINDS: dict[str, Label] = {
    "challenge": Label("Herausforderung", "Challenge"),
    "need": Label("Bedarf", "Need"),
    "driver": Label("Treiber", "Driver"),
    "measure": Label("Maßnahme", "Measure"),
    "idea": Label("Idee", "Idea"),
    "offer": Label("Biete", "Offer"),
    "request": Label("Suche", "Request"),
    "todo": Label("Aufgabe", "To-do"),
    "decision": Label("Entscheidung", "Decision"),
    "question": Label("Frage", "Question"),
    "note": Label("Notiz", "Note"),
    "next_step": Label("Nächster Schritt", "Next step"),
}

# What phones may submit: open-ended contributions, never decisions or to-dos.
PHONE_KINDS = ("challenge", "need", "idea")


def collects_from_room(planned: list[str] | None) -> bool:
    """Return whether a block with these planned capture kinds collects from the phones.

    Such a block opens the phone form when it starts and closes it when it ends; a block
    that plans only notes, measures or decisions does not.
    """
    return any(kind in PHONE_KINDS for kind in planned or ())


# Prefixes typed in the one-line capture ("h: Fehlende Schnittstellen").
KIND_PREFIXES: dict[str, str] = {
    "h": "challenge",
    "b": "need",
    "t": "driver",
    "m": "measure",
    "i": "idea",
    "bi": "offer",
    "su": "request",
    "to": "todo",
    "e": "decision",
    "f": "question",
    "n": "note",
    "ns": "next_step",
}

TOPICS: dict[str, Label] = {
    "verwaltung": Label("Verwaltung", "Administration"),
    "infrastruktur": Label("Infrastruktur", "Infrastructure"),
    "mobilitaet": Label("Mobilität", "Mobility"),
    "energie_umwelt": Label("Energie und Umwelt", "Energy and environment"),
    "gesundheit_pflege": Label("Gesundheit und Pflege", "Health and care"),
    "bildung": Label("Bildung", "Education"),
    "wirtschaft_arbeit": Label("Wirtschaft und Arbeit", "Economy and work"),
    "partizipation_transparenz": Label(
        "Partizipation und Transparenz", "Participation and transparency"
    ),
    "gesellschaft_quartier": Label("Gesellschaft und Quartier", "Society and neighbourhood"),
    "sicherheit_ordnung": Label("Sicherheit und Ordnung", "Safety and public order"),
    "querschnitt": Label("Querschnitt", "Cross-cutting"),
}

ORG_TYPES: dict[str, Label] = {
    "kommune": Label("Kommune", "Municipality"),
    "landkreis": Label("Landkreis", "County"),
    "stadtwerk": Label("Stadtwerk", "Utility"),
    "wirtschaft": Label("Wirtschaft", "Business"),
    "wissenschaft": Label("Wissenschaft", "Research"),
    "verband": Label("Verband", "Association"),
    "sonstige": Label("Sonstige", "Other"),
}

MEASURE_STATUSES: dict[str, Label] = {
    "idee": Label("Idee", "Idea"),
    "geplant": Label("Geplant", "Planned"),
    "in_umsetzung": Label("In Umsetzung", "In progress"),
    "abgeschlossen": Label("Abgeschlossen", "Completed"),
}

# Short forms a moderator types for a measure's status ("=umsetzung", "=fertig").
STATUS_ALIASES: dict[str, str] = {
    "neu": "idee",
    "idea": "idee",
    "plan": "geplant",
    "geplant": "geplant",
    "planned": "geplant",
    "umsetzung": "in_umsetzung",
    "laeuft": "in_umsetzung",
    "laufend": "in_umsetzung",
    "in_progress": "in_umsetzung",
    "progress": "in_umsetzung",
    "fertig": "abgeschlossen",
    "erledigt": "abgeschlossen",
    "done": "abgeschlossen",
    "completed": "abgeschlossen",
}

AGENDA_KINDS: dict[str, Label] = {
    "block": Label("Block", "Block"),
    "break": Label("Pause", "Break"),
    "pinned": Label("Fester Termin", "Fixed time"),
}

METHOD_PHASES: dict[str, Label] = {
    "ankommen": Label("Ankommen", "Arriving"),
    "einstieg": Label("Einstieg", "Getting started"),
    "ideen": Label("Ideen sammeln", "Collecting ideas"),
    "vertiefen": Label("Vertiefen", "Going deeper"),
    "priorisieren": Label("Priorisieren", "Prioritising"),
    "vernetzen": Label("Vernetzen", "Networking"),
    "abschluss": Label("Abschluss", "Closing"),
}


def fold_key(text: str) -> str:
    """Fold a typed name to key form: lower case, umlauts spelled out, "-" and " " as "_"."""
    return (
        text.strip()
        .lower()
        .replace("ä", "ae")
        .replace("ö", "oe")
        .replace("ü", "ue")
        .replace("ß", "ss")
        .replace("-", "_")
        .replace(" ", "_")
    )


def resolve(value: str, table: dict[str, Label]) -> str | None:
    """Return the key of `table` named by `value` (key or a label in either language)."""
    folded = fold_key(value)
    for key, label in table.items():
        if folded in (key, fold_key(label.de), fold_key(label.en)):
            return key
    return None


def choices(table: dict[str, Label]) -> str:
    """Return the valid keys of `table` as one comma-separated line for messages."""
    return ", ".join(table)


def resolve_status(value: str) -> str | None:
    """Return the measure status named by a key, a label or a short form ("fertig")."""
    return resolve(value, MEASURE_STATUSES) or STATUS_ALIASES.get(fold_key(value))


# What the room contributes and votes on: the only kinds a ballot or the results on
# phones hold, never the moderators' notes, to-dos, decisions or questions.
ROOM_KINDS = ("challenge", "need", "driver", "measure", "idea", "offer", "request")
