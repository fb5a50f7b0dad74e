"""PostgreSQL only: the `head` and `body` vectors of a document and their indexes.

- `head`: title (A), keywords and names (B), abstract (C); ranked with `ts_rank`.
  Stored inline and uncompressed while the row is small (storage MAIN), so ranking
  thousands of hits reads no TOAST.
- `body`: the body (D), only matched, never ranked: storage EXTERNAL, out of line.
- No planner statistics on either (STATISTICS 0): with them, a common word makes
  the planner prefer a sequential scan that de-TOASTs every vector, ten times slower
  than the GIN bitmap scan it then skips.

`search.indexing.store()` fills both from `search_searchtext` with the document's
language configuration (`search.backends.CONFIGS`).
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE search_searchdocument
      ADD COLUMN head tsvector,
      ADD COLUMN body tsvector
    """,
    "ALTER TABLE search_searchdocument ALTER COLUMN head SET STORAGE MAIN",
    "ALTER TABLE search_searchdocument ALTER COLUMN body SET STORAGE EXTERNAL",
    "ALTER TABLE search_searchdocument ALTER COLUMN head SET STATISTICS 0",
    "ALTER TABLE search_searchdocument ALTER COLUMN body SET STATISTICS 0",
    "CREATE INDEX search_document_head ON search_searchdocument USING gin (head)",
    "CREATE INDEX search_document_body ON search_searchdocument USING gin (body)",
]
BACKWARD = [
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS body",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_text_table")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
