"""Google Scholar, Dublin Core, Open Graph and JSON-LD in the article page's <head>."""

import json

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from tests.builders import add_galley, add_reference, make_article, make_journal
from tests.helpers import parse, url_in

from .test_citations import make_cited_article

pytestmark = pytest.mark.django_db

HOSTILE = '"><script>alert(1)</script>'


def head_of(response):
    assert response.status_code == 200
    return parse(response).find("head")


def metas(head, name):
    return [m.attrs["content"] for m in head.find_all("meta", name=name)]


def citation_tags(head):
    return [
        m
        for m in head.find_all("meta")
        if m.attrs.get("name", "").startswith("citation_")
    ]


def canonical(head):
    (link,) = head.find_all("link", rel="canonical")
    return link.attrs["href"]


def json_ld(head):
    (script,) = head.find_all("script", type="application/ld+json")
    return json.loads(script.text)


def test_language_of_record_page_carries_the_highwire_tags(client):
    article = make_cited_article()
    head = head_of(client.get(url_in("ru", article)))
    assert metas(head, "citation_title") == ["Вода и энергетика"]
    assert metas(head, "citation_author") == [
        "Асанов, Бакыт Асанович",
        "Иванова, Анна Петровна",
    ]
    # Institution and ORCID follow the author they belong to.
    names = [
        (m.attrs["name"], m.attrs["content"])
        for m in citation_tags(head)
        if m.attrs["name"].startswith("citation_author")
    ]
    assert names == [
        ("citation_author", "Асанов, Бакыт Асанович"),
        ("citation_author_institution", "Кыргызский национальный университет"),
        ("citation_author_orcid", "https://orcid.org/0000-0002-1825-0097"),
        ("citation_author", "Иванова, Анна Петровна"),
    ]
    assert metas(head, "citation_publication_date") == [
        timezone.localdate(article.published_at).strftime("%Y/%m/%d")
    ]
    assert metas(head, "citation_journal_title") == ["Международные отношения"]
    assert metas(head, "citation_issn") == ["1694-5344", "1694-7001"]
    assert metas(head, "citation_volume") == ["3"]
    assert metas(head, "citation_issue") == ["4/1"]
    assert metas(head, "citation_firstpage") == ["12"]
    assert metas(head, "citation_lastpage") == ["18"]
    assert metas(head, "citation_doi") == ["10.1234/ir.2024.4.1"]
    assert metas(head, "citation_pdf_url") == [
        f"http://testserver/ru/articles/{article.slug}/pdf/ru/"
    ]
    assert metas(head, "citation_language") == ["ru"]
    assert sorted(metas(head, "citation_keywords")) == ["вода", "граница"]
    assert metas(head, "citation_abstract") == ["Русская аннотация. Второй абзац."]
    assert metas(head, "citation_reference") == [
        "Осмонов О. История. Бишкек, 2010.",
        "Smith J. Water. 2019. https://doi.org/10.5555/water.1",
    ]
    assert canonical(head) == f"http://testserver/ru/articles/{article.slug}/"


