"""Provides the sample workshop of `facilitator demo`, seeded through the store's services."""

from datetime import datetime, timedelta

from facilitator.core.agenda_format import AgendaTemplate
from facilitator.library import load_agenda, load_methods
from facilitator.store.captures import add_capture, set_flipchart_votes
from facilitator.store.db import Store
from facilitator.store.participants import add_participant, set_present
from facilitator.store.workshops import create_workshop, update_workshop

DEMO_AGENDA = "vernetzungsworkshop"

PARTICIPANTS = [
    # name, organisation, type, municipality, e-mail, consent, present
    (
        "Dr. Katrin Maier",
        "Landratsamt Esslingen",
        "landkreis",
        "Esslingen am Neckar",
        "k.maier@lra-es.example",
        True,
        True,
    ),
    (
        "Jonas Weber",
        "Stadt Esslingen am Neckar",
        "kommune",
        "Esslingen am Neckar",
        "jonas.weber@esslingen.example",
        True,
        True,
    ),
    (
        "Sabine Hofmann",
        "Stadt Nürtingen",
        "kommune",
        "Nürtingen",
        "s.hofmann@nuertingen.example",
        False,
        True,
    ),
    (
        "Murat Yilmaz",
        "Stadt Filderstadt",
        "kommune",
        "Filderstadt",
        "m.yilmaz@filderstadt.example",
        True,
        True,
    ),
    ("Petra Schäfer", "Gemeinde Denkendorf", "kommune", "Denkendorf", "", False, True),
    (
        "Thomas Brenner",
        "Stadtwerke Esslingen",
        "stadtwerk",
        "Esslingen am Neckar",
        "t.brenner@swe.example",
        True,
        True,
    ),
    (
        "Lena Krause",
        "Stadtwerke Nürtingen",
        "stadtwerk",
        "Nürtingen",
        "l.krause@swn.example",
        False,
        False,
    ),
    (
        "Prof. Dr. Andreas Roth",
        "Hochschule Esslingen",
        "wissenschaft",
        "Esslingen am Neckar",
        "andreas.roth@hs-esslingen.example",
        True,
        True,
    ),
    (
        "Miriam Ott",
        "Neckar Digital GmbH",
        "wirtschaft",
        "Plochingen",
        "m.ott@neckar-digital.example",
        True,
        True,
    ),
    ("Stefan Keller", "Gemeindetag Baden-Württemberg", "verband", "Stuttgart", "", False, True),
]

CAPTURES = [
    # kind, text, topic, organisation, flipchart dots
    (
        "challenge",
        "Fehlende Schnittstellen zwischen Fachverfahren und Landratsamt",
        "verwaltung",
        "Stadt Esslingen am Neckar",
        5,
    ),
    (
        "challenge",
        "Glasfaserausbau in den Teilorten stockt",
        "infrastruktur",
        "Gemeinde Denkendorf",
        3,
    ),
    (
        "need",
        "Gemeinsame Schulungen für Sachbearbeitung zum OZG",
        "verwaltung",
        "Stadt Nürtingen",
        4,
    ),
    ("driver", "Fachkräftemangel zwingt zur Automatisierung", "wirtschaft_arbeit", None, 0),
    ("offer", "Erfahrung mit digitalem Bauantrag teilen", "verwaltung", "Stadt Filderstadt", 0),
    (
        "request",
        "Partner für Sensorik im Straßenraum gesucht",
        "mobilitaet",
        "Stadtwerke Esslingen",
        0,
    ),
    (
        "idea",
        "Kreisweite Open-Data-Plattform mit der Hochschule",
        "partizipation_transparenz",
        "Hochschule Esslingen",
        2,
    ),
    (
        "measure",
        "Pilot: digitale Wärmeplanung mit den Stadtwerken",
        "energie_umwelt",
        "Stadtwerke Nürtingen",
        0,
    ),
    ("question", "Wer betreibt die Plattform nach der Förderphase?", "querschnitt", None, 0),
]


def _template() -> AgendaTemplate:
    # Checked against the shipped cards only: a broken card in the user's own folder
    # must not break the demo.
    return load_agenda(DEMO_AGENDA, load_methods(include_user=False))


