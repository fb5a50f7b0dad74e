"""Atom and RSS feeds per language: public items only, valid XML whatever the text."""

import html
import re
from types import SimpleNamespace

import pytest
from defusedxml import ElementTree
from django.db import connection
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Issue
from interop.feeds import FEED_MAX_AGE, FEED_SIZE
from interop.text import xml_text
from relations.models import Event
from tests.builders import (
    make_article,
    make_contributor,
    make_hidden_content,
    make_issue,
    make_journal,
    make_keyword,
    past,
)
from tests.helpers import url_in
from tests.relations.builders import knowledge_base, make_domain, make_event

pytestmark = pytest.mark.django_db

LANGS = ["ky", "ru", "en"]
KINDS = ["atom", "rss"]
HOST = "http://testserver"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
FEED_QUERIES = {
    "articles": 4,  # journal, articles with issues, authors, keywords
    "issues": 2,  # journal, issues
    "keyword": 5,  # keyword (public content only), then as "articles"
    "domain": 4,  # domain, journal, events, their keywords
}


def feed_url(name, kind, lang, world=None):
    slug = {"keyword": "keyword", "domain": "domain"}.get(name)
    kwargs = {"slug": getattr(world, slug).slug} if slug else None
    with translation.override(lang):
        return reverse(f"interop:feed_{name}_{kind}", kwargs=kwargs)


def expected_items(name, world):
    """What readers may see in a feed, straight from the visibility querysets."""
    articles = Article.objects.public().order_by("-published_at")
    return {
        "articles": articles,
        "issues": Issue.objects.public().order_by("-published_at"),
        "keyword": articles.filter(keywords=world.keyword),
        "domain": Event.objects.published().filter(domains=world.domain),
    }[name][:FEED_SIZE]


def read_feed(response, kind):
    """The feed's language, title and items as plain values."""
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    if kind == "atom":
        assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
        items = [
            SimpleNamespace(
                title=entry.findtext(f"{ATOM}title"),
                link=entry.find(f"{ATOM}link[@rel='alternate']").get("href"),
                id=entry.findtext(f"{ATOM}id"),
                published=entry.findtext(f"{ATOM}published"),
                updated=entry.findtext(f"{ATOM}updated"),
                description=entry.findtext(f"{ATOM}summary") or "",
                authors=[
                    a.findtext(f"{ATOM}name") for a in entry.findall(f"{ATOM}author")
                ],
                categories=[c.get("term") for c in entry.findall(f"{ATOM}category")],
                lang=entry.get(XML_LANG),
            )
            for entry in root.findall(f"{ATOM}entry")
        ]
        assert root.find(f"{ATOM}author/{ATOM}name").text
        return SimpleNamespace(
            lang=root.get(XML_LANG), title=root.findtext(f"{ATOM}title"), items=items
        )
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = root.find("channel")
    items = [
        SimpleNamespace(
            title=as_html_text(item.findtext("title")),
            link=item.findtext("link"),
            id=item.findtext("guid"),
            published=item.findtext("pubDate"),
            updated=item.findtext("pubDate"),
            description=item.findtext("description") or "",
            authors=[as_html_text(a.text) for a in item.findall(DC_CREATOR)],
            categories=[as_html_text(c.text) for c in item.findall("category")],
            lang=None,
        )
        for item in channel.findall("item")
    ]
    assert channel.findtext("description")
    return SimpleNamespace(
        lang=channel.findtext("language"),
        title=as_html_text(channel.findtext("title")),
        items=items,
    )


MARKUP = re.compile(r"<[a-zA-Z/!?]")


def as_html_text(value):
    """An RSS text field as a reader that treats it as HTML shows it: no markup may
    be in it, and its entities are decoded once."""
    assert not MARKUP.search(value or ""), f"markup in an RSS text field: {value!r}"
    return html.unescape(value or "")


@pytest.fixture
def world(db):
    kb = knowledge_base()
    kb.article.keywords.add(kb.keyword)
    make_hidden_content(kb.article.issue, keywords=[kb.keyword], domains=[kb.domain])
    return kb


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", list(FEED_QUERIES))
def test_feed_lists_exactly_the_public_items_in_its_language(
    client, world, name, kind, lang
):
    response = client.get(feed_url(name, kind, lang, world))

    feed = read_feed(response, kind)
    assert feed.lang == lang
    assert b"canary" not in response.content.lower()
    expected = [f"{HOST}{url_in(lang, obj)}" for obj in expected_items(name, world)]
    assert expected
    assert [item.link for item in feed.items] == expected
    assert len({item.id for item in feed.items}) == len(feed.items)
    assert all(item.title and item.published and item.updated for item in feed.items)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_article_items_carry_title_authors_and_keywords_in_the_language(
    client, world, kind, lang
):
    feed = read_feed(client.get(feed_url("articles", kind, lang)), kind)

    (item,) = feed.items
    article = world.article
    assert item.title == getattr(article, f"title_{lang}")
    assert item.id == item.link == f"{HOST}{url_in(lang, article)}"
    (author,) = article.authors()
    assert item.authors == [author.full_name(lang).text]
    assert item.categories == [getattr(world.keyword, f"name_{lang}")]
    assert getattr(article, f"abstract_{lang}") in item.description
    assert article.issue.label(lang) in item.description


