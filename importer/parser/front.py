"""Front matter: labels, language blocks, titles and keyword lists."""

import re
from dataclasses import dataclass

from .patterns import (
    ABSTRACT_LABELS,
    AFFILIATION_LINE,
    KEYWORD_LABELS,
    LABEL,
    META_LINE,
    NAME_LINE,
)
from .text import PROPER_NAMES, is_upper_case, starts_upper


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
        return min(label.index for label in (self.abstract, self.keywords) if label)

    @property
    def abstract_last(self):
        """The abstract is the block's last part: its end is open."""
        return self.abstract is not None and (
            self.keywords is None or self.keywords.index < self.abstract.index
        )

    @property
    def end(self):
        return self.abstract_end if self.abstract_last else self.keywords_end


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


def without_repeated_front(lines, minimum=3):
    """The lines without a copy of the first page's front matter printed later.

    Some PDF exports print the first page (title, abstract…) again after the body.
    A copy is a run of at least `minimum` lines repeating, in order, the lines around
    the first label. Returns (lines, whether a copy was left out).
    """
    labels = [i for i, line in enumerate(lines) if find_label(line)]
    if not labels:
        return lines, False
    first = labels[0]
    seen = {}
    for i, line in enumerate(lines):
        seen.setdefault(line.text, i)
    kept, j, dropped = [], 0, False
    while j < len(lines):
        i = seen[lines[j].text]
        length = 0
        if j > first and i <= first:
            while (
                j + length < len(lines)
                and i + length < j
                and lines[i + length].text == lines[j + length].text
            ):
                length += 1
        if length >= minimum and i + length > first:
            j += length
            dropped = True
            continue
        kept.append(lines[j])
        j += 1
    return kept, dropped


def is_meta(text):
    """A byline, an affiliation or an identifier (UDC, DOI, ORCID, email)."""
    return bool(
        META_LINE.search(text)
        or NAME_LINE.search(text)
        or AFFILIATION_LINE.search(text)
    )


def _title_candidate(text, affiliations):
    if META_LINE.search(text):
        return False
    long_capitals = is_upper_case(text) and len(text.split()) >= 4
    if NAME_LINE.search(text) and not long_capitals:
        return False
    return affiliations or long_capitals or not AFFILIATION_LINE.search(text)


def split_title(head_lines):
    """The title lines of a block's head, and the other chunks (authors, UDC…).

    The title is the longest run of lines in capitals, else the first run of lines
    that are not bylines, affiliations or identifiers (affiliation-like lines only
    when there is nothing else: "The role of universities in …" is a title).
    """
    runs = _title_runs(head_lines, affiliations=False) or _title_runs(
        head_lines, affiliations=True
    )
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


def _title_runs(head_lines, affiliations):
    """Runs of consecutive candidate lines, all in capitals or all not."""
    runs = []
    for i, line in enumerate(head_lines):
        if not _title_candidate(line.text, affiliations):
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
    return runs


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
        parts = first.split()
        name = len(parts) > 1 and all(part[:1].isupper() for part in parts)
        if not name and not any(
            p.match(parts[0].lower()) for p in PROPER_NAMES.values()
        ):
            words[0] = first[0].lower() + first[1:]
    return words
