"""One search: matching documents, the public objects they belong to, facets, a page.

Visibility is never stored in the index. The matching documents give candidate ids;
`Article.objects.public()`, `Event.objects.published()` and
`Agreement.objects.published()`, narrowed by the reader's filters, say which of them
are results. Every count, facet and page is computed from those results only. Counts
are of objects, not documents: an article matching in three languages is one result.

Queries per search, whatever the number of hits: matching documents with their
ranks (1), results and their year/issue/section/language values (one per kind),
keyword and domain counts (1 each), then for the page: snippets and the objects.
The best document of each hit (for its snippet) comes with the matching documents.
"""

import functools
import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import reduce
from itertools import chain
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.safestring import mark_safe

from articles.caching import cache_get_many, cache_set_many
from articles.languages import LANGUAGE_CODES, current_language
from articles.models import Article, Keyword
from articles.toc_cache import rows_of
from relations.models import Agreement, Event

from . import indexing
from .backends import AnyOf, backend_for
from .models import Kind, SearchDocument

KIND_ORDER = [Kind.ARTICLE, Kind.EVENT, Kind.AGREEMENT]
MODELS = {Kind.ARTICLE: Article, Kind.EVENT: Event, Kind.AGREEMENT: Agreement}
# Filters that only articles have, and those only knowledge-base entries have.
ARTICLE_ONLY = ("issue", "section", "language")
ENTRY_ONLY = ("domain",)
KEYWORD_FACET_SIZE = 15
# What the facets need of each result article, read with its id: the issue is
# joined by `public()` already, and the section's order and names come in the same
# statement. Then when the article last changed (its row and snippet are kept).
SECTION_COLUMNS = ("order", *(f"name_{code}" for code in LANGUAGE_CODES))
ARTICLE_COLUMNS = (
    "pk",
    "issue__year",
    "issue__slug",
    "issue__number",
    "issue__number_sort",
    "section_id",
    "original_language",
    *(f"section__{column}" for column in SECTION_COLUMNS),
    "updated_at",
)
# What a hit shows of its object (`article_item`, `event_item`, `agreement_item`);
# the rows also hold abstracts and descriptions in three languages.
TITLES = tuple(f"title_{code}" for code in LANGUAGE_CODES)
DATED = ("slug", "kind", "date", "date_precision", "end_date", "end_precision")
# A hit's article is shown as its kept table-of-contents row, with its issue.
HIT_LEVEL = 3
# Part of every kept snippet's key: a change to the snippets' markup or cut must not
# meet snippets kept before it.
SNIPPET_FORMAT = 1
SNIPPET_SECONDS = 24 * 3600


@dataclass
class Hit:
    kind: str
    object_id: int
    rank: float
    language: str = ""
    doc_id: int | None = None
    snippet: str = ""
    object: object = None
    html: str = ""  # an article's row (`articles.toc_cache`)

    @property
    def snippet_lang(self):
        """The snippet's language when it is not the page's (for its `lang`)."""
        return self.language if self.language != current_language() else ""


@dataclass
class Page:
    number: int
    size: int
    total: int
    hits: list = field(default_factory=list)

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.size))

    @property
    def start_index(self):
        return (self.number - 1) * self.size + 1 if self.total else 0

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.num_pages


