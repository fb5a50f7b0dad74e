"""What the article page tells machines in its <head>.

Google Scholar reads Highwire `citation_*` tags and wants one version per page: the
page in the language of record carries them; a page in another language carries
them only when a PDF exists in that language (it is then a translation with its own
full text), and otherwise points to the language of record with its canonical link.
Dublin Core gives titles, abstracts and keywords in every language; Open Graph
describes the page as shared; JSON-LD describes the same version as the tags.
"""

import json

from django.utils import translation
from django.utils.text import Truncator

from articles.addresses import absolute_url, doi_url
from articles.languages import LANGUAGE_CODES, localized

from .citations import article_path, citation_record, exact, galley_path

OG_LOCALES = {"ky": "ky_KG", "ru": "ru_RU", "en": "en_US"}
DC_SCHEMA = "http://purl.org/dc/elements/1.1/"
# Inside <script>, "</script>" or "<!--" would end or change the element; JSON lets
# these characters be written as escapes.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def one_line(text):
    return " ".join(str(text or "").split())


def described_language(article, page_lang, galleys):
    """The version the page's citation tags describe, and whether it has tags."""
    if page_lang == article.original_language or page_lang in galleys:
        return page_lang, True
    return article.original_language, False


def article_metadata(article, request, page_lang):
    """Everything `interop/article_meta.html` renders, from the prefetched article."""
    galleys = {g.language: g for g in article.galleys.all()}
    lang, with_citation = described_language(article, page_lang, galleys)
    record = citation_record(article, lang, request)
    canonical = absolute_url(article_path(article, lang), request)
    pdf = galleys.get(lang)
    pdf_url = absolute_url(galley_path(pdf, lang), request) if pdf else ""
    return {
        "canonical": canonical,
        "highwire": highwire(record, article, pdf_url) if with_citation else [],
        "dublin_core": dublin_core(record, article),
        "dc_schema": DC_SCHEMA,
        "open_graph": open_graph(article, request, page_lang),
        "json_ld": json_ld(record, canonical, pdf_url),
    }


def highwire(record, article, pdf_url):
    """Google Scholar's tags, as (name, content) pairs in the order it documents."""
    tags = [("citation_title", record.full_title)]
    for author in record.authors:
        tags.append(("citation_author", author.inverted))
        if author.affiliation:
            tags.append(("citation_author_institution", author.affiliation))
        if author.orcid:
            tags.append(("citation_author_orcid", author.orcid_url))
    tags += [
        ("citation_publication_date", record.published.strftime("%Y/%m/%d")),
        ("citation_journal_title", record.journal),
        ("citation_journal_abbrev", record.journal_abbrev),
        ("citation_publisher", record.publisher),
    ]
    tags += [("citation_issn", issn) for _, issn in record.issns]
    tags += [
        ("citation_volume", record.volume),
        ("citation_issue", record.issue),
        ("citation_firstpage", record.first_page),
        ("citation_lastpage", record.last_page),
        ("citation_doi", record.doi),
        ("citation_pdf_url", pdf_url),
        ("citation_language", record.lang),
        ("citation_abstract", record.abstract),
    ]
    tags += [("citation_keywords", keyword) for keyword in record.keywords]
    tags += [
        ("citation_reference", reference_text(r)) for r in article.references.all()
    ]
    return [(name, one_line(value)) for name, value in tags if one_line(value)]


def reference_text(reference):
    if reference.doi:
        return f"{reference.text} {doi_url(reference.doi)}"
    return reference.text


