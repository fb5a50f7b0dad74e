"""Recognise the parts of a manuscript in the journal's house format.

The input is plain text (from a .txt, a .docx or a PDF's text layer); the output is a
`Manuscript`: per language a title, an abstract and keywords; the body in sections;
the references; in-text citations; what could not be placed; and warnings. Nothing here
touches the database, so the preview, the confirmation and the command share it.

The house format (DESIGN.md, "Manuscript house format"): front matter in language blocks
of title, abstract label and abstract, keywords label and list; then the body; then a
reference list under a heading. Real files are messier, so every step is tolerant and
reports what it could not place instead of failing.
"""

import hashlib
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from articles.languages import LANGUAGE_CHOICES, LANGUAGE_CODES
from articles.text import CITATION, LEADING_NUMBER

from .textutil import (
    Vocabulary,
    detect_language,
    ends_sentence,
    is_upper_case,
    join_lines,
    sentence_case,
    starts_upper,
)

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
AUTHOR_LINE = re.compile(
    r"(?:^|[\s,])[A-ZА-ЯЁҮӨҢ][\w’'-]+\s+[A-ZА-ЯЁҮӨҢ]\.\s?(?:[A-ZА-ЯЁҮӨҢ]\.)?|"
    r"(?:^|[\s,])[A-ZА-ЯЁҮӨҢ]\.\s?(?:[A-ZА-ЯЁҮӨҢ]\.\s?)?[A-ZА-ЯЁҮӨҢ][\w’'-]+|"
    r"\w+(?:вич|вна|уулу|кызы)\b|"
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
MAX_HEADING_CHARS = 300
MAX_KEYWORD_CHARS = 100


# --- the result ---


@dataclass
class LanguageBlock:
    language: str
    title: str = ""
    title_original: str = ""
    abstract: str = ""
    keywords: list = field(default_factory=list)

    @property
    def language_name(self):
        return LANGUAGE_NAMES[self.language]

    @property
    def title_was_upper_case(self):
        return self.title != self.title_original


@dataclass
class BodySection:
    heading: str
    paragraphs: list

    @property
    def text(self):
        return "\n\n".join(self.paragraphs)


@dataclass
class ReferenceEntry:
    number: int
    text: str
    doi: str = ""
    url: str = ""


@dataclass
class Citation:
    text: str  # as written: "[1,175-б,]"
    numbers: list
    section: int  # index into Manuscript.sections
    missing: list  # numbers with no entry in the reference list


@dataclass
class KeywordPlan:
    """One keyword to attach: its label in each language the manuscript gives."""

    labels: dict

    def label_list(self):
        return [
            (code, self.labels[code]) for code in LANGUAGE_CODES if code in self.labels
        ]


@dataclass
class Manuscript:
    blocks: dict  # language -> LanguageBlock, in order of appearance
    body_language: str | None
    sections: list
    references: list
    citations: list
    keywords: list  # KeywordPlan
    leftovers: list
    warnings: list
    content_hash: str

    @property
    def languages(self):
        return list(self.blocks)

    @property
    def original_language(self):
        return self.body_language or next(iter(self.blocks), None) or LANGUAGE_CODES[0]

    @property
    def has_title(self):
        return any(block.title for block in self.blocks.values())

    def block_list(self):
        """Blocks in site language order (ky, ru, en), for display."""
        return [self.blocks[c] for c in LANGUAGE_CODES if c in self.blocks]


def content_hash(text):
    """The same manuscript gives the same hash, whatever its encoding or line breaks."""
    normalized = " ".join(text.split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


# --- lines ---


@dataclass
class Line:
    text: str
    gap: bool = False  # a blank line comes before it
    page: bool = False  # a page break (or removed page furniture) comes before it
    indent: int = 0  # leading spaces: a first-line indent starts a paragraph


def prepare_lines(text):
    """Non-blank lines, page furniture removed, with paragraph and page marks."""
    raw = []  # (text, indent, starts a page)
    for page in text.split("\f"):
        for n, line in enumerate(page.split("\n")):
            line = line.expandtabs(4)
            indent = len(line) - len(line.lstrip())
            raw.append((" ".join(line.split()), indent, n == 0))
    shapes = [_shape(value) if value else "" for value, _i, _p in raw]
    repeated = _repeated_shapes(raw, shapes)
    lines, gap, page_mark = [], False, False
    for n, (value, indent, starts_page) in enumerate(raw):
        page_mark = page_mark or (starts_page and n > 0)
        if not value:
            gap = True
            continue
        if _is_furniture(value, shapes[n] in repeated):
            page_mark = True
            continue
        # Blank lines around a page break are layout, not a paragraph break.
        lines.append(
            Line(value, gap=gap and not page_mark, page=page_mark, indent=indent)
        )
        gap = page_mark = False
    return lines


def _shape(value):
    return DIGITS.sub("#", value.casefold())


def _repeated_shapes(raw, shapes):
    """Running headers: short lines that recur on many pages (digits aside).

    With page breaks known (PDF), only lines at the top or bottom of a page count.
    """
    edges = _page_edges(raw) if any(p for _v, _i, p in raw[1:]) else None
    counts = Counter(
        shape
        for n, ((value, _i, _p), shape) in enumerate(zip(raw, shapes, strict=True))
        if value
        and len(value) <= 90
        and (edges is None or n in edges)
        # "Там же." / "Ibid." recur in reference lists; running headers end bare.
        and not value.endswith(".")
        and not LABEL.match(value)
        and not NUMBERED_REFERENCE.match(value)
    )
    return {shape for shape, n in counts.items() if n >= 3}


def _page_edges(raw, depth=3):
    """Indexes of the first and last few non-blank lines of each page."""
    edges, page = set(), []
    for n, (value, _i, starts_page) in enumerate(raw + [("", 0, True)]):
        if starts_page and page:
            edges.update(page[:depth] + page[-depth:])
            page = []
        if value:
            page.append(n)
    return edges


def _is_furniture(value, repeated):
    if ISSUE_HEADER.match(value) or PAGE_NUMBER.match(value):
        return True
    return repeated and not REFERENCES_HEADING.match(value)


def new_paragraph(prev, line, width=None):
    """Whether `line` starts a new paragraph after `prev`."""
    if prev is None:
        return True
    if line.page:
        # Across a page break the sentence decides, and a full last line goes on.
        return (
            ends_sentence(prev.text)
            and starts_upper(line.text)
            and (width is None or len(prev.text) < 0.85 * width)
        )
    return line.gap


def paragraphs_of(lines, vocabulary, width=None, short_lines=False):
    """Join lines into paragraphs.

    `width` is the typical line length of hard-wrapped text; with `short_lines`, a
    short line that ends a sentence also ends its paragraph (text without blank lines).
    """
    groups = []
    prev = None
    for line in lines:
        if new_paragraph(prev, line, width) or (
            short_lines and _short_line_break(prev, line, width)
        ):
            groups.append([])
        groups[-1].append(line.text)
        prev = line
    return [join_lines(group, vocabulary) for group in groups]


def _short_line_break(prev, line, width):
    """Without blank lines, a short or indented line marks a paragraph's edge."""
    if not width or prev is None or not ends_sentence(prev.text):
        return False
    if not starts_upper(line.text):
        return False
    return len(prev.text) < 0.7 * width or line.indent > prev.indent + 1


def typical_width(lines):
    lengths = [len(line.text) for line in lines if len(line.text) > 20]
    if len(lengths) < 5:
        return None
    return statistics.median(lengths)


# --- labels and blocks ---


@dataclass
class Label:
    index: int
    kind: str  # "abstract" or "keywords"
    hint: str | None
    rest: str


@dataclass
class Block:
    abstract: Label | None = None
    keywords: Label | None = None
    abstract_end: int = 0
    keywords_end: int = 0
    head: tuple = (0, 0)

    @property
    def first(self):
        return (self.abstract or self.keywords).index

    @property
    def end(self):
        return self.keywords_end if self.keywords else self.abstract_end


def find_label(line):
    match = LABEL.match(line.text)
    if not match:
        return None
    kind = "abstract" if match.group("abstract") else "keywords"
    table = ABSTRACT_LABELS if kind == "abstract" else KEYWORD_LABELS
    prefix = "a" if kind == "abstract" else "k"
    hint = next(
        lang for i, (_p, lang) in enumerate(table) if match.group(f"{prefix}{i}")
    )
    rest = match.group("rest").strip()
    if (
        kind == "abstract"
        and not match.group("sep")
        and rest
        and not starts_upper(rest)
    ):
        return None  # "Abstract thinking is…": a sentence, not a label
    return kind, hint, rest


def find_labels(lines):
    labels = []
    for index, line in enumerate(lines):
        found = find_label(line)
        if found:
            labels.append(Label(index, *found))
    return labels


class Parser:
    def __init__(self, text):
        self.text = text
        self.lines = prepare_lines(text)
        self.vocabulary = Vocabulary(text)
        self.width = typical_width(self.lines)
        self.warnings = []
        self.leftovers = []

    def warn(self, message):
        if message not in self.warnings:
            self.warnings.append(message)

    def leftover(self, start, end):
        lines = self.lines[start:end]
        if lines:
            self.leftovers.extend(paragraphs_of(lines, self.vocabulary))

    # -- run --

    def parse(self):
        labels = find_labels(self.lines)
        ref_headings = [
            i
            for i, line in enumerate(self.lines)
            if REFERENCES_HEADING.match(line.text)
        ]
        blocks = self.group_blocks(labels)
        self.delimit_blocks(blocks, ref_headings)
        language_blocks = self.read_blocks(blocks)
        main = self.free_stretches(blocks)
        sections, references, body_language = [], [], None
        if main is not None:
            sections, references, body_language = self.read_main(*main, ref_headings)
        citations = self.find_citations(sections, references)
        keywords = self.pair_keywords(language_blocks)
        self.check_completeness(language_blocks, sections)
        return Manuscript(
            blocks=language_blocks,
            body_language=body_language,
            sections=sections,
            references=references,
            citations=citations,
            keywords=keywords,
            leftovers=[text for text in self.leftovers if text.strip()],
            warnings=self.warnings,
            content_hash=content_hash(self.text),
        )

    # -- front matter --

    def group_blocks(self, labels):
        """Labels into blocks: an abstract label opens one; keywords join or open."""
        blocks = []
        for label in labels:
            current = blocks[-1] if blocks else None
            if label.kind == "abstract":
                blocks.append(Block(abstract=label))
            elif (
                current is not None
                and current.keywords is None
                and self._same_language(current, label)
            ):
                current.keywords = label
            else:
                blocks.append(Block(keywords=label))
        return blocks

    def _same_language(self, block, label):
        if label.hint is None:
            return True
        start = block.abstract.index
        sample = " ".join(
            [block.abstract.rest]
            + [x.text for x in self.lines[start + 1 : label.index]]
        )
        language, strength = detect_language(sample)
        if language is None or strength == 0:
            language = block.abstract.hint
        return language in (None, label.hint)

    def delimit_blocks(self, blocks, ref_headings):
        """Where each block's abstract, keywords and head (title, authors) lie."""
        for n, block in enumerate(blocks):
            following = blocks[n + 1].first if n + 1 < len(blocks) else len(self.lines)
            limit = min([following] + [i for i in ref_headings if i > block.first])
            if block.keywords:
                block.keywords_end = self.keywords_end(block.keywords.index, limit)
                if block.abstract:
                    block.abstract_end = block.keywords.index
            else:
                block.abstract_end = self.abstract_end(block.abstract, limit)
        previous_end = 0
        for n, block in enumerate(blocks):
            head_start = self.head_start(previous_end, block.first)
            if n > 0 and not blocks[n - 1].keywords:
                # An open-ended abstract stops where the next block's head begins.
                blocks[n - 1].abstract_end = min(blocks[n - 1].abstract_end, head_start)
            block.head = (max(head_start, previous_end), block.first)
            previous_end = block.end

    def keywords_end(self, start, limit):
        first = self.lines[start]
        upper_list = is_upper_case(first.text)
        end = start + 1
        if ends_sentence(first.text) and first.text.rstrip()[-1] == ".":
            return end
        while end < min(limit, start + MAX_KEYWORD_LINES):
            line = self.lines[end]
            if line.gap or find_label(line) or REFERENCES_HEADING.match(line.text):
                break
            if is_upper_case(line.text) and not upper_list:
                break
            end += 1
            if line.text.rstrip().endswith("."):
                break
        return end

    def abstract_end(self, label, limit):
        """An abstract with no keywords after it runs to the body's first heading."""
        language = label.hint or detect_language(label.rest)[0]
        end = label.index + 1
        while end < limit:
            line = self.lines[end]
            prev = self.lines[end - 1]
            if find_label(line) or self.heading_like(line, prev):
                break
            if line.gap and ends_sentence(prev.text):
                guess, strength = detect_language(line.text)
                if guess and strength >= 3 and language and guess != language:
                    break
            end += 1
        return end

    def heading_like(self, line, prev):
        text = line.text
        if (
            len(text) > 120
            or text.rstrip()[-1:] in ".,;:"
            or not ends_sentence(prev.text)
        ):
            return False
        return bool(
            KNOWN_HEADINGS.match(text)
            or (NUMBERED_HEADING.match(text) and len(text.split()) <= 12)
            or (is_upper_case(text) and len(text.split()) <= 12)
        )

    def head_start(self, previous_end, first_label):
        """Walk back from a block's first label over its title and byline lines."""
        start, plain = first_label, 0
        while start > previous_end and first_label - start < MAX_HEAD_LINES:
            line = self.lines[start - 1]
            if REFERENCES_HEADING.match(line.text) or find_label(line):
                break
            if not (is_upper_case(line.text) or _is_meta(line.text)):
                # A title in sentence case: a few short lines that end no sentence.
                short = len(line.text.split()) <= 15 and len(line.text) <= 160
                plain += 1
                if not short or ends_sentence(line.text) or plain > 4:
                    break
            start -= 1
        return start

    def read_blocks(self, blocks):
        """LanguageBlocks by language; leftovers for what is not title or content."""
        result = {}
        for block in blocks:
            title_lines, rest = split_title(self.lines[block.head[0] : block.head[1]])
            for chunk in rest:
                self.leftovers.append(join_lines([x.text for x in chunk]))
            original = join_lines([x.text for x in title_lines], self.vocabulary)
            abstract = self.abstract_text(block)
            keywords = self.keyword_list(block)
            found, sure = self.block_language(block, original, abstract, keywords)
            language = found
            if language in result:
                language = None if sure else self.other_language(language, result)
            if language is None:
                if found is None:
                    message = _(
                        "A block (“%(start)s…”) is in no language the journal uses; "
                        "it is under “Not placed”."
                    ) % {"start": (original or abstract)[:40]}
                else:
                    message = _(
                        "A second block in %(language)s was found; it is under "
                        "“Not placed”."
                    ) % {"language": LANGUAGE_NAMES[found]}
                self.warn(message)
                self.leftovers.extend(x for x in (original, abstract) if x)
                if keywords:
                    self.leftovers.append(", ".join(keywords))
                continue
            result[language] = self.language_block(
                language, original, abstract, keywords
            )
        return result

    def language_block(self, language, original, abstract, keywords):
        title = original
        if is_upper_case(original):
            title = sentence_case(original, language)
        if len(title) > MAX_TITLE_CHARS:
            self.warn(
                _("The %(language)s title is longer than %(count)d characters.")
                % {"language": LANGUAGE_NAMES[language], "count": MAX_TITLE_CHARS}
            )
        return LanguageBlock(language, title, original, abstract, keywords)

    def block_language(self, block, title, abstract, keywords):
        """(language, sure): by the letters and words of the text, else the labels."""
        hints = {
            label.hint
            for label in (block.abstract, block.keywords)
            if label and label.hint
        }
        guess, strength = detect_language(" ".join([title, abstract, *keywords]))
        sure = guess is not None and (strength >= 3 or guess == "en")
        if guess and (sure or not hints):
            if hints and guess not in hints:
                self.warn(
                    _(
                        "A block labelled in %(label)s is written in %(language)s; "
                        "it was taken as %(language)s."
                    )
                    % {
                        "label": LANGUAGE_NAMES[sorted(hints)[0]],
                        "language": LANGUAGE_NAMES[guess],
                    }
                )
            return guess, sure
        if len(hints) == 1:
            return next(iter(hints)), True
        return guess, False

    def other_language(self, language, taken):
        """A second block in a language: the other language of its script, if free."""
        if language == "en":
            return None
        other = "ru" if language == "ky" else "ky"
        if other in taken:
            return None
        self.warn(
            _(
                "Two blocks looked %(language)s; the second was taken as %(other)s. "
                "Check the languages in the preview."
            )
            % {"language": LANGUAGE_NAMES[language], "other": LANGUAGE_NAMES[other]}
        )
        return other

    def abstract_text(self, block):
        if not block.abstract:
            return ""
        label = block.abstract
        lines = [Line(label.rest)] if label.rest else []
        lines += self.lines[label.index + 1 : block.abstract_end]
        return "\n\n".join(paragraphs_of(lines, self.vocabulary, self.width))

    def keyword_list(self, block):
        if not block.keywords:
            return []
        label = block.keywords
        lines = [label.rest] + [
            x.text for x in self.lines[label.index + 1 : block.keywords_end]
        ]
        return split_keywords(join_lines(lines, self.vocabulary))

    # -- keywords across languages --

    def pair_keywords(self, blocks):
        """Lists of equal length are translations, in order; others stand alone."""
        lists = {code: b.keywords for code, b in blocks.items() if b.keywords}
        for code, words in lists.items():
            for word in words:
                if len(word) > MAX_KEYWORD_CHARS:
                    self.warn(
                        _("A %(language)s keyword is too long and was left out: %(k)s")
                        % {"language": LANGUAGE_NAMES[code], "k": word[:60] + "…"}
                    )
            lists[code] = [w for w in words if len(w) <= MAX_KEYWORD_CHARS]
        by_length = {}
        for code in LANGUAGE_CODES:
            if code in lists:
                by_length.setdefault(len(lists[code]), []).append(code)
        plans = []
        for length, codes in by_length.items():
            if len(codes) > 1:
                for i in range(length):
                    plans.append(KeywordPlan({c: lists[c][i] for c in codes}))
            else:
                plans.extend(KeywordPlan({codes[0]: word}) for word in lists[codes[0]])
        if len(by_length) > 1:
            counts = ", ".join(
                f"{LANGUAGE_NAMES[c]}: {len(lists[c])}"
                for c in LANGUAGE_CODES
                if c in lists
            )
            self.warn(
                _(
                    "The keyword lists differ in length (%(counts)s), so not all "
                    "can be paired as translations; a list with no other list of the "
                    "same length is added as keywords in one language. Merge "
                    "translations in the keyword admin."
                )
                % {"counts": counts}
            )
        return plans

    # -- body and references --

    def free_stretches(self, blocks):
        """The body's stretch: the longest run of lines that no block claims."""
        if not blocks:
            return self.no_blocks()
        stretches, position = [], 0
        for block in blocks:
            stretches.append((position, block.head[0]))
            position = block.end
        stretches.append((position, len(self.lines)))
        stretches = [(s, e) for s, e in stretches if e > s]
        if not stretches:
            return None
        main = max(stretches[1:] or stretches, key=self._letters)
        if stretches[0] != main and self._letters(stretches[0]) > 3 * self._letters(
            main
        ):
            main = stretches[0]
        for stretch in stretches:
            if stretch != main:
                self.leftover(*stretch)
        return main

    def _letters(self, stretch):
        return sum(len(x.text) for x in self.lines[stretch[0] : stretch[1]])

    def no_blocks(self):
        self.warn(
            _(
                "No abstract or keyword labels were found, so titles, abstracts and "
                "keywords could not be recognised."
            )
        )
        return (0, len(self.lines)) if self.lines else None

    def read_main(self, start, end, ref_headings):
        headings = [i for i in ref_headings if start <= i < end]
        body_end = headings[0] if headings else end
        body = self.lines[start:body_end]
        sections = split_sections(body, self.vocabulary)
        references = []
        if headings:
            list_end = headings[1] if len(headings) > 1 else end
            references = self.read_references(self.lines[headings[0] + 1 : list_end])
            if len(headings) > 1:
                self.warn(
                    _(
                        "A second reference list (“%(heading)s”) was found; only the "
                        "first was imported, the second is under “Not placed”."
                    )
                    % {"heading": self.lines[headings[1]].text}
                )
                self.leftovers.append(self.lines[headings[1]].text)
                self.leftover(headings[1] + 1, end)
        language = body_language(sections)
        return sections, references, language

    def read_references(self, lines):
        entries = split_references(lines, self.vocabulary)
        references = []
        for n, text in enumerate(entries, start=1):
            references.append(ReferenceEntry(n, text, *_doi_and_url(text)))
        if lines and not references:
            self.warn(_("The reference list is empty."))
        return references

    def find_citations(self, sections, references):
        citations = []
        for index, section in enumerate(sections):
            for paragraph in section.paragraphs:
                for match in CITATION.finditer(paragraph):
                    numbers = citation_numbers(match.group(1))
                    if numbers:
                        missing = [n for n in numbers if not 1 <= n <= len(references)]
                        citations.append(
                            Citation(match.group(0), numbers, index, missing)
                        )
        if citations and not references:
            self.warn(
                _(
                    "The text has %(count)d in-text citations but no reference list "
                    "was found, so they point nowhere."
                )
                % {"count": len(citations)}
            )
        elif references:
            for citation in citations:
                if citation.missing:
                    self.warn(
                        _(
                            "The citation %(citation)s points past the end of the "
                            "reference list (%(count)d entries)."
                        )
                        % {"citation": citation.text, "count": len(references)}
                    )
        return citations

    def check_completeness(self, blocks, sections):
        for code in LANGUAGE_CODES:
            name = LANGUAGE_NAMES[code]
            block = blocks.get(code)
            if block is None:
                if blocks:
                    self.warn(
                        _("No title, abstract or keywords in %(language)s were found.")
                        % {"language": name}
                    )
                continue
            if not block.title:
                self.warn(_("No title in %(language)s was found.") % {"language": name})
            if not block.abstract:
                self.warn(
                    _("No abstract in %(language)s was found.") % {"language": name}
                )
            if not block.keywords:
                self.warn(
                    _("No keywords in %(language)s were found.") % {"language": name}
                )
        if not sections:
            self.warn(_("No body text was found after the abstracts."))


def _is_meta(text):
    return bool(META_LINE.search(text) or AUTHOR_LINE.search(text))


def _title_candidate(text):
    if META_LINE.search(text):
        return False
    return not AUTHOR_LINE.search(text) or (
        is_upper_case(text) and len(text.split()) >= 4
    )


def split_title(head_lines):
    """The title lines of a block's head, and the other chunks (authors, UDC…).

    The title is the longest run of lines in capitals, else the first run of lines
    that are not bylines, affiliations or identifiers.
    """
    runs = []
    for i, line in enumerate(head_lines):
        if not _title_candidate(line.text):
            continue
        upper = is_upper_case(line.text)
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last[0] == i - 1
            and not line.gap
            and is_upper_case(last[1].text) == upper
        ):
            runs[-1].append((i, line))
        else:
            runs.append([(i, line)])
    upper_runs = [run for run in runs if is_upper_case(run[0][1].text)]
    if upper_runs:
        chosen = max(upper_runs, key=lambda run: sum(len(x.text) for _i, x in run))
    else:
        chosen = runs[0] if runs else []
    chosen_ids = {i for i, _line in chosen}
    rest, chunk = [], []
    for i, line in enumerate(head_lines):
        if chunk and (i in chosen_ids or line.gap):
            rest.append(chunk)
            chunk = []
        if i not in chosen_ids:
            chunk.append(line)
    if chunk:
        rest.append(chunk)
    return [line for _i, line in chosen], rest


def split_keywords(text):
    """A keyword list: split at commas or semicolons, final full stop dropped."""
    text = text.strip().rstrip(".").strip()
    if not text:
        return []
    words, seen = [], set()
    for part in re.split(r"\s*[,;]\s*", text):
        word = part.strip(" .«»\"“”'–—-")
        word = " ".join(word.split())
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    if len(words) > 1 and all(is_upper_case(w, 2) for w in words):
        words = [w.lower() for w in words]
    elif (
        len(words) > 2
        and words[0][:1].isupper()
        and words[0][1:2].islower()
        and sum(1 for w in words[1:] if w[:1].islower()) >= (len(words) - 1) / 2
    ):
        # Only the list's first word is capitalised: the sentence start, not a name.
        first = words[0]
        if not any(p.match(first.split()[0].lower()) for p in _proper_patterns()):
            words[0] = first[0].lower() + first[1:]
    return words


def _proper_patterns():
    from .textutil import PROPER_NAMES

    return PROPER_NAMES.values()


def split_sections(lines, vocabulary):
    """Body lines into sections at headings; text before the first has none."""
    width = typical_width(lines)
    # Blank lines mark paragraphs in most files; only without them guess from widths.
    short_lines = sum(1 for line in lines if line.gap) <= len(lines) / 4
    sections = []
    heading, body, previous_heading = None, [], False
    for i, line in enumerate(lines):
        if not is_heading(lines, i, width if short_lines else None):
            body.append(line)
            previous_heading = False
            continue
        if previous_heading and not body and not line.gap:
            heading = f"{heading} {line.text}"  # a heading wrapped over two lines
            continue
        if heading is not None or body:
            sections.append(_section(heading, body, vocabulary, width, short_lines))
        heading, body, previous_heading = line.text, [], True
    if heading is not None or body:
        sections.append(_section(heading, body, vocabulary, width, short_lines))
    return sections


def _section(heading, lines, vocabulary, width, short_lines):
    heading = join_lines([heading or ""], vocabulary)[:MAX_HEADING_CHARS]
    return BodySection(heading, paragraphs_of(lines, vocabulary, width, short_lines))


def is_heading(lines, i, width):
    """Short lines, numbered ("1."), in capitals, or standing alone, before text."""
    line = lines[i]
    text = line.text
    words = len(text.split())
    if words > 15 or len(text) > 150 or i + 1 >= len(lines):
        return False
    following = lines[i + 1]
    if not starts_upper(following.text) or text[-1] in ",;:" or text[-1] == "-":
        return False
    prev = lines[i - 1] if i > 0 else None
    after_break = (
        prev is None
        or line.gap
        or ends_sentence(prev.text)
        or (is_upper_case(prev.text) and is_upper_case(text))
    )
    if not after_break:
        return False
    if text[-1] in ".!?" and not KNOWN_HEADINGS.match(text):
        return False
    if KNOWN_HEADINGS.match(text):
        return True
    if CITATION.search(text):
        return False
    if NUMBERED_HEADING.match(text):
        return following.gap or not width or len(text) < 0.8 * width
    if is_upper_case(text) and words >= 1:
        return True
    if line.gap and following.gap and text[0].isupper() and words <= 12:
        return True
    return bool(
        width
        and words <= 10
        and len(text) < 0.6 * width
        and text[0].isupper()
        and (prev is None or ends_sentence(prev.text))
    )


def body_language(sections):
    sample = " ".join(
        [s.heading for s in sections] + [p for s in sections for p in s.paragraphs]
    )
    return detect_language(sample[:20000])[0] if sample.strip() else None


def split_references(lines, vocabulary):
    """Reference entries: numbered ("1.", "[1]") when numbered, else paragraphs."""
    if not lines:
        return []
    starts = []
    for i, line in enumerate(lines):
        match = NUMBERED_REFERENCE.match(line.text)
        if match and int(match.group(1) or match.group(2)) == len(starts) + 1:
            starts.append(i)
    if len(starts) >= 2 or (len(starts) == 1 and len(lines) <= 3):
        entries = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(lines)
            chunk = [x.text for x in lines[start:end]]
            chunk[0] = NUMBERED_REFERENCE.sub("", chunk[0], count=1)
            entries.append(join_lines(chunk, vocabulary))
        return [e for e in entries if e]
    width = typical_width(lines)
    return [p for p in paragraphs_of(lines, vocabulary, width, short_lines=True) if p]


def citation_numbers(inner):
    """`[2]`, `[1, 175-б.]`, `[4; 5]`: the leading number of each `;`-part.

    The same reading as the article page's citation links (articles.text).
    """
    if not re.match(r"^\s*\d", inner):
        return []
    numbers = []
    for part in inner.split(";"):
        match = LEADING_NUMBER.match(part)
        if match:
            numbers.append(int(match.group(1)))
    return numbers


def _doi_and_url(text):
    doi = url = ""
    match = DOI.search(text)
    if match:
        doi = match.group(1).rstrip(TRAILING_PUNCTUATION)
    match = URL.search(text)
    if match:
        url = match.group(0).rstrip(TRAILING_PUNCTUATION)
        if doi and "doi.org/" in url:
            url = ""
    return doi, url


def parse_manuscript(text):
    """The parts of a manuscript's text (see the module docstring)."""
    return Parser(text).parse()
