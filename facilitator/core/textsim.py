"""Provides what two German texts have in common: stems, compound parts and TF-IDF weights.

Words are folded and stemmed with the Snowball German stemmer; a long word is also split
into two parts that the corpus (or a given vocabulary) knows on their own, so
"Parkplätze" meets "Smart-Parking" in "park" and "Wärmeplanung" meets "Wärmenetz" in
"waerm". Terms are weighted by TF-IDF over the corpus and compared by cosine. The same
similarity pairs offers with requests and finds near-duplicates (core/clusters.py).
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np
import snowballstemmer


def fold(text: str) -> str:
    """Return text lower-cased with umlauts and ß spelled out (for comparing words)."""
    text = text.casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return text


_WORD = re.compile(r"[^\W_]+")
STOPWORDS = frozenset(
    """aber alle allem allen aller alles also andere anderen auch auf aus bei beim bereits
    beide bessere besser bisher damit dann darf dass dein denn deren derzeit dessen dies diese
    diesem diesen dieser dieses doch durch eine einem einen einer eines etwa euch fuer gegen
    geht haben hatte hier hinaus immer indem ihre ihrem ihren ihrer innen jede jedem jeden
    jeder jedes kann kaum kein keine keinen koennen machen mehr mehrere mit mittels muss
    muessen nach neue neuen neuer nicht noch oder ohne sehr sein seine sich sind soll sollen
    sowie suchen biete bieten sucht ueber unter viel viele vom von waere wann warum weil welche
    wenn werden wieder wird wollen wurde zum zur zwischen with from that this have their
    about hilfe""".split()
)
# Words every municipal text says; they would pair anything with anything.
DOMAIN_STOPWORDS = frozenset(
    fold(w)
    for w in """digital digitale digitalen digitaler digitales digitalisierung kommune kommunen
    kommunal kommunale kommunalen stadt städte gemeinde gemeinden landkreis projekt projekte
    thema themen lösung lösungen einführung einführen umsetzung umsetzen unterstützung
    erfahrung erfahrungen austausch fehlt fehlen fehlende fehlender gibt brauchen benötigen
    wollen planen geplant möglich bitte partner partnerin zusammen gemeinsam eigene eigenen
    neue neuen neuer bereich bereiche rahmen beim durch mangel problem probleme schwierig
    schwierigkeiten herausforderung herausforderungen bedarf""".split()
)
# Short function words (STOPWORDS holds the longer ones).
SHORT_STOPWORDS = frozenset(
    """ab am an auf aus bei bis da das dass dem den der des die du ein er es fuer im in ins
    ist je ja man mit nur ob per pro so um und uns vom von vor wie wir zu zum zur als auch
    bzw etc ggf z b d h u a freie freien gute guten mehr viel viele wenig weniger""".split()
)
PART_WEIGHT = 0.7  # a compound's part counts, but less than a whole word
MIN_PART = 4


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    """Return the stems of the domain stop words ("fehlendes" goes with "fehlen")."""
    return frozenset(stem(w) for w in DOMAIN_STOPWORDS)


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("german")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the folded Snowball German stem of a word ("Parkplätze" → "parkplatz")."""
    return fold(_stemmer().stemWord(word.casefold()))


def words(text: str) -> list[str]:
    """Return the content words of a text as written (hyphens and slashes split words)."""
    out = []
    for word in _WORD.findall(text or ""):
        folded = fold(word)
        if folded in STOPWORDS or folded in SHORT_STOPWORDS or stem(word) in _stop_stems():
            continue
        # Two-letter words count only as acronyms ("KI", "5G", "IT").
        if (
            len(folded) >= 3 or (len(word) == 2 and (word.isupper() or word[0].isdigit()))
        ) and not (folded.isdigit()):
            out.append(word)
    return out


def split_compound(term: str, vocabulary: frozenset[str] | set[str]) -> list[str]:
    """Return the two known parts of a compound stem ("parkplatz" → park, platz), or []."""
    if term.endswith("ing") and term[:-3] in vocabulary and len(term) - 3 >= MIN_PART:
        return [term[:-3]]  # English gerund: "parking" → park
    best: list[str] = []
    half: list[str] = []  # one known part: the word's head or its tail
    for cut in range(MIN_PART, len(term) - MIN_PART + 1):
        left, right = term[:cut], term[cut:]
        # Linking letters: Arbeit-s-platz, Wärm-e-netz, Sonne-n-strom, Bürg-er-amt.
        heads = [left] + [
            left[: -len(f)] for f in ("s", "e", "n", "en", "es", "er") if left.endswith(f)
        ]
        for head in heads:
            if not head or len(head) < MIN_PART:
                continue
            if head in vocabulary and right in vocabulary:
                if not best or min(len(head), len(right)) > min(map(len, best)):
                    best = [head, right]
            elif not best and (head in vocabulary or (right in vocabulary and len(right) > 4)):
                known = head if head in vocabulary else right
                if not half or len(known) > len(half[0]):
                    half = [known]
    return best or half


