"""RELIABILITY.md rows 17, 19, 21, 31: hostile URLs, oversize input, lost links."""

import pytest
import requests
from django.db import connection

from tests.builders import make_article, make_keyword

PAGES = [
    "0",
    "-1",
    "99999",
    "1e9",
    "abc",
    "",
    "9" * 5000,
    "last",
    "１２",
    "%00",
    "1%00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("where", ["keyword", "keywords", "timeline", "agreements"])
def test_pagination_abuse_is_never_a_server_error(client, page, where):
    keyword = make_keyword()
    make_article(keywords=[keyword])
    base = {
        "keyword": f"/en/keywords/{keyword.slug}/",
        "keywords": "/en/keywords/",
        "timeline": "/en/relations/timeline/",
        "agreements": "/en/relations/agreements/",
    }[where]
    response = client.get(f"{base}?page={page}")
    assert response.status_code in (200, 404)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/keywords/a%00b/",
        "/en/articles/a%00b/",
        "/en/issues/%00/",
        "/en/relations/events/x%00/",
        "/en/relations/timeline/?domain=%00&country=a%00b&year_from=%00",
        "/en/relations/agreements/?party=%00&sort=%00",
        "/en/search/?q=%00",
        "/oai/?verb=GetRecord&identifier=%00&metadataPrefix=oai_dc",
    ],
)
def test_nul_bytes_are_never_a_server_error(client, url):
    # PostgreSQL refuses NUL in text; this must be a 4xx or a clean page, not a 500.
    assert client.get(url).status_code < 500


@pytest.mark.django_db
def test_oversize_inputs_are_refused_cleanly(client, settings):
    assert client.get("/en/search/", {"q": "x" * 1_000_000}).status_code < 500
    fields = {f"f{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    assert client.post("/en/admin/login/", fields).status_code == 400
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = {
        f"file{i}": SimpleUploadedFile(f"{i}.txt", b"x")
        for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    }
    assert client.post("/en/admin/login/", files).status_code == 400


@pytest.mark.django_db
def test_a_100k_character_abstract_renders(client):
    article = make_article(abstract_en=("word " * 20_000) + "[1] " * 1000)
    response = client.get(f"/en/articles/{article.slug}/")
    assert response.status_code == 200
    assert response.content.count(b'class="cite"') == 0  # no reference list, no links


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: pg_terminate_backend kills the server's connections",
)
@pytest.mark.django_db(transaction=True)
def test_killed_database_connections_are_replaced_without_a_500(live_server):
    article = make_article()
    url = f"{live_server.url}/en/articles/{article.slug}/"
    assert requests.get(url, timeout=10).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    for _ in range(3):
        assert requests.get(url, timeout=10).status_code == 200
