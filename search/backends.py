"""How documents are matched, ranked, excerpted and corrected, per database.

PostgreSQL: full-text search over the generated `vector` column with a configuration
per document language, `ts_rank` with field weights, `ts_headline` snippets and
`pg_trgm` suggestions. SQLite: every folded query stem must occur in a folded column;
fields are weighted the same way; snippets and suggestions are made in Python.
"""

import difflib
from functools import reduce
from operator import add, and_, or_

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    Expression,
    F,
    FloatField,
    Func,
    Q,
    Value,
    When,
)
from django.db.models.functions import Left
from django.utils import timezone

from . import highlight
from .models import SearchTerm, SearchText
from .text import fold

CONFIGS = {"ky": "search_kyrgyz", "ru": "russian", "en": "english"}
# ts_rank weights for D (body), C (abstract), B (keywords, names), A (title).
WEIGHTS = [0.05, 0.2, 0.5, 1.0]
SQLITE_WEIGHTS = {
    "content__title_f": 1.0,
    "content__keywords_f": 0.5,
    "content__names_f": 0.5,
    "content__text_f": 0.1,
}
# Snippets are cut from the first characters of a document: ts_headline reads all
# the text it is given, and a reader judges a hit by its opening.
SNIPPET_SOURCE_CHARS = 5000
SIMILARITY = 0.3


def _vector(config, part):
    def weighted(text, weight):
        return f"setweight(to_tsvector('{config}'::regconfig, {text}), '{weight}')"

    head = [
        weighted("t.title_f", "A"),
        weighted("t.keywords_f || ' ' || t.names_f", "B"),
        weighted("left(t.text_f, t.abstract_length)", "C"),
    ]
    if part == "vector":
        head.append(weighted("substr(t.text_f, t.abstract_length + 1)", "D"))
    return " || ".join(head)


def _by_language(part):
    cases = " ".join(
        f"WHEN '{code}' THEN {_vector(config, part)}"
        for code, config in CONFIGS.items()
    )
    return f"CASE d.language {cases} END"


# Every value in this statement is a constant of this module except the ids.
UPDATE_VECTORS = f"""
    UPDATE search_searchdocument d
    SET head = {_by_language("head")}, vector = {_by_language("vector")}
    FROM search_searchtext t
    WHERE t.document_id = d.id AND d.id = ANY(%s::bigint[])
"""  # noqa: S608


# What `PostgresBackend.ranked()` runs: the statement the ORM builds from `matching()`
# and `rank()`, written out once.
_TSQUERY = " || ".join(["to_tsquery(%s::regconfig, %s)"] * len(CONFIGS))
RANKED = f"""
    SELECT d.kind, d.object_id, ts_rank((%s)::float4[], d.head, ({_TSQUERY})),
           d.id, d.language
    FROM search_searchdocument d
    WHERE d.vector @@ ({_TSQUERY})
"""  # noqa: S608 - every value is a parameter


# What `PostgresBackend.keyword_counts()` runs for each kind of result: the statement
# the ORM builds from the keywords' tagged items, written out once.
_USES = (
    "(t.content_type_id = %s"
    " AND t.object_id = ANY(string_to_array(%s, ',')::integer[]))"
)
KEYWORD_COUNTS = """
    SELECT k.slug, COUNT(*) AS n, k.name_ky, k.name_ru, k.name_en
    FROM articles_keyword k INNER JOIN articles_taggeditem t ON k.id = t.tag_id
    WHERE {uses}
    GROUP BY k.id
    ORDER BY 2 DESC, 1 ASC
    LIMIT %s
"""


def update_vectors(doc_ids):
    """Fill `head` and `vector` of documents `doc_ids` from their text (PostgreSQL)."""
    if connection.vendor == "postgresql" and doc_ids:
        with connection.cursor() as cursor:
            cursor.execute(UPDATE_VECTORS, [list(doc_ids)])


