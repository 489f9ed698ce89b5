"""Provides the meaning engine for German short texts: lemmas, compound parts, concepts, n-grams.

Chosen by measurement on tests/data/meaning (benchmarks/series.py --only meaning), offline
and pure Python on every platform: a word is reduced to its lemma (simplemma's German
dictionary, shipped in its wheel; "Impulse" → Impuls, where Snowball made "impul" and
"impuls"), a compound is split into parts the dictionary knows ("Glasfaserausbau" →
Glasfaser, Ausbau), a lemma or part in the domain synonym list (core/meaning_synonyms.py)
adds its concept ("Glasfaser" and "FTTH" both say Breitband), and character 4-grams of
long lemmas catch typos and compounds split differently. Features are weighted by
TF-IDF over the corpus and compared by cosine. Reasons name the words on both sides that
carry the similarity ("Glasfaser ↔ Breitband"), never a function word. Where sentence
vectors are at hand (facilitator/sentence_vectors.py, computed outside core), `blend`
averages the words' cosine with the vectors' one; pairing, clusters and solutions use it.
"""

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import simplemma

from facilitator.core.meaning_synonyms import FILLERS, synonym_groups
from facilitator.core.textsim import fold, words

# The vectors' share beside the words: on tests/data/meaning/dev 0.3-0.6 rank alike for
# pairing and solutions, 0.7 and the vectors alone worse.
VECTOR_WEIGHT = 0.5
ENGINE_VERSION = "1"  # stored with each capture's features; bump when features change
PART_WEIGHT = 0.6  # a compound's part says less than the whole word
CONCEPT_WEIGHT = 2.0
GRAM_WEIGHT = 0.25  # all 4-grams of one word together
GRAM = 4
MIN_GRAM_WORD = 6  # shorter lemmas are whole words to n-grams
MIN_PART = 4
_LINKS = ("s", "es", "n", "en", "e", "er")  # Arbeit-s-platz, Wärm-e-netz, Bürg-er-amt


@lru_cache(maxsize=131072)
def lemma(word: str) -> str:
    """Return the folded German lemma of a word ("Pflegekräfte" → "pflegekraft")."""
    if len(word) <= 4 and word.isupper():
        return fold(word)  # an acronym: "KI", "OZG", "PV" stay themselves
    lower = word.casefold()
    if lower.endswith("ing") and len(lower) > 6 and simplemma.is_known(lower[:-3], lang="de"):
        return fold(lower[:-3])  # English gerund in German text: "Smart-Parking" → park
    return fold(simplemma.lemmatize(word, lang="de"))


def warm_up() -> None:
    """Load the German dictionary and the concepts (about 1 s, once): call it off the UI thread."""
    text_features("Glasfaser für die Teilorte")


@lru_cache(maxsize=1)
def _concepts() -> dict[str, str]:
    """Return folded lemma (and folded form) of every synonym -> its concept's name."""
    found: dict[str, str] = {}
    for group in synonym_groups():
        for word in group:
            for key in (fold(word), lemma(word), fold(word.replace("-", ""))):
                found.setdefault(key, group[0])
    return found


def _known(part: str) -> bool:
    """Return whether a lower-case word is a German word or a concept of the domain."""
    return fold(part) in _concepts() or simplemma.is_known(part, lang="de")


@lru_cache(maxsize=65536)
def compound_parts(word: str) -> tuple[str, ...]:
    """Return the folded lemmas of a compound's two parts ("Wärmeplanung" → waerme, planung).

    Both parts must be known words of at least MIN_PART letters; of several cuts the one
    whose shorter part is longest wins ("Glasfaser|ausbau", not "Glas|faserausbau").
    """
    base = simplemma.lemmatize(word, lang="de").casefold().replace("-", "")
    best: tuple[str, str] | None = None
    for cut in range(MIN_PART, len(base) - MIN_PART + 1):
        left, right = base[:cut], base[cut:]
        heads = [left] + [left[: -len(f)] for f in _LINKS if left.endswith(f)]
        for head in heads:
            if len(head) < MIN_PART or not (_known(head) and _known(right)):
                continue
            if best is None or min(len(head), len(right)) > min(map(len, best)):
                best = (head, right)
    return tuple(fold(p) for p in best) if best else ()


def _grams(term: str) -> list[str]:
    padded = f"#{term}#"
    return [padded[i : i + GRAM] for i in range(len(padded) - GRAM + 1)]


def _pieces(word: str, term: str) -> tuple[list[tuple[str, float]], list[str]]:
    """Return a word's part features (feature, weight) and the pieces that may lend a concept.

    A compound written as one word lends its parts the dictionary knows; one written with
    hyphens ("E-Akte", "Open-Data") its parts as written and the joined word.
    """
    if "-" in word:
        parts = [lemma(part) for part in word.split("-") if len(part) >= 2]
        joined = fold(word.replace("-", ""))
        features = [("w:" + part, PART_WEIGHT) for part in parts] + [("w:" + joined, PART_WEIGHT)]
        return features, [term, *parts, joined]
    # A verb is no compound: "vereinbart" is not Verein + baren.
    verb = word[:1].islower() and term.endswith(("en", "ern", "eln"))
    parts = list(compound_parts(word)) if len(term) > 2 * MIN_PART and not verb else []
    # Only the modifier lends its concept ("Glasfaser|ausbau" says Breitband): a head says
    # too little alone ("Grab|stelle" is no Personal, "Turn|gerät" no Smartphone, "Skate|park"
    # no Parken). On the enlarged dev: distractors paired 35 % -> 19 %, first 58 -> 56 %.
    return [("w:" + part, PART_WEIGHT) for part in parts], [term, *parts[:1]]


