"""The body: sections at headings, the reference list, in-text citations."""

import re

from articles.text import CITATION, LEADING_NUMBER

from .lines import paragraphs_of, typical_width
from .patterns import (
    DOI,
    KNOWN_HEADINGS,
    MAX_HEADING_CHARS,
    NUMBERED_HEADING,
    NUMBERED_REFERENCE,
    TRAILING_PUNCTUATION,
    URL,
)
from .result import BodySection
from .text import (
    detect_language,
    ends_sentence,
    is_upper_case,
    join_lines,
    starts_upper,
)


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


def doi_and_url(text):
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
