"""Provides the app's texts in German and English (one catalogue), and translated key bindings."""

from dataclasses import replace

from facilitator.core.i18n import Catalog

T = Catalog(
    {
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
        "key.add": ("Hinzufügen", "Add"),
        "key.delete": ("Löschen", "Delete"),
        "key.edit": ("Bearbeiten", "Edit"),
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
        "replan.on_time": ("Der Workshop liegt im Plan.", "The workshop is on time."),
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
            "„{date}“ ist kein Datum JJJJ-MM-TT (z. B. 2027-03-04).",
            "“{date}” is no date YYYY-MM-DD (e.g. 2027-03-04).",
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
        "join.server_off": (
            "Teilnehmer-Server ausgeschaltet (--no-server)",
            "Participant server off (--no-server)",
        ),
        # export
        "export.folder": ("Zielordner", "Target folder"),
        "export.hint": (
            "j schreibt die JSON-Datei, p das Protokoll (.docx).",
            "j writes the JSON file, p the protocol (.docx).",
        ),
        "export.running": ("Schreibe {path} …", "Writing {path} …"),
        "export.done": ("Geschrieben: {path}", "Written: {path}"),
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
            "f: Frage, ohne: Notiz.\n#thema – Themenfeld (Anfang genügt: #verw); "
            '@Organisation – mit Leerzeichen @"Stadt Esslingen" oder @Stadt_Esslingen; '
            "!Name – verantwortlich; >2026-12-31 oder >31.12. – fällig. "
            "→ übernimmt den Vorschlag.",
            "Capture (c): a prefix sets the kind – h: challenge, b: need, t: driver, "
            "m: measure, i: idea, bi: offer, su: request, to: to-do, e: decision, "
            "f: question, none: note.\n#topic – topic field (a beginning is enough: #verw); "
            '@organisation – with spaces @"Stadt Esslingen" or @Stadt_Esslingen; '
            "!name – owner; >2026-12-31 or >31.12. – due. → accepts the suggestion.",
        ),
        "help.global": ("Überall", "Everywhere"),
        "help.screen": ("Dieser Bildschirm", "This screen"),
        "help.ctrl": ("Strg+", "ctrl+"),
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
        "pair.this_code": ("Sync-Code: {code}", "Sync code: {code}"),
        "pair.no_server": (
            "Dieser Laptop bietet keinen Sync an (kein Teilnehmer-Server); "
            "er kann sich aber mit dem anderen verbinden.",
            "This laptop offers no sync (no participant server); "
            "it can still connect to the other.",
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
        # -- activities and projector (issue 16) ------------------------------------
        "key.activity": ("Aktivität", "Activity"),
        "key.reveal_activity": ("Ergebnis zeigen", "Reveal"),
        "key.beamer": ("Beamer", "Projector"),
        "activity.offer": (
            "a startet die Aktivität dieses Blocks auf den Telefonen: {kind} – {prompt}",
            "a starts this block's activity on the phones: {kind} – {prompt}",
        ),
        "activity.none": (
            "Die Methode dieses Blocks hat keine Aktivität (facilitator activity start …).",
            "This block's method has no activity (facilitator activity start …).",
        ),
        "activity.started": (
            "Läuft auf den Telefonen: {prompt} (a beendet, v zeigt die Ergebnisse am Beamer)",
            "Running on the phones: {prompt} (a stops, v reveals the results on the projector)",
        ),
        "activity.stopped": (
            "Beendet: {prompt} ({answers} Antworten)",
            "Stopped: {prompt} ({answers} answers)",
        ),
        "activity.revealed": ("Ergebnisse am Beamer sichtbar.", "Results shown on the projector."),
        "activity.hidden": ("Ergebnisse am Beamer verborgen.", "Results hidden on the projector."),
        "activity.no_activity": ("Keine Aktivität.", "No activity."),
        "key.hide_word": ("Wort ausblenden", "Hide word"),
        "key.new_activity": ("Neue Aktivität", "New activity"),
        "activity.pick_type": ("Welche Aktivität?", "Which activity?"),
        "activity.ask_prompt": ("Die Frage an den Raum:", "The question for the room:"),
        "activity.ask_choice": ("Optionen, getrennt durch ;", "Options, separated by ;"),
        "activity.ask_scale": (
            "Aussagen zum Bewerten (1–5), getrennt durch ; (leer: die Frage selbst)",
            "Statements to rate (1–5), separated by ; (empty: the question itself)",
        ),
        "activity.ask_matrix": (
            "Einträge für die 2×2-Matrix (Aufwand/Nutzen), getrennt durch ;",
            "Entries for the 2×2 matrix (effort/benefit), separated by ;",
        ),
        "key.questions": ("Frage beantwortet", "Question answered"),
        "activity.pick_word": (
            "Welches Wort am Beamer aus- (oder wieder ein)blenden?",
            "Which word to hide from (or show again on) the projector?",
        ),
        "activity.pick_question": (
            "Welche Frage ist beantwortet (oder wieder offen)?",
            "Which question is answered (or open again)?",
        ),
        "activity.hidden_mark": ("ausgeblendet", "hidden"),
        "activity.answered_mark": ("beantwortet", "answered"),
        "activity.merge_question": (
            "Diese zwei Einträge sagen fast dasselbe. Vor der Abstimmung zu einem zusammenführen?",
            "These two entries say nearly the same. Merge them into one before the vote?",
        ),
        "activity.merged": ("Zusammengeführt in „{text}“.", "Merged into “{text}”."),
        "beamer.opened": ("Beamer-Ansicht geöffnet: {url}", "Projector view opened: {url}"),
        "beamer.no_server": (
            "Der Teilnahme-Server läuft nicht; ohne ihn gibt es keine Beamer-Ansicht.",
            "The participant server is not running; there is no projector view without it.",
        ),
    }
)


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
