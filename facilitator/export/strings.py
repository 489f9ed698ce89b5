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
        "skipped": ("entfallen", "skipped"),
        "running": ("{start}–läuft", "{start}–running"),
        "name": ("Name", "Name"),
        "organisation": ("Organisation", "Organisation"),
        "org_type": ("Art", "Type"),
        "email": ("E-Mail", "E-mail"),
        "email_note": (
            "E-Mail-Adressen nur von Teilnehmenden, die der Weitergabe zugestimmt haben.",
            "E-mail addresses only of participants who agreed to share them.",
        ),
        "counts": ("Nach Art der Organisation", "By type of organisation"),
        "count": ("Anzahl", "Count"),
        "total": ("Gesamt", "Total"),
        "no_measures": ("Ohne erfasste Maßnahmen", "No measures recorded"),
        "no_org": ("Ohne Organisation", "No organisation"),
        "no_topic": ("Ohne Themenfeld", "No topic field"),
        "measure": ("Maßnahme", "Measure"),
        "topic": ("Themenfeld", "Topic field"),
        "status": ("Status", "Status"),
        "votes": ("{n} Punkte", "{n} dots"),
        "one_vote": ("1 Punkt", "1 dot"),
        "matches": ("Biete und Suche nach Themenfeld", "Offers and requests by topic field"),
        "request": ("Suche", "Request"),
        "offer": ("Biete", "Offer"),
        "unmatched": ("Ohne passendes Gegenüber", "Without a match"),
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
    }
)

SECTIONS = (
    "goals_agenda",
    "participants",
    "org_status",
    "results",
    "measures",
    "networking",
    "tasks",
    "decisions_questions",
    "next_steps",
    "appendix",
)
