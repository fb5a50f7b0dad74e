"""Keeping each article page whole, so a cold page cache stays cheap.

The page is rendered from a dozen related tables; it is kept in the cache under the
article, the page's address, the language and the article's `updated_at`, which
`articles.freshness` moves whenever anything the page shows changes, and under the
frame's and the code's fingerprints (`articles.kept_pages`). A request then costs one
small query for visibility and the key, whatever the page holds; an edit renders
again only the pages of the articles it touched.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from . import frame
from .caching import cache_get, cache_set
from .compiled import CompiledQuery
from .kept_pages import page_key
from .languages import current_language
from .models import Article, ArticleQuerySet

# A day: a kept article part is only ever replaced by a newer key, never stale.
MAIN_SECONDS = 24 * 3600


def key_query(slug, now=None):
    """The public article `slug`'s id and `updated_at` (the kept page's key).

    Unordered: with the default ordering and a LIMIT, PostgreSQL walks the
    published-date index instead of the slug's (3.6 ms instead of 0.1). A plain
    queryset (the same visibility rule): no translated field is read, so
    modeltranslation's query rewriting is skipped."""
    public = ArticleQuerySet(model=Article).public(now=now)
    return public.filter(slug=slug).order_by().values_list("pk", "updated_at")[:2]


# Asked on every request for an article page: built by the ORM once per process,
# with only its values bound per request (building it took two thirds of the time,
# 0.6 ms of 0.9). The rule is still `public()`'s.
KEY_QUERY = CompiledQuery(
    key_query, slug="\x00slug", now=datetime(1001, 1, 1, tzinfo=UTC)
)


def public_id_and_time(slug):
    """[(id, updated_at)] of the public article `slug` (at most two rows)."""
    return KEY_QUERY.rows(Article.objects.db, slug=slug, now=timezone.now())


class KeptMainMixin:
    """For a DetailView of an article: the page (`template_name` around
    `main_template` and `meta_template`) is rendered once per key and kept."""

    main_template = "articles/includes/article_main.html"
    meta_template = "articles/includes/article_head.html"
    keep_main = True  # previews are rendered afresh every time
    kept_params = ("cite_lang",)

    def get(self, request, *args, **kwargs):
        key = self.main_key()
        if key and (content := cache_get(key)) is not None:
            return HttpResponse(content)
        self.object = self.get_object()
        context = self.get_context_data(object=self.object)
        if template := self.template_without_main(self.object):
            self.template_name = template
            return self.render_to_response(context)
        main = self.render_main(context)
        response = self.render_page(main)
        if key:
            if hasattr(response, "render"):
                response.render()
            cache_set(key, response.content, MAIN_SECONDS)
        return response

    def render_page(self, main):
        """The page around `main`: in the kept frame (`articles.frame`), or rendered
        whole (a preview, kept pages off, no frame to keep)."""
        if self.keep_main and settings.KEPT_PAGES:
            content = frame.page(self.request, self.template_name, main)
            if content is not None:
                return HttpResponse(content)
        return self.render_to_response({"main": main, "preview": not self.keep_main})

    def template_without_main(self, article):
        """A whole-page template for an article whose page has no kept main part."""
        return None

    def main_key(self):
        if not (self.keep_main and settings.ARTICLE_MAIN_CACHE):
            return None
        found = public_id_and_time(self.kwargs.get("slug"))
        if len(found) != 1:
            return None
        # The id and time, not the page: the article's own key, as the lists'.
        return page_key(self.request, "article-page", found[0], self.kept_params)

    def render_main(self, context):
        """The page's title, metadata tags and main part, as safe strings."""
        context["LANGUAGE_CODE"] = current_language()
        return {
            "title": str(context["title"]),
            "meta": render_to_string(self.meta_template, context, self.request),
            "body": render_to_string(self.main_template, context, self.request),
        }
