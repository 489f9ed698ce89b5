"""Provides the app's texts for the moderator's day: re-plan, item and participant forms."""

DAY: dict[str, tuple[str, str]] = {
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
        "“{name}” does not exist – did you mean “{near}”? ctrl+o takes it, Enter creates “{name}”.",
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
    "join.server_failed": (
        "Kein QR-Code: Der Teilnehmer-Server startet nicht ({error}); "
        "bitte facilitator neu installieren.",
        "No QR code: the participant server does not start ({error}); "
        "please reinstall facilitator.",
    ),
    "join.starting": ("Teilnehmer-Server startet …", "Participant server starting …"),
    "plan.planned_end": ("(laut Plan {end})", "(planned {end})"),
    # day (issue 15): end
    # consent (issue 23.1): phone registrations that match someone the phone did not create
    "key.claims": ("Anmeldungen prüfen", "Review claims"),
    "claims.none": ("Keine offenen Anmeldungen vom Telefon.", "No open claims from phones."),
    "claims.pick": (
        "Offene Anmeldungen vom Telefon – welche prüfen?",
        "Open claims from phones – which one to review?",
    ),
    "claims.line": ("{typed}  →  beansprucht: {matches}", "{typed}  →  claims: {matches}"),
    "claims.consent": ("Einwilligung", "consent"),
    "claims.decide": (
        "Telefon-Anmeldung „{typed}“ passt zu „{matches}“. Was tun?",
        "Phone registration “{typed}” matches “{matches}”. What to do?",
    ),
    "claims.accept": (
        "Übernehmen: der Eintrag wird so, wie das Telefon ihn angibt",
        "Accept: the entry becomes what the phone typed",
    ),
    "claims.separate": ("Als neue Person anlegen", "Add as a new person"),
    "claims.reject": ("Ablehnen: nichts ändert sich", "Reject: nothing changes"),
    "claims.accepted": ("Übernommen für {matches}.", "Accepted for {matches}."),
    "claims.separated": ("{name} als neue Person angelegt.", "{name} added as a new person."),
    "claims.rejected": (
        "Abgelehnt; {matches} bleibt unverändert.",
        "Rejected; {matches} stays unchanged.",
    ),
    "participants.left_out": (
        "Aus der Liste nicht übernommen:",
        "Left out of the list:",
    ),
    "read.ok": ("OK", "OK"),
    # consent (issue 23.7): erasure finds the name in free text
    "erase.hits": (
        "Der Name von {name} steht außerdem an {count} Stellen:",
        "{name}'s name also stands in {count} places:",
    ),
    "erase.decide": (
        "{name} endgültig löschen (auch auf dem anderen Laptop)? Und die {count} Stellen?",
        "Erase {name} for good (also on the other laptop)? And the {count} places?",
    ),
    "erase.redact": (
        "Löschen und den Namen an {count} Stellen durch „N. N.“ ersetzen",
        "Erase and replace the name in {count} places by “N. N.”",
    ),
    "erase.keep": ("Löschen, die Stellen unverändert lassen", "Erase, keep the places as typed"),
    "erase.cancel": ("Abbrechen", "Cancel"),
    "erase.done": (
        "{name} wurde gelöscht; {redacted} Stellen geschwärzt, {kept} behalten.",
        "{name} was erased; {redacted} places redacted, {kept} kept.",
    ),
    # consent (issue 23.8): the text is shown before a consent is recorded
    "consent.confirm": (
        "Einwilligung von {name} erfassen? Sie/er hat diesen Text gelesen oder gehört:",
        "Record {name}'s consent? They have read or heard this text:",
    ),
    "consent.version": ("(Textversion {version})", "(text version {version})"),
    # consent (issue 23.5): the privacy notice's controller, filled in from the app
    "key.privacy": ("Datenschutzhinweis", "Privacy notice"),
    "privacy.heading": (
        "Datenschutzhinweis: wer verantwortlich ist (Art. 13 DSGVO)",
        "Privacy notice: who is responsible (GDPR Art. 13)",
    ),
    "privacy.controller_de": ("Verantwortlich (de)", "Controller (German)"),
    "privacy.contact_de": ("Kontakt (de)", "Contact (German)"),
    "privacy.controller_en": ("Verantwortlich (en)", "Controller (English)"),
    "privacy.contact_en": ("Kontakt (en)", "Contact (English)"),
    "privacy.retention": ("Speicherdauer (Tage)", "Retention (days)"),
    "privacy.hint": (
        "Deutsch ist nötig; leeres Englisch zeigt den deutschen Text (so gekennzeichnet). "
        "Strg+S speichert, Esc bricht ab.",
        "German is required; empty English shows the German text (marked so). "
        "Ctrl+S saves, Esc cancels.",
    ),
    "privacy.bad_days": (
        "Speicherdauer: bitte eine ganze Zahl von Tagen.",
        "Retention: please a whole number of days.",
    ),
    "privacy.saved": (
        "Datenschutzhinweis gespeichert; die Handys sehen jetzt die Anmeldung.",
        "Privacy notice saved; phones now see the registration.",
    ),
    "privacy.missing_at_start": (
        "Der Datenschutzhinweis nennt noch keine verantwortliche Stelle: die Handys sehen "
        "keine Anmeldung. Eintragen: F6, Taste p.",
        "The privacy notice names no controller yet: phones see no registration. "
        "Fill it in: F6, key p.",
    ),
    "participants.claims_open": (
        "{count} offene Telefon-Anmeldung(en): o prüft",
        "{count} open phone claim(s): o reviews",
    ),
    # sync scope and pairing (issue 23.9): a code per workshop or series, shown once
    "pair.offer_workshop": ("Code: Workshop", "Code: workshop"),
    "pair.offer_series": ("Code: Reihe", "Code: series"),
    "pair.revoke": ("Widerrufen", "Revoke"),
    "pair.offers": ("Angeboten: {scopes}", "Offered: {scopes}"),
    "pair.no_offer": (
        "Noch kein Code angeboten: „Code: Workshop“ oder „Code: Reihe“ öffnet den Sync-Port.",
        "No code offered yet: “Code: workshop” or “Code: series” opens the sync port.",
    ),
    "pair.offered": (
        "Neuer Code – nur jetzt sichtbar; gespeichert wird nur ein Hash.",
        "New code – visible only now; only a hash is kept.",
    ),
    "pair.revoked": (
        "{count} Kopplung(en) widerrufen: ihre Codes öffnen nichts mehr.",
        "{count} pairing(s) revoked: their codes open nothing any more.",
    ),
    "pair.no_series": (
        "Dieser Workshop gehört zu keiner Reihe (F2, Workshop bearbeiten).",
        "This workshop belongs to no series (F2, edit workshop).",
    ),
    # workshop deletion to the bytes (issue 23.4)
    "start.confirm_erase": (
        "Workshop „{title}“ endgültig löschen – mit allen Personen, Beiträgen, Fotos und "
        "Antworten, auch auf dem anderen Laptop?",
        "Delete workshop “{title}” for good – with all people, entries, photos and answers, "
        "also on the other laptop?",
    ),
    "start.erased": ("Workshop „{title}“ gelöscht.", "Workshop “{title}” deleted."),
    "start.retention": (
        "{count} Workshop(s) älter als die Speicherdauer ({days} Tage): facilitator purge "
        "löscht ihre Personendaten.",
        "{count} workshop(s) past the retention period ({days} days): facilitator purge "
        "erases their personal data.",
    ),
    "key.delete_series": ("Reihe löschen", "Delete series"),
    "start.no_series": (
        "Dieser Workshop gehört zu keiner Reihe (d löscht ihn allein).",
        "This workshop belongs to no series (d deletes it alone).",
    ),
    "start.confirm_erase_series": (
        "Die ganze Reihe endgültig löschen – {count} Workshop(s) mit allen Personen, "
        "Beiträgen, Fotos und Antworten, auch auf dem anderen Laptop?",
        "Delete the whole series for good – {count} workshop(s) with all people, entries, "
        "photos and answers, also on the other laptop?",
    ),
    "start.series_erased": (
        "{count} Workshop(s) der Reihe gelöscht.",
        "{count} workshop(s) of the series deleted.",
    ),
    # -- the phone form follows the block (issue 25.4) ------------------------
    "run.collect_open": (
        "Telefone: Sammeln offen · o schließt",
        "Phones: collecting open · o closes",
    ),
    "run.collect_closed": (
        "Telefone: Sammeln geschlossen · o öffnet",
        "Phones: collecting closed · o opens",
    ),
    "run.collect_no_block": (
        "Es läuft kein Block; Sammeln öffnet sich mit dem Block.",
        "No block is running; collecting opens with the block.",
    ),
    # -- the plan against the cards (issue 25.6) --------------------------------
    "plan.min_short": ("<{min}", "<{min}"),
    "plan.cut": (
        "„{title}“ unter der Mindestdauer der Karte ({min} min)",
        "“{title}” below the card's minimum ({min} min)",
    ),
    # -- quitting while the room depends on this laptop (issue 25.11) -------------
    "quit.running": (
        "Der Timer läuft und die Telefone hängen an diesem Laptop. Wirklich beenden?",
        "The timer is running and the phones depend on this laptop. Quit anyway?",
    ),
    "quit.server": (
        "Die Telefone hängen an diesem Laptop (Teilnahme-Server). Wirklich beenden?",
        "The phones depend on this laptop (participant server). Quit anyway?",
    ),
    "methods.no_hit": (
        "Keine Methode passt zu „{query}“.",
        "No method matches “{query}”.",
    ),
}