class DocumentVector(Expression):
    """The `head` or `vector` column that migration 0004 adds on PostgreSQL only."""

    def __init__(self, part):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())
        self.part = part

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{table}.{connection.ops.quote_name(self.part)}", []


class AnyOf(Func):
    """`field = ANY(array)`: membership in a list of ids as one short parameter.

    The ids travel as one comma-separated string: thousands of them cost little to
    send. The array has the column's own type, so that PostgreSQL can hash it when
    it scans (an integer column against a bigint array is compared one by one).
    """

    output_field = BooleanField()

    def __init__(self, field, ids):
        super().__init__(F(field))
        self.ids = ",".join(map(str, ids))

    def as_sql(self, compiler, connection, **extra_context):
        column = self.source_expressions[0]
        sql, params = compiler.compile(column)
        db_type = column.output_field.cast_db_type(connection)
        array = f"string_to_array(%s, ',')::{db_type}[]"
        return f"{sql} = ANY({array})", (*params, self.ids)


class Matches(Func):
    """`vector @@ tsquery`."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class Distance(Func):
    """`word <-> 'text'`: pg_trgm's distance (1 - similarity), ordered by GiST."""

    arg_joiner = " <-> "
    template = "(%(expressions)s)"
    output_field = FloatField()


class PostgresBackend:
    vendor = "postgresql"

    def __init__(self, query):
        from django.contrib.postgres.search import SearchQuery

        self.query = query
        # The query parsed by each language's configuration, OR-ed: a document is
        # parsed with its own language's configuration and matches the query in any
        # of them. One tsquery lets the GIN index answer for all three languages.
        self.tsquery = reduce(
            or_,
            (
                SearchQuery(query.tsquery(code), config=config, search_type="raw")
                for code, config in CONFIGS.items()
            ),
        )

    def matching(self):
        """A condition on SearchDocument: its vector matches (GIN index)."""
        return Q(Matches(DocumentVector("vector"), self.tsquery))

    def rank(self):
        """`ts_rank` of the head: a document that matches by its body only ranks 0
        (reading every matching body vector would cost more than the whole page)."""
        from django.contrib.postgres.search import SearchRank

        return SearchRank(DocumentVector("head"), self.tsquery, weights=WEIGHTS)

    def ranked(self):
        """(kind, object id, rank, id, language) of every matching document: the
        rows of `matching()` and `rank()`, by a statement written out, since
        building it through the ORM took as long as running it."""
        terms = [
            value
            for code, config in CONFIGS.items()
            for value in (config, self.query.tsquery(code))
        ]
        with connection.cursor() as cursor:
            cursor.execute(RANKED, [WEIGHTS, *terms, *terms])
            return cursor.fetchall()

    def among(self, field, ids, fallback):
        """Rows whose `field` is one of `ids` (one array parameter); `fallback`,
        SQLite's way, is not called."""
        return Q(AnyOf(field, ids))

    def keyword_counts(self, uses, limit):
        """[(slug, uses, name_ky, name_ru, name_en)] of the `limit` keywords most
        used by the objects of `uses`, [(content type id, [object ids])…]: most
        used first, then by slug. Written out, like `ranked()`."""
        sql = KEYWORD_COUNTS.format(uses=" OR ".join([_USES] * len(uses)))
        params = [
            value
            for content_type, ids in uses
            for value in (content_type, ",".join(map(str, ids)))
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return cursor.fetchall()

    def snippets(self, doc_ids):
        """{document id: safe HTML} for the chosen documents."""
        from django.contrib.postgres.search import SearchHeadline

        # One headline, cut with each document's own language configuration.
        config = Case(
            *(
                When(document__language=code, then=Value(config))
                for code, config in CONFIGS.items()
            )
        )
        headline = SearchHeadline(
            Left("text_f", SNIPPET_SOURCE_CHARS),
            self.tsquery,
            config=config,
            start_sel=highlight.START,
            stop_sel=highlight.STOP,
            fragment_delimiter=highlight.DELIMITER,
            max_fragments=2,
            max_words=18,
            min_words=8,
        )
        rows = (
            SearchText.objects.filter(document_id__in=doc_ids)
            .annotate(source=Left("text", SNIPPET_SOURCE_CHARS), headline=headline)
            .values_list("pk", "source", "headline")
        )
        # Folding is done again here rather than sent: it is the same, letter for
        # letter, as the folded text the headline was cut from.
        return {
            pk: highlight.from_headline(source, fold(source), headline)
            for pk, source, headline in rows
        }

    def corrections(self, words):
        """{word: closest known word}: the nearest words by trigram distance, from
        the GiST index (pg_trgm), three per query word, in one statement.

        A word known as it is needs no correction, and its nearest words are not
        looked for: that scan reads most of the index (9 ms of 31,000 words),
        while the word itself is found by one lookup. The lookup says "between the
        word and itself", which the unique B-tree answers at once; for "equal to",
        PostgreSQL chose the trigram index and read a good part of it."""
        public = SearchTerm.objects.filter(public_from__lte=timezone.now())
        nearest = [
            public.filter(~Exists(public.filter(word__gte=word, word__lte=word)))
            .annotate(position=Value(i), distance=Distance(F("word"), Value(word)))
            .order_by("distance")
            .values_list("position", "word", "distance")[:3]
            for i, word in enumerate(words)
        ]
        first, *rest = nearest
        rows = first.union(*rest, all=True) if rest else first
        candidates = [[] for _ in words]
        for position, word, distance in rows:
            candidates[position].append((1 - distance, word))
        return _closest(words, candidates)


def _closest(words, candidates):
    """{word: best candidate} for words that are not known as they are."""
    fixed = {}
    for word, scored in zip(words, candidates, strict=True):
        if any(candidate == word for _, candidate in scored):
            continue
        similarity, best = max(scored, default=(0, word))
        if similarity >= SIMILARITY:
            fixed[word] = best
    return fixed


class SQLiteBackend:
    vendor = "sqlite"

    def __init__(self, query):
        self.query = query
        self.stems = query.substrings()

    def matching(self):
        """Every stem occurs in some folded column (LIKE on lower-cased text)."""
        return reduce(
            and_,
            (
                reduce(or_, (Q(**{f"{f}__contains": s}) for f in SQLITE_WEIGHTS))
                for s in self.stems
            ),
        )

    def rank(self):
        return reduce(
            add,
            (
                Case(
                    When(Q(**{f"{f}__contains": s}), then=Value(weight)),
                    default=Value(0.0),
                    output_field=FloatField(),
                )
                for s in self.stems
                for f, weight in SQLITE_WEIGHTS.items()
            ),
        )

    def among(self, field, ids, fallback):
        """Rows whose `field` is in `fallback()`, a subquery giving the same ids as
        `ids`: SQLite caps the number of parameters of a statement."""
        return Q(**{f"{field}__in": fallback()})

    def snippets(self, doc_ids):
        rows = SearchText.objects.filter(document_id__in=doc_ids).values_list(
            "pk", "text", "text_f"
        )
        return {
            pk: highlight.from_substrings(text, folded, self.stems)
            for pk, text, folded in rows
        }

    def corrections(self, words):
        """{word: closest known word} by difflib, among words with the same initial."""
        initials = {w[0] for w in words}
        known = list(
            SearchTerm.objects.filter(
                reduce(or_, (Q(word__startswith=c) for c in initials)),
                public_from__lte=timezone.now(),
            ).values_list("word", flat=True)[:20000]
        )
        candidates = [
            [
                (difflib.SequenceMatcher(None, word, c).ratio(), c)
                for c in difflib.get_close_matches(word, known, n=3, cutoff=0.75)
            ]
            for word in words
        ]
        known_set = set(known)
        for word, scored in zip(words, candidates, strict=True):
            if word in known_set:
                scored.append((1.0, word))
        return _closest(words, candidates)


def backend_for(query):
    if connection.vendor == "postgresql":
        return PostgresBackend(query)
    return SQLiteBackend(query)
