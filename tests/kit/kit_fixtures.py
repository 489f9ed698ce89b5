"""Provides the kit tests' data: the join address and the people (unsorted, hostile)."""

JOIN_URL = "http://192.168.178.20:8765/j/abcdefghjk"
PEOPLE = [
    # name, organisation (deliberately unsorted; titles, umlauts, particles, long names)
    ("Prof. Dr. Andreas Roth", "Hochschule Esslingen"),
    ("Jonas Weber", "Stadt Esslingen am Neckar"),
    ("Dr. Katrin Maier", "Landratsamt Esslingen"),
    ("Ülkü Öztürk", "Stadtwerke Nürtingen"),
    ("Anna von Berg", "Gemeinde Denkendorf"),
    ("Dipl.-Ing. Jörg Weiß", "Zweckverband Breitbandversorgung im Landkreis Esslingen"),
    ("Maximiliane-Friederike Hohenzollern-Sigmaringen", "Gemeindetag Baden-Württemberg"),
    ("Eva Ärger", "Neckar <b>Digital</b> GmbH"),
]
