"""PostgreSQL only: extensions, the Kyrgyz configuration, the vector and its indexes.

On SQLite this migration does nothing; search uses the folded `_f` columns there.

- `search_kyrgyz`: a text search configuration copied from `simple` whose words go
  through `unaccent` first. Kyrgyz has no stemmer in PostgreSQL; queries match stems
  as prefixes instead (`search.text.Query.tsquery`).
- `vector`: a generated column, so every insert and update (the ORM's, bulk ones,
  raw SQL) keeps it right. Title A, keywords and names B, abstract C, body D, each
  parsed with its document's language configuration.
"""

from django.db import migrations

CONFIGS = {"ky": "search_kyrgyz", "ru": "russian", "en": "english"}


def _vector(config):
    def weighted(expression, weight):
        return f"setweight(to_tsvector('{config}'::regconfig, {expression}), '{weight}')"

    return " || ".join(
        [
            weighted("title_f", "A"),
            weighted("keywords_f || ' ' || names_f", "B"),
            weighted("left(text_f, abstract_length)", "C"),
            weighted("substr(text_f, abstract_length + 1)", "D"),
        ]
    )


VECTOR = "CASE language {} END".format(
    " ".join(
        f"WHEN '{code}' THEN {_vector(config)}" for code, config in CONFIGS.items()
    )
    + " ELSE ''::tsvector"
)

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'search_kyrgyz') THEN
        CREATE TEXT SEARCH CONFIGURATION search_kyrgyz (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION search_kyrgyz
          ALTER MAPPING FOR asciiword, asciihword, hword_asciipart,
                            word, hword, hword_part
          WITH unaccent, simple;
      END IF;
    END $$
    """,
    f"""
    ALTER TABLE search_searchdocument
      ADD COLUMN vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED
    """,
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)",
    """
    CREATE INDEX search_term_trigram
      ON search_searchterm USING gin (word gin_trgm_ops)
    """,
]

BACKWARD = [
    "DROP INDEX IF EXISTS search_term_trigram",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS search_kyrgyz",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
