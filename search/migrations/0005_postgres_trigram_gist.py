"""PostgreSQL only: suggestion words get a GiST trigram index instead of a GIN one.

"Did you mean" asks for the nearest words (`ORDER BY word <-> 'typo' LIMIT 3`),
which GiST answers by walking the index; GIN can only filter by a similarity
threshold and left every candidate to be ranked.
"""

from django.db import migrations

FORWARD = [
    "DROP INDEX IF EXISTS search_term_trigram",
    """
    CREATE INDEX search_term_trigram_gist
      ON search_searchterm USING gist (word gist_trgm_ops)
    """,
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_term_trigram_gist",
    "CREATE INDEX search_term_trigram ON search_searchterm USING gin (word gin_trgm_ops)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_vectors")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