class TermModel:
    """TF-IDF weights of stems and compound parts over one corpus of texts."""

    def __init__(self, corpus: Iterable[str], vocabulary: Iterable[str] = ()) -> None:
        texts = list(corpus)
        self.surface: dict[str, str] = {}  # term -> the word as first written
        # Shown reasons use the corpus' own words; a part alone uses the shortest known form.
        for word in (w for text in texts for w in words(text)):
            self.surface.setdefault(stem(word), word)
        known: dict[str, str] = {}
        for word in vocabulary:
            term = stem(word)
            if term not in known or len(word) < len(known[term]):
                known[term] = word
        for term, word in known.items():
            self.surface.setdefault(term, word)
        self.vocabulary = {v for v in self.surface if len(v) >= MIN_PART} | _stop_stems()
        self._parts: dict[str, list[str]] = {}
        counts = [self.terms(text) for text in texts]
        df: Counter = Counter(term for found in counts for term in found)
        total = len(texts)
        self.idf: dict[str, float] = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in df.items()}
        self._default_idf = math.log(1 + total) + 1

    def terms(self, text: str) -> Counter:
        """Return the raw term counts of a text: stems, plus compound parts at a lower weight."""
        found: Any = Counter()  # float weights (typeshed's Counter holds int)
        for word in words(text):
            term = stem(word)
            if term not in self._parts:
                self._parts[term] = self._split(term)
            parts = [p for p in self._parts[term] if p not in _stop_stems()]
            if self._parts[term] and not parts and len(self._parts[term]) >= 2:
                continue  # "Digitalisierungsprojekte": nothing but words every text says
            if len(self._parts[term]) >= 2 and len(parts) == 1:
                found[parts[0]] += 1.0  # "Personalmangel" says "Personal" (and a stop word)
                self.surface.setdefault(parts[0], word)
                continue
            found[term] += 1.0
            self.surface.setdefault(term, word)
            for part in parts:
                found[part] += PART_WEIGHT
        return found

    def _split(self, term: str, depth: int = 2) -> list[str]:
        """Return the known parts of a compound and theirs ("parkplatzsuche" → parkplatz, park)."""
        if depth == 0 or len(term) <= 6:
            return []
        parts = split_compound(term, self.vocabulary)
        return parts + [
            sub for part in parts for sub in self._split(part, depth - 1) if sub not in parts
        ]

    def vector(self, text: str) -> dict[str, float]:
        """Return the text's unit-length TF-IDF vector."""
        raw = self.terms(text)
        weighted = {t: n * self.idf.get(t, self._default_idf) for t, n in raw.items()}
        norm = math.sqrt(sum(v * v for v in weighted.values()))
        return {t: v / norm for t, v in weighted.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Return the cosine of two unit vectors (their dot product)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def shared_terms(
    model: TermModel, a: dict[str, float], b: dict[str, float], limit: int = 4
) -> list[str]:
    """Return the words that make two texts alike, the weightiest first (as written)."""
    common = sorted((a[t] * b[t], t) for t in a.keys() & b.keys())
    shown: list[str] = []
    for _, term in reversed(common):
        word = model.surface.get(term, term)
        # "Beteiligung" adds nothing after "Bürgerbeteiligung" (a part of a shown word).
        if not any(fold(word) in fold(seen) or fold(seen) in fold(word) for seen in shown):
            shown.append(word)
    return shown[:limit]


def neighbours(
    left: list[dict[str, float]],
    right: list[dict[str, float]],
    threshold: float,
) -> dict[tuple[int, int], float]:
    """Return (i, j) -> cosine for every pair at or above `threshold`.

    An inverted index over `right` visits only pairs that share a term, so thousands of
    short texts compare in well under a second.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, vector in enumerate(right):
        for term, weight in vector.items():
            postings[term].append((j, weight))
    found: dict[tuple[int, int], float] = {}
    for i, vector in enumerate(left):
        scores: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for j, other in postings.get(term, ()):
                scores[j] += weight * other
        for j, score in scores.items():
            if score >= threshold:
                found[(i, j)] = score
    return found


def similarity_matrix(left: list[dict[str, float]], right: list[dict[str, float]]) -> np.ndarray:
    """Return the cosine of every left vector with every right one (rows: left)."""
    vocabulary: dict[str, int] = {}
    for vector in (*left, *right):
        for term in vector:
            vocabulary.setdefault(term, len(vocabulary))

    def dense(vectors: list[dict[str, float]]) -> np.ndarray:
        matrix = np.zeros((len(vectors), max(1, len(vocabulary))), dtype=np.float32)
        for row, vector in enumerate(vectors):
            for term, weight in vector.items():
                matrix[row, vocabulary[term]] = weight
        return matrix

    return dense(left) @ dense(right).T


def german_decimal(value: float, digits: int = 2) -> str:
    """Return a number with a decimal comma, as German readers expect ("0,43")."""
    return f"{value:.{digits}f}".replace(".", ",")
