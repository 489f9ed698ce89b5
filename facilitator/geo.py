"""Provides places in Baden-Württemberg: every municipality, county office seat and town.

`data/bw_municipalities.csv` lists all 1,101 municipalities with their county and the seats
of the 35 Landratsämter (derived from GeoNames' postal codes, CC BY 4.0, by
scripts/make_bw_municipalities.py); `data/bw_places.csv` adds GeoNames' populated places
(villages and town parts with 500+ inhabitants) as a fallback. Names are written as people
write them: "Stadt Esslingen am Neckar", "LRA Ludwigsburg", "Freiburg", "St. Blasien",
"Hohentengen (Landkreis Waldshut)", "Altdorf, Kreis Esslingen".
"""

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from facilitator.core.matching import fold
from facilitator.locale import gettext

# Words before the place that name the kind of body, not the place.
_PREFIXES = re.compile(
    r"^(?:(?:große\s+kreisstadt|grosse\s+kreisstadt|universitätsstadt|universitaetsstadt|"
    r"hochschulstadt|landeshauptstadt|stadtverwaltung|gemeindeverwaltung|bürgermeisteramt|"
    r"buergermeisteramt|landratsamt|lra|landkreis|lkr\.?|lk|kreis|stadtkreis|stadtwerke|"
    r"stadt|gemeinde|im|kreisstadt|kurstadt|hansestadt|"
    r"verwaltungsgemeinschaft|gvv)\s+|(?:gem|gmd|gde)\.\s*)+",
    re.IGNORECASE,
)
_AUTHORITY = re.compile(r"^\s*(?:landratsamt|lra|landkreis|lkr\.?|lk|kreis|im)\s+", re.IGNORECASE)
# Additions after the place: "am Neckar", "an der Riß", "im Breisgau", "i. Br.", "a.N.".
_SUFFIX = re.compile(r"\s+(?:(?:am|an|an der|im|in|ob|unter|auf|bei|der)\s+.*|[aiou]\.\s*\S.*)$")
# "Name (Zusatz)" or "Name, Zusatz": the addition may name the county.
_ADDITION = re.compile(r"^(.*?)\s*(?:\((.*?)\)|,\s*(.*))\s*$")


@dataclass(frozen=True)
class Municipality:
    """One municipality of Baden-Württemberg with its county and coordinates."""

    name: str
    county: str
    latitude: float
    longitude: float
    population: int = 0
    seat_of: tuple[str, ...] = ()  # counties whose Landratsamt sits here

    @property
    def label(self) -> str:
        """Return "Name (County)" for lists where equal names must be told apart."""
        return f"{self.name} ({self.county})"


@dataclass
class Resolution:
    """What a written place name resolved to: one municipality, or none with close names."""

    written: str
    municipality: Municipality | None
    ambiguous: list[Municipality]  # equal candidates when no county told them apart
    closest: list[str]  # nearest known names when nothing matched
    guessed: bool = False  # a typo read as the one clearly closest name (warn all the same)


def normalise_place(text: str) -> str:
    """Return the folded place name of a municipality or authority ("LRA Esslingen" → esslingen)."""
    text = re.sub(r"\(.*?\)", " ", text or "")
    return _clean(text)


def _clean(text: str) -> str:
    text = " ".join(text.replace(",", " ").split())
    text = _PREFIXES.sub("", text)
    text = re.sub(r"\bst\.\s*", "sankt ", fold(text))
    return " ".join(text.replace("-", " ").replace("(", " ").replace(")", " ").split())


def _head(folded: str) -> str:
    return _SUFFIX.sub("", folded).strip()


