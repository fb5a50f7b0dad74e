"""Text normalisation shared by the index and the query.

Readers type Kyrgyz without its own letters ("уо" for "үө"), in either case, in NFC or
NFD. Both the indexed text and the query are folded the same way in Python, so that
matching never depends on the database's locale.

`fold()` keeps the length of the cleaned text: character i of the folded text comes
from character i of the cleaned text. Snippets rely on it to put the highlights found
in folded text back onto the original words.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_WORDS = 8
MAX_WORD_CHARS = 60
# Shorter words are matched whole: a one- or two-letter prefix matches half the index.
MIN_PREFIX_CHARS = 3

# Control characters, zero-width and bidirectional marks, and the private-use
# characters that snippets use as markers: never part of a word.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ue000-\ue002]"
)
WORD = re.compile(r"[^\W_]+")


def _fold_table():
    table = {ord(a): b for a, b in zip("үөңёҮӨҢЁ", "уонеуоне", strict=True)}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and base.isalpha():
            table[code] = base.lower()
    return table


FOLD_TABLE = _fold_table()


def clean(text):
    """NFC text with invisible and control characters turned into spaces."""
    return INVISIBLE.sub(" ", unicodedata.normalize("NFC", text or ""))


def fold(text):
    """Lower case, ү→у ө→о ң→н ё→е, Latin accents dropped; as long as `clean(text)`."""
    text = clean(text)
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few letters lower-case to two characters (İ): keep those as they are.
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(FOLD_TABLE)


def words(text):
    """The folded words of `text` (letters and digits; everything else separates)."""
    return WORD.findall(fold(text))


# Kyrgyz endings, folded (ү→у, ө→о): plural, case, possessive. Stripped from query
# words only, longest first, then the stem is matched as a prefix, so that "мамилелерди"
# and "мамиле" both find "мамилелер" and "мамилеси".
_PLURAL = ["лар", "лер", "лор", "тар", "тер", "тор", "дар", "дер", "дор"]
_CASES = [
    "нын", "нин", "нун", "дын", "дин", "дун", "тын", "тин", "тун",
    "га", "ге", "го", "ка", "ке", "ко",
    "да", "де", "до", "та", "те", "то",
    "дан", "ден", "дон", "тан", "тен", "тон", "нан", "нен", "нон",
    "ны", "ни", "ну", "ды", "ди", "ду", "ты", "ти", "ту",
    "сы", "си", "су", "менен",
]  # fmt: skip
KYRGYZ_ENDINGS = sorted(
    set(_CASES + _PLURAL + [p + v for p in _PLURAL for v in "ыиу"]),
    key=len,
    reverse=True,
)
MIN_STEM_CHARS = 4


def kyrgyz_stem(word):
    """`word` (folded) without up to two Kyrgyz endings, keeping four letters."""
    for _ in range(2):
        for ending in KYRGYZ_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_CHARS:
                word = word[: -len(ending)]
                break
        else:
            break
    return word


CYRILLIC_VOWELS = set("аеиоуыэюяйь")


def rough_stem(word):
    """A crude stem for the SQLite fallback, which matches substrings.

    Kyrgyz endings go, then a final vowel (Russian) or "s" (English) of a long word,
    so that "границы" and "граница" share "границ" and "agreements" finds "agreement".
    """
    word = kyrgyz_stem(word)
    if len(word) >= 5 and (word[-1] in CYRILLIC_VOWELS or word[-1] == "s"):
        word = word[:-1]
    return word


@dataclass(frozen=True)
class Query:
    """What the reader typed, made safe: capped, cleaned, and split into words."""

    text: str
    words: tuple
    truncated: bool = False

    def __bool__(self):
        return bool(self.words)

    @classmethod
    def parse(cls, raw):
        raw = raw or ""
        truncated = len(raw) > MAX_QUERY_CHARS
        text = raw[:MAX_QUERY_CHARS]
        if truncated and not raw[MAX_QUERY_CHARS].isspace() and " " in text:
            text = text.rsplit(" ", 1)[0]  # no half word at the cut
        text = " ".join(clean(text).split())
        found = [w for w in words(text) if len(w) <= MAX_WORD_CHARS]
        unique = tuple(dict.fromkeys(found))
        truncated = truncated or len(unique) > MAX_WORDS
        return cls(text, unique[:MAX_WORDS], truncated)

    def replaced(self, corrections):
        """The query with some words replaced (for "did you mean")."""
        fixed = tuple(corrections.get(w, w) for w in self.words)
        return Query(" ".join(fixed), fixed)

    def tsquery(self, language):
        """The text of a `to_tsquery` for one language, from letters and digits only.

        Words never carry operators (`& | ! : * ( ) '`), so no input can change the
        query's structure. Kyrgyz words are stemmed and matched as prefixes.
        """
        if language == "ky":
            terms = [_prefix(kyrgyz_stem(w)) for w in self.words]
        else:
            terms = list(self.words)
        return " & ".join(terms)

    def substrings(self):
        """Folded stems that must all occur in a document (SQLite fallback)."""
        return tuple(dict.fromkeys(rough_stem(w) for w in self.words))


def _prefix(word):
    return f"{word}:*" if len(word) >= MIN_PREFIX_CHARS else word