class Search:
    """A query plus the reader's filters (`search.forms.SearchForm.filters()`).

    `run()` does the work; then `type_counts`, `total`, `page()` and `facets()`
    read what it found.
    """

    def __init__(self, query, filters=None):
        self.query = query
        self.filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
        self.backend = backend_for(query)
        # {kind: {id: (rank, best document id, its language)}} of every object
        # with a matching document, public or not
        self.matched = {}
        self.order = {}  # {kind: [(-rank, kind's position, -id) of each result]}
        self.ids = {}  # {kind: [ids of results]}
        self.groups = {}  # {kind: [(id, year, …facet values) of each result]}
        self.updated = {}  # {article id: its updated_at} of the article results

    # --- the sets -------------------------------------------------------------

    def documents(self):
        """SearchDocuments matching the query (of any object, public or not)."""
        return SearchDocument.objects.filter(self.backend.matching())

    def candidates(self, kind):
        """Public objects of `kind` that pass the filters, or None if none can."""
        return _candidates(kind, self.filters)

    def kinds(self):
        """Kinds that can have results: all, or the one chosen with `type`."""
        chosen = self.filters.get("type")
        return [k for k in self.scope() if chosen in (None, k)]

    def scope(self):
        """Kinds the filters other than `type` allow (the type tabs); the same rule
        as `candidates()` returning None."""
        entries_only = any(k in self.filters for k in ENTRY_ONLY)
        articles_only = any(k in self.filters for k in ARTICLE_ONLY)
        return [
            k
            for k in KIND_ORDER
            if not (entries_only if k == Kind.ARTICLE else articles_only)
        ]

    def results(self, kind, ids=None):
        """Public, filtered objects of `kind` with a matching document.

        With `ids` (the matching object ids, known from `run()`), PostgreSQL takes
        them as one array; SQLite matches again in a subquery.
        """
        if ids is None:
            ids = self.ids.get(kind, [])
        return self.candidates(kind).filter(
            self.backend.among("pk", ids, lambda: self._matching_ids(kind))
        )

    def _matching_ids(self, kind):
        return self.documents().filter(kind=kind).values("object_id")

    # --- the work ---------------------------------------------------------------

    def run(self):
        """Find every result with its rank and best document, and the values the
        facets count."""
        indexing.flush()
        self.matched = self._matched()
        scope = self.scope()
        for position, kind in enumerate(KIND_ORDER):
            found = self.matched[kind]
            if not found or kind not in scope:
                continue
            if kind == Kind.ARTICLE and self.backend.vendor == "postgresql":
                rows = _article_rows(self.filters, list(found))
                self.updated = {row[0]: row[-1] for row in rows}
            elif kind == Kind.ARTICLE:
                rows = _rows(_plain(self.results(kind)).values_list(*ARTICLE_COLUMNS))
                self.updated = {row[0]: row[-1] for row in rows}
            else:
                results = _plain(self.results(kind, list(found)))
                rows = list(results.values_list("pk", ExtractYear("date")))
            # Facets count these rows: (id, year, …) per result.
            self.groups[kind] = rows
            self.ids[kind] = [row[0] for row in rows]
            # Sorted as tuples: best first, then by kind, then newest first.
            self.order[kind] = [(-found[pk][0], position, -pk) for pk in self.ids[kind]]
        return self

    def _matched(self):
        """{kind: {object id: (rank, best document id, its language)}} of every
        object with a matching document, public or not.

        An object's rank is that of its best document (highest rank, then lowest
        id), whose snippet the page shows; the documents come ungrouped so that
        the page needs no second look at them.
        """
        matched = {kind: {} for kind in KIND_ORDER}
        if self.backend.vendor == "postgresql":
            rows = self.backend.ranked()
        else:
            rows = _fetch(
                self.documents()
                .annotate(rank=self.backend.rank())
                .values_list("kind", "object_id", "rank", "pk", "language")
            )
        for kind, object_id, rank, pk, language in rows:
            found = matched[kind]
            best = found.get(object_id)
            if best is None or rank > best[0] or (rank == best[0] and pk < best[1]):
                found[object_id] = (rank, pk, language)
        return matched

    @property
    def type_counts(self):
        """{kind: number of results}, whatever `type` is chosen (the tabs)."""
        return {k: len(self.ids.get(k, ())) for k in KIND_ORDER}

    @property
    def total(self):
        return sum(len(self.ids.get(k, ())) for k in self.kinds())

    def ordered(self, count):
        """The first `count` (kind, id) of the results in scope: best first, then
        articles, events, agreements, newest first."""
        keys = chain.from_iterable(self.order.get(kind, ()) for kind in self.kinds())
        return [
            (KIND_ORDER[position], -negative_pk)
            for _, position, negative_pk in heapq.nsmallest(count, keys)
        ]

    def page(self, number, size):
        """The hits of page `number` (1-based), objects and snippets in."""
        page = Page(number, size, self.total)
        start = (number - 1) * size
        page.hits = []
        for kind, pk in self.ordered(start + size)[start:]:
            rank, doc_id, language = self.matched[kind][pk]
            page.hits.append(Hit(kind, pk, rank, language, doc_id))
        if page.hits:
            snippets = self._snippets(page.hits)
            for hit in page.hits:
                hit.snippet = snippets.get(hit.doc_id, "")
            self._attach_objects(page.hits)
        return page

    def _snippets(self, hits):
        """{document id: snippet HTML} of the hits. An article's snippets are kept
        under the document (re-indexing gives new ids), the article's `updated_at`
        and the query's words; the others are cut afresh."""
        keys = {
            hit.doc_id: self._snippet_key(hit)
            for hit in hits
            if hit.kind == Kind.ARTICLE
        }
        kept = cache_get_many(list(keys.values()))
        found = {
            doc: mark_safe(kept[key])  # noqa: S308 - made by highlight.render()
            for doc, key in keys.items()
            if key in kept
        }
        missing = [hit.doc_id for hit in hits if hit.doc_id not in found]
        if missing:
            fresh = self.backend.snippets(missing)
            cache_set_many(
                {keys[doc]: str(html) for doc, html in fresh.items() if doc in keys},
                SNIPPET_SECONDS,
            )
            found.update(fresh)
        return found

    def _snippet_key(self, hit):
        words = "\x1f".join(self.query.words)
        digest = hashlib.sha256(f"{self.backend.vendor}:{words}".encode()).hexdigest()
        stamp = self.updated[hit.object_id].timestamp()
        return f"snippet:{SNIPPET_FORMAT}:{hit.doc_id}:{stamp}:{digest[:32]}"

    def _attach_objects(self, hits):
        articles = [h.object_id for h in hits if h.kind == Kind.ARTICLE]
        if articles:
            rows = rows_of(
                {pk: self.updated[pk] for pk in articles},
                dict.fromkeys(articles, HIT_LEVEL),
                show_issue=True,
            )
            for hit in hits:
                if hit.kind == Kind.ARTICLE:
                    hit.html = rows.get(hit.object_id, "")
        loaders = {
            Kind.EVENT: lambda: Event.objects.published().only(*DATED, *TITLES),
            Kind.AGREEMENT: lambda: Agreement.objects.published().only(
                *DATED, "status", *TITLES
            ),
        }
        for kind, load in loaders.items():
            ids = [h.object_id for h in hits if h.kind == kind]
            if ids:
                objects = load().in_bulk(ids)
                for hit in hits:
                    if hit.kind == kind:
                        hit.object = objects.get(hit.object_id)
        hits[:] = [h for h in hits if h.html or h.object is not None]

    # --- facets -----------------------------------------------------------------

    def facets(self):
        """{facet: [{"value", "n", …label columns}]} over the results in scope."""
        kinds = [k for k in self.kinds() if self.ids.get(k)]
        articles = self.groups[Kind.ARTICLE] if Kind.ARTICLE in kinds else []
        years = Counter(row[1] for kind in kinds for row in self.groups[kind])
        issues = {}
        for _, year, slug, number, sort, *_ in articles:
            issue = issues.setdefault(
                slug, {"value": slug, "n": 0, "year": year, "number": number}
            )
            issue["n"] += 1
            issue["sort"] = (-year, -sort, number)
        languages = Counter(row[6] for row in articles)
        return {
            "year": [{"value": y, "n": n} for y, n in sorted(years.items())[::-1]],
            "issue": sorted(issues.values(), key=lambda r: r["sort"]),
            "section": _sections(articles),
            "keyword": self._keywords(kinds),
            "domain": self._domains(kinds),
            "language": [
                {"value": code, "n": n}
                for code, n in sorted(languages.items(), key=lambda i: (-i[1], i[0]))
            ],
        }

    def _ids(self, kind):
        return self.ids.get(kind, [])

    def _keywords(self, kinds):
        """The most used keywords of the results, counted per keyword id."""
        if not kinds:
            return []
        names = tuple(f"name_{code}" for code in LANGUAGE_CODES)
        if self.backend.vendor == "postgresql":
            uses = [
                (ContentType.objects.get_for_model(MODELS[kind]).pk, self._ids(kind))
                for kind in kinds
            ]
            rows = self.backend.keyword_counts(uses, KEYWORD_FACET_SIZE)
        else:
            tagged = reduce(or_, (self._tagged(kind) for kind in kinds))
            rows = _fetch(
                _plain(Keyword.objects.filter(tagged))
                .annotate(n=Count("*"))
                .values_list("slug", "n", *names)
                .order_by("-n", "slug")[:KEYWORD_FACET_SIZE]
            )
        return [
            {"value": slug, "n": n, **dict(zip(names, values, strict=True))}
            for slug, n, *values in rows
        ]

    def _tagged(self, kind):
        """Keywords' uses by the results of `kind`. The type is tested first, so
        that each use is looked up in one list of ids only."""
        # Cached by Django after the first use: no join, no query.
        content_type = ContentType.objects.get_for_model(MODELS[kind])
        return Q(tagged_items__content_type=content_type) & Q(
            self._among_results("tagged_items__object_id", kind)
        )

    def _among_results(self, field, kind):
        """A condition: `field` is the id of one of the results of `kind`."""
        return self.backend.among(
            field, self._ids(kind), lambda: self.results(kind).values("pk")
        )

    def _domains(self, kinds):
        parts = []
        for kind in (Kind.EVENT, Kind.AGREEMENT):
            if kind in kinds:
                through = MODELS[kind].domains.through
                parts.append(
                    through.objects.filter(self._among_results(f"{kind}_id", kind))
                    .values(
                        value=F("domain__slug"),
                        order=F("domain__order"),
                        name_ky=F("domain__name_ky"),
                        name_ru=F("domain__name_ru"),
                        name_en=F("domain__name_en"),
                    )
                    .annotate(n=Count("pk"))
                )
        if not parts:
            return []
        first, *rest = parts
        rows = list(first.union(*rest, all=True)) if rest else list(first)
        merged = {}
        for row in rows:
            if row["value"] in merged:
                merged[row["value"]]["n"] += row["n"]
            else:
                merged[row["value"]] = row
        return sorted(merged.values(), key=lambda r: (r["order"], r["value"]))

    # --- did you mean -------------------------------------------------------

    def suggestion(self):
        """A corrected query, or None; the caller shows it only if it finds anything."""
        fixed = self.backend.corrections(self.query.words)
        if not fixed:
            return None
        return self.query.replaced(fixed)


