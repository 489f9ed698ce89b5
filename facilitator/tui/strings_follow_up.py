"""Provides the app's texts for following up: review, workshop details, photos, the kit, topics."""

FOLLOW_UP: dict[str, tuple[str, str]] = {
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
    # photo deletion (issue 23.3): the Export screen's photo list
    "key.photos": ("Fotos", "Photos"),
    "photos.title": ("Fotos dieses Workshops", "Photos of this workshop"),
    "photos.caption": ("Bildunterschrift", "Caption"),
    "photos.help": (
        "d löscht das markierte Foto endgültig (auch auf dem anderen Laptop) · Esc schließt",
        "d deletes the highlighted photo for good (also on the other laptop) · Esc closes",
    ),
    "photos.none": ("Keine Fotos.", "No photos."),
    "photos.confirm": (
        "Dieses Foto endgültig löschen (Datenbank, Änderungsprotokoll, anderer Laptop)?",
        "Delete this photo for good (database, change log, other laptop)?",
    ),
    "photos.deleted": ("Foto gelöscht.", "Photo deleted."),
    # accept suggested topics for all untagged entries (issue 24.4)
    "key.accept_topics": ("Alle Themenvorschläge", "All topic suggestions"),
    "review.topics_title": (
        "Themenvorschläge für {n} Einträge ohne Themenfeld",
        "Topic suggestions for {n} entries without a topic field",
    ),
    "review.topics_keys": (
        "Leertaste: ja/nein · w: nächster Vorschlag · Enter: setzen · Esc: zurück",
        "Space: yes/no · w: next suggestion · Enter: set · Esc: back",
    ),
    "review.no_untagged": (
        "Kein Eintrag ohne Themenfeld hat einen Vorschlag.",
        "No entry without a topic field has a suggestion.",
    ),
    "review.topics_set": ("{n} Themenfelder gesetzt.", "{n} topic fields set."),
    # why a topic field is suggested, beside its words: the nearest example (issue 24)
    "review.topic_like": ("ähnlich wie „{like}“ {similarity}", "like “{like}” {similarity}"),
    "review.topics_loading": (
        "Themenvorschläge werden berechnet …",
        "Working out topic suggestions …",
    ),
}
