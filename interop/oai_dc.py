"""Simple Dublin Core (`oai_dc`) of an article, every language marked with xml:lang."""

from django.utils import timezone
from lxml import etree

from articles.addresses import doi_url
from articles.languages import LANGUAGE_CODES, localized, value_in

from .oai_xml import XSI_NS, XSI_SCHEMA_LOCATION, record_order, sub

OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_NS = "http://purl.org/dc/elements/1.1/"
TYPES = ("Text", "info:eu-repo/semantics/article")


def dc_root():
    root = etree.Element(
        f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
    )
    root.set(XSI_SCHEMA_LOCATION, f"{OAI_DC_NS} {OAI_DC_SCHEMA}")
    return root


def dc(parent, name, text, lang=None):
    return sub(parent, f"{{{DC_NS}}}{name}", text, lang=lang)


def creator_name(contributor, lang):
    """'Last, First Patronymic' in the script of `lang`, falling back."""
    last = contributor.last_name_in(lang)
    given = " ".join(
        part
        for part in (
            value_in(contributor, "first_name", last.lang),
            value_in(contributor, "patronymic", last.lang),
        )
        if part.strip()
    )
    return f"{last.text}, {given}" if given else last.text


def article_dc(article, urls):
    """The `oai_dc:dc` element of a public article (loaded with `with_metadata`)."""
    root = dc_root()
    order = record_order(article)
    journal = article.issue.journal
    for code in order:
        title = value_in(article, "title", code).strip()
        subtitle = value_in(article, "subtitle", code).strip()
        if title:
            dc(root, "title", f"{title}: {subtitle}" if subtitle else title, code)
    for authorship in article.authorships.all():
        name = creator_name(authorship.contributor, article.original_language)
        if name:
            dc(root, "creator", name)
    keywords = list(article.keywords.all())
    for code in order:
        for keyword in keywords:
            label = value_in(keyword, "name", code).strip()
            if label:
                dc(root, "subject", label, code)
    for code in order:
        abstract = value_in(article, "abstract", code).strip()
        if abstract:
            dc(root, "description", abstract, code)
    publisher = localized(journal, "publisher", article.original_language)
    if publisher:
        dc(root, "publisher", publisher.text, publisher.lang)
    dc(root, "date", timezone.localtime(article.published_at).date().isoformat())
    for kind in TYPES:
        dc(root, "type", kind)
    if urls.galleys:
        dc(root, "format", "application/pdf")
    dc(root, "identifier", urls.article)
    if article.doi:
        dc(root, "identifier", doi_url(article.doi))
    for code in LANGUAGE_CODES:
        name = value_in(journal, "name", code).strip()
        if name:
            dc(root, "source", source(article, name, code), code)
    for issn in (journal.issn_print, journal.issn_online):
        if issn:
            dc(root, "source", f"ISSN {issn}")
    dc(root, "language", article.original_language)
    for _, url in urls.galleys:
        dc(root, "relation", url)
    license_url = article.license_url or journal.license_url
    if license_url:
        dc(root, "rights", license_url)
    if journal.license_name:
        dc(root, "rights", journal.license_name)
    return root


def source(article, journal_name, lang):
    """'Journal; 2024, № 4/1; 5–10' in `lang`."""
    parts = [journal_name, article.issue.label(lang)]
    if article.pages:
        parts.append(article.pages)
    return "; ".join(parts)


def set_description(oai_set):
    """The set's name and description in every language, for ListSets."""
    root = dc_root()
    for code, title in oai_set.titles.items():
        dc(root, "title", title, code)
    for code, text in oai_set.descriptions.items():
        dc(root, "description", text, code)
    return root
