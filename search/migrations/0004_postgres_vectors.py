"""PostgreSQL only: the vectors of a document and the index they are matched with.

- `vector`: everything, weighted: title (A), keywords and names (B), abstract (C),
  body (D). Matched through its GIN index; stored out of line (EXTERNAL) once the
  row grows, as it is never read when the index answers.
- `head`: the same without the body, for `ts_rank`. Kept inline (MAIN) so that
  ranking thousands of hits reads no TOAST; ranking by the body as well would read
  every matching body vector.
- No planner statistics on `vector` (STATISTICS 0): with them, a common word makes
  the planner prefer a sequential scan that de-TOASTs every vector, several times
  slower than the GIN bitmap scan; without, it assumes few matches and uses the index.

`search.indexing.store()` fills both from `search_searchtext` with the document's
language configuration (`search.backends.CONFIGS`).
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE search_searchdocument
      ADD COLUMN head tsvector,
      ADD COLUMN vector tsvector
    """,
    "ALTER TABLE search_searchdocument ALTER COLUMN head SET STORAGE MAIN",
    "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STORAGE EXTERNAL",
    "ALTER TABLE search_searchdocument ALTER COLUMN head SET STATISTICS 0",
    "ALTER TABLE search_searchdocument ALTER COLUMN vector SET STATISTICS 0",
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)",
]
BACKWARD = [
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
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
