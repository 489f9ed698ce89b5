"""Provides the texts of the exported documents (protocol, method kit) in German and English."""

from facilitator.core.i18n import Catalog

STRINGS = Catalog(
    {
        # protocol: header block
        "protocol": ("Protokoll", "Minutes"),
        "date": ("Datum", "Date"),
        "time": ("Uhrzeit", "Time"),
        "venue": ("Ort", "Venue"),
        "moderation": ("Moderation", "Facilitation"),
        "minute_taker": ("Protokoll", "Minutes taken by"),
        "distribution": ("Verteiler", "Distribution list"),
        "time_range": ("{start}–{end} Uhr", "{start}–{end}"),
        "not_given": ("nicht angegeben", "not given"),
        "contents": ("Inhalt", "Contents"),
        "empty": ("Keine Einträge.", "No entries."),
        # sections, in document order
        "goals_agenda": ("Ziele und Ablauf", "Goals and agenda"),
        "participants": ("Teilnehmende", "Participants"),
        "org_status": ("Stand der Projekte", "Status of the projects"),
        "results": ("Ergebnisse", "Results"),
        "measures": ("Maßnahmen", "Measures"),
        "networking": ("Vernetzung", "Networking"),
        "tasks": ("Aufgaben", "Tasks"),
        "decisions_questions": ("Entscheidungen und offene Fragen", "Decisions and open questions"),
        "next_steps": ("Nächste Schritte", "Next steps"),
        "appendix": ("Anhang: Methoden", "Appendix: methods"),
        # sub-headings and table columns
        "goals": ("Ziele", "Goals"),
        "agenda": ("Ablauf", "Agenda"),
        "item": ("Programmpunkt", "Item"),
        "planned": ("geplant", "planned"),
        "actual": ("tatsächlich", "actual"),
        "method": ("Methode", "Method"),
        # protocol content and attendance (issue 14)
        "series": ("Reihe", "Series"),
        "record": ("Notizen und Fotoprotokoll", "Notes and photos"),
        "no_block": ("Ohne Programmpunkt", "Without an agenda item"),
        "hidden": ("Ausgeblendet (nicht im Protokoll)", "Hidden (not in the protocol)"),
        "photo": ("Foto", "Photo"),
        "attendance": (
            "Anwesend: {present} Personen; entschuldigt oder nicht erschienen: {absent}.",
            "Present: {present} people; excused or absent: {absent}.",
        ),
        "attendance_unknown": (
            "Die Anwesenheit wurde nicht erfasst; aufgeführt sind die Angemeldeten.",
            "Attendance was not recorded; the list shows those registered.",
        ),
        "unnamed_intro": (
            "Außerdem (ohne Einwilligung zur Namensnennung):",
            "Also present (without consent to be named):",
        ),
        "one_person": ("1 Person", "1 person"),
        # consent (issue 23.6): organisations with one unnamed person, counted together
        "other_orgs": ("weitere Organisationen", "other organisations"),
        "persons": ("{n} Personen", "{n} people"),
        "merged": ("{n} Nennungen", "{n} mentions"),
        "results_challenge": ("Herausforderungen", "Challenges"),
        "results_need": ("Bedarfe", "Needs"),
        "results_driver": ("Treiber", "Drivers"),
        "results_idea": ("Ideen", "Ideas"),
        "skipped": ("entfallen", "skipped"),
        "running": ("{start}–läuft", "{start}–running"),
        "name": ("Name", "Name"),
        "organisation": ("Organisation", "Organisation"),
        "org_type": ("Art", "Type"),
        "email": ("E-Mail", "E-mail"),
        "counts": ("Nach Art der Organisation", "By type of organisation"),
        "count": ("Anzahl", "Count"),
        "total": ("Gesamt", "Total"),
        "no_org": ("Ohne Organisation", "No organisation"),
        "no_topic": ("Ohne Themenfeld", "No topic field"),
        "measure": ("Maßnahme", "Measure"),
        "topic": ("Themenfeld", "Topic field"),
        "status": ("Status", "Status"),
        "votes": ("{n} Punkte", "{n} dots"),
        "one_vote": ("1 Punkt", "1 dot"),
        "matches": ("Suche und Biete nach Themenfeld", "Requests and offers by topic field"),
        "request": ("Suche", "Request"),
        "offer": ("Biete", "Offer"),
        "contacts": ("Kontakte", "Contacts"),
        "contacts_note": (
            "Nur Teilnehmende, die der Weitergabe ihrer Kontaktdaten zugestimmt haben.",
            "Only participants who agreed to share their contact details.",
        ),
        "owner": ("Wer", "Who"),
        "what": ("Was", "What"),
        "due": ("Bis wann", "By when"),
        "decisions": ("Entscheidungen", "Decisions"),
        "questions": ("Offene Fragen", "Open questions"),
        "next_date": ("Nächster Termin", "Next date"),
        "steps": ("Ablauf", "Steps"),
        "minutes_short": ("{n} Min.", "{n} min"),
        "page_title": ("{title} – Protokoll", "{title} – minutes"),
        "author": ("facilitator", "facilitator"),
        # method kit
        "kit_title": ("Methodenkoffer", "Method kit"),
        "kit_subtitle": (
            "Ko-kreative Methoden für Vernetzungsworkshops",
            "Co-creative methods for networking workshops",
        ),
        "kit_count": ("{n} Methodenkarten", "{n} method cards"),
        "phase": ("Phase", "Phase"),
        "kit_steps": ("Schritte", "Steps"),
        "kit_step": ("Schritt", "Step"),
        "minutes_head": ("Min.", "Min."),
        "background": ("Hintergrund", "Background"),
        "duration": ("Dauer", "Duration"),
        "group_size": ("Gruppengröße", "Group size"),
        "minutes_range": ("{min}–{max} Minuten", "{min}–{max} minutes"),
        "people_range": ("{min}–{max} Personen", "{min}–{max} people"),
        "materials": ("Material", "Materials"),
        "participant_view": ("Für die Teilnehmenden", "For participants"),
        "captures": ("Ergebnisse (Erfassung)", "Results (capture)"),
        "tips": ("Tipps", "Tips"),
        "traps": ("Stolpersteine", "Pitfalls"),
        "variations": ("Varianten", "Variations"),
        "source": ("Quelle", "Source"),
        # series (issue 17): the section "Lösungen aus der Reihe" (export/solutions.py)
        "solutions_title": ("Lösungen aus der Reihe", "Solutions from the series"),
        "solutions_intro": (
            "Wer hat das schon gelöst? Zu {n} Herausforderungen und Bedarfen dieses Workshops "
            "passen Maßnahmen anderer Organisationen der Reihe (in Umsetzung oder "
            "abgeschlossen) oder Praxisbeispiele. Kontaktdaten nur mit Einwilligung.",
            "Who has solved this already? {n} challenges and needs of this workshop match "
            "measures of other organisations in the series (in progress or completed) or "
            "practice examples. Contact details only with consent.",
        ),
        "solutions_nothing": (
            "Zu den Herausforderungen und Bedarfen dieses Workshops gibt es in der Reihe "
            "noch keine passende Maßnahme und kein Praxisbeispiel.",
            "No measure in the series and no practice example matches this workshop's "
            "challenges and needs yet.",
        ),
        "solutions_from_series": ("aus „{where}“", "from “{where}”"),
        "solutions_library": ("Praxisbeispiel", "practice example"),
        "solutions_similarity": ("Ähnlichkeit {value}", "similarity {value}"),
        "solutions_shared": ("gemeinsam: {words}", "shared: {words}"),
        "solutions_contact": ("Kontakt: {contact}", "Contact: {contact}"),
        "solutions_link": ("Mehr: {link}", "More: {link}"),
        # preparation kit (issue 19): run sheet, wall agenda + QR poster, sign-in list, badges
        "runsheet": ("Regieplan", "Run sheet"),
        "rs_time": ("Zeit", "Time"),
        "rs_item": ("Programmpunkt", "Item"),
        "rs_method": ("Methode und Ablauf", "Method and steps"),
        "rs_who": ("Wer", "Who"),
        "rs_materials": ("Material", "Materials"),
        "rs_setup": ("Raum", "Room set-up"),
        "rs_notes": ("Notizen", "Notes"),
        "rs_leads": ("Leitung: {name}", "Leads: {name}"),
        "rs_writes": ("Protokoll: {name}", "Minutes: {name}"),
        "rs_step": ("{start} ({n} Min.) {text}", "{start} ({n} min) {text}"),
        "rs_card_minutes": (
            "Karte: {card} Min., geplant: {planned} Min.",
            "Card: {card} min, planned: {planned} min",
        ),
        "rs_break": ("Pause", "Break"),
        "rs_fixed": ("feste Zeit", "fixed time"),
        "rs_checklist": ("Material-Checkliste", "Materials checklist"),
        "rs_checklist_note": (
            "Alles Material aus den Methodenkarten dieses Ablaufs, je einmal. Abhaken beim Packen.",
            "Every material from this agenda's method cards, once. Tick while packing.",
        ),
        "rs_no_materials": (
            "Die Methodenkarten nennen kein Material.",
            "The cards list no materials.",
        ),
        "rs_roles": (
            "Moderation: {lead} · Protokoll: {writer}",
            "Facilitation: {lead} · Minutes: {writer}",
        ),
        "agenda_title": ("Ablauf", "Agenda"),
        "agenda_clock": ("{start}–{end} Uhr", "{start}–{end}"),
        "poster_join": ("Mitmachen mit dem Handy", "Join in with your phone"),
        "poster_scan": (
            "QR-Code mit der Handykamera scannen – oder die Adresse eingeben:",
            "Scan the QR code with your phone camera – or type the address:",
        ),
        "poster_wifi": ("WLAN", "Wi-Fi"),
        "poster_wifi_name": ("{name}", "{name}"),
        "poster_wifi_password": ("Passwort: {password}", "Password: {password}"),
        "poster_wifi_first": (
            "Zuerst mit dem WLAN verbinden, dann scannen.",
            "Connect to the Wi-Fi first, then scan.",
        ),
        "signin": ("Teilnahmeliste", "Attendance list"),
        "si_number": ("Nr.", "No."),
        "si_name": ("Name", "Name"),
        "si_organisation": ("Organisation", "Organisation"),
        "si_signature": ("Unterschrift", "Signature"),
        # consent (issue 23.8): the text paper consent records, printed with its version
        "si_consent_column": ("Einw.", "Cons."),
        "si_consent": (
            "Einwilligung zur Weitergabe der Kontaktdaten (Textversion {version}) – wer "
            "einverstanden ist, kreuzt „Einw.“ an: „{text}“",
            "Consent to share contact details (text version {version}) – tick “Cons.” if you "
            "agree: “{text}”",
        ),
        "si_empty": (
            "Noch niemand angemeldet: bitte in die leeren Zeilen eintragen.",
            "Nobody registered yet: please write your name in the empty rows.",
        ),
        # the sign-in list's foot: controller, purpose and retention from the privacy
        # notice (privacy.notice_sections), so a configured notice changes it too
        "si_privacy": (
            "Datenschutz – {controller} {purpose} {retention} Den vollständigen "
            "Datenschutzhinweis erhalten Sie bei der Moderation.",
            "Data protection – {controller} {purpose} {retention} The moderators give you "
            "the full privacy notice.",
        ),
        "badges": ("Namensschilder", "Name badges"),
        # -- activities (issue 16) ----------------------------------------------------
        "act_block": ("Aktivität im Raum: {title}", "Activity in the room: {title}"),
        "act_no_block": ("Aktivität im Raum", "Activity in the room"),
        "act_answers": ("{n} Antworten von Telefonen.", "{n} answers from phones."),
        "act_answers_one": ("1 Antwort von einem Telefon.", "1 answer from a phone."),
        # the Q&A counts questions, the phones that asked them and the upvotes apart
        "act_qa_questions": ("{n} Fragen", "{n} questions"),
        "act_qa_questions_one": ("1 Frage", "1 question"),
        "act_qa_phones": ("von {n} Telefonen", "from {n} phones"),
        "act_qa_phones_one": ("von einem Telefon", "from one phone"),
        "act_qa_votes": ("{n} Stimmen", "{n} votes"),
        "act_qa_votes_one": ("1 Stimme", "1 vote"),
        "act_statement": ("Aussage", "Statement"),
        "act_option": ("Option", "Option"),
        "act_entry": ("Eintrag", "Entry"),
        "act_dots": ("Punkte", "Dots"),
        "act_voters": ("Personen", "People"),
        "act_word": ("Wort", "Word"),
        "act_mentions": ("Nennungen", "Mentions"),
        "act_question": ("Frage", "Question"),
        "act_votes": ("Stimmen", "Votes"),
        "act_state": ("Stand", "State"),
        "act_answered": ("beantwortet", "answered"),
        "act_mean": ("Mittelwert", "Mean"),
    }
)
