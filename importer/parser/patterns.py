"""What the parts of a manuscript look like: labels, headings, page furniture."""

import re

from articles.languages import LANGUAGE_CHOICES

LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)

ABSTRACT_LABELS = [
    (r"аннотациясы", "ky"),
    (r"кыскача\s+мазмуну", "ky"),
    (r"аннотация", None),
    (r"annotation", "en"),
    (r"abstract", "en"),
]
KEYWORD_LABELS = [
    (r"негизги\s+сөздөр", "ky"),
    (r"түйүндүү\s+сөздөр", "ky"),
    (r"ачкыч\s+сөздөр", "ky"),
    (r"өзөктүү\s+сөздөр", "ky"),
    (r"ключевые\s+слова", "ru"),
    (r"key\s*-?\s*words", "en"),
]
LABEL = re.compile(
    r"^\s*(?:(?P<abstract>"
    + "|".join(f"(?P<a{i}>{p})" for i, (p, _l) in enumerate(ABSTRACT_LABELS))
    + r")|(?P<keywords>"
    + "|".join(f"(?P<k{i}>{p})" for i, (p, _l) in enumerate(KEYWORD_LABELS))
    + r"))(?![^\W\d_])\s*(?P<sep>[:.—–-])?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
REFERENCES_HEADING = re.compile(
    r"^\s*(?:\d{1,2}\.?\s*)?(?:адабияттар(?:дын)?(?:\s+тизмеси)?|"
    r"(?:пайдаланылган|колдонулган)\s+адабияттар(?:дын)?(?:\s+тизмеси)?|"
    r"булактар|литература|(?:использованная|цитированная)\s+литература|"
    r"список\s+(?:использованной\s+|использованных\s+источников\s+и\s+)?литературы|"
    r"список\s+(?:использованных\s+)?источников|библиографический\s+список|"
    r"references|bibliography|list\s+of\s+references|works\s+cited|sources)"
    r"\s*[:.]?\s*$",
    re.IGNORECASE,
)
KNOWN_HEADINGS = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s*)?(?:киришүү|кириш\s+сөз|корутунду|жыйынтык|"
    r"жыйынтыктар|талкуу|изилдөөнүн\s+(?:методдору|жыйынтыктары)|"
    r"материалдар\s+жана\s+методдор|введение|заключение|выводы|обсуждение|"
    r"результаты(?:\s+и\s+обсуждение)?|материалы\s+и\s+методы|методы|"
    r"introduction|conclusions?|discussion|results(?:\s+and\s+discussion)?|"
    r"methods|materials\s+and\s+methods|methodology|literature\s+review)\s*[:.]?\s*$",
    re.IGNORECASE,
)
NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[^\W\d_]")
ISSUE_HEADER = re.compile(
    r"^\s*\d{4}\s*[,.]?\s*(?:№|N|No\.?|Nr\.?)\s*\d{1,3}(?:\s*[/(-]\s*\d{1,3}\)?)?\s*$",
    re.IGNORECASE,
)
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$|^\s*(?:page|стр\.?|бет)\s*\d{1,4}"
    r"(?:\s*(?:of|из)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
META_LINE = re.compile(
    r"^\s*(?:УДК|UDC|ББК|DOI|ORCID|МРНТИ|ГРНТИ|IRSTI|JEL)\b|\S+@\S+\.\w+|"
    r"orcid\.org|\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b",
    re.IGNORECASE,
)
# A byline: a name with initials ("Асанов Б.А.", "B. Asanov") or a patronymic.
NAME_LINE = re.compile(
    r"(?:^|[\s,])[A-ZА-ЯЁҮӨҢ][\w’'-]+\s+[A-ZА-ЯЁҮӨҢ]\.\s?(?:[A-ZА-ЯЁҮӨҢ]\.)?|"
    r"(?:^|[\s,])[A-ZА-ЯЁҮӨҢ]\.\s?(?:[A-ZА-ЯЁҮӨҢ]\.\s?)?[A-ZА-ЯЁҮӨҢ][\w’'-]+|"
    r"\w+(?:вич|вна|уулу|кызы)\b",
)
# An affiliation or a degree; a title may mention universities too, so these
# lines are a title only when nothing else in the head can be.
AFFILIATION_LINE = re.compile(
    r"университет|university|институт|institute|академия|academy|кафедра|"
    r"department|факультет|faculty|\b[кдт]\.\s?[а-яё]+\.\s?[а-яё]\.|\bphd\b|"
    r"профессор|professor|доцент|\bassociate\b|окутуучу|преподаватель|lecturer|"
    r"\bstudent\b|студент|аспирант|изденүүчү|соискатель",
    re.IGNORECASE,
)
NUMBERED_REFERENCE = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})\s*[.)])\s*(?=\S)")
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
URL = re.compile(r"\bhttps?://[^\s<>\"«»]+", re.IGNORECASE)
TRAILING_PUNCTUATION = '.,;:)]»"'
DIGITS = re.compile(r"\d+")

MAX_KEYWORD_LINES = 8
MAX_HEAD_LINES = 14
MAX_TITLE_CHARS = 500
# Abstracts run to a few hundred words; a longer one has likely swallowed the body.
MAX_ABSTRACT_CHARS = 4000
MAX_HEADING_CHARS = 300
MAX_KEYWORD_CHARS = 100
