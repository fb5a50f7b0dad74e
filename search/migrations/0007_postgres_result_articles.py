"""PostgreSQL only: what a search reads of its result articles, in a small index.

A search looks up every matching article at once (`id = ANY(…)`) for the
visibility rule and the facet values. Article rows are wide (titles and abstracts
in three languages come before `status`), so reading thousands of them costs more
than finding them. This index holds the columns `Article.objects.public()` and the
facets read, for published articles only, so that PostgreSQL answers from the
index alone (an index-only scan, once VACUUM has marked the pages all-visible).
"""

from django.db import migrations

FORWARD = [
    # 'published' is ArticleStatus.PUBLISHED, a stable slug.
    """
    CREATE INDEX IF NOT EXISTS search_article_published
      ON articles_article (id)
      INCLUDE (issue_id, section_id, original_language, published_at)
      WHERE status = 'published'
    """,
]
BACKWARD = ["DROP INDEX IF EXISTS search_article_published"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_upload_validation"),
        ("search", "0006_text_deleted_explicitly"),
    ]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
