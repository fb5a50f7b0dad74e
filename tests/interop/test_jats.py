"""JATS 1.3 XML per article: the fields of the article, well-formed, public only."""

from datetime import date

import pytest
from django.utils import timezone
from lxml import etree

from articles.models import Article, Authorship
from interop.jats import OAI_NAMESPACE, article_jats
from tests.builders import (
    HIDDEN_ARTICLES,
    add_galley,
    add_reference,
    add_section,
    make_article,
    make_contributor,
    make_hidden_content,
    make_issue,
    make_journal,
    make_keyword,
    make_section,
    past,
)
from tests.interop.schemas import assert_valid, jats_publishing_schema

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
S = Article.Status
LANGS = ["ky", "ru", "en"]

# The JATS 1.3 Journal Publishing order of the <article-meta> children we write.
ARTICLE_META_ORDER = [
    "article-id",
    "article-categories",
    "title-group",
    "contrib-group",
    "pub-date",
    "volume",
    "issue",
    "fpage",
    "lpage",
    "history",
    "permissions",
    "self-uri",
    "abstract",
    "trans-abstract",
    "kwd-group",
]


def make_rich_journal():
    return make_journal(
        name_ky="Эл аралык мамилелер журналы",
        name_ru="Журнал международных отношений",
        name_en="Journal of International Relations",
        abbreviation_en="JIR",
        publisher_ky="Кыргыз улуттук университети",
        publisher_ru="Кыргызский национальный университет",
        publisher_en="Kyrgyz National University",
        issn_print="1694-5344",
        issn_online="1694-8033",
        license_name="CC BY 4.0",
        license_url="https://creativecommons.org/licenses/by/4.0/",
    )


def make_rich_article(issue=None, **overrides):
    """A public Kyrgyz-language article with everything JATS and oai_dc show.

    Its body exists in Russian only; two authors (the first with an ORCID iD and
    names in both scripts, the second with a Russian affiliation only); two
    trilingual keywords; two references (one with a DOI in its text, one with a
    URL); PDF galleys in Russian and English.
    """
    if issue is None:
        journal = make_rich_journal()
        issue = make_issue(
            journal=journal, year=2024, number="4/1", volume=12, published_at=past(10)
        )
    fields = {
        "title_ky": "Чек ара жана суу",
        "title_ru": "Граница и вода",
        "title_en": "Border and Water",
        "subtitle_en": "A Case Study",
        "abstract_ky": "Кыргызча аннотация.",
        "abstract_ru": "Русская аннотация.\n\nВторой абзац аннотации.",
        "abstract_en": "English abstract.",
        "original_language": "ky",
        "doi": "10.1234/jir.2024.5",
        "first_page": 15,
        "last_page": 27,
        "received_on": date(2024, 1, 10),
        "accepted_on": date(2024, 3, 2),
        "published_at": past(5),
        "section": make_section(
            name_ky="Саясат", name_ru="Политика", name_en="Politics"
        ),
    }
    fields.update(overrides)
    keywords = [
        make_keyword(name_ky="чек ара", name_ru="граница", name_en="border"),
        make_keyword(name_ky="суу", name_ru="вода", name_en="water"),
    ]
    article = make_article(issue=issue, authors=0, keywords=keywords, **fields)
    first = make_contributor(
        last_name_ky="Асанов",
        first_name_ky="Бакыт",
        patronymic_ky="Токтогулович",
        last_name_ru="Асанов",
        first_name_ru="Бакыт",
        patronymic_ru="Токтогулович",
        last_name_en="Asanov",
        first_name_en="Bakyt",
        orcid="0000-0002-1825-0097",
        affiliation_ky="Кыргыз улуттук университети",
        affiliation_ru="Кыргызский национальный университет",
        affiliation_en="Kyrgyz National University",
    )
    second = make_contributor(
        last_name_ky="Токтосунова",
        first_name_ky="Айгүл",
        last_name_ru="Токтосунова",
        first_name_ru="Айгуль",
        last_name_en="Toktosunova",
        first_name_en="Aigul",
    )
    Authorship.objects.create(
        article=article, contributor=first, order=0, corresponding=True
    )
    Authorship.objects.create(article=article, contributor=second, order=1)
    add_section(
        article,
        0,
        heading_ru="Введение",
        text_ru="Первый абзац [1],\nперенос строки.\n\nВторой абзац [2; 3, 175-б.].",
    )
    add_section(article, 1, heading_ru="Заключение", text_ru="Итог [9].")
    add_reference(
        article,
        0,
        text="Иванов И. И. Граница. 2019. doi:10.5555/abc",
        doi="10.5555/abc",
    )
    add_reference(article, 1, text="Smith J. Water. 2020.", url="https://x.org/w")
    add_galley(article, "ru")
    add_galley(article, "en")
    return article


