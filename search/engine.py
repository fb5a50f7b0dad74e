"""One search: matching documents, the public objects they belong to, facets, a page.

Visibility is never stored in the index. Every result, count and facet starts from
`Article.objects.public()`, `Event.objects.published()` and
`Agreement.objects.published()`, narrowed by the reader's filters, and keeps the
objects that have a matching document. Counts are of objects, not documents: an
article that matches in three languages is one result.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Count, F, Max, Q
from django.db.models.functions import ExtractYear

from articles.languages import current_language
from articles.models import Article, TaggedItem
from relations.models import Agreement, Event

from .backends import backend_for
from .models import Kind, SearchDocument

KIND_ORDER = [Kind.ARTICLE, Kind.EVENT, Kind.AGREEMENT]
# Filters that only articles have, and those only knowledge-base entries have.
ARTICLE_ONLY = ("issue", "section", "language")
ENTRY_ONLY = ("domain",)
TAG_MODELS = {
    Kind.ARTICLE: ("articles", "article"),
    Kind.EVENT: ("relations", "event"),
    Kind.AGREEMENT: ("relations", "agreement"),
}
KEYWORD_FACET_SIZE = 15


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
    """A query plus the reader's filters (`search.forms.SearchForm.filters()`)."""

    def __init__(self, query, filters=None):
        self.query = query
        self.filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
        self.backend = backend_for(query)

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
            model = Event if kind == Kind.EVENT else Agreement
            qs = model.objects.published()
            if "year" in f:
                qs = qs.filter(date__year=f["year"])
            if "domain" in f:
                qs = qs.filter(domains__slug=f["domain"])
        if "keyword" in f:
            qs = qs.filter(keywords__slug=f["keyword"])
        return qs

    def kinds(self, with_type=True):
        """Kinds in scope: all, or the one chosen with `type`."""
        chosen = self.filters.get("type") if with_type else None
        return [
            k
            for k in KIND_ORDER
            if (chosen in (None, k)) and self.candidates(k) is not None
        ]

    def results(self, kind):
        """Public, filtered objects of `kind` with a matching document."""
        ids = self.documents().filter(kind=kind).values("object_id")
        return self.candidates(kind).filter(pk__in=ids)

    def visible_documents(self, with_type=True):
        """Matching documents whose object is public and passes the filters."""
        kinds = self.kinds(with_type)
        if not kinds:
            return SearchDocument.objects.none()
        allowed = reduce(
            or_,
            (Q(kind=k, object_id__in=self.candidates(k).values("pk")) for k in kinds),
        )
        return self.documents().filter(allowed)

    # --- what the page shows -------------------------------------------------

    def type_counts(self):
        """{kind: number of results}, whatever `type` is chosen (the tabs)."""
        rows = (
            self.visible_documents(with_type=False)
            .order_by()
            .values("kind")
            .annotate(n=Count("object_id", distinct=True))
        )
        counts = {row["kind"]: row["n"] for row in rows}
        return {k: counts.get(k, 0) for k in KIND_ORDER}

    def total(self, type_counts):
        return sum(type_counts[k] for k in self.kinds())

    def page(self, number, size, total):
        """The hits of page `number` (1-based), best first, objects and snippets in."""
        page = Page(number, size, total)
        start = (number - 1) * size
        rows = (
            self.visible_documents()
            .order_by()
            .values("kind", "object_id")
            .annotate(rank=Max(self.backend.rank()))
            .order_by("-rank", "kind", "-object_id")[start : start + size]
        )
        page.hits = [Hit(r["kind"], r["object_id"], r["rank"]) for r in rows]
        if page.hits:
            self._best_documents(page.hits)
            self._attach_objects(page.hits)
        return page

    def _best_documents(self, hits):
        """For each hit, its best-ranked matching document, and that one's snippet."""
        wanted = reduce(or_, (Q(kind=h.kind, object_id=h.object_id) for h in hits))
        docs = (
            self.documents()
            .filter(wanted)
            .annotate(rank=self.backend.rank())
            .order_by("-rank", "pk")
            .values_list("pk", "kind", "object_id", "language")
        )
        best = {}
        for pk, kind, object_id, language in docs:
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

    def facet_counts(self):
        """{facet: [row dicts with `value` and `n`]} over the current results."""
        kinds = self.kinds()
        results = {k: self.results(k) for k in kinds}
        articles = results.get(Kind.ARTICLE)
        facets = {
            "year": self._years(results),
            "keyword": self._keywords(results),
            "domain": self._domains(results),
            "issue": [],
            "section": [],
            "language": [],
        }
        if articles is not None:
            articles = _plain(articles)
            facets["issue"] = list(
                articles.values(
                    value=F("issue__slug"),
                    year=F("issue__year"),
                    number=F("issue__number"),
                    number_sort=F("issue__number_sort"),
                )
                .annotate(n=Count("pk"))
                .order_by("-year", "-number_sort", "-number")
            )
            facets["section"] = list(
                articles.filter(section__isnull=False)
                .values(
                    "section__name_ky",
                    "section__name_ru",
                    "section__name_en",
                    value=F("section_id"),
                    order=F("section__order"),
                )
                .annotate(n=Count("pk"))
                .order_by("order", "value")
            )
            facets["language"] = list(
                articles.values(value=F("original_language"))
                .annotate(n=Count("pk"))
                .order_by("-n", "value")
            )
        return facets

    def _years(self, results):
        parts = []
        for kind, qs in results.items():
            year = F("issue__year") if kind == Kind.ARTICLE else ExtractYear("date")
            parts.append(_plain(qs).values(value=year).annotate(n=Count("pk")))
        return _summed(_union(parts), key=lambda row: -row["value"])

    def _keywords(self, results):
        if not results:
            return []
        tagged = reduce(
            or_,
            (
                Q(
                    content_type__app_label=TAG_MODELS[kind][0],
                    content_type__model=TAG_MODELS[kind][1],
                    object_id__in=qs.values("pk"),
                )
                for kind, qs in results.items()
            ),
        )
        return list(
            TaggedItem.objects.filter(tagged)
            .values(
                "tag__name_ky",
                "tag__name_ru",
                "tag__name_en",
                value=F("tag__slug"),
            )
            .annotate(n=Count("pk"))
            .order_by("-n", "value")[:KEYWORD_FACET_SIZE]
        )

    def _domains(self, results):
        parts = []
        for kind, model in ((Kind.EVENT, Event), (Kind.AGREEMENT, Agreement)):
            if kind in results:
                through = model.domains.through
                parts.append(
                    through.objects.filter(**{f"{kind}__in": results[kind]})
                    .values(
                        "domain__name_ky",
                        "domain__name_ru",
                        "domain__name_en",
                        value=F("domain__slug"),
                        order=F("domain__order"),
                    )
                    .annotate(n=Count("pk"))
                )
        return _summed(_union(parts), key=lambda row: (row["order"], row["value"]))

    # --- did you mean -------------------------------------------------------

    def suggestion(self):
        """A corrected query, or None; the caller shows it only if it finds anything."""
        fixed = self.backend.corrections(self.query.words)
        if not fixed:
            return None
        return self.query.replaced(fixed)


def _plain(queryset):
    """Unordered, and without modeltranslation's rewriting of `values()`.

    Facet queries name the language columns they need themselves, and a UNION of
    rewritten querysets loses its column list.
    """
    return queryset.rewrite(False).order_by()


def _union(querysets):
    if not querysets:
        return []
    first, *rest = querysets
    return list(first.union(*rest, all=True)) if rest else list(first)


def _summed(rows, key):
    """Rows of a UNION ALL with the same `value` added up (years, domains)."""
    merged = {}
    for row in rows:
        if row["value"] is None:
            continue
        if row["value"] in merged:
            merged[row["value"]]["n"] += row["n"]
        else:
            merged[row["value"]] = dict(row)
    return sorted(merged.values(), key=key)
