"""Crossref deposit XML (schema 5.4.0) for public articles, one issue per `journal`.

Titles: one `titles` element per language, the language of record first. Crossref
keeps `original_language_title` for registrations of a translation and allows only
one per `titles`, so the other languages' titles are further `titles` elements, as
Crossref advises for metadata in several languages. Abstracts: one `jats:abstract`
per language. Articles without a DOI cannot be deposited and are skipped.

Settings (all optional): CROSSREF_DEPOSITOR_NAME, CROSSREF_DEPOSITOR_EMAIL,
CROSSREF_REGISTRANT. Resource URLs are on SITE_URL (or an explicit `base_url`).
"""

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from articles.addresses import absolute_url
from articles.languages import LANGUAGE_CODES, localized
from articles.models import Article

from .citations import article_path, exact, for_citation, person
from .text import xml_text

logger = logging.getLogger(__name__)

VERSION = "5.4.0"
CROSSREF = f"http://www.crossref.org/schema/{VERSION}"
JATS = "http://www.ncbi.nlm.nih.gov/JATS1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{CROSSREF} https://www.crossref.org/schemas/crossref{VERSION}.xsd"
NSMAP = {None: CROSSREF, "jats": JATS, "xsi": XSI}


@dataclass
class Deposit:
    """The XML of one `doi_batch`, with what went in and what was left out why."""

    batch_id: str
    xml: bytes = b""
    articles: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    @property
    def filename(self):
        return f"crossref-{self.batch_id}.xml"


def public_articles(queryset=None):
    """Public articles, loaded for a deposit (only public work is ever deposited)."""
    queryset = Article.objects.all() if queryset is None else queryset
    return for_citation(queryset.public()).order_by(
        "issue__year", "issue__number_sort", "section__order", "first_page", "id"
    )


def issue_articles(issues):
    return public_articles(Article.objects.filter(issue__in=issues))


def build_deposit(articles, name, *, request=None, base_url=None, now=None):
    """A `doi_batch` for `articles` (public, loaded by `public_articles()`).

    `name` starts the batch id (an article or issue slug). Articles without a DOI
    are listed in `skipped`; when nothing is left, `xml` stays empty.
    """
    now = now or timezone.now()
    stamp = timezone.localtime(now).strftime("%Y%m%d%H%M%S%f")[:17]
    deposit = Deposit(batch_id=f"{name[:80]}-{stamp}")
    for article in articles:
        if article.doi:
            deposit.articles.append(article)
        else:
            deposit.skipped.append((article, _("no DOI")))
            logger.warning("Crossref: %s has no DOI and is not deposited", article.slug)
    if not deposit.articles:
        return deposit
    root = etree.Element(
        _cr("doi_batch"),
        nsmap=NSMAP,
        attrib={"version": VERSION, f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION},
    )
    root.append(head(deposit.batch_id, stamp, deposit.articles[0].issue.journal))
    body = _sub(root, "body")
    for issue, group in grouped_by_issue(deposit.articles):
        body.append(journal_element(issue, group, request, base_url))
    deposit.xml = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    etree.fromstring(deposit.xml)  # well-formed, or fail loudly here, not at Crossref
    return deposit


def grouped_by_issue(articles):
    groups = {}
    for article in articles:
        groups.setdefault(article.issue_id, (article.issue, []))[1].append(article)
    return list(groups.values())


def head(batch_id, stamp, journal):
    publisher = (
        localized(journal, "publisher", "en").text
        or localized(journal, "name", "en").text
    )
    element = etree.Element(_cr("head"))
    _sub(element, "doi_batch_id", batch_id)
    _sub(element, "timestamp", stamp)
    depositor = _sub(element, "depositor")
    _sub(
        depositor,
        "depositor_name",
        settings.CROSSREF_DEPOSITOR_NAME or publisher,
    )
    _sub(
        depositor,
        "email_address",
        settings.CROSSREF_DEPOSITOR_EMAIL or settings.DEFAULT_FROM_EMAIL,
    )
    _sub(element, "registrant", settings.CROSSREF_REGISTRANT or publisher)
    return element


def journal_element(issue, articles, request, base_url):
    element = etree.Element(_cr("journal"))
    element.append(journal_metadata(issue.journal))
    element.append(journal_issue(issue))
    for article in articles:
        element.append(journal_article(article, request, base_url))
    return element


def journal_metadata(journal):
    element = etree.Element(_cr("journal_metadata"))
    for field_name, tag in (("name", "full_title"), ("abbreviation", "abbrev_title")):
        seen = set()
        for code in LANGUAGE_CODES:
            text = exact(journal, field_name, code)
            if text and text not in seen:
                seen.add(text)
                _sub(element, tag, text)
    for media, issn in (
        ("print", journal.issn_print),
        ("electronic", journal.issn_online),
    ):
        if issn:
            _sub(element, "issn", issn, media_type=media)
    return element