def dublin_core(record, article):
    """(name, content, xml:lang or "") triples; translated ones in every language."""
    tags = []
    for field, name in (("title", "DC.title"), ("abstract", "DC.description")):
        for code in LANGUAGE_CODES:
            if text := exact(article, field, code):
                tags.append((name, text, code))
    for keyword in article.keywords.all():
        for code in LANGUAGE_CODES:
            if label := exact(keyword, "name", code):
                tags.append(("DC.subject", label, code))
    tags += [("DC.creator", a.inverted, a.lang) for a in record.authors]
    tags += [
        ("DC.date", record.published.isoformat(), ""),
        # The page, as in oai_dc, so an article without a DOI is identified too.
        ("DC.identifier", record.url, ""),
        ("DC.identifier", record.doi_url, ""),
        ("DC.language", record.lang, ""),
        ("DC.publisher", record.publisher or record.journal, record.lang),
        ("DC.source", record.journal, record.lang),
        ("DC.type", "Text", ""),
        ("DC.rights", record.license_url, ""),
    ]
    tags += [("DC.source.ISSN", issn, "") for _, issn in record.issns]
    return [(name, one_line(value), code) for name, value, code in tags if value]


def open_graph(article, request, page_lang):
    """The page as shared: in the page's own language, at its own address."""
    title = localized(article, "title", page_lang)
    abstract = localized(article, "abstract", page_lang)
    journal = article.issue.journal
    alternates = [
        OG_LOCALES[code]
        for code in LANGUAGE_CODES
        if code != page_lang and exact(article, "title", code)
    ]
    with translation.override(page_lang):
        url = absolute_url(article.get_absolute_url(), request)
    tags = [
        ("og:type", "article"),
        ("og:title", title.text),
        ("og:description", Truncator(one_line(abstract.text)).chars(300)),
        ("og:url", url),
        ("og:site_name", localized(journal, "name", page_lang).text),
        ("og:locale", OG_LOCALES[page_lang]),
    ]
    tags += [("og:locale:alternate", code) for code in alternates]
    tags.append(("article:published_time", article.published_at.isoformat()))
    return [(prop, one_line(value)) for prop, value in tags if value]


def json_ld(record, canonical, pdf_url):
    """A schema.org ScholarlyArticle for `record`, serialised safe for <script>."""
    periodical = {
        "@type": "Periodical",
        "name": record.journal,
        "issn": [issn for _, issn in record.issns],
        "publisher": {"@type": "Organization", "name": record.publisher},
    }
    part_of = periodical
    if record.volume:
        part_of = {
            "@type": "PublicationVolume",
            "volumeNumber": record.volume,
            "isPartOf": part_of,
        }
    issue = {
        "@type": "PublicationIssue",
        "issueNumber": record.issue,
        "datePublished": str(record.year),
        "isPartOf": part_of,
    }
    data = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": canonical,
        "url": canonical,
        "headline": Truncator(record.title).chars(110),
        "name": record.full_title,
        "inLanguage": record.lang,
        "author": [person_ld(a) for a in record.authors],
        "datePublished": record.published.isoformat(),
        "abstract": record.abstract,
        "keywords": record.keywords,
        "isPartOf": issue,
        "pageStart": record.first_page,
        "pageEnd": record.last_page,
        "publisher": periodical["publisher"] if record.publisher else None,
        "license": record.license_url,
        "encoding": {"@type": "MediaObject", "contentUrl": pdf_url}
        if pdf_url
        else None,
    }
    if record.doi:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": record.doi,
        }
        data["sameAs"] = record.doi_url
    return script_json(compact(data))


def person_ld(author):
    person = {
        "@type": "Person",
        "name": " ".join(p for p in (author.given, author.family) if p),
        "familyName": author.family,
        "givenName": author.given,
        "sameAs": author.orcid_url,
    }
    if author.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
    return compact(person)


def compact(data):
    """`data` without empty values, recursively (schema.org readers prefer absence)."""
    if isinstance(data, dict):
        cleaned = {k: compact(v) for k, v in data.items()}
        return {k: v for k, v in cleaned.items() if v not in ("", None, [], {})}
    if isinstance(data, list):
        return [compact(v) for v in data]
    return data


def script_json(data):
    """JSON text that cannot end or alter the <script> element it is written into."""
    return json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
