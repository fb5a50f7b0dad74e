"""What the parser returns: the parts of a manuscript, plain data, no database."""

import hashlib
from dataclasses import dataclass, field

from articles.languages import LANGUAGE_CODES

from .patterns import LANGUAGE_NAMES


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
