"""Provides the domain synonym list: words municipal people use for the same thing.

Each line (with its indented continuation) is one concept; its first word is the name
shown in reasons ("FTTH ↔ Breitband"). Words are written as lemmas (simplemma folds
"Glasfasern" to "Glasfaser"); a compound reaches a concept through its parts
("Glasfaserausbau" → Glasfaser). Written from municipal practice (Gemeinderatsvorlagen,
Förderprogramme, the series' captures) by the author of tests/data/meaning, so the
test split's figures are a development figure for this list, not an outside one.
"""

SYNONYMS = """
Breitband Glasfaser FTTH FTTB Glasfaseranschluss Internet Netzausbau Breitbandausbau Leerrohr
    Backbone
Mobilfunk Funkloch Empfang 5G LTE Sendemast Mobilfunkmast Funknetz
Personal Fachkraft Personalmangel Stelle Mitarbeiter Bewerber Personalnot Nachwuchs Azubi
    Ausbildung Fachinformatiker Recruiting
Geld Budget Haushalt Finanzierung Haushaltsmittel Kämmerer Kämmerei Steuergeld
Förderung Fördermittel Förderantrag Förderprogramm Fördertopf Zuschuss
Datenschutz DSGVO Datenschützer Datenschutzrecht DSFA Datenschutzbeauftragter LfDI
    Datenschutzkonzept Datenschutz-Folgenabschätzung
Schnittstelle Anbindung Medienbruch Insellösung Datenaustausch Fachverfahren
Akzeptanz Veränderung Widerstand Skepsis Change-Management umlernen mitnehmen
Cyberangriff Hackerangriff Ransomware Angriff Phishing Cyberkrise Hacker IT-Sicherheit
    Informationssicherheit Cybersicherheit verschlüsseln Grundschutz ISB Awareness
Notfallplan Notfallhandbuch Wiederanlaufplan Wiederanlaufkonzept Notfall Krisenstab Notfallübung
    Planspiel
OZG Onlinezugangsgesetz Onlinedienst Online-Dienst Verwaltungsleistung Online-Antrag
    Onlineantrag Service-BW Antrag
Akte E-Akte Dokumentenmanagement DMS Papierakte Dokumentenmanagementsystem Aktenführung
Senior Ältere Alte Generation Alleinstehende Rentner Alter Seniorin
Smartphone Handy App Tablet Gerät Endgerät Laptop iPad Leihgerät
Bus Rufbus ÖPNV Nahverkehr Bahn Shuttle On-Demand Busverbindung Fahrplan Haltestelle Bürgerbus
    Zug
Auto Carsharing E-Auto Fahrgemeinschaft Mitfahren Pendler Mitfahrbank
Ladesäule Ladeinfrastruktur Wallbox Ladepunkt Ladesäulennetz
Rad Fahrrad Lastenrad Cargobike E-Cargobike Radweg Dienstfahrrad
Parken Parkplatz Stellplatz Parkleitsystem Parkraummanagement Parkplatzsuche Parkraum
    Falschparker
Strategie Digitalstrategie Digitalisierungsstrategie Leitbild
Schule Schüler Schülerin Klassenzimmer Grundschule Schulträger Lernplattform Unterricht
Lehrkraft Lehrer Lehrerin Lehrerkollegium
Schulung Fortbildung Training Workshop Kurs Weiterbildung
Wärmeplanung Wärmeplan Wärmekonzept Heizungsplanung Wärmewende Wärmenetz Nahwärme Wärme Heizung
    Fernwärme
Vergabe Vergaberecht Ausschreibung Beschaffung Vergabeverfahren Einkauf
Pflege Pflegekraft Pflegepersonal Pflegenotstand Pflegeheim Pflegedienst Pflegeplatz
    Kurzzeitpflege Pflegestützpunkt
Arzt Hausarzt Ärztin Arztpraxis Hausärztin Landarzt Videosprechstunde Telemedizin Sprechstunde
Ehrenamt Ehrenamtliche Freiwillige Helfer Engagierte Engagement Freiwilligenbörse
    Freiwilligenplattform Ehrenamtsbörse
Verein Vereinsvorstand Vereinshomepage Vereinsraum
Beteiligung Bürgerbeteiligung Partizipation Mitreden Umfrage Abstimmung Bürgerdialog
    Jugendbeteiligung Beteiligungsplattform Bürgerbudget Bürgerhaushalt
Jugendliche Jugend Junge Jugendforum Jugendgemeinderat Jugendtreff
Gemeinderat Gremium Gremienarbeit Ratsinfo Ratsinformationssystem Sitzung Sitzungsvorlage
    Beschluss Beschlussvorlage Sitzungsdienst
Amtsblatt Mitteilungsblatt Gemeindenachrichten Gemeindeblatt
Hochwasser Starkregen Pegel Überschwemmung Bach Unwetter Pegelsensor Frühwarnung
Sensor Sensorik LoRaWAN Gateway Sensornetz IoT Geräuschlogger Bodenfeuchtesensor
Beleuchtung Straßenbeleuchtung Laterne LED Leuchte Straßenlaterne
Energie Strom Energiemonitoring Verbrauch Heizkosten Energieverbrauch Zähler Smart-Meter
    Messstellenbetrieb
Solar PV Photovoltaik Solaranlage Agri-PV
Einzelhandel Händler Laden Geschäft Innenstadt Marktplatz Online-Marktplatz Leerstand Pop-up
Gründer Startup Gründerzentrum Coworking Gemeinschaftsbüro
Homeoffice Telearbeit
Kita Kindergarten Betreuung Betreuungsplatz Kitaplatz Ganztagsbetreuung
Termin Terminvergabe Terminbuchung Online-Buchung Buchung
Bürgeramt Bürgerbüro Meldebehörde Rathaus Bürgerservice
Rechnung xRechnung E-Rechnung Rechnungsworkflow Rechnungseingang
Webseite Homepage Website Internetseite Internetauftritt Baukasten
Barrierefreiheit barrierefrei BITV zugänglich Inklusion
Feuerwehr Einsatzkraft Alarmierung Sirene Alarm Rettungsdienst Katastrophenschutz
Mängelmelder Schadensmelder Schlagloch Meldung
Open-Data Opendata maschinenlesbar Datenportal
Baum Baumkataster Stadtbaum Bewässerung Grünfläche
Wasser Wasserleitung Leitungsnetz Wasserverlust Leckage Leckortung Rohrbruch
Cloud Rechenzentrum RZ Server Serverraum Microsoft Hosting
Drohne UAV Luftbild Vermessung
Hebamme Geburtshilfe
Neubürger Zuzug Neuzugezogene Willkommenspaket zuziehen
KI Chatbot
Hochschule Universität Lehrstuhl Abschlussarbeit Wissenschaft
"""

# Lemmas that every request or offer says ("Wer hat Erfahrung …?", "teilen wir gern"):
# they carry no meaning of their own and would pair anything with anything.
FILLERS = frozenset(
    """haben hat schon mal gern gerne jemand wer wie was wo zeigen teilen teilen suchen brauchen
    bieten anbieten tipp tipps kontakt frage fragen laufen machen organisieren einfuehren
    durchfuehren schreiben geben nutzen betreiben uebernehmen vorhanden fertig frei erreichen
    finden bekommen kriegen koennen sollen wollen muessen unser unsere euer eure ihr wir man
    seit jahr jahre kreis landkreis region ort gemeinde stadt kommune kommunen ganz alle
    neu neue gut gute einsatz stehen liegen kommen gehen lassen etwas nichts jemanden
    irgendwie eigentlich bitte danke""".split()
)


def synonym_groups() -> list[list[str]]:
    """Return the concept lines as lists of words (first word: the concept's name)."""
    groups: list[list[str]] = []
    for line in SYNONYMS.strip().splitlines():
        if line.startswith(" ") and groups:  # an indented line goes on with the concept above
            groups[-1] += line.split()
        elif line.strip():
            groups.append(line.split())
    return groups
