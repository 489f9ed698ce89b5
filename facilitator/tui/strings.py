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
            "This laptop offers no sync (sync port taken or off); "
            "it can still connect to the other.",
        ),
        "pair.other": ("Mit dem anderen Laptop verbinden:", "Connect to the other laptop:"),
        "pair.url": (
            "Adresse, z. B. https://192.168.1.20:8766",
            "Address, e.g. https://192.168.1.20:8766",
        ),
        "pair.code": ("Pairing-Code des anderen Laptops", "The other laptop's pairing code"),
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
        # protocol (issue 14): review screen, workshop settings, photo upload
        "screen.review": ("Durchsicht", "Review"),
        "key.review": ("Durchsicht", "Review"),
        "key.status": ("Status", "Status"),
        "key.merge": ("Zusammenführen", "Merge"),
        "key.settings": ("Angaben", "Details"),
        "key.save": ("Speichern", "Save"),
        "key.upload": ("Foto-Upload", "Photo upload"),
        "col.status": ("Status", "Status"),
        "review.summary": (
            "{count} Einträge, gruppiert wie im Protokoll",
            "{count} entries, grouped as in the protocol",
        ),
        "review.pick_entry": ("Bitte einen Eintrag wählen.", "Please pick an entry."),
        "review.status_only_measures": (
            "Einen Status haben nur Maßnahmen.",
            "Only measures have a status.",
        ),
        "review.status_set": ("Status: {status}", "Status: {status}"),
        "review.no_duplicates": ("Keine ähnlichen Einträge gefunden.", "No similar entries found."),
        "review.merge_prompt": (
            "Ähnliche Einträge – Enter führt zusammen (Punkte und Herkunft bleiben), Esc bricht ab",
            "Similar entries – Enter merges (dots and sources are kept), Esc cancels",
        ),
        "review.merged": ("Zusammengeführt.", "Merged."),
        "key.unmerge": ("Trennen", "Unmerge"),
        "review.not_merged": (
            "Dieser Eintrag ist nicht zusammengeführt.",
            "This entry is not merged.",
        ),
        "review.unmerged": ("{n} Einträge wieder einzeln.", "{n} entries on their own again."),
        "settings.heading": ("Angaben zum Workshop", "Workshop details"),
        "settings.title": ("Titel", "Title"),
        "settings.date": ("Datum", "Date"),
        "settings.start": ("Beginn", "Start"),
        "settings.end": ("Ende", "End"),
        "settings.venue": ("Ort", "Venue"),
        "settings.series": ("Reihe", "Series"),
        "settings.moderation": ("Moderation", "Facilitation"),
        "settings.minutes_by": ("Protokoll", "Minutes by"),
        "settings.distribution": ("Verteiler", "Distribution"),
        "settings.next_date": ("Nächster Termin", "Next date"),
        "settings.next_venue": ("Ort (nächster)", "Next venue"),
        "settings.wifi_name": ("WLAN-Name", "Wi-Fi name"),
        "settings.wifi_password": ("WLAN-Passwort", "Wi-Fi password"),
        "settings.date_hint": ("31.01.2027 oder 31.01.", "31.01.2027 or 31.01."),
        "settings.clock_hint": ("HH:MM", "HH:MM"),
        "settings.list_hint": ("durch ; getrennt", "separated by ;"),
        "settings.hint": (
            "Enter: nächstes Feld, im letzten speichern · Strg+S speichert · Esc bricht ab",
            "Enter: next field, saves in the last · ctrl+s saves · Esc cancels",
        ),
        "settings.no_title": ("Der Titel darf nicht leer sein.", "The title must not be empty."),
        "settings.saved": ("Angaben gespeichert.", "Details saved."),
        "upload.title": (
            "Fotos hochladen (nur Moderation – nicht am Beamer zeigen)",
            "Upload photos (facilitators only – not on the projector)",
        ),
        "upload.hint": (
            "Mit dem Handy scannen: Fotos von Flipcharts und Pinnwänden kommen ins "
            "Fotoprotokoll. Esc schließt.",
            "Scan with a phone: photos of flipcharts and pinboards go into the photo "
            "protocol. Esc closes.",
        ),
        "upload.no_server": (
            "Der Teilnahme-Server läuft nicht; hochladen geht mit: facilitator photo add DATEI",
            "The participant server is not running; add photos with: facilitator photo add FILE",
        ),
        # preparation kit (issue 19)
        "key.runsheet": ("Regieplan", "Run sheet"),
        "key.agenda_poster": ("Aushang", "Wall agenda"),
        "key.signin": ("Teilnahmeliste", "Sign-in list"),
        "key.badges": ("Namensschilder", "Badges"),
        "export.hint_kit": (
            "Vorbereitung: g Regieplan, a Ablauf + QR-Aushang, s Teilnahmeliste, "
            "b Namensschilder (.docx).",
            "Preparation: g run sheet, a wall agenda + QR poster, s sign-in list, "
            "b name badges (.docx).",
        ),
        "export.agenda_done": (
            "Geschrieben: {path} (QR-Code: {url})",
            "Written: {path} (QR code: {url})",
        ),
        # day (issue 15): re-plan, participants, capture preview, screens
        "key.walk_in": ("Spontan da", "Walk-in"),
        "person.name": ("Name (Pflicht)", "Name (required)"),
        "person.organisation": ("Organisation", "Organisation"),
        "person.municipality": ("Kommune / Ort", "Municipality / place"),
        "person.email": ("E-Mail (optional)", "E-mail (optional)"),
        "person.no_name": ("Bitte einen Namen eingeben.", "Please enter a name."),
        # qa: the participant form's title says how to save
        "person.form_hint": ("Enter speichert, Esc bricht ab", "Enter saves, Esc cancels"),
        "participants.add_title": ("Person hinzufügen", "Add a person"),
        "participants.edit_title": ("Person bearbeiten", "Edit person"),
        "participants.added": ("{name} hinzugefügt.", "{name} added."),
        "participants.walk_in_prompt": (
            "Spontan da (wird als anwesend eingetragen)",
            "Walk-in (marked present)",
        ),
        "participants.walk_in_hint": ("Name @ Organisation", "Name @ Organisation"),
        "participants.walked_in": ("{name} ist da.", "{name} is here."),
        "participants.confirm_delete": (
            "{name} von der Liste löschen?",
            "Delete {name} from the list?",
        ),
        "participants.deleted": (
            "{name} gelöscht (Strg+Z macht es rückgängig).",
            "{name} deleted (ctrl+z undoes it).",
        ),
        "participants.merge_prompt": (
            "Welcher Eintrag ist dieselbe Person wie {name}? (wird in {name} übernommen)",
            "Which entry is the same person as {name}? (folded into {name})",
        ),
        "participants.merged": (
            "Einträge in {name} zusammengeführt.",
            "Entries merged into {name}.",
        ),
        "methods.materials": ("Material", "Materials"),
        "methods.tips": ("Tipps", "Tips"),
        "methods.traps": ("Stolpersteine", "Pitfalls"),
        "methods.steps": ("Ablauf", "Steps"),
        "replan.keys": (
            "+/− ändert den markierten Block um 1 min · Enter übernimmt · Esc verwirft",
            "+/− changes the selected block by 1 min · Enter accepts · Esc declines",
        ),
        "replan.col_old": ("Bisher", "Was"),
        "replan.col_new": ("Neu", "New"),
        "replan.until": ("Bis „{title}“ ({at})", "Until “{title}” ({at})"),
        "replan.until_end": ("Bis zum Ende ({at})", "Until the end ({at})"),
        "replan.fits": ("passt", "fits"),
        "replan.over": ("{minutes} min zu spät", "{minutes} min late"),
        "run.behind_at": (
            "{minutes} min hinter dem Plan · {target} · r: neu planen",
            "{minutes} min behind plan · {target} · r: re-plan",
        ),
        "run.late_but_kept": (
            "Block endet {minutes} min später · {target} wird gehalten",
            "Block ends {minutes} min late · {target} is kept",
        ),
        "run.cannot_shorten": (
            "Kürzer geht nicht: der Block hat {minutes} min "
            "(mindestens 5 min, nicht unter die schon gelaufene Zeit).",
            "Cannot shorten: the block has {minutes} min "
            "(at least 5 min, not below the time already run).",
        ),
        "plan.overlap": (
            "{minutes} min in „{title}“ ({at}) hinein",
            "{minutes} min into “{title}” ({at})",
        ),
        "plan.past_end": ("{minutes} min über das Ende", "{minutes} min past the end"),
        "item.at_placeholder": ("Uhrzeit HH:MM", "Time HH:MM"),
        "item.title": ("Titel", "Title"),
        "item.minutes": ("Minuten", "Minutes"),
        "item.method": ("Methode", "Method"),
        "item.captures": ("Erfassen\n(Leertaste)", "Captures\n(space)"),
        "item.notes": ("Notizen", "Notes"),
        "item.save": ("Speichern (Strg+S)", "Save (ctrl+s)"),
        "item.cancel": ("Abbrechen (Esc)", "Cancel (Esc)"),
        "item.no_title": ("Bitte einen Titel eingeben.", "Please enter a title."),
        "item.bad_at": (
            "Ein fester Termin braucht eine Uhrzeit HH:MM (z. B. 12:30).",
            "A fixed time needs a clock time HH:MM (e.g. 12:30).",
        ),
        "item.below_minimum": (
            "⚠ „{method}“ braucht laut Karte mindestens {minutes} min.",
            "⚠ “{method}” needs at least {minutes} min according to its card.",
        ),
        "key.take_suggestion": ("Vorschlag übernehmen", "Take suggestion"),
        "capture.org_near": ("(neu – meinten Sie „{name}“?)", "(new – did you mean “{name}”?)"),
        "capture.org_new": ("(neu)", "(new)"),
        "capture.confirm_near": (
            "„{name}“ gibt es nicht – meinten Sie „{near}“? Strg+O übernimmt, "
            "Enter legt „{name}“ neu an.",
            "“{name}” does not exist – did you mean “{near}”? ctrl+o takes it, "
            "Enter creates “{name}”.",
        ),
        "palette.placeholder": ("Befehl suchen …", "Search for commands…"),
        "palette.no_matches": ("Keine Treffer", "No matches found"),
        "palette.theme": ("Farbschema", "Theme"),
        "palette.theme_help": ("Das Farbschema wechseln", "Change the current theme"),
        "palette.quit": ("Beenden", "Quit"),
        "palette.quit_help": ("Die App beenden", "Quit the application"),
        "palette.keys": ("Tasten (F1)", "Keys (F1)"),
        "palette.keys_help": (
            "Alle Tasten dieses Bildschirms zeigen",
            "Show every key of this screen",
        ),
        "palette.maximize": ("Vergrößern", "Maximize"),
        "palette.maximize_help": (
            "Das gewählte Element bildschirmfüllend zeigen",
            "Maximize the focused widget",
        ),
        "palette.minimize": ("Verkleinern", "Minimize"),
        "palette.minimize_help": ("Wieder normale Größe", "Restore to normal size"),
        "palette.screenshot": ("Bildschirmfoto", "Screenshot"),
        "palette.screenshot_help": (
            "Ein SVG-Bild des Bildschirms speichern",
            "Save an SVG screenshot of the screen",
        ),
        "join.other_port": (
            "Port {busy} ist belegt – der Teilnehmer-Server läuft auf Port {port}.",
            "Port {busy} is taken – the participant server runs on port {port}.",
        ),
        "join.no_port": (
            "Kein QR-Code: Die Ports {first}–{last} sind belegt ({error}); "
            "bitte das andere Programm beenden und die App neu starten.",
            "No QR code: ports {first}–{last} are taken ({error}); "
            "please quit the other program and restart the app.",
        ),
        "plan.planned_end": ("(laut Plan {end})", "(planned {end})"),
        # day (issue 15): end
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
        # topic suggestions (issue 17): capture line and review screen
        "key.take_topic": ("Themenvorschlag übernehmen", "Take topic suggestion"),
        "capture.topic_suggested": (
            "#{topic}? (Vorschlag: Strg+G)",
            "#{topic}? (suggestion: ctrl+g)",
        ),
        "key.accept_topic": ("Themenvorschlag übernehmen", "Accept topic suggestion"),
        "review.topic_suggested": (
            "Themenvorschlag: #{topic}? ({words}) – t übernimmt",
            "Topic suggestion: #{topic}? ({words}) – t accepts",
        ),
        "review.no_suggestion": (
            "Kein Themenvorschlag für diesen Eintrag.",
            "No topic suggestion for this entry.",
        ),
        "review.topic_set": ("Themenfeld: {topic}", "Topic field: {topic}"),
        # topic suggestions (issue 17): end
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