def _candidates(kind, f, now=None):
    """Public objects of `kind` that pass the filters `f`, or None if none can
    (`Search.candidates`); `now`: the time the visibility rule decides at."""
    if kind == Kind.ARTICLE:
        if any(k in f for k in ENTRY_ONLY):
            return None
        qs = Article.objects.public(now=now)
        if "year" in f:
            qs = qs.filter(issue__year=f["year"])
        if "issue" in f:
            qs = qs.filter(issue__slug=f["issue"])
        if "section" in f:
            qs = qs.filter(section_id=f["section"])
        if "language" in f:
            qs = qs.filter(original_language=f["language"])
    else:
        if any(k in f for k in ARTICLE_ONLY):
            return None
        qs = MODELS[kind].objects.published()
        if "year" in f:
            qs = qs.filter(date__year=f["year"])
        if "domain" in f:
            qs = qs.filter(domains__slug=f["domain"])
    if "keyword" in f:
        qs = qs.filter(keywords__slug=f["keyword"])
    return qs


def _article_rows_query(filters, ids, now=None):
    """The result articles among `ids` (PostgreSQL's array) with what the facets
    count of each (ARTICLE_COLUMNS)."""
    results = _candidates(Kind.ARTICLE, filters, now).filter(AnyOf("pk", ids))
    return _plain(results).values_list(*ARTICLE_COLUMNS)