def _county_key(name: str) -> str:
    """Return "esslingen" for "Landkreis Esslingen", "rems murr" for "Rems-Murr-Kreis"."""
    key = _clean(re.sub(r"^(?:land|stadt)kreis\s+", "", name, flags=re.IGNORECASE))
    return re.sub(r"\s*kreis$", "", key).strip()


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("facilitator.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


@lru_cache(maxsize=1)
def municipalities() -> tuple[Municipality, ...]:
    """Return all municipalities of Baden-Württemberg (the shipped list)."""
    return tuple(
        Municipality(
            name=row["name"],
            county=row["county"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            population=int(row["population"] or 0),
            seat_of=tuple(filter(None, row["seat_of"].split(";"))),
        )
        for row in _read("bw_municipalities.csv")
    )


@lru_cache(maxsize=1)
def _index() -> tuple[dict, dict, dict, dict]:
    """Return (full name, short form, part of a double name, county) -> municipalities."""
    full: dict[str, list[Municipality]] = {}
    short: dict[str, list[Municipality]] = {}
    parts: dict[str, list[Municipality]] = {}
    seats: dict[str, Municipality] = {}
    for place in municipalities():
        key = _clean(place.name)
        full.setdefault(key, []).append(place)
        bare = normalise_place(place.name)
        # "Lahr" for Lahr/Schwarzwald, "Eislingen" for Eislingen/Fils.
        slash = normalise_place(place.name.split("/")[0])
        for variant in {bare, _head(bare), slash} - {key}:
            short.setdefault(variant, []).append(place)
        # "Villingen" for Villingen-Schwenningen, "Gmünd" for Schwäbisch Gmünd.
        pieces = _head(bare).split()
        if len(pieces) > 1:
            for piece in {pieces[0], pieces[-1]} - {"bad", "schwaebisch", "sankt"}:
                if len(piece) >= 5:
                    parts.setdefault(piece, []).append(place)
        for county in place.seat_of:
            seats[_county_key(county)] = place
    return full, short, parts, seats


@lru_cache(maxsize=1)
def _towns() -> dict[str, tuple[int, float, float]]:
    """Return GeoNames' populated places (fallback for town parts), the largest wins."""
    found: dict[str, tuple[int, float, float]] = {}
    for row in _read("bw_places.csv"):
        entry = (int(row["population"]), float(row["latitude"]), float(row["longitude"]))
        name = normalise_place(row["name"])
        for key in {name, _head(name)}:
            if key and (key not in found or found[key][0] < entry[0]):
                found[key] = entry
    return found


def _in_county(places: list[Municipality], county: str) -> list[Municipality]:
    key = _county_key(county)
    return [p for p in places if _county_key(p.county) == key]


def _pick(
    exact: list[Municipality], short: list[Municipality], county: str | None
) -> tuple[Municipality | None, list[Municipality]]:
    """Return the one place meant, or None and the equal candidates.

    A county decides first; then a clearly larger place wins ("Biberach" → Biberach an der
    Riß, not the village in the Kinzig valley); then the exact official name.
    """
    places = list(dict.fromkeys(exact + short))
    if county and (inside := _in_county(places, county)):
        places = inside
        exact = [p for p in exact if p in inside]
    if len(places) == 1:
        return places[0], []
    by_size = sorted(places, key=lambda p: -p.population)
    if by_size and by_size[0].population > 2 * max(1, by_size[1].population):
        return by_size[0], []
    if len(exact) == 1:
        return exact[0], []
    return None, places


# How people shorten the deciding suffix: "a.d. Riß", "a. Rhein", "a.N.", "i. Br.", "/Fils".
_SPELLED = [
    (re.compile(r"\ba\.\s*d\.\s*", re.IGNORECASE), "an der "),
    (re.compile(r"\ba\.\s*rh(?:ein)?\.?(?=\s|$)", re.IGNORECASE), "am Rhein"),
    (re.compile(r"\ba\.\s*n\.?(?=\s|$)", re.IGNORECASE), "am Neckar"),
    (re.compile(r"\bi\.\s*br\.?(?=\s|$)", re.IGNORECASE), "im Breisgau"),
    (re.compile(r"\ba\.\s*(?=\w)", re.IGNORECASE), "am "),
    (re.compile(r"^(?P<town>[^/]+)/(?=\w)"), r"\g<town> an der "),
    (re.compile(r"\bschw(?:äb|aeb)?\.\s*", re.IGNORECASE), "Schwäbisch "),
    (re.compile(r"^stgt\.?$", re.IGNORECASE), "Stuttgart"),
]
# Number-plate codes of the counties and city districts -> the seat of the office.
PLATES = {
    "s": "Stuttgart", "es": "Esslingen am Neckar", "lb": "Ludwigsburg", "bb": "Böblingen",
    "wn": "Waiblingen", "gp": "Göppingen", "hn": "Heilbronn", "kuen": "Künzelsau",
    "sha": "Schwäbisch Hall", "tbb": "Tauberbischofsheim", "mos": "Mosbach",
    "hd": "Heidelberg", "ma": "Mannheim", "ka": "Karlsruhe", "pf": "Pforzheim", "cw": "Calw",
    "fds": "Freudenstadt", "ra": "Rastatt", "bad": "Baden-Baden", "og": "Offenburg",
    "em": "Emmendingen", "fr": "Freiburg im Breisgau", "loe": "Lörrach",
    "wt": "Waldshut-Tiengen", "kn": "Konstanz", "tut": "Tuttlingen", "rw": "Rottweil",
    "vs": "Villingen-Schwenningen", "bl": "Balingen", "tue": "Tübingen", "rt": "Reutlingen",
    "ul": "Ulm", "bc": "Biberach an der Riß", "sig": "Sigmaringen", "rv": "Ravensburg",
    "fn": "Friedrichshafen", "hdh": "Heidenheim an der Brenz", "aa": "Aalen",
}  # fmt: skip
TYPO_SCORE = 85  # rapidfuzz WRatio a typo must reach, and lead the next name by TYPO_LEAD
TYPO_LEAD = 4


def _spelled_out(text: str) -> str:
    for pattern, replacement in _SPELLED:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def _by_name(name: str) -> Municipality | None:
    return next((p for p in municipalities() if p.name == name), None)


def _shorthand(written: str) -> Resolution | None:
    """Resolve what people write beside the official name: plates, short forms, Teilorte, typos."""
    full, _, _, seats = _index()
    bare = _PREFIXES.sub("", written.strip()).strip()
    code = fold(bare).strip(". ")
    if code in PLATES and (len(bare) <= 4 and (bare.isupper() or bare != written.strip())):
        return Resolution(written, _by_name(PLATES[code]), [], [])
    if seat := seats.get(_county_key(bare)):  # "Rems-Murr", "Main-Tauber", "Ostalb"
        return Resolution(written, seat, [], [])
    if "-" in bare:  # "Filderstadt-Bernhausen": the municipality and its Teilort
        head = bare.rsplit("-", 1)[0]
        found = resolve_place(head)
        if found.municipality:
            return Resolution(written, found.municipality, [], [])
    close = _closest_scored(bare, scorer="ratio")  # edit distance: "Ravensbrug", not "Berg"
    if (
        close
        and close[0][1] >= TYPO_SCORE
        and (len(close) == 1 or close[0][1] - close[1][1] >= TYPO_LEAD)
    ):
        return Resolution(written, _by_name(close[0][0]), [], [c[0] for c in close], guessed=True)
    return None


def resolve_place(written: str, county: str | None = None) -> Resolution:
    """Resolve a written place (municipality, its short form, or a county office) to one place.

    A county given here or in the text ("Hohentengen (Landkreis Waldshut)") decides between
    municipalities of one name; "Landratsamt X"/"Kreis X" means the seat of that office.
    """
    text = (written or "").strip()
    if not text:
        return Resolution(written, None, [], [])
    candidates = _candidates(text, county)
    for name, hint in candidates:
        if named := _by_authority(name) or _by_full_name(name, hint):
            return Resolution(written, named[0], named[1], [])
    _, _, parts, _ = _index()
    for name, hint in candidates:
        if near := parts.get(_head(_clean(name))):
            found, equal = _pick([], near, hint)
            return Resolution(written, found, equal, [])
    return _shorthand(text) or Resolution(written, None, [], closest_places(text))


def _candidates(text: str, county: str | None) -> list[tuple[str, str | None]]:
    """Return the readings of a written place to try, each with its county hint, best first."""
    candidates: list[tuple[str, str | None]] = [(text, county)]
    if (spelled := _spelled_out(text)) != text:
        candidates.insert(0, (spelled, county))  # the deciding suffix, written out, first
    if (addition := _ADDITION.match(text)) and county is None:
        candidates.append((addition.group(1), addition.group(2) or addition.group(3) or ""))
    return candidates


def _by_authority(name: str) -> tuple[Municipality | None, list[Municipality]] | None:
    """Return the seat of a county office ("Landratsamt Ravensburg", "Kreis RV"), if named."""
    if not (_AUTHORITY.match(name) or _clean(name).endswith("kreis")):
        return None
    _, _, _, seats = _index()
    authority = _AUTHORITY.sub("", name)
    if seat := seats.get(_county_key(authority)):
        return seat, []
    if (code := fold(authority).strip(". ")) in PLATES:  # "Kreis RV", "LRA FN"
        return _by_name(PLATES[code]), []
    return None


def _by_full_name(
    name: str, hint: str | None
) -> tuple[Municipality | None, list[Municipality]] | None:
    """Return the municipality of this name or short form (or the namesakes it leaves open)."""
    full, short, _, _ = _index()
    key = _clean(name)
    for found_key in (key, _head(key)):
        exact, near = full.get(found_key, []), short.get(found_key, [])
        if exact or near:
            return _pick(exact, near, hint)
    return None


def closest_places(written: str, limit: int = 3) -> list[str]:
    """Return the known municipality names closest to a written name (for warnings)."""
    return [name for name, _ in _closest_scored(written, limit)]


def _closest_scored(
    written: str, limit: int = 3, scorer: str = "WRatio"
) -> list[tuple[str, float]]:
    from rapidfuzz import fuzz, process  # only when a name is not found: keeps start-up light

    names = sorted({p.name for p in municipalities()})
    found = process.extract(
        normalise_place(written),
        [_clean(n) for n in names],
        scorer=getattr(fuzz, scorer),
        limit=limit,
        score_cutoff=75,
    )
    return [(names[index], score) for _, score, index in found]


def place_warning(
    written: str, resolution: Resolution | None = None, lang: str = "de"
) -> str | None:
    """Return a warning (in `lang`) for a place that did not resolve to one municipality."""
    found = resolution or resolve_place(written)
    if found.municipality and found.guessed:
        return f"Ort „{written}“ als {found.municipality.name} gelesen; bitte prüfen."
    if found.municipality:
        return None
    if found.ambiguous:
        labels = ", ".join(p.label for p in found.ambiguous)
        return gettext(
            "Ort „{place}“ ist mehrdeutig ({labels}); bitte den Landkreis dazuschreiben.",
            lang,
            place=written,
            labels=labels,
        )
    if found.closest:
        similar = ", ".join(found.closest)
        return gettext(
            "Ort „{place}“ nicht gefunden; ähnlich: {similar}.",
            lang,
            place=written,
            similar=similar,
        )
    return gettext("Ort „{place}“ nicht gefunden.", lang, place=written)


def locate(written: str, county: str | None = None) -> tuple[float, float] | None:
    """Return (latitude, longitude) of a place in Baden-Württemberg, or None if unknown."""
    resolution = resolve_place(written, county)
    if found := resolution.municipality:
        return (found.latitude, found.longitude)
    if resolution.ambiguous:
        return None
    key = normalise_place(written)
    towns = _towns()
    for candidate in (key, _head(key)):
        if candidate and candidate in towns:
            _, lat, lon = towns[candidate]
            return (lat, lon)
    return None
