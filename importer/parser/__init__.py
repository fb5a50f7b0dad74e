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

from .lines import Line, prepare_lines
from .parse import parse_manuscript
from .patterns import LANGUAGE_NAMES
from .result import (
    BodySection,
    Citation,
    KeywordPlan,
    LanguageBlock,
    Manuscript,
    ReferenceEntry,
    content_hash,
)

__all__ = [
    "LANGUAGE_NAMES",
    "BodySection",
    "Citation",
    "KeywordPlan",
    "LanguageBlock",
    "Line",
    "Manuscript",
    "ReferenceEntry",
    "content_hash",
    "parse_manuscript",
    "prepare_lines",
]