def jats_of(client, article, lang="en"):
    response = client.get(f"/{lang}/articles/{article.slug}/jats.xml")
    assert response.status_code == 200
    return response, etree.fromstring(response.content)


def texts(root, path):
    return [" ".join("".join(el.itertext()).split()) for el in root.iterfind(path)]


def only(root, path):
    found = root.findall(path)
    assert len(found) == 1, (path, found)
    return found[0]


def test_download_is_well_formed_jats_with_a_filename(client):
    article = make_rich_article()
    response, root = jats_of(client, article)
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert f'filename="{article.slug}.jats.xml"' in response["Content-Disposition"]
    assert response.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert b"<!DOCTYPE article PUBLIC" in response.content
    assert b"JATS-journalpublishing1-3.dtd" in response.content
    assert root.tag == "article"
    assert root.get("article-type") == "research-article"
    assert root.get("dtd-version") == "1.3"
    assert root.get(XML_LANG) == "ky"
    assert [child.tag for child in root] == ["front", "body", "back"]


def test_journal_meta(client):
    _, root = jats_of(client, make_rich_article())
    meta = only(root, "front/journal-meta")
    assert texts(meta, "journal-id") == ["JIR"]
    group = only(meta, "journal-title-group")
    title = only(group, "journal-title")
    assert (title.text, title.get(XML_LANG)) == ("Эл аралык мамилелер журналы", "ky")
    assert [
        (g.get(XML_LANG), g.findtext("trans-title"))
        for g in group.iterfind("trans-title-group")
    ] == [
        ("ru", "Журнал международных отношений"),
        ("en", "Journal of International Relations"),
    ]
    assert [(i.get("publication-format"), i.text) for i in meta.iterfind("issn")] == [
        ("print", "1694-5344"),
        ("electronic", "1694-8033"),
    ]
    assert texts(meta, "publisher/publisher-name") == ["Кыргыз улуттук университети"]


def test_article_meta_titles_ids_dates_and_pages(client):
    article = make_rich_article()
    _, root = jats_of(client, article)
    meta = only(root, "front/article-meta")
    doi = only(meta, "article-id")
    assert (doi.get("pub-id-type"), doi.text) == ("doi", "10.1234/jir.2024.5")
    assert texts(meta, "article-categories/subj-group/subject") == ["Саясат"]
    assert texts(meta, "title-group/article-title") == ["Чек ара жана суу"]
    assert only(meta, "title-group/article-title").get(XML_LANG) is None
    trans = {
        g.get(XML_LANG): (g.findtext("trans-title"), g.findtext("trans-subtitle"))
        for g in meta.iterfind("title-group/trans-title-group")
    }
    assert trans == {
        "ru": ("Граница и вода", None),
        "en": ("Border and Water", "A Case Study"),
    }
    day = timezone.localtime(article.published_at).date()
    pub = only(meta, "pub-date[@date-type='pub']")
    assert pub.get("iso-8601-date") == day.isoformat()
    assert [pub.findtext(p) for p in ("day", "month", "year")] == [
        f"{day.day:02d}",
        f"{day.month:02d}",
        str(day.year),
    ]
    assert only(meta, "pub-date[@date-type='collection']").findtext("year") == "2024"
    assert [meta.findtext(t) for t in ("volume", "issue", "fpage", "lpage")] == [
        "12",
        "4/1",
        "15",
        "27",
    ]
    history = {d.get("date-type"): d.get("iso-8601-date") for d in meta.iter("date")}
    assert history == {"received": "2024-01-10", "accepted": "2024-03-02"}
    license_ = only(meta, "permissions/license")
    url = "https://creativecommons.org/licenses/by/4.0/"
    assert license_.get(XLINK_HREF) == url
    assert license_.findtext("{http://www.niso.org/schemas/ali/1.0/}license_ref") == url
    assert license_.findtext("license-p") == "CC BY 4.0"
    assert [uri.get(XLINK_HREF) for uri in meta.iterfind("self-uri")] == [
        f"http://testserver/ky/articles/{article.slug}/",
        f"http://testserver/ru/articles/{article.slug}/pdf/ru/",
        f"http://testserver/en/articles/{article.slug}/pdf/en/",
    ]


def test_article_meta_follows_the_jats_element_order(client):
    _, root = jats_of(client, make_rich_article())
    tags = [child.tag for child in only(root, "front/article-meta")]
    positions = [ARTICLE_META_ORDER.index(tag) for tag in tags]
    assert positions == sorted(positions), tags