def test_a_fallback_title_is_marked_with_its_own_language(client, world):
    make_article(
        issue=world.article.issue, title_ky="", title_en="", title_ru="Только по-русски"
    )

    feed = read_feed(client.get(feed_url("articles", "atom", "en")), "atom")

    fallback = next(i for i in feed.items if i.title == "Только по-русски")
    assert fallback.lang == "ru"
    assert all(i.lang is None for i in feed.items if i is not fallback)


def test_the_feed_holds_the_newest_public_articles_only(client, db):
    issue = make_issue(published_at=past(100))
    articles = [
        make_article(issue=issue, published_at=past(50 - i))
        for i in range(FEED_SIZE + 2)
    ]

    feed = read_feed(client.get(feed_url("articles", "rss", "en")), "rss")

    newest_first = [f"{HOST}{url_in('en', a)}" for a in reversed(articles)]
    assert [item.link for item in feed.items] == newest_first[:FEED_SIZE]


def test_an_article_appears_when_its_issue_does(client, db):
    """Ordered by the time it became public, which its issue may decide."""
    old_issue = make_issue(published_at=past(30))
    late_issue = make_issue(published_at=past(1))
    recent = make_article(issue=old_issue, published_at=past(5))
    held_back = make_article(issue=late_issue, published_at=past(20))

    feed = read_feed(client.get(feed_url("articles", "atom", "ky")), "atom")

    assert [i.link for i in feed.items] == [
        f"{HOST}{url_in('ky', held_back)}",
        f"{HOST}{url_in('ky', recent)}",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_feeds_are_cacheable(client, world, kind):
    response = client.get(feed_url("articles", kind, "ru"))

    assert "public" in response["Cache-Control"]
    assert f"max-age={FEED_MAX_AGE}" in response["Cache-Control"]
    assert response["Last-Modified"]
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["keyword", "domain"])
def test_unknown_subjects_are_404(client, world, name, kind):
    url = feed_url(name, kind, "en", world).replace(
        getattr(world, name).slug, "no-such-slug"
    )

    response = client.get(url)

    assert response.status_code == 404
    assert "Cache-Control" not in response or "public" not in response["Cache-Control"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_keyword_only_drafts_use_has_no_feed(client, world, kind):
    secret = make_keyword(name_en="canary secret")
    make_article(
        issue=world.article.issue,
        status=Article.Status.DRAFT,
        published_at=None,
        keywords=[secret],
    )
    url = feed_url("keyword", kind, "en", SimpleNamespace(keyword=secret))

    assert client.get(url).status_code == 404


# --- hostile text ---

HOSTILE = [
    "\x0b",
    "\x1f",
    "\x00",
    "\ufffe",
    "\u202e",
    "]]>",
    "<script>alert(1)</script>",
    "</title><title>x",
    "&amp; &#11;",
]


def force(obj, **fields):
    """Store text as it may already sit in the database (saved before the pre_save
    cleaning existed, or by a bulk update): the feeds must not rely on that cleaning."""
    type(obj).objects.filter(pk=obj.pk).update(**fields)


def in_all_languages(text, *fields):
    return {f"{field}_{code}": text for field in fields for code in LANGS}


# PostgreSQL text cannot hold NUL at all, so no stored title can carry one there.
STORABLE = [h for h in HOSTILE if h != "\x00" or connection.vendor != "postgresql"]


@pytest.mark.parametrize("hostile", STORABLE)
def test_hostile_text_leaves_every_feed_valid(client, db, hostile):
    text = f"A {hostile} B"
    journal = make_journal()
    issue = make_issue(journal=journal)
    keyword = make_keyword()
    article = make_article(issue=issue, keywords=[keyword], authors=0)
    author = make_contributor()
    article.authorships.create(contributor=author)
    domain = make_domain()
    event = make_event(domains=[domain])
    force(journal, **in_all_languages(text, "name"))
    force(issue, **in_all_languages(text, "title", "description"))
    force(keyword, name_ky=text, name_ru=f"{text} ru", name_en=f"{text} en")
    force(article, **in_all_languages(text, "title", "abstract"))
    force(author, **in_all_languages(text, "last_name", "first_name"))
    force(domain, **in_all_languages(text, "name"))
    force(event, **in_all_languages(text, "title", "description", "place"))
    world = SimpleNamespace(keyword=keyword, domain=domain)
    clean = xml_text(text)

    for name in FEED_QUERIES:
        for kind in KINDS:
            for lang in LANGS:
                feed = read_feed(client.get(feed_url(name, kind, lang, world)), kind)
                assert clean in feed.title or name in ("articles", "issues")
                (item,) = feed.items
                assert clean in item.title
                assert "<script" not in item.description
                assert "</title>" not in item.description
                if name in ("articles", "keyword"):
                    assert item.authors == [f"{clean} {clean}"]
                    assert item.categories[0].startswith(clean)


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("a\x0bb\x0cc\x1fd\x00e\x7ff\x85g", "abcdefg"),
        ("tab\tline\ncr\r", "tab\tline\ncr\r"),
        ("a\ufffeb\uffffc\ufdd0d\U0001fffee", "abcde"),
        ("\u202eevil\u202c \u2066iso\u2069 \u200bzw\ufeff", "evil iso zw"),
        ("үөң ЁЖ naïve \u200d\u200c", "үөң ЁЖ naïve \u200d\u200c"),
        ("]]> <script>", "]]> <script>"),
        ("\ud800lone", "lone"),
    ],
)
def test_xml_text_removes_only_what_xml_outputs_must_not_carry(raw, clean):
    assert xml_text(raw) == clean
    assert xml_text(None) == ""


