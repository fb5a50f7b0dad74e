"""Plain-text body rendering: paragraphs and in-text citations linked to references."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

CITATION = re.compile(r"\[([^\[\]]{1,60})\]")
LEADING_NUMBER = re.compile(r"^\s*(\d{1,4})(.*)$", re.S)


def _link(number, rest, ref_count):
    if 1 <= int(number) <= ref_count:
        return format_html('<a href="#ref-{0}" class="cite">{0}</a>{1}', number, rest)
    return escape(number + rest)


def _link_group(match, ref_count):
    """`[2]`, `[1, 175-б.]`, `[4; 5]`: each `;`-part's leading number is a reference."""
    inner = match.group(1)
    if not re.match(r"^\s*\d", inner):
        return escape(match.group(0))
    parts = []
    for part in inner.split(";"):
        m = LEADING_NUMBER.match(part)
        if m:
            lead = part[: len(part) - len(part.lstrip())]
            parts.append(escape(lead) + _link(m.group(1), m.group(2), ref_count))
        else:
            parts.append(escape(part))
    return "[" + ";".join(parts) + "]"


def link_citations(text, ref_count):
    """Escape `text` and link the in-text citations it contains (returns safe HTML)."""
    out, pos = [], 0
    for match in CITATION.finditer(text):
        out.append(escape(text[pos : match.start()]))
        out.append(_link_group(match, ref_count))
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def render_paragraphs(text, ref_count=0):
    """Blank-line separated paragraphs as <p>, single newlines as <br>."""
    paragraphs = [
        p.strip() for p in re.split(r"\n\s*\n", (text or "").replace("\r", ""))
    ]
    html = [
        "<p>" + link_citations(p, ref_count).replace("\n", "<br>") + "</p>"
        for p in paragraphs
        if p
    ]
    return mark_safe("\n".join(html))  # noqa: S308 - every piece above is escaped
