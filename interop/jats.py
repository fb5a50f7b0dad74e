"""JATS 1.3 XML of a public article.

The Journal Publishing DTD requires the journal's ISSN; a journal without one is
declared under the Archiving and Interchange DTD instead, whose models admit
everything we write (its `<journal-meta>` has no required ISSN). One builder serves
the download and OAI-PMH's `jats` format.

A JATS document has no namespace, but the OAI-PMH schema admits only
namespace-qualified metadata. OAI-PMH therefore carries the same tree in the
namespace JATS 1.3 names for Archiving and Interchange, advertised with the
Archiving 1.3 XSD, as PubMed Central's OAI-PMH service does: one pair for every
record, since Archiving admits the Journal Publishing documents as well.
"""

import re

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from lxml import etree

from articles.languages import languages_with, localized, value_in
from articles.models import Article, ascii_slug
from articles.sorting import alphabet_key
from articles.text import CITATION, LEADING_NUMBER

from .oai_xml import (
    ALI_NS,
    XLINK_NS,
    XML_LANG,
    record_order,
    record_urls,
    sub,
)
from .text import xml_text

DTD_VERSION = "1.3"
PUBLISHING_DOCTYPE = (
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD '
    'v1.3 20210610//EN" '
    '"https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd">'
)
ARCHIVING_DOCTYPE = (
    '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and '
    'Interchange DTD v1.3 20210610//EN" '
    '"https://jats.nlm.nih.gov/archiving/1.3/JATS-archivearticle1-3.dtd">'
)
OAI_NAMESPACE = "https://jats.nlm.nih.gov/ns/archiving/1.3/"
OAI_SCHEMA = "https://jats.nlm.nih.gov/archiving/1.3/xsd/JATS-archivearticle1-3.xsd"
CYRILLIC = re.compile("[\u0400-\u04ff]")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def article_jats(article, *, urls=None, namespace=None):
    """The `<article>` element of `article` (loaded with `for_detail()`).

    `urls` (a RecordUrls) adds self-uri links; `namespace` qualifies every JATS
    element (OAI-PMH).
    """
    return JatsBuilder(article, urls=urls, namespace=namespace).build()


def doctype(journal):
    """Journal Publishing when the journal has an ISSN (that DTD requires one),
    else Archiving and Interchange."""
    if journal.issn_print or journal.issn_online:
        return PUBLISHING_DOCTYPE
    return ARCHIVING_DOCTYPE


def article_jats_bytes(article, *, urls=None):
    """The JATS document of `article` as UTF-8 bytes, with its JATS 1.3 DOCTYPE."""
    return etree.tostring(
        article_jats(article, urls=urls),
        xml_declaration=True,
        encoding="UTF-8",
        doctype=doctype(article.issue.journal),
        pretty_print=True,
    )


def download(request, slug):
    """The JATS XML of a public article; anything else is a 404."""
    article = get_object_or_404(Article.objects.public().for_detail(), slug=slug)
    response = HttpResponse(
        article_jats_bytes(article, urls=record_urls(request, article)),
        content_type="application/xml; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{article.slug}.jats.xml"
    )
    return response


def name_style(text):
    """JATS name-style by script: family name first in Cyrillic, as we print it."""
    return "eastern" if CYRILLIC.search(text) else "western"


def contributor_names(contributor, order):
    """[(lang, surname, given names)] once per distinct spelling, in `order`."""
    names, seen = [], set()
    for code in order:
        surname = value_in(contributor, "last_name", code).strip()
        if not surname:
            continue
        given = " ".join(
            part
            for part in (
                value_in(contributor, "first_name", code).strip(),
                value_in(contributor, "patronymic", code).strip(),
            )
            if part
        )
        if (surname, given) not in seen:
            seen.add((surname, given))
            names.append((code, surname, given))
    return names


def paragraphs(text):
    """Blank-line separated paragraphs, the hard line breaks inside them joined."""
    return [
        " ".join(p.split())
        for p in PARAGRAPH_BREAK.split((text or "").replace("\r", ""))
        if p.strip()
    ]