def test_contributors_have_names_per_script_orcid_and_affiliation(client):
    _, root = jats_of(client, make_rich_article())
    contribs = root.findall("front/article-meta/contrib-group/contrib")
    assert [c.get("contrib-type") for c in contribs] == ["author", "author"]
    assert contribs[0].get("corresp") == "yes"
    orcid = only(contribs[0], "contrib-id")
    assert orcid.get("contrib-id-type") == "orcid"
    assert orcid.text == "https://orcid.org/0000-0002-1825-0097"
    names = [
        (
            n.get(XML_LANG),
            n.get("name-style"),
            n.findtext("surname"),
            n.findtext("given-names"),
        )
        for n in contribs[0].iterfind("name-alternatives/name")
    ]
    # ky and ru spell the name alike, so it appears once in Cyrillic.
    assert names == [
        ("ky", "eastern", "Асанов", "Бакыт Токтогулович"),
        ("en", "western", "Asanov", "Bakyt"),
    ]
    second = [
        (n.get(XML_LANG), n.findtext("given-names"))
        for n in contribs[1].iterfind("name-alternatives/name")
    ]
    assert second == [("ky", "Айгүл"), ("ru", "Айгуль"), ("en", "Aigul")]
    aff = only(contribs[0], "aff")
    assert (aff.text, aff.get(XML_LANG)) == ("Кыргыз улуттук университети", "ky")
    # No Kyrgyz affiliation: the fallback is marked with its own language.
    aff = only(contribs[1], "aff")
    assert aff.get(XML_LANG) == "ru"
    assert aff.text == "Кыргызский национальный университет"


def test_abstracts_and_keywords_in_every_language(client):
    _, root = jats_of(client, make_rich_article())
    meta = only(root, "front/article-meta")
    abstract = only(meta, "abstract")
    assert abstract.get(XML_LANG) == "ky"
    assert texts(abstract, "p") == ["Кыргызча аннотация."]
    trans = {t.get(XML_LANG): texts(t, "p") for t in meta.iterfind("trans-abstract")}
    assert trans == {
        "ru": ["Русская аннотация.", "Второй абзац аннотации."],
        "en": ["English abstract."],
    }
    groups = {g.get(XML_LANG): texts(g, "kwd") for g in meta.iterfind("kwd-group")}
    assert groups == {
        "ky": ["суу", "чек ара"],
        "ru": ["вода", "граница"],
        "en": ["border", "water"],
    }


def test_body_is_in_its_language_of_record_with_citations_linked(client):
    _, root = jats_of(client, make_rich_article())
    sections = root.findall("body/sec")
    assert [s.findtext("title") for s in sections] == ["Введение", "Заключение"]
    # The article is Kyrgyz, its body Russian: each section says so.
    assert [s.get(XML_LANG) for s in sections] == ["ru", "ru"]
    assert texts(sections[0], "p") == [
        "Первый абзац [1], перенос строки.",
        "Второй абзац [2; 3, 175-б.].",
    ]
    xrefs = [(x.get("rid"), x.text) for x in sections[0].iter("xref")]
    # [3] has no reference (only two exist), so only 1 and 2 are links.
    assert xrefs == [("ref-1", "1"), ("ref-2", "2")]
    assert list(sections[1].iter("xref")) == []


def test_body_in_the_language_of_record_is_not_marked(client):
    article = make_article(original_language="ru")
    add_section(article, text_en="English text.", text_ru="Русский текст.")
    _, root = jats_of(client, article)
    sec = only(root, "body/sec")
    assert sec.get(XML_LANG) is None
    assert texts(sec, "p") == ["Русский текст."]


def test_reference_list(client):
    _, root = jats_of(client, make_rich_article())
    refs = root.findall("back/ref-list/ref")
    assert [r.get("id") for r in refs] == ["ref-1", "ref-2"]
    first, second = (only(r, "mixed-citation") for r in refs)
    assert "".join(first.itertext()) == "Иванов И. И. Граница. 2019. doi:10.5555/abc"
    pub_id = only(first, "pub-id")
    assert (pub_id.get("pub-id-type"), pub_id.text) == ("doi", "10.5555/abc")
    assert "".join(second.itertext()) == "Smith J. Water. 2020. https://x.org/w"
    assert only(second, "ext-link").get(XLINK_HREF) == "https://x.org/w"


def test_minimal_article_has_no_empty_parts(client):
    article = make_article(authors=0, first_page=None, last_page=None)
    _, root = jats_of(client, article)
    assert [child.tag for child in root] == ["front"]
    meta = only(root, "front/article-meta")
    for tag in ("article-id", "contrib-group", "fpage", "history", "permissions"):
        assert meta.find(tag) is None, tag


def test_control_characters_are_dropped(client):
    article = make_article(title_ky="Башы\x0bаягы\u202e", abstract_en="a\x1fb")
    _, root = jats_of(client, article)
    assert texts(root, "front/article-meta/title-group/article-title") == ["Башыаягы"]


