"""Provides the phone page's strings, German first and English second."""

from facilitator.core.i18n import Catalog, normalise_lang

T = Catalog(
    {
        "page_title": ("{title} – Teilnahme", "{title} – join"),
        "lang_switch": ("English", "Deutsch"),
        "now": ("Jetzt", "Now"),
        "nothing_running": (
            "Gerade läuft kein Programmpunkt.",
            "No agenda item is running right now.",
        ),
        "paused": ("pausiert", "paused"),
        "time_left": ("noch {minutes} Min.", "{minutes} min left"),
        "time_over": ("{minutes} Min. über der Zeit", "{minutes} min over time"),
        "time_up": ("Zeit ist um", "Time is up"),
        "instructions": ("So geht’s", "How it works"),
        "agenda": ("Ablauf", "Agenda"),
        "running": ("läuft", "running"),
        "done": ("erledigt", "done"),
        "collect": ("Ihr Beitrag", "Your contribution"),
        "collect_intro": (
            "Die Moderation sammelt gerade Beiträge zu „{title}“.",
            "The moderators are collecting contributions for “{title}”.",
        ),
        "kind": ("Art", "Kind"),
        "text": ("Text (höchstens {max} Zeichen)", "Text (at most {max} characters)"),
        "name_optional": ("Name (freiwillig)", "Name (optional)"),
        "org_optional": ("Organisation (freiwillig)", "Organisation (optional)"),
        "send": ("Absenden", "Send"),
        "submitted": (
            "Danke! Ihr Beitrag ist angekommen.",
            "Thank you! Your contribution has arrived.",
        ),
        "vote": ("Punkte vergeben", "Dot vote"),
        "vote_intro": (
            "Sie haben {budget} Punkte, höchstens {max} pro Eintrag.",
            "You have {budget} dots, at most {max} per item.",
        ),
        "dots_left": ("Noch {left} von {budget} Punkten frei.", "{left} of {budget} dots left."),
        "dots_for": ("Punkte für: {text}", "Dots for: {text}"),
        "vote_send": ("Punkte abgeben", "Cast my dots"),
        "voted": (
            "Danke! Ihre Punkte sind gezählt. Sie können sie bis zum Schluss ändern.",
            "Thank you! Your dots are counted. You may change them until voting closes.",
        ),
        "no_ballot": ("Noch keine Einträge zur Abstimmung.", "Nothing to vote on yet."),
        "results": ("Ergebnis", "Results"),
        "dots": ("{dots} Punkte", "{dots} dots"),
        "dot_one": ("1 Punkt", "1 dot"),
        "less": ("Einen Punkt weniger", "One dot less"),
        "more": ("Einen Punkt mehr", "One dot more"),
        "register": ("Kontaktdaten teilen", "Share contact details"),
        "register_intro": (
            "Tragen Sie sich ein, damit Sie im Protokoll stehen und andere Sie erreichen können.",
            "Sign up to appear in the follow-up protocol so others can reach you.",
        ),
        "name": ("Name", "Name"),
        "organisation": ("Organisation", "Organisation"),
        "email": ("E-Mail", "E-mail"),
        "consent_label": ("Einwilligung", "Consent"),
        "register_send": ("Eintragen", "Sign up"),
        "registered": (
            "Danke, {name}! Sie sind eingetragen.",
            "Thank you, {name}! You are signed up.",
        ),
        "registered_consent": (
            "Ihre Einwilligung zur Weitergabe der Kontaktdaten ist gespeichert.",
            "Your consent to share your contact details is recorded.",
        ),
        "registered_no_consent": (
            "Ihre Kontaktdaten werden nicht weitergegeben.",
            "Your contact details will not be shared.",
        ),
        "back": ("Zurück zum Workshop", "Back to the workshop"),
        "live": ("Live verbunden", "Live"),
        "offline": ("Verbindung unterbrochen – neuer Versuch …", "Connection lost – retrying …"),
        "polling": ("Aktualisierung alle paar Sekunden", "Updating every few seconds"),
        "sending": ("Wird gesendet …", "Sending …"),
        "send_failed": (
            "Senden fehlgeschlagen. Bitte noch einmal versuchen.",
            "Sending failed. Please try again.",
        ),
        # Rejections (short, no data).
        "forbidden": (
            "Zugangscode ungültig. Bitte den QR-Code erneut scannen.",
            "Invalid join code. Please scan the QR code again.",
        ),
        "too_large": ("Anfrage zu groß.", "Request too large."),
        "too_many": (
            "Zu viele Anfragen. Bitte kurz warten.",
            "Too many requests. Please wait a moment.",
        ),
        "not_found": ("Nicht gefunden.", "Not found."),
        "internal": ("Interner Fehler", "Internal error"),
        "bad_request": ("Ungültige Anfrage.", "Bad request."),
        "collection_closed": (
            "Für diesen Block werden gerade keine Beiträge gesammelt.",
            "Contributions are not being collected for this block right now.",
        ),
        "text_missing": ("Bitte einen Text eingeben.", "Please enter a text."),
        "text_too_long": (
            "Bitte höchstens {max} Zeichen.",
            "Please use at most {max} characters.",
        ),
        "kind_not_allowed": ("Diese Art ist hier nicht vorgesehen.", "This kind is not allowed."),
        # privacy (issue 13): notice link, registration fields
        "privacy_link": ("Datenschutzhinweis", "Privacy notice"),
        "org_type": ("Art der Organisation", "Type of organisation"),
        "municipality": ("Kommune / Ort", "Municipality / place"),
        "email_hint": (
            "Die E-Mail-Adresse wird nur mit Einwilligung gespeichert.",
            "The e-mail address is stored only with consent.",
        ),
        # protocol (issue 14): the moderators' photo upload page
        "upload_title": ("Fotoprotokoll: Fotos hochladen", "Photo protocol: upload photos"),
        "upload_photo": ("Fotos (Flipchart, Pinnwand)", "Photos (flipchart, pinboard)"),
        "upload_block": ("Programmpunkt", "Agenda item"),
        "upload_caption": ("Bildunterschrift", "Caption"),
        "upload_send": ("Hochladen", "Upload"),
        "upload_hint": (
            "Nur für die Moderation. Fotos werden aufgerichtet, verkleinert und ohne "
            "Standortdaten gespeichert.",
            "For the facilitators only. Photos are turned upright, scaled down and stored "
            "without location data.",
        ),
        "upload_done": ("{n} Foto(s) gespeichert.", "{n} photo(s) saved."),
        "upload_none": ("Bitte mindestens ein Foto wählen.", "Please choose at least one photo."),
        "upload_too_many": ("Höchstens 10 Fotos auf einmal.", "At most 10 photos at a time."),
        "upload_too_large": ("Das Foto ist größer als 25 MB.", "The photo is larger than 25 MB."),
        # Hardening (issue 12, web): caps, identity, cross-site posts, timeouts.
        "cap_phone": (
            "Sie haben schon {max} Beiträge geschickt – danke! Mehr nimmt dieses Telefon nicht an.",
            "You have already sent {max} contributions – thank you! This phone cannot send more.",
        ),
        "cap_address": (
            "Von diesem Netzanschluss kamen schon {max} Beiträge. Bitte die Moderation ansprechen.",
            "{max} contributions already came from this connection. Please ask the moderators.",
        ),
        "cap_item": (
            "Für diesen Block sind genug Beiträge da ({max}). Bitte die Moderation ansprechen.",
            "This block has enough contributions ({max}). Please ask the moderators.",
        ),
        "cap_workshop": (
            "Der Workshop nimmt keine weiteren Beiträge an ({max}).",
            "The workshop takes no more contributions ({max}).",
        ),
        "cap_voters_address": (
            "Von diesem Netzanschluss wurde schon zu oft abgestimmt.",
            "Too many people have voted from this connection.",
        ),
        "cap_voters_item": (
            "Diese Abstimmung nimmt keine weiteren Stimmen an.",
            "This vote takes no more ballots.",
        ),
        "cap_registrations": (
            "Von diesem Netzanschluss kamen schon zu viele Anmeldungen.",
            "Too many sign-ups have come from this connection.",
        ),
        "cap_streams": (
            "Zu viele offene Verbindungen von diesem Gerät.",
            "Too many open connections from this device.",
        ),
        "vote_reload": (
            "Bitte laden Sie die Seite neu und stimmen Sie dann ab.",
            "Please reload the page, then vote.",
        ),
        "vote_not_yours": (
            "Mit diesem Telefon können Sie nur Ihre eigenen Punkte abgeben.",
            "This phone can only cast its own dots.",
        ),
        "cross_site": (
            "Anfrage von einer anderen Seite abgelehnt.",
            "Request from another site refused.",
        ),
        "mod_forbidden": (
            "Moderationsschlüssel fehlt oder ist falsch.",
            "The moderators' secret is missing or wrong.",
        ),
        "timeout": ("Die Anfrage kam zu langsam an.", "The request arrived too slowly."),
        "ballot_more": (
            "Weitere Einträge ({first}–{last} von {total})",
            "More entries ({first}–{last} of {total})",
        ),
        "ballot_back": ("Vorherige Einträge", "Previous entries"),
        "number_wrong": ("Punkte müssen ganze Zahlen sein.", "Dots must be whole numbers."),
        # -- activities (issue 16) -------------------------------------------------
        "activity": ("Mitmachen", "Take part"),
        "activity_send": ("Antwort senden", "Send answer"),
        "activity_answered": (
            "Danke, Ihre Antwort ist angekommen.",
            "Thank you, your answer arrived.",
        ),
        "activity_change": (
            "Sie können Ihre Antwort ändern, solange die Aktivität offen ist.",
            "You can change your answer while the activity is open.",
        ),
        "activity_closed": ("Diese Aktivität ist beendet.", "This activity has ended."),
        "words_intro": (
            "Bis zu {n} Wörter oder kurze Begriffe (je höchstens {max} Zeichen).",
            "Up to {n} words or short phrases ({max} characters each at most).",
        ),
        "word_n": ("Wort {n}", "Word {n}"),
        "skip": ("keine Angabe", "skip"),
        "choose_one": ("Eine Option wählen.", "Choose one option."),
        "choose_many": ("Eine oder mehrere Optionen wählen.", "Choose one or more options."),
        "matrix_intro": (
            "Ordnen Sie jeden Eintrag ein: 1 = wenig, 5 = viel.",
            "Place each entry: 1 = little, 5 = a lot.",
        ),
        "question_ask": (
            "Ihre Frage (höchstens {max} Zeichen)",
            "Your question (at most {max} characters)",
        ),
        "question_send": ("Frage stellen", "Ask"),
        "question_asked": (
            "Danke, Ihre Frage ist angekommen.",
            "Thank you, your question arrived.",
        ),
        "upvote": ("+1", "+1"),
        "upvoted": ("Ihre Stimme ist gezählt.", "Your vote is counted."),
        "votes_n": ("{n} Stimmen", "{n} votes"),
        "votes_one": ("1 Stimme", "1 vote"),
        "answered_mark": ("beantwortet", "answered"),
        "no_questions": ("Noch keine Fragen.", "No questions yet."),
        # -- projector (issue 16) ---------------------------------------------------
        "beamer_join": ("Mitmachen: QR-Code scannen", "Join: scan the QR code"),
        "beamer_or": ("oder im Browser öffnen:", "or open in a browser:"),
        "beamer_wifi": ("WLAN: {name}", "Wi-Fi: {name}"),
        "beamer_wifi_password": ("Passwort: {password}", "Password: {password}"),
        "beamer_next": ("Danach: {title} ({start})", "Next: {title} ({start})"),
        "beamer_hidden": ("Ergebnisse folgen gleich", "Results coming up"),
        "beamer_answers": ("{n} Antworten", "{n} answers"),
        "beamer_open": ("Jetzt auf dem Telefon antworten", "Answer on your phone now"),
        "beamer_closed": ("Abgeschlossen", "Closed"),
        "beamer_no_answers": ("Noch keine Antworten.", "No answers yet."),
        # issue 23.1: a registration that matches someone this phone did not create
        "registered_claim": (
            "Danke, {name}! Ihre Anmeldung passt zu einem Eintrag auf der Teilnehmerliste; "
            "die Moderation bestätigt sie.",
            "Thank you, {name}! Your registration matches an entry on the participant "
            "list; the moderators will confirm it.",
        ),
        # issue 23.5: no notice without a controller reaches a phone
        "privacy_missing": (
            "Die Anmeldung ist noch nicht möglich: Die Veranstalter haben noch keinen "
            "vollständigen Datenschutzhinweis (verantwortliche Stelle und Kontakt) hinterlegt. "
            "Bitte wenden Sie sich an die Moderation.",
            "Registration is not possible yet: the organisers have not filled in the privacy "
            "notice (controller and contact). Please ask the moderators.",
        ),
        "registered_claim_consent": (
            "Ihre Einwilligung gilt, sobald die Moderation die Anmeldung bestätigt hat.",
            "Your consent applies once the moderators have confirmed the registration.",
        ),
        # Hardening, round two (issue 28)
        "upload_slow": (
            "Das Senden dauerte zu lange; bitte erneut versuchen.",
            "Sending took too long; please try again.",
        ),
        "cap_changes": (
            "Sie haben Ihre Antwort schon {max}-mal geändert. Mehr nimmt diese Aktivität nicht an.",
            "You have changed your answer {max} times already. This activity takes no more.",
        ),
        "beamer_corner": ("Mitmachen", "Join"),
        # -- moving to the other laptop (issue 25.8) ---------------------------------
        "move_refused": (
            "Dieses Telefon ist hier nicht bekannt; bitte den QR-Code neu scannen.",
            "This phone is not known here; please scan the QR code again.",
        ),
        "moved": (
            "Verbunden mit dem zweiten Laptop – Ihre Beiträge sind angekommen.",
            "Connected to the second laptop – your contributions have arrived.",
        ),
        "moving": ("Laptop antwortet nicht, wechsle …", "Laptop not answering, switching …"),
        # -- phones read by people nobody here wrote (issue 25.10) -----------------
        "skipped": ("übersprungen", "skipped"),
        "refresh": ("Seite aktualisieren", "Refresh the page"),
        "refresh_hint": (
            "Ohne JavaScript: neu laden, um zu sehen, ob etwas geöffnet wurde.",
            "Without JavaScript: reload to see whether something opened.",
        ),
        "dots_left_short": ("noch {left} von {budget} Punkten", "{left} of {budget} dots left"),
        "dot_add": ("Punkt setzen: {text}", "Add a dot: {text}"),
        "dot_remove": ("Punkt entfernen: {text}", "Remove a dot: {text}"),
        "over_budget": (
            "Mehr als {budget} Punkte gehen nicht; bitte erst woanders einen wegnehmen.",
            "No more than {budget} dots; please take one away elsewhere first.",
        ),
        "scale_key": ("1 = {low} … 5 = {high}", "1 = {low} … 5 = {high}"),
        "quadrant": ("{x} {xv} · {y} {yv}", "{x} {xv} · {y} {yv}"),
        "low": ("niedrig", "low"),
        "high": ("hoch", "high"),
    }
)


def pick_lang(query_lang: str | None, accept_language: str | None) -> str:
    """Return 'de' or 'en': the ?lang= switch first, then the browser's first language."""
    if query_lang:
        return normalise_lang(query_lang)
    first = (accept_language or "").split(",")[0].split(";")[0].strip()
    return normalise_lang(first)
