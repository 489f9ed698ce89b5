"""Provides the app's texts in German and English (one catalogue), and translated key bindings."""

from dataclasses import replace

from facilitator.core.i18n import Catalog
from facilitator.tui.strings_day import DAY
from facilitator.tui.strings_follow_up import FOLLOW_UP
from facilitator.tui.strings_room import ROOM

_BASE: dict[str, tuple[str, str]] = {
    # screens and keys
    "screen.start": ("Workshops", "Workshops"),
    "screen.plan": ("Planen", "Plan"),
    "screen.run": ("Moderation", "Run"),
    "screen.captures": ("Protokoll", "Notes"),
    "screen.participants": ("Teilnehmende", "Participants"),
    "screen.methods": ("Methoden", "Methods"),
    "screen.join": ("Beitreten", "Join"),
    "screen.export": ("Export", "Export"),
    "key.help": ("Hilfe", "Help"),
    "key.capture": ("Erfassen", "Capture"),
    "key.undo": ("Rückgängig", "Undo"),
    "key.theme": ("Hell/Dunkel", "Light/dark"),
    "key.start_pause": ("Start/Pause", "Start/pause"),
    "key.next": ("Nächster", "Next"),
    "key.extend": ("+5", "+5"),
    "key.shorten": ("−5", "−5"),
    "key.skip": ("Überspr.", "Skip"),
    "key.replan": ("Neu planen", "Re-plan"),
    "key.add": ("Neu", "Add"),
    "key.delete": ("Löschen", "Delete"),
    "key.edit": ("Ändern", "Edit"),
    "key.move_up": ("Nach oben", "Move up"),
    "key.move_down": ("Nach unten", "Move down"),
    "key.more": ("+5", "+5"),
    "key.less": ("−5", "−5"),
    "key.method": ("Methode", "Method"),
    "key.pin": ("Fest/frei", "Fix/free"),
    "key.open": ("Öffnen", "Open"),
    "key.new": ("Neu", "New"),
    "key.scope": ("Block/Alle", "Block/all"),
    "key.filter": ("Filter", "Filter"),
    "key.dots": ("Punkte", "Dots"),
    "key.hide": ("Ausblenden", "Hide"),
    "key.collect": ("Sammeln an/aus", "Collection on/off"),
    "key.vote": ("Abstimmen an/aus", "Voting on/off"),
    "key.reveal": ("Ergebnis zeigen", "Reveal results"),
    "key.budget": ("Punktebudget", "Dot budget"),
    "key.import": ("CSV importieren", "Import CSV"),
    "key.present": ("Anwesend", "Present"),
    "key.consent": ("Einwilligung", "Consent"),
    "key.use": ("Für Block nutzen", "Use for block"),
    "key.search": ("Suchen", "Search"),
    "key.json": ("JSON", "JSON"),
    "key.protocol": ("Protokoll", "Protocol"),
    # header and general
    "header.none": ("kein Workshop", "no workshop"),
    "header.idle": ("Timer steht", "timer stopped"),
    "no_workshop": (
        "Kein Workshop gewählt – F2 zeigt alle Workshops.",
        "No workshop selected – F2 lists all workshops.",
    ),
    "yes": ("Ja", "Yes"),
    "no": ("Nein", "No"),
    # the letter shown on a yes button (both j and y answer yes in either language)
    "yes_key": ("j", "y"),
    "cancel": ("Abbrechen", "Cancel"),
    "ok": ("OK", "OK"),
    "undone": ("Rückgängig gemacht: {what}", "Undone: {what}"),
    "undo.capture": ("Eintrag", "entry"),
    "undo.agenda_item": ("Agendapunkt", "agenda item"),
    "undo.participant": ("Teilnehmende", "participant"),
    "undo.add": ("angelegt", "added"),
    "undo.edit": ("geändert", "changed"),
    "undo.update": ("geändert", "changed"),
    "undo.delete": ("gelöscht", "deleted"),
    "undo.remove": ("entfernt", "removed"),
    "undo.restore": ("wiederhergestellt", "restored"),
    "undo.move": ("verschoben", "moved"),
    "undo.consent": ("Einwilligung geändert", "consent changed"),
    "nothing_to_undo": ("Nichts rückgängig zu machen.", "Nothing to undo."),
    # run
    "run.paused": ("pausiert", "paused"),
    "run.running": ("läuft", "running"),
    "run.ready": (
        "Bereit: Leertaste startet „{title}“.",
        "Ready: space starts “{title}”.",
    ),
    "run.all_done": ("Alle Agendapunkte sind erledigt.", "All agenda items are done."),
    "run.next": ("Danach: {title} ({minutes} min)", "Next: {title} ({minutes} min)"),
    "run.next_none": ("Danach: Ende", "Next: the end"),
    "run.behind": ("{minutes} min hinter dem Plan", "{minutes} min behind plan"),
    "run.ahead": ("{minutes} min vor dem Plan", "{minutes} min ahead of plan"),
    "run.on_time": ("im Plan", "on time"),
    "run.over": ("Überzogen", "Overtime"),
    "run.steps": ("Ablauf", "Steps"),
    "run.no_method": ("Keine Methode hinterlegt.", "No method attached."),
    "run.step_line": ("{minutes:>3} min  {text}", "{minutes:>3} min  {text}"),
    "replan.title": (
        "Der Workshop liegt {minutes} min hinter dem Plan. Restliche Blöcke kürzen?",
        "The workshop is {minutes} min behind plan. Shorten the remaining blocks?",
    ),
    "replan.line": ("{title}: {old} → {new} min", "{title}: {old} → {new} min"),
    "replan.shortfall": (
        "Es fehlen danach noch {minutes} min (Mindestdauer erreicht).",
        "Still {minutes} min short afterwards (minimum reached).",
    ),
    "replan.impossible": (
        "Nichts zu kürzen: alle Blöcke sind schon bei der Mindestdauer.",
        "Nothing to shorten: every block is at its minimum.",
    ),
    "replan.on_time": (
        "Kein Neuplanen nötig: der nächste feste Termin und das Ende werden gehalten.",
        "No re-plan needed: the next fixed time and the end are kept.",
    ),
    "replan.done": (
        "Plan angepasst: {count} Blöcke gekürzt.",
        "Plan adjusted: {count} blocks shortened.",
    ),
    "replan.accept": ("Annehmen", "Accept"),
    "replan.decline": ("Ablehnen", "Decline"),
    # capture
    "capture.prompt": (
        "Erfassen für „{block}“ – Enter speichert, Esc schließt, F1 Syntax",
        "Capture for “{block}” – Enter saves, Esc closes, F1 syntax",
    ),
    "capture.no_block": ("(kein laufender Block)", "(no running block)"),
    "capture.placeholder": (
        "h: Herausforderung #thema @Organisation …",
        "h: challenge #topic @organisation …",
    ),
    "capture.saved": ("Gespeichert: {kind} – {text}", "Saved: {kind} – {text}"),
    "captures.scope_block": ("Block „{block}“", "Block “{block}”"),
    "captures.scope_all": ("Alle Einträge", "All entries"),
    "captures.count": ("{count} Einträge", "{count} entries"),
    "captures.filter": (
        "Filter: h: #thema @Organisation Wort",
        "Filter: h: #topic @organisation word",
    ),
    "captures.participant": ("TN", "P"),
    "captures.hidden": ("ausgeblendet", "hidden"),
    "captures.block_state": (
        "Sammeln {collect} · Abstimmen {vote} · {budget} Punkte · Ergebnis {reveal}",
        "Collecting {collect} · voting {vote} · {budget} dots · results {reveal}",
    ),
    "on": ("an", "on"),
    "off": ("aus", "off"),
    "shown": ("sichtbar", "shown"),
    "not_shown": ("verborgen", "hidden"),
    "captures.none_selected": ("Kein Eintrag ausgewählt.", "No entry selected."),
    "captures.deleted": (
        "Gelöscht (Strg+Z holt ihn zurück).",
        "Deleted (ctrl+z brings it back).",
    ),
    "captures.dots_prompt": (
        "Punkte vom Flipchart für „{text}“",
        "Flipchart dots for “{text}”",
    ),
    "captures.bad_dots": (
        "Punkte müssen eine ganze Zahl ab 0 sein.",
        "Dots must be a whole number from 0.",
    ),
    "captures.budget_prompt": ("Punkte pro Person (1–20)", "Dots per person (1–20)"),
    "captures.bad_budget": (
        "Das Punktebudget ist eine ganze Zahl von 1 bis 20.",
        "The dot budget is a whole number from 1 to 20.",
    ),
    "captures.edit_prompt": (
        "Eintrag bearbeiten – Enter speichert",
        "Edit entry – Enter saves",
    ),
    "col.kind": ("Art", "Kind"),
    "col.text": ("Text", "Text"),
    "col.topic": ("Thema", "Topic"),
    "col.org": ("Organisation", "Organisation"),
    "col.dots": ("Pkt.", "Dots"),
    "col.source": ("Von", "By"),
    "col.nr": ("Nr", "No"),
    "col.start": ("Von", "From"),
    "col.end": ("Bis", "To"),
    "col.title": ("Titel", "Title"),
    "col.minutes": ("Min.", "Min"),
    "col.type": ("Art", "Type"),
    "col.method": ("Methode", "Method"),
    "col.date": ("Datum", "Date"),
    "col.items": ("Punkte", "Items"),
    "col.captures": ("Einträge", "Entries"),
    "col.participants": ("TN", "Ppl"),
    "col.name": ("Name", "Name"),
    "col.org_type": ("Typ", "Type"),
    "col.municipality": ("Kommune", "Municipality"),
    "col.present": ("Da", "Here"),
    "col.consent": ("Einw.", "Cons."),
    # plan
    "plan.total": (
        "Gesamt {total} min · verfügbar {available} min · Ende {end}",
        "Total {total} min · available {available} min · ends {end}",
    ),
    "plan.total_open": ("Gesamt {total} min · Ende {end}", "Total {total} min · ends {end}"),
    "plan.over": (
        "⚠ Der Plan läuft {minutes} min zu lang.",
        "⚠ The plan runs {minutes} min too long.",
    ),
    "plan.add_title": ("Neuer Agendapunkt", "New agenda item"),
    "plan.edit_title": ("Agendapunkt ändern", "Change agenda item"),
    "plan.title_placeholder": ("Titel", "Title"),
    "plan.minutes_placeholder": ("Minuten", "Minutes"),
    "plan.bad_minutes": (
        "Die Minuten müssen eine Zahl ab 1 sein.",
        "Minutes must be a number from 1.",
    ),
    "plan.confirm_remove": (
        "„{title}“ aus der Agenda entfernen?",
        "Remove “{title}” from the agenda?",
    ),
    "kind.block": ("Block", "Block"),
    "kind.break": ("Pause", "Break"),
    "kind.pinned": ("fest {at}", "fixed {at}"),
    # methods
    "methods.search": ("Methode suchen …", "Search methods …"),
    "methods.none": ("— keine Methode —", "— no method —"),
    "methods.pick_item": ("Für welchen Agendapunkt?", "For which agenda item?"),
    "methods.used": ("„{method}“ für „{item}“ hinterlegt.", "“{method}” attached to “{item}”."),
    "methods.minutes": ("{low}–{high} min", "{low}–{high} min"),
    "methods.failed": (
        "Methodenkarten fehlerhaft: {problem}",
        "Method cards broken: {problem}",
    ),
    # start
    "start.empty": (
        "Noch keine Workshops. „n“ legt einen aus einer Vorlage an.",
        "No workshops yet. “n” creates one from a template.",
    ),
    "start.new_title": ("Neuer Workshop", "New workshop"),
    "start.title_placeholder": ("Titel des Workshops", "Workshop title"),
    "start.date_placeholder": ("Datum JJJJ-MM-TT (optional)", "Date YYYY-MM-DD (optional)"),
    "start.bad_date": (
        "„{date}“ ist kein Datum (2027-03-04, 04.03.2027 oder 04.03.).",
        "“{date}” is no date (2027-03-04, 04.03.2027 or 04.03.).",
    ),
    "start.template": ("Vorlage:", "Template:"),
    "start.no_template": ("(leere Agenda)", "(empty agenda)"),
    "start.confirm_delete": ("Workshop „{title}“ löschen?", "Delete workshop “{title}”?"),
    "start.opened": ("Workshop „{title}“ geöffnet.", "Opened workshop “{title}”."),
    # participants
    "participants.count": (
        "{count} Teilnehmende · {present} anwesend · {consent} mit Einwilligung",
        "{count} participants · {present} present · {consent} with consent",
    ),
    "participants.csv_prompt": ("Pfad der CSV-Datei", "Path of the CSV file"),
    "participants.imported": (
        "{count} Teilnehmende importiert.",
        "{count} participants imported.",
    ),
    "participants.unreadable": ("Datei nicht lesbar: {error}", "Cannot read file: {error}"),
    "participants.not_text": (
        "{path}: keine Textdatei (UTF-8 oder Windows-1252); "
        "bitte in Excel als „CSV UTF-8“ speichern.",
        "{path}: not a text file (UTF-8 or Windows-1252); "
        "please save it from Excel as “CSV UTF-8”.",
    ),
    "participants.consent_on": (
        "Einwilligung von {name} gespeichert ({at}).",
        "Consent of {name} stored ({at}).",
    ),
    "participants.consent_off": (
        "Einwilligung von {name} widerrufen.",
        "Consent of {name} withdrawn.",
    ),
    # join
    "join.scan": ("Mit dem Handy scannen und mitmachen", "Scan with your phone to join"),
    "join.code": ("Code: {code}", "Code: {code}"),
    "join.phones": ("{count} Handys verbunden", "{count} phones connected"),
    "join.no_server": ("Teilnehmer-Server nicht verfügbar", "Participant server not available"),
    "join.port_busy": (
        "Teilnehmer-Server nicht gestartet: {error}",
        "Participant server not started: {error}",
    ),
    # join: refusals by the participant server's caps (issue 12, web)
    "join.refused": (
        " · {count} Anfragen abgewiesen (Obergrenzen)",
        " · {count} requests refused (caps)",
    ),
    "join.server_off": (
        "Teilnehmer-Server ausgeschaltet (--no-server)",
        "Participant server off (--no-server)",
    ),
    # export
    "export.folder": ("Zielordner", "Target folder"),
    "export.hint": (
        "r Durchsicht der Ergebnisse vor dem Protokoll, w Angaben zum Workshop; "
        "p schreibt das Protokoll (.docx), j die JSON-Datei.",
        "r review the results before the protocol, w workshop details; "
        "p writes the protocol (.docx), j the JSON file.",
    ),
    "export.running": ("Schreibe {path} …", "Writing {path} …"),
    "export.done": ("Geschrieben: {path}", "Written: {path}"),
    "export.all_workshops": ("Alle Workshops", "All workshops"),
    "export.failed": ("Export fehlgeschlagen: {error}", "Export failed: {error}"),
    "export.no_protocol": (
        "Der Protokoll-Export ist in dieser Version noch nicht verfügbar.",
        "The protocol export is not available in this version yet.",
    ),
    # Textual's own bindings, translated by their English description
    "Quit": ("Beenden", "Quit"),
    "palette": ("Befehle", "Commands"),
    "Focus Next": ("Nächstes Feld", "Focus next"),
    "Focus Previous": ("Vorheriges Feld", "Focus previous"),
    "Copy selected text": ("Markierten Text kopieren", "Copy selected text"),
    # help
    "help.title": ("Tasten", "Keys"),
    "help.syntax": (
        "Erfassen (c): Präfix setzt die Art – h: Herausforderung, b: Bedarf, t: Treiber, "
        "m: Maßnahme, i: Idee, bi: biete, su: suche, to: Aufgabe, e: Entscheidung, "
        "f: Frage, ns: nächster Schritt, ohne: Notiz.\n#thema – Themenfeld (Anfang genügt: "
        '#verw); @Organisation – mit Leerzeichen @"Stadt Esslingen" oder @Stadt_Esslingen; '
        "!Name – verantwortlich; >2026-12-31, >31.12.2026 oder >31.12. (nächster 31.12. ab "
        "Workshoptag) – fällig; =geplant, =umsetzung, =fertig – Status einer Maßnahme. "
        "→ übernimmt den Vorschlag. Ohne #thema schlägt die Vorschau eines vor "
        "(#Mobilität?); Strg+G übernimmt es.",
        "Capture (c): a prefix sets the kind – h: challenge, b: need, t: driver, "
        "m: measure, i: idea, bi: offer, su: request, to: to-do, e: decision, "
        "f: question, ns: next step, none: note.\n#topic – topic field (a beginning is "
        'enough: #verw); @organisation – with spaces @"Stadt Esslingen" or @Stadt_Esslingen; '
        "!name – owner; >2026-12-31, >31.12.2026 or >31.12. (the next 31.12. from the "
        "workshop's day) – due; =geplant, =umsetzung, =fertig – a measure's status. "
        "→ accepts the suggestion. Without #topic the preview suggests one "
        "(#Mobility?); ctrl+g takes it.",
    ),
    "help.global": ("Überall", "Everywhere"),
    "help.screen": ("Dieser Bildschirm", "This screen"),
    "help.ctrl": ("Strg+", "ctrl+"),
    "help.shift": ("Umschalt+", "shift+"),  # qa: key names in F1
    # sync: header and pairing dialog
    "sync.connected": ("Sync: verbunden", "Sync: connected"),
    "sync.pending": (" · {count} ausstehend", " · {count} pending"),
    "sync.clock": (" · Uhren weichen {seconds} s ab", " · clocks differ by {seconds} s"),
    "sync.disconnected": ("Sync: getrennt", "Sync: disconnected"),
    "sync.disconnected_since": (
        "Sync: getrennt seit {time}",
        "Sync: disconnected since {time}",
    ),
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
    "pair.this_code": ("Pairing-Code: {code}", "Pairing code: {code}"),
    "pair.no_server": (
        "Dieser Laptop bietet keinen Sync an (Sync-Port belegt oder aus); "
        "er kann sich aber mit dem anderen verbinden.",
        "This laptop offers no sync (sync port taken or off); it can still connect to the other.",
    ),
    "pair.other": ("Mit dem anderen Laptop verbinden:", "Connect to the other laptop:"),
    "pair.url": (
        "Adresse, z. B. https://192.168.1.20:8766",
        "Address, e.g. https://192.168.1.20:8766",
    ),
    "pair.code": (
        "Pairing-Code oder Kurzcode des anderen Laptops",
        "The other laptop's pairing code or short code",
    ),
    "pair.connect": ("Verbinden", "Connect"),
    "pair.close": ("Schließen", "Close"),
    "pair.missing": (
        "Bitte Adresse und Sync-Code eingeben.",
        "Please enter address and sync code.",
    ),
    "pair.trying": ("Verbinde mit {url} …", "Connecting to {url} …"),
    "pair.no_sync": ("Sync ist in dieser Version nicht verfügbar.", "Sync is not available."),
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
    "groups.failed": (
        "Gruppen konnten nicht berechnet werden: {error}",
        "Could not suggest groups: {error}",
    ),
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
    "groups.no_pairs": ("Keine Biete/Suche-Paare gefunden.", "No offer/request pairs found."),
    "groups.warning": ("Warnung: {text}", "Warning: {text}"),
    # exports beyond the protocol
    "key.factsheet": ("Faktenblatt", "Fact sheet"),
    "key.ics": ("Einladung .ics", "Invitation .ics"),
    "key.contacts": ("Kontakte", "Contacts"),
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
    # privacy (issue 13): erasure on the participants screen
    "key.erase": ("Endgültig löschen", "Erase"),
    "participants.erase_ask": (
        "{name} endgültig löschen (auch aus dem Protokoll der Änderungen und auf dem "
        "anderen Laptop)? Beiträge bleiben ohne Namen.",
        "Erase {name} for good (also from the change log and on the other laptop)? "
        "Contributions stay without the name.",
    ),
    "participants.erased": ("{name} wurde gelöscht.", "{name} was erased."),
    # privacy (issue 13): the pairing dialog stays off the projected Join screen
    "pair.not_on_join": (
        "Die Kopplung zeigt einen geheimen Code: erst den QR-Bildschirm verlassen.",
        "Pairing shows a secret code: leave the QR screen first.",
    ),
}


def _one_catalogue(*parts: dict[str, tuple[str, str]]) -> Catalog:
    """Join the parts; a key in two parts is a mistake (the later would hide the earlier)."""
    joined: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = joined.keys() & part.keys()
        if twice:
            raise ValueError(f"text keys defined twice: {sorted(twice)}")
        joined.update(part)
    return Catalog(joined)


# One catalogue for the app, kept in parts by area so that no file grows past ~500 lines.
T = _one_catalogue(_BASE, DAY, FOLLOW_UP, ROOM)


def translate_bindings(node: object, lang: str) -> None:
    """Replace binding descriptions that are catalogue keys by their text in `lang`.

    Bindings are declared once (class-level) with keys such as "key.next"; each
    instance gets its own copy of the map, so translating it is local to the node.
    """
    bindings = node._bindings.key_to_bindings  # type: ignore[attr-defined]
    for key, found in bindings.items():
        bindings[key] = [
            replace(b, description=T(b.description, lang)) if b.description in T else b
            for b in found
        ]