@pytest.fixture
def canaries(db):
    live = make_issue(published_at=past(10))
    hidden = make_hidden_content(live, knowledge_base=False)
    articles = {kind: getattr(hidden, kind) for kind in HIDDEN_ARTICLES}
    articles["no issue"] = make_article(issue=None)
    return articles


@pytest.mark.parametrize("lang", LANGS)
def test_only_public_articles_have_jats(client, canaries, lang):
    for name, article in canaries.items():
        response = client.get(f"/{lang}/articles/{article.slug}/jats.xml")
        assert response.status_code == 404, name
    assert client.get(f"/{lang}/articles/no-such-slug/jats.xml").status_code == 404


def test_download_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    article = make_rich_article()
    jats_of(client, article)  # warm per-process caches (content types)
    # article, authors, sections, references, keywords, galleys
    with django_assert_num_queries(6):
        jats_of(client, article)


def test_namespaced_tree_for_oai_pmh():
    article = Article.objects.for_detail().filter(pk=make_rich_article().pk).get()
    root = article_jats(article, namespace=OAI_NAMESPACE)
    assert root.tag == f"{{{OAI_NAMESPACE}}}article"
    assert {el.tag.split("}")[0].lstrip("{") for el in root.iter(etree.Element)} == {
        OAI_NAMESPACE,
        "http://www.niso.org/schemas/ali/1.0/",
    }
    plain = article_jats(article)
    assert [el.tag for el in plain.iter(etree.Element)] == [
        el.tag.replace(f"{{{OAI_NAMESPACE}}}", "") for el in root.iter(etree.Element)
    ]


# --- Validity ---------------------------------------------------------------------
# The JATS 1.3 DTDs are in no package of the registries we reach; NLM's JATS 1.3d2
# Journal Publishing XSD is, in the copy Crossref ships (see tests/schemas/README.md).


def parsed(response):
    """The document, its dtd-version set to the draft the XSD knows ("1.3d2": the
    final 1.3 is not among the versions the draft enumerates)."""
    tree = etree.fromstring(response.content, etree.XMLParser(no_network=True))
    assert tree.get("dtd-version") == "1.3"
    tree.set("dtd-version", "1.3d2")
    return tree


def test_jats_of_a_journal_with_an_issn_is_valid_journal_publishing(client):
    response, _ = jats_of(client, make_rich_article())
    assert b"Journal Publishing DTD v1.3 20210610" in response.content
    assert_valid(jats_publishing_schema(), parsed(response))


def test_minimal_jats_is_valid_journal_publishing(client):
    journal = make_journal(issn_online="1694-8033")
    article = make_article(issue=make_issue(journal=journal), authors=0)
    response, _ = jats_of(client, article)
    assert_valid(jats_publishing_schema(), parsed(response))


def test_jats_without_an_issn_declares_archiving_and_interchange(client):
    """Journal Publishing requires an ISSN; Archiving does not, and its models
    admit all the Publishing ones. The ISSN is the only Publishing rule the
    document breaks: with one put in, it is valid Journal Publishing."""
    journal = make_rich_journal()
    journal.issn_print = journal.issn_online = ""
    journal.save()
    issue = make_issue(journal=journal, year=2024, number="1", published_at=past(10))
    response, root = jats_of(client, make_rich_article(issue=issue))
    assert b"Journal Archiving and Interchange DTD v1.3 20210610" in response.content
    assert b"JATS-archivearticle1-3.dtd" in response.content
    assert b"journalpublishing" not in response.content
    assert root.find("front/journal-meta/issn") is None
    tree = parsed(response)
    meta = tree.find("front/journal-meta")
    publisher = meta.find("publisher")
    publisher.addprevious(etree.Element("issn"))
    publisher.getprevious().text = "0000-0000"
    assert_valid(jats_publishing_schema(), tree)


def test_a_name_entered_in_cyrillic_only_has_its_latin_alternative(client):
    journal = make_journal(issn_online="1694-8033")
    article = make_article(issue=make_issue(journal=journal), authors=0)
    author = make_contributor(
        last_name_ky="Өмүрбеков",
        first_name_ky="Жылдыз",
        last_name_ru=None,
        first_name_ru=None,
        last_name_en=None,
        first_name_en=None,
    )
    Authorship.objects.create(article=article, contributor=author, order=0)

    response, root = jats_of(client, article)

    assert_valid(jats_publishing_schema(), parsed(response))
    names = [
        (n.get(XML_LANG), n.get("name-style"), n.findtext("surname"))
        for n in root.iterfind(".//contrib/name-alternatives/name")
    ]
    assert names == [("ky", "eastern", "Өмүрбеков"), ("en", "western", "Ömürbekov")]
