"""The parser: the whole manuscript, block by block, into a `Manuscript`."""

from django.utils.translation import gettext as _

from articles.languages import LANGUAGE_CODES
from articles.text import CITATION

from .body import (
    body_language,
    citation_numbers,
    doi_and_url,
    split_references,
    split_sections,
)
from .front import (
    Block,
    find_label,
    find_labels,
    is_meta,
    split_keywords,
    split_title,
    without_repeated_front,
)
from .lines import Line, paragraphs_of, prepare_lines, typical_width
from .patterns import (
    KNOWN_HEADINGS,
    LANGUAGE_NAMES,
    MAX_ABSTRACT_CHARS,
    MAX_HEAD_LINES,
    MAX_KEYWORD_CHARS,
    MAX_KEYWORD_LINES,
    MAX_TITLE_CHARS,
    NUMBERED_HEADING,
    REFERENCES_HEADING,
)
from .result import (
    Citation,
    KeywordPlan,
    LanguageBlock,
    Manuscript,
    ReferenceEntry,
    content_hash,
)
from .text import (
    Vocabulary,
    detect_language,
    ends_sentence,
    is_upper_case,
    join_lines,
    sentence_case,
)


class Parser:
    def __init__(self, text):
        self.text = text
        self.lines, repeated = without_repeated_front(prepare_lines(text))
        # Counted on the lines kept: a repeated page would count its words twice.
        self.vocabulary = Vocabulary("\n".join(line.text for line in self.lines))
        self.width = typical_width(self.lines)
        self.warnings = []
        self.leftovers = []
        if repeated:
            self.warn(
                _(
                    "The title and abstract were printed a second time after the "
                    "body; the copy was left out."
                )
            )

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
        """Labels into blocks: an abstract label opens one; keywords join or open.

        An abstract right after a keyword list in its language (keywords first, a
        layout some journals use) joins that list's block.
        """
        blocks = []
        for label in labels:
            current = blocks[-1] if blocks else None
            if label.kind == "abstract":
                if self._abstract_after_keywords(current, label):
                    current.abstract = label
                else:
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

    def _abstract_after_keywords(self, block, label):
        if block is None or block.abstract is not None:
            return False
        keywords = block.keywords
        if self.keywords_end(keywords.index, label.index) != label.index:
            return False
        sample = [label.rest]
        for line in self.lines[label.index + 1 : label.index + 4]:
            if line.gap or find_label(line):
                break
            sample.append(line.text)
        language = label.hint or detect_language(" ".join(sample))[0]
        return keywords.hint is None or language in (None, keywords.hint)

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
            if block.abstract_last:
                block.abstract_end = self.abstract_end(block.abstract, limit)
                if block.keywords:
                    block.keywords_end = block.abstract.index
            else:
                block.keywords_end = self.keywords_end(block.keywords.index, limit)
                if block.abstract:
                    block.abstract_end = block.keywords.index
        previous_end = 0
        for n, block in enumerate(blocks):
            floor = previous_end
            if n > 0 and blocks[n - 1].abstract_last:
                # An open-ended abstract stops where the next block's head begins.
                floor = blocks[n - 1].abstract.index + 1
            head_start = self.head_start(floor, block.first)
            if floor != previous_end:
                blocks[n - 1].abstract_end = min(blocks[n - 1].abstract_end, head_start)
            block.head = (head_start, block.first)
            previous_end = block.end

    def keywords_end(self, start, limit):
        """A keyword list ends at its full stop, the next label, or where a new line
        starts that does not continue it: a list wraps after a comma, mid-word, or
        where its line filled the measure."""
        end = start + 1
        while end < min(limit, start + MAX_KEYWORD_LINES):
            prev, line = self.lines[end - 1], self.lines[end]
            if prev.text.endswith(".") or find_label(line):
                break
            if REFERENCES_HEADING.match(line.text):
                break
            # A line that filled the measure goes on, whatever blank line follows.
            full = (
                self.width
                and len(prev.text) >= 0.8 * self.width
                and not line.gap
                and self._continues_list(prev.text, line.text)
            )
            if not (
                prev.text.endswith((",", ";", "-", "–"))
                or line.text[0].islower()
                or full
            ):
                break
            end += 1
        return end

    @staticmethod
    def _continues_list(prev, text):
        """More items (a comma or the closing stop) in the same script."""
        if "," not in text and not text.endswith("."):
            return False
        return _latin(prev) == _latin(text)

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
            if not (is_upper_case(line.text) or is_meta(line.text)):
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
            title = sentence_case(original, language, self.vocabulary.names)
        if len(title) > MAX_TITLE_CHARS:
            self.warn(
                _("The %(language)s title is longer than %(count)d characters.")
                % {"language": LANGUAGE_NAMES[language], "count": MAX_TITLE_CHARS}
            )
        if len(abstract) > MAX_ABSTRACT_CHARS:
            self.warn(
                _(
                    "The %(language)s abstract is unusually long (%(count)d "
                    "characters); check in the preview where it ends."
                )
                % {"language": LANGUAGE_NAMES[language], "count": len(abstract)}
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
            references.append(ReferenceEntry(n, text, *doi_and_url(text)))
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


def _latin(text):
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if ch.isascii()) > len(letters) / 2


def parse_manuscript(text):
    """The parts of a manuscript's text (see the module docstring)."""
    return Parser(text).parse()
