"""Provides the word cloud's word keys: case, punctuation, German inflection and joins folded.

"Impuls", "Impulse!" and "impulsen" count as one word, and so do "Best Practice",
"best-practice" and "Best-Practices": each word is stripped of punctuation and reduced to
its German lemma (simplemma, through core/meaning.py; a word the dictionary does not know
loses a plural "s"), umlauts are spelled out, and the lemmas of a phrase's words that are
not stop words are joined without spaces or hyphens. A key is its own key, so a word
hidden once by its key stays hidden in every form.
"""

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

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


_UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


@lru_cache(maxsize=16384)
def _part_key(part: str) -> str:
    """Return the folded lemma of one word as a noun first ("Netzwerke" → netzwerk)."""
    # The German dictionary takes a second and 100 MB to load: only when a word is counted,
    # not when the op log's rules import this module at every start-up.
    import simplemma

    from facilitator.core.meaning import lemma

    for candidate in (part.capitalize(), part):
        if simplemma.is_known(candidate, lang="de"):
            return lemma(candidate)
    for plain, umlaut in _UMLAUTS:  # "Gespraeche" typed without umlauts
        spelled = part.capitalize().replace(plain, umlaut)
        if plain in part and simplemma.is_known(spelled, lang="de"):
            return lemma(spelled)
    folded = lemma(part)
    return folded[:-1] if len(folded) > 4 and folded.endswith("s") else folded


def clean_word(text: str) -> str:
    """Return what a phone typed as one word or short phrase: punctuation out, spaces single."""
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def word_key(text: str) -> str:
    """Return the key under which a word or phrase is counted ('' for stop words only)."""
    words = [w for w in clean_word(text).lower().split() if w not in STOP_WORDS]
    return "".join(_part_key(p) for w in words for p in w.split("-") if p)


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
    # A stored key, and the key of whatever form a moderator typed, both hide the word.
    hidden_keys = {h for h in hidden} | {word_key(h) for h in hidden if word_key(h)}
    return [
        {
            "key": key,
            "word": spellings[key].most_common(1)[0][0],
            "count": n,
            "hidden": key in hidden_keys,
        }
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