# Stand-ins the article rows query is compiled with, once per set of filters; each
# is then replaced by the request's value. Of their field's type and range (the ORM
# drops a condition it knows matches nothing), unlike any other value of the query.
_STAND_INS = {
    "year": 32_101,
    "issue": "\x00issue",
    "section": 2_000_000_002,
    "language": "\x00language",
    "keyword": "\x00keyword",
}
_IDS = "\x00ids"
_NOW = datetime(1001, 1, 1, tzinfo=UTC)


@functools.cache
def _compiled_rows(alias, names):
    """The SQL and parameters of `_article_rows_query()` for filters named `names`
    on PostgreSQL, with the slot each request fills among them; None if the
    stand-ins cannot be told apart."""
    filters = {name: _STAND_INS[name] for name in names}
    query = _article_rows_query(filters, [_IDS], _NOW).query
    try:
        sql, params = query.get_compiler(alias).as_sql()
    except EmptyResultSet:
        return None
    slots = {_IDS: "ids", _NOW: "now"}
    slots.update({value: name for name, value in filters.items()})
    filled = [slots.get(p) for p in params]
    if filled.count("ids") != 1 or "now" not in filled:
        return None
    if any(filled.count(name) != 1 for name in names):
        return None
    return sql, tuple(params), tuple(filled)


