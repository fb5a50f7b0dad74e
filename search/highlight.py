"""Snippets as safe HTML: the source text is escaped first, then marked.

The database never returns HTML that is shown as is. Highlights are found in the
folded text (by `ts_headline` or by the SQLite fallback) as character spans; since
folding keeps every character in its place, the same spans cut the original text,
which is escaped piece by piece around the `<mark>` tags.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Private-use characters: `clean()` removes them from indexed text, so they can only
# come from ts_headline's options.
START, STOP, DELIMITER = "\ue000", "\ue001", "\ue002"
ELLIPSIS = "…"
_MARKERS = re.compile(f"([{START}{STOP}])")
_SPACE = re.compile(r"\s+")


def _escaped(text):
    """Escaped text on one line (paragraph breaks mean nothing in a snippet)."""
    return escape(_SPACE.sub(" ", text))


def render(original, fragments):
    """HTML for `fragments` of `original`: [(start, end, [(from, to)…])…]."""
    pieces = []
    for start, end, marks in fragments:
        html, cursor = [], start
        for mark_start, mark_end in marks:
            mark_start, mark_end = max(mark_start, cursor), min(mark_end, end)
            if mark_start >= mark_end:
                continue
            html.append(_escaped(original[cursor:mark_start]))
            html.append(f"<mark>{_escaped(original[mark_start:mark_end])}</mark>")
            cursor = mark_end
        html.append(_escaped(original[cursor:end]))
        pieces.append("".join(html).strip())
    text = f" {ELLIPSIS} ".join(pieces)
    if fragments and fragments[0][0] > 0:
        text = f"{ELLIPSIS} {text}"
    if fragments and fragments[-1][1] < len(original.rstrip()):
        text = f"{text} {ELLIPSIS}"
    return mark_safe(text)  # noqa: S308 - every text piece is escaped


def from_headline(original, folded, headline):
    """Place ts_headline's output (over `folded`) back onto `original`."""
    fragments, position = [], 0
    for fragment in (headline or "").split(DELIMITER):
        plain = fragment.replace(START, "").replace(STOP, "")
        if not plain.strip():
            continue
        start = folded.find(plain, position)
        if start < 0:
            start = folded.find(plain)
        if start < 0:
            continue
        marks, offset, open_at = [], start, None
        for token in _MARKERS.split(fragment):
            if token == START:
                open_at = offset
            elif token == STOP and open_at is not None:
                marks.append((open_at, offset))
                open_at = None
            else:
                offset += len(token)
        fragments.append((start, start + len(plain), marks))
        position = start + len(plain)
    if not fragments:
        return opening(original)
    return render(original, fragments)


def from_substrings(original, folded, substrings, width=240):
    """A window of `original` around the first of `substrings` (folded), marked."""
    spans = []
    for sub in substrings:
        for match in re.finditer(re.escape(sub) + r"\w*", folded):
            spans.append(match.span())
    if not spans:
        return opening(original, width)
    spans.sort()
    first = spans[0][0]
    start = max(0, first - width // 3)
    if start:
        space = original.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(original), start + width)
    if end < len(original):
        space = original.rfind(" ", first, end)
        end = space if space > first else end
    return render(original, [(start, end, [s for s in spans if s[0] < end])])


def opening(original, width=240):
    """The beginning of `original`, cut at a word, escaped."""
    end = len(original)
    if end > width:
        space = original.rfind(" ", 0, width)
        end = space if space > 0 else width
    return render(original, [(0, end, [])]) if original.strip() else ""
