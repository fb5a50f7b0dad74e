"""One search: matching documents, the public objects they belong to, facets, a page.

Visibility is never stored in the index. The matching documents give candidate ids;
`Article.objects.public()`, `Event.objects.published()` and
`Agreement.objects.published()`, narrowed by the reader's filters, say which of them
are results. Every count, facet and page is computed from those results only. Counts
are of objects, not documents: an article matching in three languages is one result.

Queries per search, whatever the number of hits: matching documents (1), results
and their year/issue/section/language values (one per kind), keyword and domain
counts (1 each), then for the page: best documents, snippets, and the objects.
"""

import heapq
from collections import Counter
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Case, Count, F, Max, Q, When
from django.db.models.functions import ExtractYear

from articles.languages import current_language
from articles.models import Article, Section, TaggedItem
from relations.models import Agreement, Event

from . import indexing
from .backends import backend_for
from .models import Kind, SearchDocument

KIND_ORDER = [Kind.ARTICLE, Kind.EVENT, Kind.AGREEMENT]
MODELS = {Kind.ARTICLE: Article, Kind.EVENT: Event, Kind.AGREEMENT: Agreement}
# Filters that only articles have, and those only knowledge-base entries have.
ARTICLE_ONLY = ("issue", "section", "language")
ENTRY_ONLY = ("domain",)
KEYWORD_FACET_SIZE = 15
# What the facets need of each result article, read with its id: the issue is
# joined by `public()` already.
ARTICLE_COLUMNS = (
    "pk",
    "issue__year",
    "issue__slug",
    "issue__number",
    "issue__number_sort",
    "section_id",
    "original_language",
)


