"""A fuzz test over the public URL space and its query parameters: never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Keyword
from tests.builders import make_article, make_keyword

LANGS = ["ky", "ru", "en", "xx", ""]
ROUTES = [
    "",
    "issues/{s}/",
    "issues/{s}/cover/",
    "articles/{s}/",
    "articles/{s}/pdf/{s}/",
    "articles/{s}/cite.{s}",
    "articles/{s}/jats.xml",
    "keywords/",
    "keywords/{s}/",
    "search/",
    "relations/",
    "relations/timeline/",
    "relations/events/{s}/",
    "relations/agreements/",
    "relations/agreements/{s}/",
    "relations/domains/{s}/",
    "relations/organizations/{s}/",
    "relations/countries/{s}/{s}/",
    "relations/indicators/{s}/",
    "feeds/articles.atom",
    "feeds/keywords/{s}.rss",
    "feeds/domains/{s}.atom",
    "preview/articles/{s}/",
]
PARAMS = (
    "page q domain country organization kind year_from year_to sort status party year "
    "verb metadataPrefix identifier set from until resumptionToken cite_lang type"
).split()

segment = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    min_size=0,
    max_size=30,
).map(lambda s: s.replace("/", "").replace("?", "").replace("#", "")) | st.sampled_from(
    ["1", "0", "-1", "..", "%00", "９", "kg", "tj", "bib", "ris", "fuzz", "fuzz-kw"]
)
values = st.text(max_size=60) | st.sampled_from(["%00", "", "1e9", "*", "&|!:*"])


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    lang=st.sampled_from(LANGS),
    route=st.sampled_from(ROUTES),
    parts=st.lists(segment, min_size=3, max_size=3),
    query=st.dictionaries(st.sampled_from(PARAMS), values, max_size=4),
)
def test_no_url_or_query_gives_a_server_error(lang, route, parts, query):
    if not Keyword.objects.filter(slug="fuzz-kw").exists():
        # Real objects behind some of the sampled slugs, so pages render, not 404.
        make_article(slug="fuzz", keywords=[make_keyword(slug="fuzz-kw")])
    path = (
        route.format(s=parts[0])
        if route.count("{s}") == 1
        else route.format_map({"s": parts[1]})
    )
    url = f"/{lang}/{path}" if lang else f"/{path}"
    response = Client(raise_request_exception=False).get(url, query)
    assert response.status_code < 500, (url, query)
