"""French words for the search index: accent folding, stop words, Snowball stemming.

The same functions prepare the indexed text and the reader's query, so "securite",
"sécurité" and "Sécurités" all become the one term `securit`. Accents are folded
*before* stemming, as PostgreSQL's `french_unaccent` configuration does (unaccent, then
the French Snowball stemmer): Snowball treats "é" as a vowel of its own, so stemming
"sécurité" and "securite" separately would give two different stems.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Letters NFKD does not decompose, spelled as PostgreSQL's unaccent spells them.
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"})

# Words, split on everything else: apostrophes too, so "l’élection" gives "l" and
# "élection", and the elided article is then dropped as a stop word.
WORD = re.compile(r"[^\W_]+")

# Words too common to help find an article (a short list in the spirit of Snowball's
# French list and PostgreSQL's french.stop, which the PostgreSQL index uses): dropping
# them on both sides keeps SQLite and PostgreSQL answering alike.
_STOP_WORDS_TEXT = """
    a ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez
    aurions aurons auront aux avaient avais avait avec avez aviez avions avons ayant
    c ce ceci cela ces cet cette d dans de des du elle elles en es est et etaient etais
    etait etant ete etes etiez etions eu eue eues eumes eurent eus eusse eussent eusses
    eussiez eussions eut eutes eux fumes furent fus fusse fussent fusses fussiez fussions
    fut futes il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne
    nos notre nous on ont ou par pas pour qu que qui s sa se sera serai seraient serais
    serait seras serez seriez serions serons seront ses si son sont soit sommes sous
    suis sur t ta te tes toi ton tu un une vos votre vous y
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

MAX_WORD_LENGTH = 40  # longer "words" are noise (URLs, hashes) and bloat the index


# The same replacements as a regular expression: `str.translate` with a dict looks up
# every character of the text in Python, a tenth of a millisecond per article.
_LIGATURE = re.compile("[" + "".join(map(chr, LIGATURES)) + "]")
_LIGATURE_TEXT = {chr(code): text for code, text in LIGATURES.items()}
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lower case without accents: "Élection" → "election", "Œuvre" → "oeuvre".

    NFKD, then every combining mark dropped. Only the runs of non-ASCII characters
    need it (an ASCII character is its own decomposition and never moves a mark), and
    news text repeats the same few: each run is folded once (the rebuild folds every
    word of the archive; testing each character in Python took most of its time).
    """
    lowered = _LIGATURE.sub(lambda m: _LIGATURE_TEXT[m.group()], text.lower())
    if lowered.isascii():
        return lowered
    return _NON_ASCII.sub(lambda m: _fold_run(m.group()), lowered)


@lru_cache(maxsize=10_000)
def _fold_run(run: str) -> str:
    decomposed = unicodedata.normalize("NFKD", run)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_per_thread = threading.local()


def _stemmer():
    """This thread's Snowball stemmer. A stemmer keeps the word it works on in its own
    attributes: shared by a gunicorn worker's threads, two searches at once garbled each
    other's words (an IndexError, a 500, met by bench/soak.py)."""
    stemmer = getattr(_per_thread, "stemmer", None)
    if stemmer is None:
        stemmer = _per_thread.stemmer = snowballstemmer.stemmer("french")
    return stemmer


@lru_cache(maxsize=50_000)
def stem(folded_word: str) -> str:
    """The Snowball stem of a word already folded (cached: news repeats its words)."""
    return _stemmer().stemWord(folded_word)


def words(text: str) -> list[str]:
    """The words of `text` as written (for excerpts), in order."""
    return WORD.findall(text)


@lru_cache(maxsize=100_000)
def term(word: str) -> str | None:
    """The index term of one word as written, or None for a stop word or noise (cached:
    excerpts look up every word of the results, and news text repeats its words)."""
    folded = fold(word)
    if folded in STOP_WORDS or len(folded) > MAX_WORD_LENGTH:
        return None
    return stem(folded)


def terms(text: str) -> list[str]:
    """The index terms of a text, in order (stop words dropped)."""
    found = []
    for word in WORD.findall(fold(text)):
        if word in STOP_WORDS or len(word) > MAX_WORD_LENGTH:
            continue
        found.append(stem(word))
    return found


def index_text(text: str) -> str:
    """What the SQLite FTS5 table stores for a text: its terms, separated by spaces."""
    return " ".join(terms(text))
