"""A public article with everything its page shows, in one statement (PostgreSQL).

`for_detail()` reads the same in six queries; each costs about a millisecond, most
of it Django building and compiling the SQL, not PostgreSQL running it. Here the
article's row comes with its issue, journal and section joined and its authors,
body sections, references, keywords and PDFs as JSON arrays, from one query the
ORM compiles once per process (`articles.compiled`). The objects are then put
together as the ORM's prefetching would have: the page, its templates and the
metadata tags read them the same way, with no query more. Rows other apps show on
the page (the knowledge base's events and agreements) come in the same statement,
through `extensions.article_page_rows`.
"""

import functools
import json
from datetime import UTC, datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone

from . import extensions
from .compiled import CompiledQuery
from .models import (
    Article,
    ArticleQuerySet,
    ArticleSection,
    Authorship,
    Contributor,
    Galley,
    Issue,
    Journal,
    Keyword,
    Reference,
    Section,
    TaggedItem,
)


@functools.cache
def _attnames(model):
    return tuple(field.attname for field in model._meta.concrete_fields)


def _object(model, names, prefix=""):
    """A JSON object of `model`'s columns, reached through `prefix`."""
    return JSONObject(**{name: f"{prefix}{name}" for name in names})


def _array(queryset, model, prefix="", **extra):
    """The rows of `queryset` (of the related model's links) as a JSON array."""
    row = _object(model, _attnames(model), prefix)
    if extra:
        row = JSONObject(row=row, **extra)
    return ArraySubquery(queryset.values(json=row))


def _plain(model):
    # A plain QuerySet: modeltranslation's rewriting of field names is skipped, so
    # `title` is the base column, as the objects are built from all columns.
    return models.QuerySet(model=model).order_by()


def _related(model, ordering):
    return _plain(model).filter(article=OuterRef("pk")).order_by(*ordering)


# (name in the article's prefetch cache, model, ordering) of the plain relations.
RELATED = (
    ("sections", ArticleSection, ArticleSection._meta.ordering),
    ("references", Reference, Reference._meta.ordering),
    ("galleys", Galley, ["language"]),
)
JOINED = (("issue", Issue), ("issue__journal", Journal), ("section", Section))


def detail_query(slug, now=None):
    """The public article `slug` (at most two rows: the caller wants one): its
    columns, its issue's, journal's and section's, then its related rows as JSON
    arrays in the order of `ARRAYS`, then those of `extensions.article_page_rows`."""
    columns = list(_attnames(Article))
    for path, model in JOINED:
        columns += [f"{path}__{name}" for name in _attnames(model)]
    arrays = {
        name: _array(_related(model, ordering), model)
        for name, model, ordering in RELATED
    }
    # Each author's row by its key: joined, PostgreSQL hashed the whole table.
    contributor = _plain(Contributor).filter(pk=OuterRef("contributor_id"))
    arrays["authorships"] = _array(
        _related(Authorship, ["order", "id"]),
        Authorship,
        contributor=Subquery(
            contributor.values(json=_object(Contributor, _attnames(Contributor)))
        ),
    )
    arrays["keywords"] = _array(
        _plain(TaggedItem).filter(
            content_type__app_label="articles",
            content_type__model="article",
            object_id=OuterRef("pk"),
        ),
        Keyword,
        prefix="tag__",
    )
    for name, build in extensions.article_page_rows.items():
        rows = build(OuterRef("pk"))
        plain = models.QuerySet(model=rows.model, query=rows.query.chain())
        fields = _loaded(rows)
        arrays[name] = ArraySubquery(plain.values(json=_object(rows.model, fields)))
    names = (*ARRAYS, *extensions.article_page_rows)
    named = {f"json_{i}": arrays[name] for i, name in enumerate(names)}
    public = ArticleQuerySet(model=Article).public(now=now)
    return (
        public.filter(slug=slug)
        .order_by()
        .annotate(**named)
        .values_list(*columns, *named)[:2]
    )


ARRAYS = ("authorships", "sections", "references", "keywords", "galleys")
QUERY = CompiledQuery(
    detail_query, slug="\x00slug", now=datetime(1001, 1, 1, tzinfo=UTC)
)


