"""Provides searching method cards: case- and diacritics-insensitive, tolerant of typos.

Text is folded (ä→ae, ß→ss, accents stripped, punctuation to spaces) and compared
word by word with rapidfuzz, so "Kopfstandmetode", "Lotusblute" and "world cafe"
find their cards. Each query word takes its best match in the card's id, names,
keywords or summary; the card's score is the mean over the query words, and a
threshold keeps nonsense from finding anything.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from facilitator.core.method_format import MethodCard

THRESHOLD = 78.0
RELATIVE_CUT = 12.0  # drop hits far below the best one: a clear match stands alone
# A match in the summary counts for less: summaries are long and share everyday words.
WEIGHTS = {"id": 1.0, "name": 1.0, "keywords": 0.97, "summary": 0.85}
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Hit:
    card: MethodCard
    score: float


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Return `text` lower-cased, umlauts spelled out, accents and punctuation removed."""
    text = _strip_accents(text.lower().translate(_UMLAUTS))
    return " ".join(_NON_WORD.sub(" ", text).split())


def fold_plain(text: str) -> str:
    """Like `fold`, but umlauts lose their dots (ü→u): people type "Lotusblute" too."""
    return " ".join(_NON_WORD.sub(" ", _strip_accents(text.lower())).split())


def _word_score(query: str, word: str) -> float:
    """Similarity of one query word and one card word, 0–100."""
    if query == word:
        return 100.0
    score = fuzz.ratio(query, word)
    shorter, longer = sorted((query, word), key=len)
    # a word inside a compound ("fallberatung" in "kollegialefallberatung"), or a prefix
    # typed so far; never for tiny words, which would be found inside anything
    if len(shorter) >= 4 and len(shorter) / len(longer) >= 0.5:
        score = max(score, fuzz.partial_ratio(query, word) * 0.95)
    return score


@lru_cache(maxsize=512)
def _card_words(card_key: tuple) -> dict[str, tuple[str, ...]]:
    """Return the searchable words of a card by field (cached: cards do not change)."""
    fields = dict(card_key)
    words: dict[str, tuple[str, ...]] = {}
    for field, texts in fields.items():
        found: set[str] = set()
        for text in texts:
            for folded in {fold(text), fold_plain(text)}:
                found.update(folded.split())
                if " " in folded and len(folded) <= 40:
                    found.add(folded.replace(" ", ""))  # "walt disney" also as "waltdisney"
        words[field] = tuple(sorted(found))
    return words


def _key(card: MethodCard) -> tuple:
    return (
        ("id", (card.id,)),
        ("name", (card.name.de, card.name.en)),
        ("keywords", tuple(card.keywords)),
        ("summary", (card.summary.de, card.summary.en)),
    )


def score(card: MethodCard, query: str) -> float:
    """Return how well `query` describes `card`, 0–100."""
    words = _card_words(_key(card))
    query_words = fold(query).split()
    if not query_words:
        return 0.0
    per_word = []
    for query_word in query_words:
        best = 0.0
        for field, field_words in words.items():
            weight = WEIGHTS[field]
            for word in field_words:
                best = max(best, _word_score(query_word, word) * weight)
                if best >= 100.0 * weight and weight == 1.0:
                    break
        per_word.append(best)
    joined = "".join(query_words)  # "speed dating" typed as one word, or split oddly
    if len(query_words) > 1:
        whole = max(
            (_word_score(joined, w) * WEIGHTS[f] for f, ws in words.items() for w in ws),
            default=0.0,
        )
        return max(sum(per_word) / len(per_word), whole)
    return per_word[0]


def search(cards: Iterable[MethodCard], query: str, threshold: float = THRESHOLD) -> list[Hit]:
    """Return the cards matching `query`, best first; nothing for nonsense."""
    hits = [Hit(card, score(card, query)) for card in cards]
    best = max((hit.score for hit in hits), default=0.0)
    floor = max(threshold, best - RELATIVE_CUT)
    return sorted((hit for hit in hits if hit.score >= floor), key=lambda h: (-h.score, h.card.id))
