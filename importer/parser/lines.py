"""Lines of extracted text: page furniture out, paragraphs joined back together."""

import statistics
from collections import Counter
from dataclasses import dataclass

from .patterns import (
    DIGITS,
    ISSUE_HEADER,
    LABEL,
    NUMBERED_REFERENCE,
    PAGE_NUMBER,
    REFERENCES_HEADING,
)
from .text import ends_sentence, join_lines, starts_upper


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
    if _interleaved(lines):
        for line in lines:
            line.gap = False
    return lines


def _interleaved(lines):
    """Blank lines after (nearly) every printed line: PDF-to-text exports do this.

    They then say nothing about paragraphs, which are rebuilt from the layout.
    """
    if len(lines) < 8:
        return False
    gaps = [
        (prev, line)
        for prev, line in zip(lines, lines[1:], strict=False)
        if line.gap or line.page
    ]
    # Blank lines that cut sentences: a line goes on in lower case after one.
    inside = sum(
        1
        for prev, line in gaps
        if not ends_sentence(prev.text) and line.text[:1].islower()
    )
    return len(gaps) >= 0.6 * (len(lines) - 1) and inside >= 0.2 * len(gaps)


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
    measure = _LazyMeasure(lines)
    for line in lines:
        if new_paragraph(prev, line, width) or (
            short_lines and _short_line_break(prev, line, width, measure)
        ):
            groups.append([])
        groups[-1].append(line.text)
        prev = line
    return [join_lines(group, vocabulary) for group in groups]


def _short_line_break(prev, line, width, measure):
    """Without blank lines, a short or indented line marks a paragraph's edge."""
    if not width or prev is None or not ends_sentence(prev.text):
        return False
    if not starts_upper(line.text):
        return False
    return (
        len(prev.text) < 0.7 * width
        or line.indent > prev.indent + 1
        or ended_early(prev.text, line.text, measure)
    )


# Rough glyph widths of a proportional font, relative to an average letter: full
# lines measured this way vary far less in length than in their count of letters.
NARROW = frozenset(" .,:;'!|()[]-iljtfrI")
WIDE = frozenset("mwшщжмюыфMWШЩЖМЮЫФ—")


def visual_width(text):
    return sum(
        1.45 if ch in WIDE else 0.6 if ch in NARROW else 1.25 if ch.isupper() else 1
        for ch in text
    )


def visual_measure(lines):
    """The width of a full line: nearly the longest of the running text's lines."""
    widths = sorted(visual_width(line.text) for line in lines if len(line.text) > 20)
    if len(widths) < 5:
        return None
    return widths[int(0.9 * (len(widths) - 1))]


class _LazyMeasure:
    """visual_measure of the lines, worked out only if a line end needs it."""

    def __init__(self, lines):
        self.lines = lines
        self.value = ...

    def get(self):
        if self.value is ...:
            self.value = visual_measure(self.lines)
        return self.value


def ended_early(text, following, measure):
    """The line is well short of the measure, or the next line's first word would
    have fitted at its end: the printer ended it by choice, not for lack of room."""
    if isinstance(measure, _LazyMeasure):
        measure = measure.get()
    if not measure:
        return False
    word = following.split()[0]
    return (
        visual_width(text) < 0.75 * measure
        or visual_width(f"{text} {word}") < 0.97 * measure
    )


def typical_width(lines):
    lengths = [len(line.text) for line in lines if len(line.text) > 20]
    if len(lengths) < 5:
        return None
    return statistics.median(lengths)
