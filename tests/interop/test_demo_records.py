"""The demo journal exercises what harvesters and indexers meet on a real one (issue
20): an issue with a volume, a withdrawn article, an article with four or more authors,
and a harvest longer than one OAI-PMH page."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from interop import oai
from tests.helpers import parse, url_in
from tests.interop.test_oai import NS, harvest, identifiers, token_of


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO(), verbosity=0)


def meta(response, name):
    return [m.attrs["content"] for m in parse(response).find_all("meta", name=name)]


def test_an_article_in_a_volume_says_so_to_indexers(client, demo):
    article = Article.objects.public().filter(issue__volume__isnull=False).first()
    assert article is not None

    response = client.get(url_in(article.original_language, article))

    assert meta(response, "citation_volume") == [str(article.issue.volume)]


def test_an_article_with_four_authors_names_all_of_them(client, demo):
    article = max(Article.objects.public(), key=lambda a: a.authorships.count())
    assert article.authorships.count() >= 4

    response = client.get(url_in(article.original_language, article))

    assert len(meta(response, "citation_author")) == article.authorships.count()


def test_the_withdrawn_article_is_a_notice_and_a_deleted_record(client, demo):
    article = Article.objects.get(status=Article.Status.WITHDRAWN)
    assert article.withdrawn_at and article.withdrawal_reason
    # It went through the workflow: published, then withdrawn, each step logged.
    steps = list(
        article.status_changes.order_by("pk").values_list("to_status", flat=True)
    )
    assert steps[-2:] == [Article.Status.PUBLISHED, Article.Status.WITHDRAWN]

    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "Table 2" in page.content.decode()
    assert not meta(page, "citation_title")

    tree = harvest(
        client,
        {
            "verb": "GetRecord",
            "identifier": f"oai:testserver:article/{article.pk}",
            "metadataPrefix": "oai_dc",
        },
    )
    assert tree.find(".//o:header", NS).get("status") == "deleted"


def test_a_harvest_of_the_demo_takes_more_than_one_page(client, demo, monkeypatch):
    # The demo has a dozen articles, not a hundred: a smaller page makes the same
    # resumption-token walk a real journal's harvest takes.
    monkeypatch.setattr(oai, "PAGE_SIZE", 5)
    params = {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}
    seen, pages = [], 0
    while True:
        tree = harvest(client, params)
        pages += 1
        seen += identifiers(tree)
        token = token_of(tree)
        if token is None or not token.text:
            break
        params = {"verb": "ListIdentifiers", "resumptionToken": token.text}

    expected = Article.objects.public().count() + Article.objects.tombstones().count()
    assert pages > 1
    assert len(seen) == len(set(seen)) == expected
