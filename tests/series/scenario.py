"""Provides a realistic series: three workshops in three corners of Baden-Württemberg.

Rhein-Neckar in the north-west, the Swabian Alb around Reutlingen and Tübingen (the
issue's places that GeoNames' populated places missed), and Lake Constance / Upper
Swabia. Each organisation says what it struggles with, what it has done and what it
offers or seeks, in words moderators write on cards. Run this file to build the series
in a database and look at it: `python -m tests.series.scenario /tmp/reihe.db`.
"""

import sys
from pathlib import Path

from facilitator.store import Store, open_store

SERIES = "Digitale Kommune BW 2027"
WORKSHOPS = {
    "nordwest": ("Vernetzungsworkshop Rhein-Neckar", "2027-02-10", "Heidelberg"),
    "alb": ("Vernetzungsworkshop Neckar-Alb", "2027-03-17", "Reutlingen"),
    "bodensee": ("Vernetzungsworkshop Bodensee-Oberschwaben", "2027-04-21", "Friedrichshafen"),
}
# region -> (organisation, municipality, person, consent)
ORGANISATIONS = {
    "nordwest": [
        ("Stadt Heidelberg", "Heidelberg", "Petra Heil", True),
        ("Stadt Mannheim", "Mannheim", "Jonas Mann", False),
        ("Stadt Weinheim", "Weinheim", "Lea Wein", True),
        ("Stadt Schwetzingen", "Schwetzingen", "Omar Schwetz", False),
        ("Landratsamt Rhein-Neckar-Kreis", "Rhein-Neckar-Kreis", "Ute Kreis", True),
    ],
    "alb": [
        ("Stadt Reutlingen", "Reutlingen", "Rita Reut", True),
        ("Gemeinde Ammerbuch", "Ammerbuch", "Anton Amm", False),
        ("Gemeinde Walddorfhäslach", "Walddorfhäslach", "Wiebke Wald", True),
        ("Gemeinde Sonnenbühl", "Sonnenbühl", "Simon Sonne", False),
        ("Gemeinde Starzach", "Starzach", "Stefanie Star", True),
    ],
    "bodensee": [
        ("Stadt Konstanz", "Konstanz", "Karin Konst", True),
        ("Stadt Friedrichshafen", "Friedrichshafen", "Fritz Hafen", True),
        ("Stadt Ravensburg", "Ravensburg", "Rolf Raven", True),
        ("Stadt Überlingen", "Überlingen", "Uta Über", False),
        ("Gemeinde Hohentengen", "Hohentengen (Landkreis Sigmaringen)", "Hanna Hohen", False),
    ],
}
# region -> (kind, text, topic or None, organisation, status)
CAPTURES = {
    "nordwest": [
        (
            "challenge",
            "Fehlendes Personal für die Digitalisierung",
            "querschnitt",
            "Stadt Mannheim",
            None,
        ),
        (
            "measure",
            "LoRaWAN-Netz mit Parksensoren zeigt freie Parkplätze in der App",
            "infrastruktur",
            "Stadt Heidelberg",
            "abgeschlossen",
        ),
        (
            "measure",
            "E-Akte in allen Ämtern eingeführt",
            "verwaltung",
            "Stadt Mannheim",
            "abgeschlossen",
        ),
        (
            "measure",
            "Kommunale Wärmeplanung mit dem Klimaschutzmanagement erstellt",
            "energie_umwelt",
            "Stadt Weinheim",
            "in_umsetzung",
        ),
        (
            "measure",
            "Telemedizin im Pflegeheim geplant",
            "gesundheit_pflege",
            "Stadt Schwetzingen",
            "geplant",
        ),
        (
            "offer",
            "Erfahrung mit LoRaWAN-Sensorik für freie Parkplätze",
            "infrastruktur",
            "Stadt Heidelberg",
            None,
        ),
        (
            "request",
            "Vorlage für eine Dienstvereinbarung zum mobilen Arbeiten",
            "verwaltung",
            "Stadt Schwetzingen",
            None,
        ),
        (
            "need",
            "Austausch zur Wärmeplanung mit Nachbarkommunen",
            "energie_umwelt",
            "Landratsamt Rhein-Neckar-Kreis",
            None,
        ),
    ],
    "alb": [
        (
            "challenge",
            "Uns fehlt Personal für Digitalisierungsprojekte",
            "querschnitt",
            "Gemeinde Ammerbuch",
            None,
        ),
        (
            "challenge",
            "Parkplatzsuche in der Innenstadt verursacht viel Verkehr",
            "mobilitaet",
            "Stadt Reutlingen",
            None,
        ),
        ("challenge", "Einführung der E-Akte stockt", None, "Gemeinde Walddorfhäslach", None),
        (
            "need",
            "Unterstützung bei der kommunalen Wärmeplanung",
            "energie_umwelt",
            "Gemeinde Starzach",
            None,
        ),
        (
            "need",
            "Ideen für ein Jugendhaus im Ortskern",
            "gesellschaft_quartier",
            "Gemeinde Sonnenbühl",
            None,
        ),
        ("request", "Smart-Parking-Pilot", "mobilitaet", "Stadt Reutlingen", None),
        (
            "offer",
            "Feuerwehr-Alarmierung per App",
            "sicherheit_ordnung",
            "Gemeinde Sonnenbühl",
            None,
        ),
        (
            "offer",
            "Muster-Dienstvereinbarung mobiles Arbeiten",
            "verwaltung",
            "Gemeinde Ammerbuch",
            None,
        ),
        (
            "measure",
            "Wärmeplanung im Konvoi mit Nachbargemeinden begonnen",
            "energie_umwelt",
            "Gemeinde Starzach",
            "in_umsetzung",
        ),
    ],
    "bodensee": [
        (
            "challenge",
            "Personalmangel bremst die Digitalisierung",
            "querschnitt",
            "Stadt Überlingen",
            None,
        ),
        (
            "challenge",
            "Einführung der E-Akte in der Verwaltung",
            "verwaltung",
            "Gemeinde Hohentengen",
            None,
        ),
        (
            "request",
            "Digitale Bürgerbeteiligung",
            "partizipation_transparenz",
            "Stadt Konstanz",
            None,
        ),
        (
            "offer",
            "Bürgerbeteiligung online mit eigener Plattform",
            "partizipation_transparenz",
            "Stadt Friedrichshafen",
            None,
        ),
        (
            "measure",
            "Beteiligungsplattform für Bürgerbeteiligung im Betrieb",
            "partizipation_transparenz",
            "Stadt Friedrichshafen",
            "abgeschlossen",
        ),
        (
            "measure",
            "Wärmeplanung abgeschlossen, Wärmenetz in Planung",
            "energie_umwelt",
            "Stadt Ravensburg",
            "abgeschlossen",
        ),
        (
            "need",
            "Wie organisieren andere die Wärmeplanung?",
            "energie_umwelt",
            "Stadt Konstanz",
            None,
        ),
    ],
}


def build_scenario(store: Store) -> dict[str, str]:
    """Fill the store with the series; return region -> workshop id."""
    from facilitator.store.captures import add_capture
    from facilitator.store.participants import add_participant
    from facilitator.store.series import ensure_series
    from facilitator.store.workshops import create_workshop

    series_id = ensure_series(store, SERIES)
    ids = {}
    for region, (title, date, venue) in WORKSHOPS.items():
        workshop = create_workshop(store, title, date=date, venue=venue, series_id=series_id)
        ids[region] = workshop
        for org, place, person, consent in ORGANISATIONS[region]:
            slug = person.split()[1].lower()
            add_participant(
                store,
                workshop,
                person,
                organisation=org,
                org_type="landkreis" if org.startswith("Landratsamt") else "kommune",
                municipality=place,
                email=f"{slug}@example.org",
                consent=consent,
            )
        for kind, text, topic, org, status in CAPTURES[region]:
            add_capture(store, workshop, kind, text, topic=topic, organisation=org, status=status)
    return ids


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/reihe.db")
    opened = open_store(target, create=True)
    print(build_scenario(opened))
    opened.close()
