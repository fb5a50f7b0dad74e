"""Keyword visibility has one home, Keyword.objects.public(): the keyword page, the
sitemap and the keyword feed all follow it."""

import pytest
from django.utils import translation

from articles.models import Article, Keyword
from tests.builders import make_article, make_keyword
from tests.relations.builders import make_agreement, make_event

pytestmark = pytest.mark.django_db


def test_public_keywords_are_those_of_public_articles_and_published_entries(client):
    by_article = make_keyword(name_en="of a public article")
    by_event = make_keyword(name_en="of a published event")
    by_agreement = make_keyword(name_en="of a published agreement")
    by_draft = make_keyword(name_en="of a draft only")
    by_hidden_entries = make_keyword(name_en="of unpublished entries only")
    unused = make_keyword(name_en="of nothing")
    make_article(keywords=[by_article])
    make_article(keywords=[by_draft], status=Article.Status.DRAFT, published_at=None)
    make_event(keywords=[by_event])
    make_agreement(keywords=[by_agreement])
    make_event(keywords=[by_hidden_entries], is_published=False)
    make_agreement(keywords=[by_hidden_entries], is_published=False)

    public = {by_article, by_event, by_agreement}
    assert set(Keyword.objects.public()) == public
    sitemap = client.get("/sitemap-keywords.xml").content.decode()
    for keyword in [*public, by_draft, by_hidden_entries, unused]:
        with translation.override("en"):
            url = keyword.get_absolute_url()
        expected = 200 if keyword in public else 404
        assert client.get(url).status_code == expected, keyword
        assert (url in sitemap) == (keyword in public), keyword