def public_article(slug):
    """The public article `slug`, with what its page shows loaded, or None.

    PostgreSQL only (JSON arrays of the related rows); `for_detail()` is the same
    on any database, in six queries."""
    alias = Article.objects.db
    rows = QUERY.rows(alias, slug=slug, now=timezone.now())
    if len(rows) != 1:
        return None
    return _article(alias, rows[0])


def _article(alias, row):
    values = iter(row)
    article = _from_columns(alias, Article, values)
    issue = _from_columns(alias, Issue, values)
    journal = _from_columns(alias, Journal, values)
    section = _from_columns(alias, Section, values)
    if issue is not None:
        Issue.journal.field.set_cached_value(issue, journal)
    Article.issue.field.set_cached_value(article, issue)
    Article.section.field.set_cached_value(article, section)
    article._prefetched_objects_cache = {}
    related = dict(zip((*ARRAYS, *extensions.article_page_rows), values, strict=True))
    authorships = []
    for item in _json(related.pop("authorships")):
        authorship = _from_json(alias, Authorship, item["row"])
        contributor = _from_json(alias, Contributor, item["contributor"])
        Authorship.contributor.field.set_cached_value(authorship, contributor)
        authorships.append(authorship)
    _prefetched(article, "authorships", authorships)
    keywords = [
        _from_json(alias, Keyword, item) for item in _json(related.pop("keywords"))
    ]
    # The same keywords as taggit's own queryset (through the links), which cost
    # three times as much to build.
    linked = Keyword.objects.filter(pk__in=[keyword.pk for keyword in keywords])
    _prefetched(article, "keywords", keywords, linked)
    for name, model, _ordering in RELATED:
        items = [_from_json(alias, model, item) for item in _json(related[name])]
        _prefetched(article, name, items)
    article.page_rows = {
        name: [_from_json(alias, model, item) for item in _json(related[name])]
        for name, model in _page_row_models().items()
    }
    return article


@functools.cache
def _page_row_models():
    """{name: model} of the rows other apps add (registered when apps are ready)."""
    return {
        name: build(OuterRef("pk")).model
        for name, build in extensions.article_page_rows.items()
    }


def _loaded(queryset):
    """The columns `queryset` loads of its model (all, or those `only()` names)."""
    names, deferred = queryset.query.deferred_loading
    fields = queryset.model._meta.concrete_fields
    if deferred:
        return tuple(f.attname for f in fields if f.name not in names)
    kept = {*names, queryset.model._meta.pk.name}
    return tuple(f.attname for f in fields if f.name in kept)


def _from_columns(alias, model, values):
    """The next columns of `values` as a `model` object (None for a missing join)."""
    names = _attnames(model)
    columns = [next(values) for _ in names]
    if columns[names.index(model._meta.pk.attname)] is None:
        return None
    return model.from_db(alias, names, columns)


def _from_json(alias, model, item):
    """A `model` object from its JSON columns (all, or those a query loaded); dates
    and times, which JSON gives as text, read as their fields read them."""
    names = tuple(name for name in _attnames(model) if name in item)
    convert = _converters(model)
    values = [
        convert[name](item[name]) if name in convert else item[name] for name in names
    ]
    return model.from_db(alias, names, values)


# Fields whose values JSON gives as text (the rest are text, numbers or booleans).
_TEXT_IN_JSON = {"DateField", "DateTimeField", "TimeField", "DecimalField", "UUIDField"}


@functools.cache
def _converters(model):
    return {
        field.attname: field.to_python
        for field in model._meta.concrete_fields
        if field.get_internal_type() in _TEXT_IN_JSON
    }


def _json(items):
    # Django reads `jsonb` as text (its JSONField decodes it): decode here.
    return [json.loads(item) if isinstance(item, str) else item for item in items or ()]


def _prefetched(article, name, objects, queryset=None):
    """Keep `objects` as the article's prefetched `name`, as `prefetch_related()`
    would: the manager's own queryset (or `queryset`, of the same rows) with its
    results filled in, each object knowing its article."""
    manager = getattr(article, name)
    field = getattr(manager, "field", None)
    if field is not None:
        for obj in objects:
            field.set_cached_value(obj, article)
    if queryset is None:
        queryset = manager.get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    article._prefetched_objects_cache[name] = queryset
