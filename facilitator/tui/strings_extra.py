"""Provides the texts of the app's sync, peer-group and follow-up parts (German, English)."""

EXTRA: dict[str, tuple[str, str]] = {
    # sync: header and pairing dialog
    "sync.connected": ("Sync: verbunden", "Sync: connected"),
    "sync.pending": (" · {count} ausstehend", " · {count} pending"),
    "sync.clock": (" · Uhren weichen {seconds} s ab", " · clocks differ by {seconds} s"),
    "sync.disconnected": ("Sync: getrennt", "Sync: disconnected"),
    "sync.disconnected_since": ("Sync: getrennt seit {time}", "Sync: disconnected since {time}"),
    "sync.command": ("Zweiten Laptop verbinden", "Connect a second laptop"),
    "sync.command_help": (
        "Sync-Adresse und -Code dieses Laptops zeigen, mit dem anderen verbinden",
        "Show this laptop's sync address and code, connect to the other one",
    ),
    "key.pair": ("Zweiter Laptop", "Second laptop"),
    "pair.title": ("Zweiten Laptop verbinden", "Connect a second laptop"),
    "pair.this": (
        "Dieser Laptop – auf dem anderen eingeben (nicht an den Beamer):",
        "This laptop – type on the other one (not for the projector):",
    ),
    "pair.this_url": ("Adresse: {url}", "Address: {url}"),
    "pair.this_code": ("Sync-Code: {code}", "Sync code: {code}"),
    "pair.no_server": (
        "Dieser Laptop bietet keinen Sync an (kein Teilnehmer-Server); "
        "er kann sich aber mit dem anderen verbinden.",
        "This laptop offers no sync (no participant server); it can still connect to the other.",
    ),
    "pair.other": ("Mit dem anderen Laptop verbinden:", "Connect to the other laptop:"),
    "pair.url": (
        "Adresse, z. B. http://192.168.1.20:8765",
        "Address, e.g. http://192.168.1.20:8765",
    ),
    "pair.code": ("Sync-Code des anderen Laptops", "The other laptop's sync code"),
    "pair.connect": ("Verbinden", "Connect"),
    "pair.close": ("Schließen", "Close"),
    "pair.missing": (
        "Bitte Adresse und Sync-Code eingeben.",
        "Please enter address and sync code.",
    ),
    "pair.trying": ("Verbinde mit {url} …", "Connecting to {url} …"),
    "pair.no_sync": ("Sync ist in dieser Version nicht verfügbar.", "Sync is not available."),
    "pair.done": ("{status}", "{status}"),
    "pair.status": ("Stand: {status}", "Status: {status}"),
    "pair.never": ("Noch mit keinem Laptop verbunden.", "Not paired with another laptop yet."),
    # peer groups
    "key.groups": ("Gruppen vorschlagen", "Suggest groups"),
    "groups.title": ("Gruppen vorschlagen", "Suggest peer groups"),
    "groups.count": ("Zahl der Gruppen", "Number of groups"),
    "groups.by": ("Gruppieren nach", "Group by"),
    "groups.by.topic": ("Themen", "Topics"),
    "groups.by.distance": ("Entfernung", "Distance"),
    "groups.by.both": ("beidem", "Both"),
    "groups.run": ("Vorschlagen", "Suggest"),
    "groups.bad_count": (
        "Die Zahl der Gruppen muss eine ganze Zahl sein.",
        "The number of groups must be a whole number.",
    ),
    "groups.working": ("Rechne …", "Working …"),
    "groups.group": ("Gruppe {number}", "Group {number}"),
    "groups.facts": ("{count} Organisationen", "{count} organisations"),
    "groups.span": ("höchstens {km} km auseinander", "at most {km} km apart"),
    "groups.same_place": ("alle am selben Ort", "all in one place"),
    "groups.topics": ("Gemeinsame Themen: {topics}", "Shared topics: {topics}"),
    "groups.pairs": ("Biete/Suche-Paare", "Offer/request pairs"),
    "groups.pair": (
        "{offer_org} bietet „{offer}“ → {request_org} sucht „{request}“ ({reason})",
        "{offer_org} offers “{offer}” → {request_org} seeks “{request}” ({reason})",
    ),
    "groups.words": ("Begriffe: {words}", "terms: {words}"),
    "groups.no_pairs": ("Keine Biete/Suche-Paare gefunden.", "No offer/request pairs found."),
    "groups.warning": ("Warnung: {text}", "Warning: {text}"),
    # exports beyond the protocol
    "key.factsheet": ("Faktenblatt", "Fact sheet"),
    "key.ics": ("Einladung .ics", "Invitation .ics"),
    "key.contacts": ("Kontakte CSV", "Contacts CSV"),
    "export.hint_more": (
        "f schreibt das Faktenblatt der Reihe (sonst aller Workshops), "
        "i die Einladung zum nächsten Termin (.ics), k die Kontaktliste (CSV, nur mit "
        "Einwilligung).",
        "f writes the fact sheet of the series (or of all workshops), i the invitation to "
        "the next date (.ics), k the contact list (CSV, consent only).",
    ),
    "export.no_next_date": (
        "„{title}“ hat noch keinen nächsten Termin. Festlegen mit: facilitator next-date "
        "JJJJ-MM-TT [--start HH:MM] [--venue ORT]",
        "“{title}” has no next date yet. Set it with: facilitator next-date "
        "YYYY-MM-DD [--start HH:MM] [--venue PLACE]",
    ),
    "export.contacts_done": (
        "Geschrieben: {path} ({shared} von {total} Personen mit Einwilligung)",
        "Written: {path} ({shared} of {total} people with consent)",
    ),
    "export.ics_done": ("Geschrieben: {path} ({when})", "Written: {path} ({when})"),
}
