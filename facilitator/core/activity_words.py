"""Provides the word cloud's word keys: case, punctuation and German inflection folded.

"Digitalisierung", "digitalisierung!" and "Digitalisierungen" count as one word:
each word is lower-cased, stripped of punctuation and reduced to its German
Snowball stem; a phrase keeps the stems of its words that are not stop words.
"""

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

MAX_WORD = 40
WORDS_PER_PHONE = 3

# Short function words that carry no meaning in a word cloud (German, and the few
# English ones people type at a German workshop).
STOP_WORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes auch auf aus bei beim bin bis bist da damit dann das dass dein deine dem den
    denn der des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du
    durch ein eine einem einen einer eines einig er es etwas euch euer eure für gegen
    habe haben hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre im in ins ist jede
    jedem jeden jeder jedes jetzt kann kein keine man manche mehr mein meine mich mir mit
    muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so
    solche soll sollte sondern sonst über um und uns unser unsere unter viel vom von vor
    war waren was weil welche wenn wer werden wie wieder will wir wird wo wollen würde zu
    zum zur zwar zwischen
    a an and are as at be by for from in is it of on or the to was with
    """.split()
)
# Emoji are words here ("🚀" is an answer to "Ein Wort zum Tag"): pictographs, symbols,
# flags, skin tones, the variation selector and the joiner that builds "👩‍💻".
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d"
_PUNCTUATION = re.compile(rf"[^\w\s{_EMOJI}-]+|(?<!\w)-|-(?!\w)|_")


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:  # type: ignore[name-defined]
    return snowballstemmer.stemmer("german")


def clean_word(text: str) -> str:
    """Return what a phone typed as one word or short phrase: punctuation out, spaces single."""
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def word_key(text: str) -> str:
    """Return the key under which a word or phrase is counted ('' for stop words only)."""
    words = [w for w in clean_word(text).lower().split() if w not in STOP_WORDS]
    stems = _stemmer().stemWords(words)
    return " ".join(s for s in stems if s)


def count_words(answers: Iterable[Iterable[str]], hidden: Iterable[str] = ()) -> list[dict]:
    """Return the words of all answers by count: {"key", "word", "count", "hidden"}.

    A phone's answer counts each key once (typing a word twice does not double it);
    the shown form is the spelling typed most often (ties: the first typed).
    """
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for words in answers:
        keys_seen: set[str] = set()
        for word in words:
            key = word_key(word)
            if not key or key in keys_seen:
                continue
            keys_seen.add(key)
            counts[key] += 1
            spellings.setdefault(key, Counter())[clean_word(word)] += 1
    hidden_keys = {word_key(h) or h for h in hidden}
    return [
        {
            "key": key,
            "word": spellings[key].most_common(1)[0][0],
            "count": n,
            "hidden": key in hidden_keys,
        }
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
