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
    "plan.planned_end": ("(laut Plan {end})", "(planned {end})"),
    # day (issue 15): end
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
