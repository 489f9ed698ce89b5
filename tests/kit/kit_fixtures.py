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


def pdf_words(pdf) -> list[list[tuple[float, float, float, float, str]]]:
    """Return each page's words with their boxes (xMin, yMin, xMax, yMax, text), in points."""
    import html
    import re
    import subprocess

    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            page,
        )
        pages.append([(*map(float, w[:4]), html.unescape(w[4])) for w in words])
    return pages


def pdf_page_size(pdf) -> tuple[float, float]:
    """Return the first page's width and height in points."""
    import subprocess

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))
    width, _, height = line.split(":", 1)[1].split()[:3]
    return float(width), float(height)
