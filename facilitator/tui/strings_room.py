"""Provides the app's texts for the room: activities on the phones and the projector."""

ROOM: dict[str, tuple[str, str]] = {
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
    # Join: why requests were refused, and the setting for phones behind one address (NAT)
    "key.shared_address": ("Geteilte Adresse", "Shared address"),
    "join.why": (": {reasons}", ": {reasons}"),
    "join.why.address": ("je Adresse {count}", "per address {count}"),
    "join.why.rate": ("zu schnell {count}", "too fast {count}"),
    "join.why.phone": ("je Handy {count}", "per phone {count}"),
    "join.why.full": ("voll {count}", "full {count}"),
    "join.why.other": ("sonstige {count}", "other {count}"),
    "join.crowded": (
        "{phones} Handys kommen von {address}: teilen sie sich eine Adresse (NAT)? "
        "a hebt die Obergrenzen je Adresse an.",
        "{phones} phones come from {address}: do they share one address (NAT)? "
        "a raises the caps per address.",
    ),
    "join.shared_on": (
        "Geteilte Adresse (NAT) an: höhere Obergrenzen je Adresse (a schaltet aus)",
        "Shared address (NAT) on: higher caps per address (a switches off)",
    ),
    "join.shared_switched_on": (
        "Geteilte Adresse an: je Adresse zählen jetzt bis zu {voters} Abstimmende.",
        "Shared address on: up to {voters} voters now count per address.",
    ),
    "join.shared_switched_off": (
        "Geteilte Adresse aus: je Adresse zählen wieder höchstens {voters} Abstimmende.",
        "Shared address off: at most {voters} voters count per address again.",
    ),
    # -- the printed poster's address (issue 25.8) -------------------------------
    # two lines at 80 columns
    "poster.elsewhere": (
        "Der Aushang führt zu {printed}, dieser Laptop ist {here}: QR am Beamer zeigen "
        "(F8) oder feste Adresse setzen (facilitator join-host).",
        "The poster leads to {printed}, this laptop is {here}: show the QR on the "
        "projector (F8) or fix an address (facilitator join-host).",
    ),
    # -- join corner on the projector (issue 25.7) -----------------------------
    "key.join_corner": ("Beamer-QR ein/aus", "Projector QR on/off"),
    "join_corner.shown": (
        "Der Beamer zeigt jetzt in jedem Block klein QR-Code und Link (j blendet aus).",
        "The projector now shows a small QR code and link in every block (j hides them).",
    ),
    "join_corner.hidden": (
        "QR-Code und Link sind vom Beamer ausgeblendet (j zeigt sie wieder).",
        "QR code and link are hidden from the projector (j shows them again).",
    ),
    # -- dot votes in the app (issue 25.5) ------------------------------------
    "ballot.question": ("Worüber wird abgestimmt?", "What does the room vote on?"),
    "ballot.block": ("Einträge dieses Blocks ({n})", "This block's entries ({n})"),
    "ballot.kind": ("Nur {kind} ({n})", "Only {kind} ({n})"),
    "ballot.all": ("Alle Einträge des Workshops ({n})", "All of the workshop's entries ({n})"),
    "ballot.pick": ("Einträge ankreuzen …", "Tick entries …"),
    "ballot.pick_hint": (
        "Leertaste kreuzt an, Strg+S übernimmt, Esc bricht ab.",
        "Space ticks, ctrl+s takes them, Esc cancels.",
    ),
    "ballot.empty": ("Noch keine Einträge zur Abstimmung.", "No entries to vote on yet."),
    "key.delete_activity": ("Aktivität löschen", "Delete activity"),
    "activity.delete_question": (
        "Die Aktivität „{prompt}“ ohne Antworten löschen?",
        "Delete the activity “{prompt}” (no answers)?",
    ),
    "activity.deleted": ("Gelöscht: {prompt}", "Deleted: {prompt}"),
    # pairing by a short code (sync.short_code): eight characters, ten minutes, once
    "pair.offer_short": ("Kurzcode", "Short code"),
    "pair.short_code": (
        "Kurzcode: {code}  (bis {until}, eine Kopplung, {tries} Versuche)",
        "Short code: {code}  (until {until}, one pairing, {tries} tries)",
    ),
    "pair.short_offered": (
        "Kurzcode für {scope}: auf dem anderen Laptop mit Adresse eintippen.",
        "Short code for {scope}: type it on the other laptop with the address.",
    ),
    "pair.short_no_port": (
        "Kein Kurzcode: der Sync-Port lässt sich nicht öffnen (belegt?).",
        "No short code: the sync port cannot be opened (in use?).",
    ),
    # organisations typed on phones, reviewed in the app (F6, shift+O)
    "key.pending_orgs": ("Organisationen von Handys", "Organisations from phones"),
    "orgs.none": ("Keine Organisation von Handys wartet.", "No organisation from phones waits."),
    "orgs.pick": ("Von Handys eingegeben – welche prüfen?", "Typed on phones – review which?"),
    "orgs.line_near": ("{name}  (meinten Sie „{near}“?)", "{name}  (did you mean “{near}”?)"),
    "orgs.accept": ("„{name}“ in die Liste aufnehmen", "Add “{name}” to the list"),
    "orgs.merge_into": ("Zu „{near}“ zusammenführen", "Merge into “{near}”"),
    "orgs.accepted": ("Aufgenommen: „{name}“.", "Added: “{name}”."),
    "orgs.merged": ("„{name}“ zählt jetzt als „{near}“.", "“{name}” now counts as “{near}”."),
}