# --- query counts ---


def populate(n):
    kb = knowledge_base()
    make_hidden_content(kb.article.issue, keywords=[kb.keyword], domains=[kb.domain])
    for _ in range(n):
        issue = make_issue()
        article = make_article(issue=issue, authors=2, keywords=[kb.keyword])
        article.keywords.add(make_keyword())
        make_event(domains=[kb.domain], keywords=[kb.keyword], articles=[article])
    return kb


@pytest.mark.parametrize("n", [2, 35])
@pytest.mark.parametrize("name", list(FEED_QUERIES))
def test_feed_query_count_is_pinned_and_flat(
    client, django_assert_num_queries, name, n
):
    world = populate(n)
    url = feed_url(name, "atom", "ru", world)
    client.get(url)

    with django_assert_num_queries(FEED_QUERIES[name]):
        response = client.get(url)

    items = read_feed(response, "atom").items
    assert len(items) == len(expected_items(name, world)) == min(len(items), FEED_SIZE)
    assert n < FEED_SIZE or len(items) == FEED_SIZE


def test_rss_text_fields_show_an_editors_angle_brackets_as_text(client, db):
    """Readers render RSS titles, descriptions, categories and creators as HTML: what
    an editor typed reaches them as the same characters, never as markup."""
    journal = make_journal(name_ky="Журнал <i>Тарых</i> & саясат")
    issue = make_issue(journal=journal)
    keyword = make_keyword(name_ky="<b>чек ара</b>")
    article = make_article(issue=issue, keywords=[keyword], authors=0)
    author = make_contributor(last_name_ky="<em>Асанов</em>", first_name_ky="Б.")
    article.authorships.create(contributor=author)
    force(article, title_ky="Суу <script>alert(1)</script> & энергия")
    domain = make_domain(name_ky="Чек ара <sup>2</sup>")
    make_event(domains=[domain])
    world = SimpleNamespace(keyword=keyword, domain=domain)

    response = client.get(feed_url("keyword", "rss", "ky", world))
    root = ElementTree.fromstring(response.content)
    channel = root.find("channel")
    # What the XML carries after one parse: entities, not tags.
    raw_title = channel.find("item").findtext("title")
    assert raw_title == "Суу &lt;script&gt;alert(1)&lt;/script&gt; &amp; энергия"
    feed = read_feed(response, "rss")
    assert "<b>чек ара</b>" in feed.title
    (item,) = feed.items
    assert item.title == "Суу <script>alert(1)</script> & энергия"
    assert item.categories == ["<b>чек ара</b>"]
    assert item.authors == ["<em>Асанов</em> Б."]
    description = as_html_text(channel.findtext("description"))
    assert "Журнал <i>Тарых</i> & саясат" in description

    domain_feed = read_feed(client.get(feed_url("domain", "rss", "ky", world)), "rss")
    assert "Чек ара <sup>2</sup>" in domain_feed.title