def test_the_pdf_link_serves_the_pdf(client):
    article = make_cited_article()
    head = head_of(client.get(url_in("ru", article)))
    (pdf_url,) = metas(head, "citation_pdf_url")
    response = client.get(pdf_url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def hreflang(head):
    return {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in head.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }


def og_url(head):
    (url,) = [m.attrs["content"] for m in head.find_all("meta", property="og:url")]
    return url


@pytest.mark.parametrize("lang", ["ky", "en"])
def test_translation_without_pdf_is_self_canonical_without_citation_tags(client, lang):
    """A translated title and abstract are a page of their own for search engines
    (Google: only untranslated main content makes a duplicate), but not a version of
    the paper for Google Scholar, which gets the language of record's page."""
    article = make_cited_article()
    head = head_of(client.get(url_in(lang, article)))
    assert citation_tags(head) == []
    assert canonical(head) == f"http://testserver/{lang}/articles/{article.slug}/"
    assert og_url(head) == canonical(head)
    assert hreflang(head) == {
        "ky": f"http://testserver/ky/articles/{article.slug}/",
        "ru": f"http://testserver/ru/articles/{article.slug}/",
        "en": f"http://testserver/en/articles/{article.slug}/",
        "x-default": f"http://testserver/articles/{article.slug}/",
    }


def test_fallback_page_points_to_the_page_it_duplicates(client):
    """Without a Kyrgyz title and abstract, the Kyrgyz page shows the Russian ones:
    a duplicate of the Russian page, so it names that page as canonical and is in
    no hreflang set (nor the sitemap)."""
    article = make_cited_article(title_ky="", abstract_ky="")
    ky = head_of(client.get(url_in("ky", article)))
    ru_page = f"http://testserver/ru/articles/{article.slug}/"
    assert canonical(ky) == ru_page
    assert og_url(ky) == ru_page
    assert json_ld(ky)["url"] == ru_page
    assert hreflang(ky) == {}
    assert citation_tags(ky) == []
    # The versions name each other, not the Kyrgyz page; with the default language
    # (where the unprefixed address sends the rest) not among them, no x-default.
    for lang in ("ru", "en"):
        head = head_of(client.get(url_in(lang, article)))
        assert canonical(head) == f"http://testserver/{lang}/articles/{article.slug}/"
        assert hreflang(head) == {
            "ru": ru_page,
            "en": f"http://testserver/en/articles/{article.slug}/",
        }


def test_a_title_without_its_abstract_is_not_a_translation(client):
    article = make_cited_article(abstract_en="")
    head = head_of(client.get(url_in("en", article)))
    assert canonical(head) == f"http://testserver/ru/articles/{article.slug}/"
    assert hreflang(head) == {}


def test_translation_with_its_pdf_describes_the_translation(client):
    article = make_cited_article()
    add_galley(article, "en", name="article-en.pdf")
    head = head_of(client.get(url_in("en", article)))
    assert metas(head, "citation_title") == ["Water and energy"]
    assert metas(head, "citation_author") == ["Asanov, Bakyt", "Ivanova, Anna"]
    assert metas(head, "citation_author_institution") == ["Kyrgyz National University"]
    assert metas(head, "citation_journal_title") == ["International Relations"]
    assert metas(head, "citation_abstract") == ["English abstract."]
    assert sorted(metas(head, "citation_keywords")) == ["border", "water"]
    assert metas(head, "citation_language") == ["en"]
    assert metas(head, "citation_pdf_url") == [
        f"http://testserver/en/articles/{article.slug}/pdf/en/"
    ]
    assert canonical(head) == f"http://testserver/en/articles/{article.slug}/"
    # The Kyrgyz page still has no PDF of its own.
    assert citation_tags(head_of(client.get(url_in("ky", article)))) == []


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_dublin_core_in_every_language(client, lang):
    article = make_cited_article(abstract_ky="")
    head = head_of(client.get(url_in(lang, article)))
    (schema,) = head.find_all("link", rel="schema.DC")
    assert schema.attrs["href"] == "http://purl.org/dc/elements/1.1/"
    titles = {
        m.attrs["xml:lang"]: m.attrs["content"]
        for m in head.find_all("meta", name="DC.title")
    }
    assert titles == {
        "ky": "Суу жана энергетика",
        "ru": "Вода и энергетика",
        "en": "Water and energy",
    }
    for m in head.find_all("meta", name="DC.title"):
        assert m.attrs["lang"] == m.attrs["xml:lang"]
    descriptions = {
        m.attrs["xml:lang"] for m in head.find_all("meta", name="DC.description")
    }
    assert descriptions == {"ru", "en"}
    subjects = {
        (m.attrs["xml:lang"], m.attrs["content"])
        for m in head.find_all("meta", name="DC.subject")
    }
    assert ("ky", "чек ара") in subjects and ("en", "water") in subjects
    assert len(subjects) == 6
    assert metas(head, "DC.creator") == (
        ["Asanov, Bakyt", "Ivanova, Anna"]
        if lang == "en"
        else ["Асанов, Бакыт Асанович", "Иванова, Анна Петровна"]
    )
    assert metas(head, "DC.date") == [
        timezone.localdate(article.published_at).isoformat()
    ]
    assert metas(head, "DC.identifier") == [
        canonical(head),
        "https://doi.org/10.1234/ir.2024.4.1",
    ]
    # Dublin Core describes the canonical page: the Kyrgyz page (no Kyrgyz
    # abstract) is the Russian page's duplicate; the English one is a translation.
    described = {"ky": "ru", "ru": "ru", "en": "en"}[lang]
    assert metas(head, "DC.language") == [described]
    assert metas(head, "DC.publisher") == [
        {"ru": "Издательство КНУ", "en": "KNU Press"}[described]
    ]
    assert metas(head, "DC.source") == [
        {"ru": "Международные отношения", "en": "International Relations"}[described]
    ]


def test_article_without_a_doi_is_identified_by_its_page(client):
    article = make_article(doi="", original_language="en")
    head = head_of(client.get(url_in("en", article)))
    assert metas(head, "DC.identifier") == [
        f"http://testserver/en/articles/{article.slug}/"
    ]


def test_open_graph_describes_the_page_in_its_language(client):
    article = make_cited_article()
    head = head_of(client.get(url_in("en", article)))

    def og(prop):
        return [m.attrs["content"] for m in head.find_all("meta", property=prop)]

    assert og("og:type") == ["article"]
    assert og("og:title") == ["Water and energy"]
    assert og("og:description") == ["English abstract."]
    assert og("og:url") == [f"http://testserver/en/articles/{article.slug}/"]
    assert og("og:locale") == ["en_US"]
    assert sorted(og("og:locale:alternate")) == ["ky_KG", "ru_RU"]
    assert og("og:site_name") == ["International Relations"]


def test_json_ld_scholarly_article(client):
    article = make_cited_article()
    data = json_ld(head_of(client.get(url_in("ru", article))))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ScholarlyArticle"
    assert data["name"] == data["headline"] == "Вода и энергетика"
    assert data["inLanguage"] == "ru"
    assert data["url"] == f"http://testserver/ru/articles/{article.slug}/"
    assert [a["familyName"] for a in data["author"]] == ["Асанов", "Иванова"]
    assert data["author"][0]["sameAs"] == "https://orcid.org/0000-0002-1825-0097"
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": "10.1234/ir.2024.4.1",
    }
    issue = data["isPartOf"]
    assert issue["@type"] == "PublicationIssue" and issue["issueNumber"] == "4/1"
    assert issue["isPartOf"]["volumeNumber"] == "3"
    assert issue["isPartOf"]["isPartOf"]["issn"] == ["1694-5344", "1694-7001"]
    assert (data["pageStart"], data["pageEnd"]) == ("12", "18")


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_hostile_text_cannot_break_out(client, lang):
    make_journal(name_en=HOSTILE)
    article = make_article(
        title_ky=HOSTILE,
        title_ru=HOSTILE,
        title_en=HOSTILE,
        abstract_en=f"</script><script>alert(2)</script>{HOSTILE}",
        original_language=lang,
        doi="10.1234/evil.1",
    )
    add_reference(article, 0, text=HOSTILE)
    response = client.get(url_in(lang, article))
    html = response.content.decode()
    assert "<script>alert(" not in html
    head = head_of(response)
    scripts = head.find_all("script")
    assert [s.attrs.get("type") for s in scripts] == ["application/ld+json"]
    assert metas(head, "citation_title") == [HOSTILE]
    assert metas(head, "citation_reference") == [HOSTILE]
    data = json_ld(head)
    assert data["name"] == HOSTILE
    raw = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw


def test_editor_preview_has_no_citation_metadata(client):
    article = make_cited_article(status="accepted")
    editor = User.objects.create_user("editor", password="x" * 12, is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(editor)
    response = client.get(url_in("ru", "articles:preview_article", pk=article.pk))
    head = head_of(response)
    assert citation_tags(head) == []
    assert head.find_all("link", rel="canonical") == []
    # The citation is shown to the editor, but no download link that would 404.
    block = parse(response).find("section", class_="how-to-cite")
    assert block.find_all("p", class_="cite-downloads") == []
