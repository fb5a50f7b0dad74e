"""Small text tools for the manuscript parser: language, case, line joining.

Kyrgyz and Russian share the Cyrillic script (Kyrgyz uses ы and э as much as Russian
does); what tells them apart is Kyrgyz's own letters ү ө ң and each language's short
function words. English is told by its Latin script.
"""

import bisect
import re
from collections import Counter

KYRGYZ_LETTERS = frozenset("үөңҮӨҢ")
RUSSIAN_LETTERS = frozenset("ёщъЁЩЪ")
KYRGYZ_WORDS = frozenset(
    "жана менен үчүн бул бир болуп болгон болот эмес боюнча тарабынан ошондой "
    "катары макалада ортосундагы ортосунда дагы же анын алардын ал алар бери "
    "кийин мурун азыркы өлкө өлкөнүн эки деп экенин жылы жылдары аркылуу".split()
)
RUSSIAN_WORDS = frozenset(
    "и в во на с со по что как для не это от из к о об также статье является "
    "были был была при или между его их который которые которых а но годы "
    "года году после до этом этого".split()
)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
TERMINAL = ".!?…"

# Words that stay in capitals when an upper-case title is put into sentence case,
# with their usual spelling.
ACRONYMS = {
    word.upper(): word
    for word in (
        "ШОС ОДКБ ЕАЭС ЕАЭБ ЕврАзЭС СНГ КМШ ООН БУУ СССР ССРС КР РФ РК КНР США АКШ "
        "ЕС ЕБ НАТО ВТО ДСУ ВВП ИДП ЖОЖ ВУЗ КГУ КНУ КРСУ БГУ ОшМУ ОшГУ ЮНЕСКО "
        "UN UNO USSR USA US EU SCO CSTO CIS EAEU EurAsEC NATO WTO GDP UNESCO OSCE ОБСЕ "
        "ЕАБР EDB CAREC"
    ).split()
}
ROMAN = re.compile(r"^[IVXLХІ]{2,6}$|^[IVX]$")

# Proper names that keep their capital letter in sentence case, per language.
PROPER_NAMES = {
    "ky": re.compile(
        r"^(кыргызстан\w*|тажикстан\w*|өзбекстан\w*|казакстан\w*|түркмөнстан\w*|"
        r"орусия\w*|россия\w*|кытай\w*|баткен\w*|исфара\w*|фергана\w*|согд\w*|"
        r"бишкек\w*|душанбе\w*|ош|ошто\w*|оштун|ошко|лейлек\w*|ворух\w*|"
        r"москва\w*|ташкент\w*|алматы\w*|азия\w*|евразия\w*|шанхай\w*)$"
    ),
    "ru": re.compile(
        r"^(кыргызстан\w*|киргизи[яиюей]|таджикистан\w*|узбекистан\w*|казахстан\w*|"
        r"туркменистан\w*|росси[яиюей]|китай|китая|китаю|китаем|китае|баткен\w*|"
        r"исфар\w*|ферган\w*|согд\w*|бишкек\w*|душанбе|ош|оше|оша|ворух\w*|москв\w*|"
        r"ташкент\w*|алмат\w*|ази[яиюей]|евраз\w*|шанха\w*)$"
    ),
    "en": re.compile(
        r"^(kyrgyz\w*|kirghiz\w*|tajik\w*|uzbek\w*|kazakh\w*|turkmen\w*|russia\w*|"
        r"china|chinese|soviet|batken|isfara|fergh?ana|sughd|sogd|osh|vorukh|bishkek|"
        r"dushanbe|moscow|tashkent|almaty|asia\w*|eurasia\w*|shanghai|europe\w*|"
        r"america\w*)$"
    ),
}
# The first word of a two-word name ("Central Asia") is capitalised before the second.
NAME_PREFIXES = {
    "ky": re.compile(r"^(борбордук)$"),
    "ru": re.compile(r"^(центральн\w+|средн\w+)$"),
    "en": re.compile(r"^(central|east|eastern|west|western)$"),
}
NAME_AFTER_PREFIX = re.compile(r"^(ази|asia|европ|europe)", re.IGNORECASE)