def seed_demo(store: Store) -> str:
    """Create the sample workshop (today, Landkreis Esslingen) and return its id."""
    now = datetime.fromtimestamp(store.now_ms() / 1000)
    today = now.date().isoformat()
    template = _template()
    # The sample takes place today and starts now (to the five minutes), so the phone
    # page and the protocol show a date and "ahead/behind" makes sense at once. Late in
    # the evening the plan runs past midnight; the schedule counts on past 24:00.
    start = f"{now.hour:02d}:{now.minute - now.minute % 5:02d}"
    next_day = (now.date() + timedelta(weeks=4)).isoformat()
    with store.transaction():
        workshop_id = create_workshop(
            store,
            "Vernetzungsworkshop Digitalisierung im Landkreis Esslingen",
            template,
            date=today,
            start=start,
            venue="Landratsamt Esslingen, Pulverwiesen 11, Esslingen am Neckar",
        )
        # The follow-up date, so the invitation (.ics) can be written right away.
        update_workshop(
            store,
            workshop_id,
            next_date=next_day,
            next_start="09:00",
            next_venue="Rathaus Nürtingen, Marktstraße 7, Nürtingen",
            # who leads and who writes (run sheet, protocol); the venue's guest Wi-Fi (poster)
            moderation="Julia Brandt",
            minute_taker="Tobias Kern",
            wifi_name="LRA-ES-Gast",
            wifi_password="Neckar2026",
        )
        for name, org, org_type, place, email, consent, present in PARTICIPANTS:
            person = add_participant(
                store,
                workshop_id,
                name,
                organisation=org,
                org_type=org_type,
                municipality=place,
                email=email,
                consent=consent,
            )
            if present:
                set_present(store, person, True)
        for kind, text, topic, by_org, dots in CAPTURES:  # by_org may be None, unlike org
            capture_id = add_capture(
                store, workshop_id, kind, text, topic=topic, organisation=by_org
            )
            if dots:
                set_flipchart_votes(store, capture_id, dots)
        add_capture(
            store,
            workshop_id,
            "todo",
            "Ansprechpersonen für Schnittstellen-AG benennen",
            topic="verwaltung",
            owner="Dr. Katrin Maier",
            due=today[:4] + "-12-31",
        )
        add_capture(
            store,
            workshop_id,
            "challenge",
            "Datenschutzfragen bremsen gemeinsame Cloud-Lösungen",
            topic="verwaltung",
            source="participant",
            author="Handy",
        )
        _seed_protocol_details(store, workshop_id, now.date().isoformat())
    return workshop_id


def _seed_protocol_details(store: Store, workshop_id: str, today: str) -> None:
    """What a real protocol has besides the results: who ran it, states, notes, next steps."""
    update_workshop(
        store,
        workshop_id,
        moderation="Dr. Katrin Maier, Jonas Weber",
        minute_taker="Jonas Weber",
        distribution=["Alle Teilnehmenden", "Landratsamt Esslingen, Stabsstelle Digitalisierung"],
    )
    year = int(today[:4])
    for kind, text, topic, org, extra in (
        (
            "measure",
            "Gemeinsames Bürgerportal für fünf Kommunen",
            "verwaltung",
            "Stadt Nürtingen",
            {"status": "in_umsetzung"},
        ),
        (
            "measure",
            "Glasfaser-Koordinierungsstelle im Landkreis",
            "infrastruktur",
            "Landratsamt Esslingen",
            {"status": "geplant"},
        ),
        (
            "measure",
            "Sensorik für Parkraum in der Innenstadt",
            "mobilitaet",
            "Stadtwerke Esslingen",
            {"status": "abgeschlossen"},
        ),
        (
            "idea",
            "Digitallotsen in jeder Gemeinde",
            "verwaltung",
            "Gemeindetag Baden-Württemberg",
            {},
        ),
        ("decision", "Die Schnittstellen-AG trifft sich vierteljährlich", None, None, {}),
        (
            "todo",
            "Protokoll an alle Teilnehmenden versenden",
            None,
            None,
            {"owner": "Jonas Weber", "due": f"{year}-12-15"},
        ),
        ("note", "Feedbackrunde: Format gern wieder, mehr Zeit für die Vernetzung", None, None, {}),
        ("next_step", "Ergebnisse im Kreisverband der Bürgermeister vorstellen", None, None, {}),
    ):
        add_capture(store, workshop_id, kind, text, topic=topic, organisation=org, **extra)
