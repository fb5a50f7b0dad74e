"""Keeping each table-of-contents row's HTML, so lists of hundreds of articles stay
cheap when the page cache is cold.

A row (title, authors, pages, and the issue where shown) changes only when its
article's `updated_at` moves, and `articles.freshness` moves it for every change a row
shows. Rows are kept under the article, that time, the language and the row's shape,
and a list fetches all of its rows with one `get_many`: it costs one narrow query
for the ids and times, whatever it holds. Only rows not kept yet are rendered, from a
query that loads just the columns a row shows (modeltranslation would otherwise load
every translated column: abstracts in three languages for nothing).
"""

from django.db.models import Prefetch
from django.utils.safestring import mark_safe

from .caching import cache_get_many, cache_set_many
from .languages import LANGUAGE_CODES, current_language
from .models import Article, ArticleQuerySet, Authorship, Section
from .templatetags.journal import article_item

ROW_SECONDS = 24 * 3600
# Part of every key: a change to the row's markup must not meet rows kept before it.
ROW_FORMAT = 1

ROW_FIELDS = (
    "slug",
    "issue_id",
    "section_id",
    "first_page",
    "last_page",
    *(f"title_{code}" for code in LANGUAGE_CODES),
)
ISSUE_FIELDS = ("issue__slug", "issue__year", "issue__number")
NAME_FIELDS = tuple(
    f"contributor__{part}_{code}"
    for part in ("last_name", "first_name", "patronymic")
    for code in LANGUAGE_CODES
)


def row_key(pk, updated_at, lang, show_issue, level):
    stamp = updated_at.timestamp()
    return f"toc-row:{ROW_FORMAT}:{pk}:{stamp}:{lang}:{int(show_issue)}:{level}"


def listing_for_rows(pks, show_issue):
    """The articles `pks` with only what a row shows (the renderer of missing rows)."""
    names = Authorship.objects.select_related("contributor").only(
        "article_id", "contributor_id", "order", *NAME_FIELDS
    )
    articles = Article.objects.filter(pk__in=pks).prefetch_related(
        Prefetch("authorships", queryset=names.order_by("order", "id"))
    )
    if show_issue:
        return articles.select_related("issue").only(*ROW_FIELDS, *ISSUE_FIELDS)
    return articles.only(*ROW_FIELDS)


def kept_rows(queryset, *, show_issue=False, level=3, section_level=None):
    """[(article id, section id, row HTML)] for the articles of `queryset` in its
    order; rows not kept yet are rendered (two queries) and kept. A row's heading is
    of `level`, or of `section_level` under a section's heading (tables of contents).
    """
    # A plain queryset with the same query: no translated field is read, and
    # modeltranslation's rows cost more than the query (35 ms for 300 of them).
    plain = ArticleQuerySet(model=Article, query=queryset.query.chain())
    found = list(plain.values_list("pk", "updated_at", "section_id"))
    levels = {
        pk: section_level if section_id and section_level else level
        for pk, _, section_id in found
    }
    rows = rows_of({pk: at for pk, at, _ in found}, levels, show_issue=show_issue)
    return [(pk, section_id, rows[pk]) for pk, _, section_id in found if pk in rows]


def rows_of(stamps, levels, *, show_issue=False):
    """{article id: row HTML} for the articles of `stamps` ({id: updated_at}), each
    with a heading of `levels[id]`; rows not kept yet are rendered (two queries) and
    kept. The caller has already decided the articles may be shown."""
    lang = current_language()
    keys = {
        pk: row_key(pk, at, lang, show_issue, levels[pk]) for pk, at in stamps.items()
    }
    rows = cache_get_many(list(keys.values()))
    missing = [pk for pk, key in keys.items() if key not in rows]
    if missing:
        fresh = {
            keys[article.pk]: str(article_item(article, show_issue, levels[article.pk]))
            for article in listing_for_rows(missing, show_issue)
        }
        cache_set_many(fresh, ROW_SECONDS)
        rows.update(fresh)
    return {
        pk: mark_safe(rows[key])  # noqa: S308 - our own markup
        for pk, key in keys.items()
        if key in rows
    }


def kept_toc(queryset, *, level=3, item_level=4):
    """The table of contents of `queryset` (ordered by section) as
    [(section or None, its rows' list items as one piece of HTML)…]; sections are
    read in one small query. Joined here: a template loop over 300 rows costs more
    than the rest of the page."""
    rows = kept_rows(queryset, level=level, section_level=item_level)
    section_ids = {section_id for _, section_id, _ in rows if section_id}
    sections = Section.objects.in_bulk(section_ids) if section_ids else {}
    toc = []
    for _, section_id, html in rows:
        section = sections.get(section_id)
        if not toc or toc[-1][0] != section:
            toc.append((section, []))
        toc[-1][1].append(html)
    return [(section, join_items(rows)) for section, rows in toc]


def join_items(rows):
    return mark_safe("".join(f"<li>{row}</li>\n    " for row in rows))  # noqa: S308