# First parts that make real compounds: the hyphen at a line end stays.
COMPOUND_FIRST_PARTS = re.compile(
    r"(ско|цко|торгово|культурно|социально|военно|финансово|политико|историко|"
    r"научно|водно|топливно|общественно|экономико|северо|юго|восточно|западно|"
    r"кыргыз|тажик|өзбек|казак|орус|суу|cross|water|self|non|co|inter|post|pre|"
    r"well|long|short|high|low)$",
    re.IGNORECASE,
)


def letters_of(text):
    return [ch for ch in text if ch.isalpha()]


def is_upper_case(text, minimum=4):
    """A line typed in capitals (at least `minimum` letters, nearly all upper)."""
    letters = letters_of(text)
    if len(letters) < minimum:
        return False
    return sum(1 for ch in letters if ch.isupper()) >= 0.85 * len(letters)


def ends_sentence(text):
    text = text.rstrip(" \"'»”)]")
    return bool(text) and text[-1] in TERMINAL


def starts_upper(text):
    """Starts like a new sentence: a capital, a digit, a quote, a dash or a bracket."""
    text = text.lstrip()
    if not text:
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or first in "«\"“'([–—-•"


def detect_language(text):
    """("ky" | "ru" | "en" | None, strength): the language of a piece of text.

    Strength is the margin of evidence; 0 means no evidence (too short or mixed).
    """
    latin = cyrillic = kyrgyz = russian = 0
    for ch in text:
        if not ch.isalpha():
            continue
        if ch.isascii():
            latin += 1
        elif "\u0400" <= ch <= "\u04ff":
            cyrillic += 1
            if ch in KYRGYZ_LETTERS:
                kyrgyz += 1
            elif ch in RUSSIAN_LETTERS:
                russian += 1
    if not latin and not cyrillic:
        return None, 0
    if latin > cyrillic * 2:
        return "en", latin - cyrillic
    if cyrillic <= latin:
        return None, 0
    words = Counter(WORD.findall(text.lower()))
    kyrgyz += 3 * sum(n for word, n in words.items() if word in KYRGYZ_WORDS)
    russian += 3 * sum(n for word, n in words.items() if word in RUSSIAN_WORDS)
    if kyrgyz == russian:
        return None, 0
    return ("ky", kyrgyz - russian) if kyrgyz > russian else ("ru", russian - kyrgyz)


def sentence_case(text, language, names=frozenset()):
    """An upper-case title in sentence case, keeping acronyms and proper names.

    `names`: lower-case words that the manuscript writes with a capital elsewhere.
    """
    proper = PROPER_NAMES.get(language)
    prefix = NAME_PREFIXES.get(language)
    tokens = re.split(r"([^\W\d_]+)", text)
    out = []
    sentence_start = True
    for i, token in enumerate(tokens):
        if i % 2 == 0:  # separators between words
            out.append(token)
            if re.search(r"[.!?]\s*$", token) and not token.strip().endswith(".."):
                sentence_start = True
            continue
        word = _case_word(token, tokens, i, proper, prefix, sentence_start)
        out.append(word.capitalize() if word.lower() in names else word)
        sentence_start = False
    return "".join(out)


def _case_word(token, tokens, i, proper, prefix, sentence_start):
    if token.upper() in ACRONYMS:
        return ACRONYMS[token.upper()]
    if ROMAN.match(token):
        return token
    word = token.lower()
    following = tokens[i + 2] if i + 2 < len(tokens) else ""
    capital = (
        sentence_start
        or (proper is not None and proper.match(word))
        or (
            prefix is not None
            and prefix.match(word)
            and NAME_AFTER_PREFIX.match(following)
            and tokens[i + 1].strip() == ""
        )
    )
    return word[:1].upper() + word[1:] if capital else word