def text_features(text: str) -> tuple[Counter, dict[str, str]]:
    """Return a text's raw feature weights and, per feature, the word that gave it.

    Depends on the text alone (not on a corpus): what is computed once per capture and
    stored; the corpus only adds IDF weights when texts are compared.
    """
    found: Any = Counter()  # float weights (typeshed's Counter holds int)
    source: dict[str, str] = {}
    concepts = _concepts()

    def add(feature: str, weight: float, word: str) -> None:
        found[feature] += weight
        source.setdefault(feature, word)

    for raw in words(text):
        word = raw.strip("-")
        term = lemma(word)
        if term in FILLERS:
            continue
        add("w:" + term, 1.0, word)
        features, pieces = _pieces(word, term)
        for feature, weight in features:
            add(feature, weight, word)
        for piece in dict.fromkeys(pieces):
            if concept := concepts.get(piece):
                add("c:" + concept, CONCEPT_WEIGHT, word)
        if len(term) >= MIN_GRAM_WORD:
            grams = _grams(term.replace("-", ""))
            for gram in grams:
                add("g:" + gram, GRAM_WEIGHT / len(grams), word)
    return found, source


class MeaningModel:
    """TF-IDF weights of lemma, part, concept and n-gram features over one corpus of texts."""

    def __init__(
        self, corpus: Iterable[str], vocabulary: Iterable[str] = (), *, grams: bool = True
    ) -> None:
        del vocabulary  # the lemma dictionary knows the words; kept for the callers' API
        self.grams = grams  # 4-grams off: a third of the features, for 5,000-text clustering
        self._cache: dict[str, tuple[Counter, dict[str, str]]] = {}
        texts = list(corpus)
        df: Counter = Counter()
        for text in texts:
            df.update(self.features(text)[0].keys())
        total = len(texts)
        self.idf = {f: math.log((1 + total) / (1 + n)) + 1 for f, n in df.items()}
        self._default_idf = math.log(1 + total) + 1

    def features(self, text: str) -> tuple[Counter, dict[str, str]]:
        """Return text_features(text), computed once per distinct text."""
        if text not in self._cache:
            found, source = text_features(text)
            if not self.grams:
                found = Counter({f: n for f, n in found.items() if not f.startswith("g:")})
            self._cache[text] = (found, source)
        return self._cache[text]

    def vector(self, text: str) -> dict[str, float]:
        """Return the text's unit-length TF-IDF vector."""
        raw = self.features(text)[0]
        weighted = {f: n * self.idf.get(f, self._default_idf) for f, n in raw.items()}
        norm = math.sqrt(sum(v * v for v in weighted.values()))
        return {f: v / norm for f, v in weighted.items()} if norm else {}

    def reasons(self, a: str, b: str, limit: int = 3) -> list[str]:
        """Return the words that make two texts alike, weightiest first ("FTTH ↔ Breitband")."""
        va, vb = self.vector(a), self.vector(b)
        sa, sb = self.features(a)[1], self.features(b)[1]
        by_words: dict[tuple[str, str], float] = defaultdict(float)
        for feature in va.keys() & vb.keys():
            by_words[(sa[feature], sb[feature])] += va[feature] * vb[feature]
        shown: list[str] = []
        seen: set[str] = set()
        for (left, right), _ in sorted(by_words.items(), key=lambda kv: (-kv[1], kv[0])):
            if fold(left) in seen or fold(right) in seen:
                continue  # each word once: "Glasfaser ↔ Breitband", then the next pair
            seen.update((fold(left), fold(right)))
            shown.append(left if fold(left) == fold(right) else f"{left} ↔ {right}")
        return shown[:limit]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Return the cosine of two unit vectors (their dot product)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def blend(words: float | np.ndarray, meant: float | np.ndarray) -> float | np.ndarray:
    """Return the similarity of words' cosine and sentence vectors' cosine together (0..1)."""
    return (1 - VECTOR_WEIGHT) * words + VECTOR_WEIGHT * np.clip(meant, 0.0, 1.0)


def rank_matches(
    left: Sequence[str],
    right: Sequence[str],
    threshold: float = 0.0,
    left_vectors: np.ndarray | None = None,
    right_vectors: np.ndarray | None = None,
) -> dict[int, list[int]]:
    """Return, for each left text, the indices of right texts by similarity (best first).

    With both texts' sentence vectors (one unit row per text) the words' cosine is blended
    with theirs.
    """
    model = MeaningModel([*left, *right])
    vectors = [model.vector(t) for t in right]
    meant = None
    if left_vectors is not None and right_vectors is not None:
        meant = np.asarray(left_vectors) @ np.asarray(right_vectors).T
    ranked: dict[int, list[int]] = {}
    for i, text in enumerate(left):
        mine = model.vector(text)
        scores = [(cosine(mine, v), -j) for j, v in enumerate(vectors)]
        if meant is not None:
            scores = [(float(blend(s, meant[i, -neg])), neg) for s, neg in scores]
        ranked[i] = [-j for s, j in sorted(scores, reverse=True) if s > threshold]
    return ranked