class JatsBuilder:
    def __init__(self, article, *, urls=None, namespace=None):
        self.article = article
        self.urls = urls
        self.ns = namespace
        self.lang = article.original_language
        self.order = record_order(article)
        self.references = list(article.references.all())

    def tag(self, name):
        return f"{{{self.ns}}}{name}" if self.ns else name

    def add(self, parent, name, text=None, attrs=None, lang=None):
        return sub(parent, self.tag(name), text, attrs, lang)

    def build(self):
        nsmap = {"xlink": XLINK_NS, "ali": ALI_NS}
        if self.ns:
            nsmap[None] = self.ns
        root = etree.Element(self.tag("article"), nsmap=nsmap)
        root.set("article-type", "research-article")
        root.set("dtd-version", DTD_VERSION)
        root.set(XML_LANG, self.lang)
        front = self.add(root, "front")
        self.journal_meta(front)
        self.article_meta(front)
        self.body(root)
        self.back(root)
        return root

    # front/journal-meta

    def journal_meta(self, front):
        journal = self.article.issue.journal
        meta = self.add(front, "journal-meta")
        names = languages_with(journal, "name")
        langs = [c for c in journal.required_language_codes() if c in names] or names
        first = langs[0] if langs else self.lang
        abbreviation = localized(journal, "abbreviation", first).text
        self.add(
            meta,
            "journal-id",
            abbreviation
            or ascii_slug(localized(journal, "name", "en").text)
            or f"journal-{journal.pk}",
            {"journal-id-type": "publisher-id"},
        )
        if langs:
            group = self.add(meta, "journal-title-group")
            self.add(
                group, "journal-title", value_in(journal, "name", first), lang=first
            )
            for code in langs[1:]:
                trans = self.add(group, "trans-title-group", lang=code)
                self.add(trans, "trans-title", value_in(journal, "name", code))
            if abbreviation:
                self.add(group, "abbrev-journal-title", abbreviation)
        for issn, medium in (
            (journal.issn_print, "print"),
            (journal.issn_online, "electronic"),
        ):
            if issn:
                self.add(meta, "issn", issn, {"publication-format": medium})
        publisher = localized(journal, "publisher", first)
        if publisher:
            self.add(self.add(meta, "publisher"), "publisher-name", publisher.text)

    # front/article-meta

    def article_meta(self, front):
        article = self.article
        meta = self.add(front, "article-meta")
        if article.doi:
            self.add(meta, "article-id", article.doi, {"pub-id-type": "doi"})
        if article.section:
            section = localized(article.section, "name", self.lang)
            if section:
                group = self.add(
                    self.add(meta, "article-categories"),
                    "subj-group",
                    attrs={"subj-group-type": "heading"},
                )
                self.add(group, "subject", section.text)
        self.title_group(meta)
        self.contributors(meta)
        self.dates(meta)
        self.permissions(meta)
        if self.urls:
            self.self_uris(meta)
        self.abstracts(meta)
        self.keywords(meta)

    def title_group(self, meta):
        article = self.article
        group = self.add(meta, "title-group")
        titled = [c for c in self.order if value_in(article, "title", c)]
        first = titled[0] if titled else self.lang
        self.add(
            group,
            "article-title",
            value_in(article, "title", first),
            lang=first if first != self.lang else None,
        )
        subtitle = value_in(article, "subtitle", first)
        if subtitle:
            self.add(group, "subtitle", subtitle)
        for code in titled[1:]:
            trans = self.add(group, "trans-title-group", lang=code)
            self.add(trans, "trans-title", value_in(article, "title", code))
            subtitle = value_in(article, "subtitle", code)
            if subtitle:
                self.add(trans, "trans-subtitle", subtitle)

    def contributors(self, meta):
        authorships = list(self.article.authorships.all())
        if not authorships:
            return
        group = self.add(meta, "contrib-group")
        for authorship in authorships:
            contributor = authorship.contributor
            attrs = {"contrib-type": "author"}
            if authorship.corresponding:
                attrs["corresp"] = "yes"
            contrib = self.add(group, "contrib", attrs=attrs)
            if contributor.orcid:
                self.add(
                    contrib,
                    "contrib-id",
                    f"https://orcid.org/{contributor.orcid}",
                    {"contrib-id-type": "orcid"},
                )
            names = contributor_names(contributor, self.order)
            holder = (
                self.add(contrib, "name-alternatives") if len(names) > 1 else contrib
            )
            for code, surname, given in names:
                name = self.add(
                    holder, "name", attrs={"name-style": name_style(surname)}, lang=code
                )
                self.add(name, "surname", surname)
                if given:
                    self.add(name, "given-names", given)
            affiliation = localized(contributor, "affiliation", self.lang)
            if affiliation:
                self.add(contrib, "aff", affiliation.text, lang=affiliation.lang)

    def dates(self, meta):
        article = self.article
        issue = article.issue
        if article.published_at:
            day = timezone.localtime(article.published_at).date()
            pub = self.add(
                meta,
                "pub-date",
                attrs={
                    "publication-format": "electronic",
                    "date-type": "pub",
                    "iso-8601-date": day.isoformat(),
                },
            )
            self.date_parts(pub, day)
        collection = self.add(
            meta,
            "pub-date",
            attrs={
                "publication-format": "print",
                "date-type": "collection",
                "iso-8601-date": str(issue.year),
            },
        )
        self.add(collection, "year", str(issue.year))
        if issue.volume:
            self.add(meta, "volume", str(issue.volume))
        self.add(meta, "issue", issue.number)
        if article.first_page:
            self.add(meta, "fpage", str(article.first_page))
            if article.last_page:
                self.add(meta, "lpage", str(article.last_page))
        history = [
            (kind, day)
            for kind, day in (
                ("received", article.received_on),
                ("accepted", article.accepted_on),
            )
            if day
        ]
        if history:
            holder = self.add(meta, "history")
            for kind, day in history:
                date = self.add(
                    holder,
                    "date",
                    attrs={"date-type": kind, "iso-8601-date": day.isoformat()},
                )
                self.date_parts(date, day)

    def date_parts(self, parent, day):
        self.add(parent, "day", f"{day.day:02d}")
        self.add(parent, "month", f"{day.month:02d}")
        self.add(parent, "year", str(day.year))

    def permissions(self, meta):
        journal = self.article.issue.journal
        url = self.article.license_url or journal.license_url
        if not (url or journal.license_name):
            return
        permissions = self.add(meta, "permissions")
        license_ = self.add(
            permissions, "license", attrs={f"{{{XLINK_NS}}}href": url} if url else None
        )
        if url:
            sub(license_, f"{{{ALI_NS}}}license_ref", url)
        if journal.license_name:
            self.add(license_, "license-p", journal.license_name)

    def self_uris(self, meta):
        self.add(
            meta,
            "self-uri",
            attrs={f"{{{XLINK_NS}}}href": self.urls.article},
        )
        for lang, url in self.urls.galleys:
            self.add(
                meta,
                "self-uri",
                attrs={"content-type": "pdf", f"{{{XLINK_NS}}}href": url},
                lang=lang,
            )

    def abstracts(self, meta):
        article = self.article
        for code in self.order:
            text = value_in(article, "abstract", code)
            if not text.strip():
                continue
            name = "abstract" if code == self.lang else "trans-abstract"
            holder = self.add(meta, name, lang=code)
            for paragraph in paragraphs(text):
                self.add(holder, "p", paragraph)

    def keywords(self, meta):
        keywords = list(self.article.keywords.all())
        for code in self.order:
            labels = sorted(
                {
                    label.strip()
                    for k in keywords
                    if (label := value_in(k, "name", code)).strip()
                },
                key=lambda label, code=code: alphabet_key(label, code),
            )
            if labels:
                group = self.add(
                    meta, "kwd-group", attrs={"kwd-group-type": "author"}, lang=code
                )
                for label in labels:
                    self.add(group, "kwd", label)

    # body and back

    def body_language(self, sections):
        """The first of the language of record, then ky, ru, en, with body text."""
        for code in self.order:
            if any(value_in(s, "text", code).strip() for s in sections):
                return code
        return None

    def body(self, root):
        sections = list(self.article.sections.all())
        lang = self.body_language(sections)
        if lang is None:
            return
        body = self.add(root, "body")
        # <body> takes no xml:lang in JATS; each section says its language instead.
        mark = lang if lang != self.lang else None
        for n, section in enumerate(sections, start=1):
            heading = value_in(section, "heading", lang).strip()
            text = value_in(section, "text", lang)
            if not heading and not text.strip():
                continue
            sec = self.add(body, "sec", attrs={"id": f"sec-{n}"}, lang=mark)
            if heading:
                self.add(sec, "title", heading)
            for paragraph in paragraphs(text):
                self.paragraph(sec, paragraph)

    def paragraph(self, parent, text):
        """A <p>, with in-text citations such as [2] or [1, 175-б.] as <xref>s."""
        p = self.add(parent, "p")
        writer = _MixedContent(p)
        text = xml_text(text)
        position = 0
        for match in CITATION.finditer(text):
            writer.text(text[position : match.start()])
            self.citation(writer, match)
            position = match.end()
        writer.text(text[position:])

    def citation(self, writer, match):
        inner = match.group(1)
        if not re.match(r"^\s*\d", inner):
            writer.text(match.group(0))
            return
        writer.text("[")
        for i, part in enumerate(inner.split(";")):
            if i:
                writer.text(";")
            number = LEADING_NUMBER.match(part)
            if number and 1 <= int(number.group(1)) <= len(self.references):
                writer.text(part[: len(part) - len(part.lstrip())])
                writer.element(
                    self.tag("xref"),
                    number.group(1),
                    {"ref-type": "bibr", "rid": f"ref-{number.group(1)}"},
                )
                writer.text(number.group(2))
            else:
                writer.text(part)
        writer.text("]")

    def back(self, root):
        if not self.references:
            return
        ref_list = self.add(self.add(root, "back"), "ref-list")
        for n, reference in enumerate(self.references, start=1):
            ref = self.add(ref_list, "ref", attrs={"id": f"ref-{n}"})
            self.add(ref, "label", str(n))
            links = []
            if reference.url:
                links.append(
                    (
                        reference.url,
                        "ext-link",
                        {"ext-link-type": "uri", f"{{{XLINK_NS}}}href": reference.url},
                    )
                )
            if reference.doi:
                links.append((reference.doi, "pub-id", {"pub-id-type": "doi"}))
            self.mixed_citation(ref, " ".join(reference.text.split()), links)

    def mixed_citation(self, ref, text, links):
        """The reference text; its URL and DOI tagged where they occur, else added."""
        writer = _MixedContent(self.add(ref, "mixed-citation"))
        text = xml_text(text)
        inline, appended, taken = [], [], []
        for value, name, attrs in links:
            start = text.find(value)
            end = start + len(value)
            if start >= 0 and not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                inline.append((start, end, name, attrs))
            else:
                appended.append((value, name, attrs))
        position = 0
        for start, end, name, attrs in sorted(inline, key=lambda link: link[0]):
            writer.text(text[position:start])
            writer.element(self.tag(name), text[start:end], attrs)
            position = end
        writer.text(text[position:])
        for value, name, attrs in appended:
            writer.text(" ")
            writer.element(self.tag(name), value, attrs)


class _MixedContent:
    """Appends text and elements to an element in document order (text and tails)."""

    def __init__(self, parent):
        self.parent = parent
        self.last = None

    def text(self, value):
        if not value:
            return
        if self.last is None:
            self.parent.text = (self.parent.text or "") + value
        else:
            self.last.tail = (self.last.tail or "") + value

    def element(self, tag, text, attrs):
        self.last = sub(self.parent, tag, text, attrs)