def _article_rows(filters, ids):
    """The rows of `_article_rows_query()`, on PostgreSQL: built by the ORM once per
    process and set of filters, and only its values are bound per search (building
    it cost as much as running it)."""
    names = tuple(sorted(k for k in filters if k in _STAND_INS))
    alias = Article.objects.db
    compiled = _compiled_rows(alias, names)
    if compiled is None:
        return _rows(_article_rows_query(filters, ids))
    sql, params, filled = compiled
    values = {
        **{name: filters[name] for name in names},
        "ids": ",".join(map(str, ids)),
        "now": timezone.now(),
    }
    bound = [values[s] if s else p for p, s in zip(params, filled, strict=True)]
    with connections[alias].cursor() as cursor:
        _fast_times(cursor.cursor)
        cursor.execute(sql, bound)
        return cursor.fetchall()


def _sections(articles):
    """The section facet's rows, from the section columns of the result articles."""
    sections = {}
    for row in articles:
        section_id = row[5]
        if section_id is None:
            continue
        if section_id not in sections:
            names = dict(zip(SECTION_COLUMNS, row[7:-1], strict=True))
            sections[section_id] = {**names, "value": section_id, "n": 0}
        sections[section_id]["n"] += 1
    return sorted(sections.values(), key=lambda r: (r["order"], r["value"]))


def _rows(queryset):
    """The rows of a `values_list()`: read at once on PostgreSQL, whose driver
    gives every value its Python type (times included); through the ORM on SQLite,
    whose times are text until Django converts them."""
    if connections[queryset.db].vendor == "postgresql":
        return _fetch(queryset)
    return list(queryset)


def _fetch(queryset):
    """The rows of `queryset` (a `values_list()` of ids, text and floats), read at
    once: for thousands of matching documents, the ORM's chunked reading and
    per-value converters cost more than the statement itself."""
    sql, params = queryset.query.sql_with_params()
    connection = connections[queryset.db]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _fast_times(cursor.cursor)
        cursor.execute(sql, params)
        return cursor.fetchall()


def _fast_times(cursor):
    """Read `timestamptz` values with psycopg's own loader, in C, not Django's
    (a Python subclass of it, which sets the time zone object afterwards and costs
    a few microseconds a value: a millisecond for a few hundred results). The
    times are the same instants, in the session's time zone (UTC, which Django
    sets), and are only compared and turned into timestamps."""
    from psycopg.types.datetime import TimestamptzLoader

    cursor.adapters.register_loader("timestamptz", TimestamptzLoader)


def _plain(queryset):
    """Unordered, and without modeltranslation's rewriting of `values()`: the facet
    rows name the language columns they need themselves."""
    return queryset.rewrite(False).order_by()
