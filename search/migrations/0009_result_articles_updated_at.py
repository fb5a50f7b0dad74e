"""PostgreSQL only: the result articles' index (0007) holds `updated_at` too.

A search reads each result article's `updated_at` with its facet values (kept rows
and snippets, and the kept page of results, are keyed on it); without it in the
index, PostgreSQL visits every result's table row and the scan is no longer
index-only.
"""

from django.db import migrations

FORWARD = [
    "DROP INDEX IF EXISTS search_article_published",
    # 'published' is ArticleStatus.PUBLISHED, a stable slug.
    """
    CREATE INDEX search_article_published
      ON articles_article (id)
      INCLUDE (issue_id, section_id, original_language, published_at, updated_at)
      WHERE status = 'published'
    """,
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_article_published",
    """
    CREATE INDEX search_article_published
      ON articles_article (id)
      INCLUDE (issue_id, section_id, original_language, published_at)
      WHERE status = 'published'
    """,
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0008_public_words_only")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