@dataclass
class Hit:
    kind: str
    object_id: int
    rank: float
    language: str = ""
    doc_id: int | None = None
    snippet: str = ""
    object: object = None

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
        self.ranks = {}  # {(kind, id): rank} of every result
        self.ids = {}  # {kind: [ids of results]}
        self.groups = {}  # {kind: [(id, year, …facet values) of each result]}

    # --- the sets -------------------------------------------------------------

    def documents(self):
        """SearchDocuments matching the query (of any object, public or not)."""
        return SearchDocument.objects.filter(self.backend.matching())

    def candidates(self, kind):
        """Public objects of `kind` that pass the filters, or None if none can."""
        f = self.filters
        if kind == Kind.ARTICLE:
            if any(k in f for k in ENTRY_ONLY):
                return None
            qs = Article.objects.public()
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
        fallback = self.documents().filter(kind=kind).values("object_id")
        return self.candidates(kind).filter(self.backend.among("pk", ids, fallback))

    # --- the work ---------------------------------------------------------------

    def run(self):
        """Find every result with its rank, and the values the facets count."""
        indexing.flush()
        matched = {kind: {} for kind in KIND_ORDER}
        rows = (
            self.documents()
            .order_by()
            .values("kind", "object_id")
            .annotate(rank=Max(self.backend.rank()))
            .values_list("kind", "object_id", "rank")
        )
        for kind, object_id, rank in rows:
            matched[kind][object_id] = rank
        for kind in self.scope():
            found = matched[kind]
            if not found:
                continue
            results = _plain(self.results(kind, list(found)))
            if kind == Kind.ARTICLE:
                rows = list(results.values_list(*ARTICLE_COLUMNS))
            else:
                rows = list(results.values_list("pk", ExtractYear("date")))
            # Facets count these rows: (id, year, …) per result.
            self.groups[kind] = rows
            ids = [row[0] for row in rows]
            self.ids[kind] = ids
            for pk in ids:
                self.ranks[(kind, pk)] = found[pk]
        return self

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
        kinds = self.kinds()
        order = {kind: i for i, kind in enumerate(KIND_ORDER)}
        return heapq.nsmallest(
            count,
            (key for key in self.ranks if key[0] in kinds),
            key=lambda k: (-self.ranks[k], order[k[0]], -k[1]),
        )

    def page(self, number, size):
        """The hits of page `number` (1-based), objects and snippets in."""
        page = Page(number, size, self.total)
        start = (number - 1) * size
        page.hits = [
            Hit(kind, pk, self.ranks[(kind, pk)])
            for kind, pk in self.ordered(start + size)[start:]
        ]
        if page.hits:
            self._best_documents(page.hits)
            self._attach_objects(page.hits)
        return page

    def _best_documents(self, hits):
        """For each hit, its best-ranked matching document, and that one's snippet.

        The page's documents are found by object (a handful of rows) and tested
        for the match in the select list, not through the index.
        """
        wanted = reduce(or_, (Q(kind=h.kind, object_id=h.object_id) for h in hits))
        docs = (
            SearchDocument.objects.filter(wanted)
            .annotate(
                rank=self.backend.rank(),
                hit=Case(
                    When(self.backend.matching(), then=True),
                    default=False,
                    output_field=BooleanField(),
                ),
            )
            .order_by("-rank", "pk")
            .values_list("pk", "kind", "object_id", "language", "hit")
        )
        best = {}
        for pk, kind, object_id, language, hit in docs:
            if hit:
                best.setdefault((kind, object_id), (pk, language))
        for hit in hits:
            hit.doc_id, hit.language = best.get((hit.kind, hit.object_id), (None, ""))
        snippets = self.backend.snippets([h.doc_id for h in hits if h.doc_id])
        for hit in hits:
            hit.snippet = snippets.get(hit.doc_id, "")

    def _attach_objects(self, hits):
        loaders = {
            Kind.ARTICLE: lambda: Article.objects.public().for_listing(),
            Kind.EVENT: lambda: Event.objects.published(),
            Kind.AGREEMENT: lambda: Agreement.objects.published(),
        }
        for kind, load in loaders.items():
            ids = [h.object_id for h in hits if h.kind == kind]
            if ids:
                objects = load().in_bulk(ids)
                for hit in hits:
                    if hit.kind == kind:
                        hit.object = objects.get(hit.object_id)
        hits[:] = [h for h in hits if h.object is not None]

    # --- facets -----------------------------------------------------------------

    def facets(self):
        """{facet: [{"value", "n", …label columns}]} over the results in scope."""
        kinds = [k for k in self.kinds() if self.ids.get(k)]
        articles = self.groups[Kind.ARTICLE] if Kind.ARTICLE in kinds else []
        years = Counter(row[1] for kind in kinds for row in self.groups[kind])
        issues = {}
        for _, year, slug, number, sort, _, _ in articles:
            issue = issues.setdefault(
                slug, {"value": slug, "n": 0, "year": year, "number": number}
            )
            issue["n"] += 1
            issue["sort"] = (-year, -sort, number)
        languages = Counter(row[6] for row in articles)
        return {
            "year": [{"value": y, "n": n} for y, n in sorted(years.items())[::-1]],
            "issue": sorted(issues.values(), key=lambda r: r["sort"]),
            "section": self._sections(Counter(row[5] for row in articles)),
            "keyword": self._keywords(kinds),
            "domain": self._domains(kinds),
            "language": [
                {"value": code, "n": n}
                for code, n in sorted(languages.items(), key=lambda i: (-i[1], i[0]))
            ],
        }

    def _sections(self, counts):
        counts.pop(None, None)
        if not counts:
            return []
        sections = Section.objects.filter(pk__in=counts).values(
            "order", "name_ky", "name_ru", "name_en", value=F("pk")
        )
        rows = [dict(row, n=counts[row["value"]]) for row in _plain(sections)]
        return sorted(rows, key=lambda r: (r["order"], r["value"]))

    def _ids(self, kind):
        return self.ids.get(kind, [])

    def _keywords(self, kinds):
        if not kinds:
            return []
        tagged = reduce(
            or_,
            (
                Q(
                    self.backend.among(
                        "object_id", self._ids(kind), self.results(kind).values("pk")
                    ),
                    # Cached by Django after the first use: no join, no query.
                    content_type=ContentType.objects.get_for_model(MODELS[kind]),
                )
                for kind in kinds
            ),
        )
        return list(
            TaggedItem.objects.filter(tagged)
            .values(
                value=F("tag__slug"),
                name_ky=F("tag__name_ky"),
                name_ru=F("tag__name_ru"),
                name_en=F("tag__name_en"),
            )
            .annotate(n=Count("pk"))
            .order_by("-n", "value")[:KEYWORD_FACET_SIZE]
        )

    def _domains(self, kinds):
        parts = []
        for kind in (Kind.EVENT, Kind.AGREEMENT):
            if kind in kinds:
                through = MODELS[kind].domains.through
                among = self.backend.among(
                    f"{kind}_id", self._ids(kind), self.results(kind).values("pk")
                )
                parts.append(
                    through.objects.filter(among)
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


def _plain(queryset):
    """Unordered, and without modeltranslation's rewriting of `values()`: the facet
    rows name the language columns they need themselves."""
    return queryset.rewrite(False).order_by()
