"""The layout corpus: manuscripts laid out in printed lines and pages, and read back.

`layout(name)` typesets a manuscript of corpus_texts.py the way the journal prints it:
lines measured in points with the DejaVu Serif metrics (greedy, ragged right, long
words hyphenated where they overflow), pages with a running header and a page number.
make_corpus.py writes each layout as a .txt in the form PDF-to-text exporters give
(an empty line after every printed line) and as a PDF typeset by reportlab. The tests
read those committed files, so they need neither reportlab nor the fonts.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.importer.corpus_texts import MANUSCRIPTS

CORPUS = Path(__file__).parent / "corpus"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"regular": "DejaVuSerif.ttf", "bold": "DejaVuSerif-Bold.ttf"}
FONT_SIZE = 10.5
MEASURE = 400.0  # points: the width of the text column
LINES_PER_PAGE = 30
RUNNING_HEADER = "2024, №4/1"
FIRST_PAGE = 409
BREAK = "¦"
LABELS = {
    "ky": ("Аннотациясы:", "Негизги сөздөр:"),
    "ru": ("Аннотация:", "Ключевые слова:"),
    "en": ("Abstract:", "Keywords:"),
}
VOWELS = set("аеёиоуыэюяөүaeiouy")


@dataclass
class PrintedLine:
    text: str
    bold: bool = False
    space_before: bool = False  # a paragraph's or a block's first line


@dataclass
class Layout:
    pages: list  # lists of PrintedLine, furniture excluded
    splits: list = field(default_factory=list)  # (line end, line start, word)


def width_function():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FONTS.items():
        if f"corpus-{name}" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(f"corpus-{name}", FONT_DIR / file))

    def width(text, bold=False):
        font = "corpus-bold" if bold else "corpus-regular"
        return pdfmetrics.stringWidth(text, font, FONT_SIZE)

    return width


class Typesetter:
    def __init__(self, width):
        self.width = width
        self.splits = []

    def wrap(self, text, bold=False):
        """Lines of a paragraph: greedy, breaking inside words only near the end."""
        lines, line = [], ""
        for word in text.split():
            clean = word.replace(BREAK, "")
            candidate = f"{line} {clean}".strip()
            split = self._split(line, word, bold)
            fits = self.width(candidate, bold) <= MEASURE
            if split and (not fits or BREAK in word):
                head, tail = split
                lines.append(f"{line} {head}".strip())
                self.splits.append((head, tail, clean))
                line = tail
            elif fits:
                line = candidate
            else:
                lines.append(line)
                line = clean
        return lines + [line]

    def _split(self, line, word, bold):
        """(head, tail) to end a nearly full line inside `word`, or None."""
        for head, tail in self._break_points(word):
            text = f"{line} {head}".strip()
            if self._full(text, word, bold):
                return head, tail
        return None

    def _full(self, text, word, bold):
        """Marked breaks are taken a little earlier than the typesetter's own."""
        least = 0.7 if BREAK in word else 0.85
        return least * MEASURE <= self.width(text, bold) <= MEASURE

    def _break_points(self, word):
        """Marked points first; then after a hyphen or dash; then between syllables
        of a long lower-case word. Longest head first."""
        if BREAK in word:
            head, tail = word.split(BREAK)
            if head[-1].isalpha():
                return [(head + "-", tail)]
            return [(head, tail)]
        points = [
            (word[: m.end()], word[m.end() :])
            for m in re.finditer(r"\w[-–]", word)
            if m.end() < len(word)
        ]
        if len(word) >= 9 and word.isalpha() and word.islower():
            points += [
                (word[:k] + "-", word[k:])
                for k in range(3, len(word) - 3)
                if word[k - 1] in VOWELS and word[k] not in VOWELS
            ]
        return sorted(points, key=lambda p: -len(p[0]))


def layout(name, width=None):
    """The printed pages of a corpus manuscript."""
    manuscript = MANUSCRIPTS[name]
    setter = Typesetter(width or width_function())
    flow = [PrintedLine("УДК 327(575.2:575.3)")]
    for code in ("ky", "ru", "en"):
        flow += front_block(setter, code, manuscript["front"][code])
    for heading, paragraphs in manuscript["sections"]:
        if heading:
            flow.append(PrintedLine(heading, bold=True, space_before=True))
        for paragraph in paragraphs:
            flow += _paragraph(setter, paragraph)
    flow.append(
        PrintedLine(manuscript["references_heading"], bold=True, space_before=True)
    )
    for n, entry in enumerate(manuscript["references"], start=1):
        flow += _paragraph(setter, f"{n}. {entry}")
    pages = [flow[i : i + LINES_PER_PAGE] for i in range(0, len(flow), LINES_PER_PAGE)]
    if manuscript["repeat_front"]:
        pages.append(pages[0])
    return Layout(pages, setter.splits)


def front_block(setter, code, block):
    abstract_label, keywords_label = LABELS[code]
    lines = [
        PrintedLine(text, bold=True, space_before=n == 0)
        for n, text in enumerate(setter.wrap(block["title"], bold=True))
    ]
    lines += [PrintedLine(text) for text in block["byline"]]
    lines += _paragraph(setter, f"{abstract_label} {block['abstract']}")
    keywords = ", ".join(block["keywords"]) + "."
    lines += [PrintedLine(x) for x in setter.wrap(f"{keywords_label} {keywords}")]
    return lines


def _paragraph(setter, text):
    return [
        PrintedLine(line, space_before=n == 0)
        for n, line in enumerate(setter.wrap(text))
    ]


def furnished_pages(layout_):
    """Each page's lines with the running header above and the page number below."""
    return [
        [RUNNING_HEADER] + [line.text for line in page] + [str(FIRST_PAGE + n)]
        for n, page in enumerate(layout_.pages)
    ]


def blank_line_text(layout_):
    """The .txt a PDF-to-text export gives: an empty line after every printed line."""
    lines = [line for page in furnished_pages(layout_) for line in page]
    return "".join(f"{line}\n\n" for line in lines)


def corpus_file(name, suffix):
    return CORPUS / f"{name}{suffix}"