def journal_issue(issue):
    element = etree.Element(_cr("journal_issue"))
    when = issue.published_at or timezone.now()
    element.extend(publication_dates(issue, timezone.localdate(when)))
    if issue.volume:
        _sub(_sub(element, "journal_volume"), "volume", str(issue.volume))
    _sub(element, "issue", issue.number)
    return element


def publication_dates(issue, day):
    """The online date; with a print edition also its year, the year cited."""
    dates = []
    if issue.journal.issn_print:
        printed = etree.Element(_cr("publication_date"), media_type="print")
        _sub(printed, "year", str(issue.year))
        dates.append(printed)
    online = etree.Element(_cr("publication_date"), media_type="online")
    _sub(online, "month", f"{day.month:02d}")
    _sub(online, "day", f"{day.day:02d}")
    _sub(online, "year", str(day.year))
    return dates + [online]


def record_languages(article):
    """The language of record first, then the others in site order."""
    first = article.original_language
    return [first] + [code for code in LANGUAGE_CODES if code != first]


def journal_article(article, request, base_url):
    element = etree.Element(
        _cr("journal_article"),
        publication_type="full_text",
        language=article.original_language,
    )
    for code in record_languages(article):
        if title := exact(article, "title", code):
            titles = _sub(element, "titles")
            _sub(titles, "title", title)
            if subtitle := exact(article, "subtitle", code):
                _sub(titles, "subtitle", subtitle)
    authors = article.authors()
    if authors:
        element.append(contributors(authors, article.original_language))
    for code in record_languages(article):
        if abstract := exact(article, "abstract", code):
            element.append(jats_abstract(abstract, code))
    published = timezone.localdate(article.published_at)
    element.extend(publication_dates(article.issue, published))
    if article.first_page:
        pages = _sub(element, "pages")
        _sub(pages, "first_page", str(article.first_page))
        if article.last_page:
            _sub(pages, "last_page", str(article.last_page))
    doi_data = _sub(element, "doi_data")
    _sub(doi_data, "doi", article.doi)
    url = absolute_url(
        article_path(article, article.original_language), request, base_url
    )
    _sub(doi_data, "resource", url)
    references = list(article.references.all())
    if references:
        element.append(citation_list(references))
    return element


def contributors(authors, lang):
    element = etree.Element(_cr("contributors"))
    for index, contributor in enumerate(authors):
        name = person(contributor, lang)
        person_name = _sub(
            element,
            "person_name",
            sequence="first" if index == 0 else "additional",
            contributor_role="author",
            language=name.lang,
        )
        if name.given:
            _sub(person_name, "given_name", name.given)
        _sub(person_name, "surname", name.family)
        for spelling in other_spellings(contributor, name.lang):
            _sub(person_name, "name", spelling)
        if name.affiliation:
            institution = _sub(_sub(person_name, "affiliations"), "institution")
            _sub(institution, "institution_name", name.affiliation)
        if name.orcid:
            _sub(person_name, "ORCID", name.orcid_url)
    return element


# Crossref's <name> (as the name appears in citations): 1-60 characters, no digits.
CROSSREF_NAME = re.compile(r"[^\d?]{1,60}")


def other_spellings(contributor, lang):
    """The contributor's name as written in the other languages' scripts, each once.

    Schema 5.4.0 has no `alt-name` (it is commented out there); `person_name`
    allows further `name` elements, the full name "as it appears in citations".
    """
    seen = {contributor.full_name(lang).text}
    spellings = []
    for code in LANGUAGE_CODES:
        if not exact(contributor, "last_name", code):
            continue
        text = contributor.full_name(code).text
        if text not in seen and CROSSREF_NAME.fullmatch(text):
            seen.add(text)
            spellings.append(text)
    return spellings


def jats_abstract(text, lang):
    element = etree.Element(f"{{{JATS}}}abstract", {XML_LANG: lang})
    for paragraph in text.replace("\r\n", "\n").split("\n\n"):
        if paragraph := " ".join(paragraph.split()):
            etree.SubElement(element, f"{{{JATS}}}p").text = xml_text(paragraph)
    return element


def citation_list(references):
    element = etree.Element(_cr("citation_list"))
    for number, reference in enumerate(references, start=1):
        citation = _sub(element, "citation", key=f"ref{number}")
        if reference.doi:
            _sub(citation, "doi", reference.doi)
        _sub(citation, "unstructured_citation", reference.text)
    return element


def _cr(tag):
    return f"{{{CROSSREF}}}{tag}"


def _sub(parent, tag, text=None, **attrib):
    element = etree.SubElement(parent, _cr(tag), attrib)
    if text is not None:
        element.text = " ".join(xml_text(text).split())
    return element