class Vocabulary:
    """How often each word occurs in the manuscript: the judge of line-end hyphens.

    A word split at a line end ("ара-" / "сындагы") is rejoined; a real compound
    ("кыргыз-" / "тажик") keeps its hyphen. Evidence, in order: the compound or the
    joined word written elsewhere in the text; a known compound first part; both
    halves being words used elsewhere.
    """

    def __init__(self, text):
        self.counts = Counter(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.lower()))
        self._sorted = None
        self._names = None
        self.text = text
        for word, n in list(self.counts.items()):
            if "-" in word:
                for part in word.split("-"):
                    self.counts[part] += n

    @property
    def names(self):
        """Words written with a capital inside sentences and never in lower case:
        names, to keep when an upper-case title goes into sentence case."""
        if self._names is None:
            capital, lower = set(), set()
            before = "."
            # The front matter and the body's start name what a title may.
            for token in self.text[:NAMES_SAMPLE].split():
                match = LEADING_WORD.match(token)
                word = match.group(1) if match else ""
                if word.islower():
                    lower.add(word)
                elif word[1:].islower() and before[-1] not in TERMINAL:
                    capital.add(word.lower())
                before = token
            self._names = frozenset(capital - lower)
        return self._names

    def _written_unbroken(self, prefix):
        """Some word of the text, written without a hyphen, starts with `prefix`."""
        if self._sorted is None:
            self._sorted = sorted(w for w in self.counts if "-" not in w)
        i = bisect.bisect_left(self._sorted, prefix)
        return i < len(self._sorted) and self._sorted[i].startswith(prefix)

    def keeps_hyphen(self, left, right):
        left_l, right_l = left.lower(), right.lower()
        if self.counts[f"{left_l}-{right_l}"] > 0:
            return True
        if self.counts[left_l + right_l] > 0:
            return False
        if COMPOUND_FIRST_PARTS.search(left_l) and len(right_l) >= 3:
            return True
        if self._written_unbroken(left_l + right_l[:3]):
            return False  # "арасындагы" split, "арасы" written elsewhere
        if left[:1].isupper():
            return True  # a name: keep the hyphen when in doubt
        return (
            len(left_l) >= 3
            and len(right_l) >= 3
            and self.counts[left_l] >= 2
            and self.counts[right_l] >= 2
        )


NAMES_SAMPLE = 30_000
LEADING_WORD = re.compile(r"^[«\"“(]?([^\W\d_]{2,})")
LINE_END_WORD = re.compile(r"([^\W\d_]+)-$")
LINE_START_WORD = re.compile(r"^([^\W\d_]+)")


def join_lines(lines, vocabulary=None):
    """One paragraph from hard-wrapped lines: spaces between, split words rejoined."""
    parts = []
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if parts:
            parts[-1], line = _join_two(parts[-1], line, vocabulary)
        parts.append(line)
    return "".join(parts)


def _join_two(left, right, vocabulary):
    """(left, right) with what goes between them: a space, or nothing after a hyphen.

    Only the end of `left` is looked at, so long paragraphs join in linear time.
    """
    tail = left[-80:].replace("‐", "-")
    if tail.endswith("-") and not tail.endswith(" -"):
        stem = LINE_END_WORD.search(tail)
        head = LINE_START_WORD.match(right)
        if stem and head and right[0].islower():
            keep = vocabulary is not None and vocabulary.keeps_hyphen(
                stem.group(1), head.group(1)
            )
            return (left if keep else left[:-1]), right
        if tail[-2:-1].isalnum() and right[:1].isalnum():
            return left, right  # "1991-" + "1992", "Северо-" + "Восточный"
    if tail.endswith(("–", "—")) and tail[-2:-1].isalnum() and right[:1].isalnum():
        return left, right  # a dash written tight: "түп–" + "тамырынан"
    return left, " " + right
