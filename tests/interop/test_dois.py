"""DOIs: what the DOI check lets in, and how a DOI is written into a link."""

import pytest
from django.core.exceptions import ValidationError

from articles.addresses import doi_url
from articles.models import DOI_VALIDATOR, Article
from interop.citations import citation_record, for_citation
from interop.oai_dc import article_dc
from interop.oai_xml import RecordUrls
from tests.builders import make_article

VALID = [
    "10.1000/182",
    "10.1234/jir.2024.5",
    "10.12345678/ABC-def_1;2(3)/4:5",
    "10.1002/(SICI)1097-4636(199706)35:4",
]
INVALID = [
    "10.1234/a b",
    "10.1234/a#b",
    "10.1234/a?b",
    "10.1234/a%20b",
    '10.1234/a"b',
    "10.1234/a'b",
    "10.1234/a<b>",
    "10.123/abc",
    "10.1234/",
    "doi:10.1234/abc",
    "https://doi.org/10.1234/abc",
]


@pytest.mark.parametrize("doi", VALID)
def test_doi_check_accepts_crossref_pattern(doi):
    DOI_VALIDATOR(doi)


@pytest.mark.parametrize("doi", INVALID)
def test_doi_check_refuses_what_would_need_escaping(doi):
    with pytest.raises(ValidationError):
        DOI_VALIDATOR(doi)


def test_doi_links_are_percent_encoded():
    assert doi_url("10.1234/abc.5") == "https://doi.org/10.1234/abc.5"
    assert doi_url("10.1234/a(1);b:c") == "https://doi.org/10.1234/a(1);b:c"
    assert doi_url('10.1234/a#b?c%d "<e>"') == (
        "https://doi.org/10.1234/a%23b%3Fc%25d%20%22%3Ce%3E%22"
    )
    assert doi_url("") == ""


@pytest.mark.django_db
def test_an_older_doi_with_reserved_characters_is_encoded_in_every_link(client):
    article = make_article(doi="10.1234/ok")
    Article.objects.filter(pk=article.pk).update(doi="10.1234/a#b")
    article = for_citation(Article.objects.filter(pk=article.pk)).get()
    expected = "https://doi.org/10.1234/a%23b"
    assert citation_record(article, "en").doi_url == expected
    dc = article_dc(article, RecordUrls(article="https://x.org/a"))
    assert expected in [e.text for e in dc]
    page = client.get(f"/en/articles/{article.slug}/")
    assert f'href="{expected}"'.encode() in page.content
