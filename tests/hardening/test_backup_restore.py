"""Row 30: the backup and restore drill on PostgreSQL."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from articles.models import Article, Keyword
from tests.builders import add_galley, make_article, make_keyword

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the drill uses pg_dump and pg_restore",
)


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_gives_back_every_row_file_and_page(tmp_path, settings):
    keyword = make_keyword(name_ru="граница")
    article = make_article(title_ru="Статья для учений", keywords=[keyword])
    add_galley(article, "ru", name="учения.pdf")
    client = Client()
    page = client.get(f"/ru/articles/{article.slug}/").content
    pdf = b"".join(client.get(f"/ru/articles/{article.slug}/pdf/ru/").streaming_content)

    call_command("backup", str(tmp_path / "backup"))

    # Disaster: content and files are lost.
    Article.objects.all().delete()
    Keyword.objects.all().delete()
    for path in (settings.MEDIA_ROOT / "galleys").iterdir():
        path.unlink()
    assert client.get(f"/ru/articles/{article.slug}/").status_code == 404

    call_command("restore", str(tmp_path / "backup"), yes=True)
    call_command("migrate", check=True, verbosity=0)  # schema complete after restore

    assert client.get(f"/ru/articles/{article.slug}/").content == page
    restored = b"".join(
        client.get(f"/ru/articles/{article.slug}/pdf/ru/").streaming_content
    )
    assert restored == pdf
