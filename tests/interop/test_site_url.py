"""Addresses that outside systems keep are on SITE_URL, whatever Host was asked.

A harvester, crawler or feed reader that reaches the site through another name (a
mirror, the proxy's internal name, a forged Host header) must still be given the
canonical addresses and identifiers, or one article gets two identities.
"""

import json
import re

import pytest
from defusedxml import ElementTree
from django.utils import translation

from tests.builders import add_galley, make_article
from tests.helpers import parse, url_in

from .test_oai import NS, harvest, identifiers

pytestmark = pytest.mark.django_db

SITE = "https://journal.example.kg"
MIRROR = "mirror.example.org"
ANY_URL = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, MIRROR, "journal.example.kg"]


@pytest.fixture
def article():
    article = make_article(doi="10.1234/site.1")
    add_galley(article, "ky")
    return article


def own_urls(text):
    """The URLs of this site in `text` (standards' namespaces and schemas left out)."""
    return [
        url
        for url in ANY_URL.findall(text)
        if not re.match(
            r"https?://(www\.)?(openarchives|w3|purl|niso|jats|ncbi|sitemaps|"
            r"crossref|creativecommons|doi|orcid)",
            url,
        )
    ]


def assert_on_site(text):
    urls = own_urls(text)
    assert urls, "no URL of the site at all"
    assert MIRROR not in text
    assert "testserver" not in text
    assert all(url.startswith(f"{SITE}/") for url in urls), urls


def test_oai_identifiers_and_urls_name_site_url_on_any_host(client, article):
    listed = harvest(
        client,
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"},
        HTTP_HOST=MIRROR,
    )
    assert identifiers(listed) == [f"oai:journal.example.kg:article/{article.pk}"]
    assert listed.findtext("o:request", namespaces=NS) == f"{SITE}/oai/"
    identifier = identifiers(listed)[0]
    for prefix in ("oai_dc", "jats"):
        params = {"verb": "GetRecord", "metadataPrefix": prefix}
        record = harvest(client, {**params, "identifier": identifier}, HTTP_HOST=MIRROR)
        text = ElementTree.tostring(record, encoding="unicode")
        assert_on_site(text)
        assert f"{SITE}/ky/articles/{article.slug}/" in text
    # The identifier a harvester got through the mirror resolves on the site itself.
    again = harvest(
        client,
        {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": identifier},
        HTTP_HOST="journal.example.kg",
    )
    assert again.find(".//o:error", NS) is None
    assert identifiers(again) == [identifier]


def test_oai_identify_describes_the_site_not_the_host_asked(client, article):
    tree = harvest(client, {"verb": "Identify"}, HTTP_HOST=MIRROR)
    assert tree.findtext(".//o:baseURL", namespaces=NS) == f"{SITE}/oai/"
    description = tree.find(".//o:description/id:oai-identifier", NS)
    assert description.findtext("id:repositoryIdentifier", namespaces=NS) == (
        "journal.example.kg"
    )


def test_sitemaps_and_robots_point_to_site_url(client, article):
    index = client.get("/sitemap.xml", HTTP_HOST=MIRROR).content.decode()
    assert_on_site(index)
    assert f"<loc>{SITE}/sitemap-articles.xml</loc>" in index
    section = client.get("/sitemap-articles.xml", HTTP_HOST=MIRROR).content.decode()
    assert_on_site(section)
    assert f"<loc>{SITE}/en/articles/{article.slug}/</loc>" in section
    assert f'href="{SITE}/ru/articles/{article.slug}/"' in section  # hreflang
    robots = client.get("/robots.txt", HTTP_HOST=MIRROR).content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots


@pytest.mark.parametrize("ext", ["atom", "rss"])
def test_feed_id_and_links_are_on_site_url(client, article, ext):
    response = client.get(f"/en/feeds/articles.{ext}", HTTP_HOST=MIRROR)
    text = response.content.decode()
    assert_on_site(text)
    root = ElementTree.fromstring(response.content)
    if ext == "atom":
        atom = {"a": "http://www.w3.org/2005/Atom"}
        assert (
            root.findtext("a:id", namespaces=atom) == f"{SITE}/en/feeds/articles.atom"
        )
        links = [el.get("href") for el in root.iterfind(".//a:link", atom)]
    else:
        links = [el.text for el in root.iterfind(".//link")]
    assert f"{SITE}/en/articles/{article.slug}/" in links
    assert f"{SITE}/en/" in links


def test_article_page_metadata_is_on_site_url(client, article):
    response = client.get(url_in("ky", article), HTTP_HOST=MIRROR)
    head = parse(response).find("head")
    (canonical,) = head.find_all("link", rel="canonical")
    assert canonical.attrs["href"] == f"{SITE}/ky/articles/{article.slug}/"
    (pdf,) = [
        m.attrs["content"] for m in head.find_all("meta", name="citation_pdf_url")
    ]
    with translation.override("ky"):
        assert pdf == f"{SITE}{article.galleys.get().get_absolute_url()}"
    (og_url,) = [m.attrs["content"] for m in head.find_all("meta", property="og:url")]
    assert og_url == f"{SITE}/ky/articles/{article.slug}/"
    hreflang = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in head.find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }
    assert hreflang["en"] == f"{SITE}/en/articles/{article.slug}/"
    (script,) = head.find_all("script", type="application/ld+json")
    assert json.loads(script.text)["url"] == canonical.attrs["href"]
    assert MIRROR not in response.content.decode()


def test_citation_exports_and_jats_are_on_site_url(client, article):
    for ext in ("bib", "ris", "json", "enw"):
        response = client.get(
            f"/en/articles/{article.slug}/cite.{ext}", HTTP_HOST=MIRROR
        )
        assert response.status_code == 200
        assert f"{SITE}/ky/articles/{article.slug}/" in response.content.decode()
        assert MIRROR not in response.content.decode()
    jats = client.get(f"/en/articles/{article.slug}/jats.xml", HTTP_HOST=MIRROR)
    assert_on_site(jats.content.decode())


def test_without_site_url_the_request_address_is_used(client, article, settings):
    """Development: no SITE_URL, the address the browser used."""
    settings.SITE_URL = ""
    response = client.get(url_in("ky", article), HTTP_HOST=MIRROR)
    head = parse(response).find("head")
    (canonical,) = head.find_all("link", rel="canonical")
    assert canonical.attrs["href"] == f"http://{MIRROR}/ky/articles/{article.slug}/"
    listed = harvest(
        client,
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"},
        HTTP_HOST=MIRROR,
    )
    assert identifiers(listed) == [f"oai:{MIRROR}:article/{article.pk}"]
