from itertools import groupby

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.generic import DetailView, ListView, TemplateView

from . import article_data, article_page
from .article_cache import KeptMainMixin
from .caching import kept_for_content
from .extensions import keyword_page_sections, sections_for
from .kept_pages import KeptPageMixin, field_values, rows_version
from .languages import current_language, localized
from .models import Article, Issue, Keyword
from .pagination import paginate
from .sorting import alphabet_key, first_letter
from .toc_cache import kept_rows, kept_toc


class HomeView(KeptPageMixin, TemplateView):
    template_name = "articles/home.html"

    def get_issue(self):
        return (
            Issue.objects.public()
            .order_by("-published_at", "-year", "-number_sort")
            .first()
        )

    def page_fingerprint(self):
        self.issue = self.get_issue()
        public = Article.objects.public()
        self.recent = public.order_by("-published_at", "-id")[:6]
        self.keywords = kept_for_content("top-keywords", top_keywords)
        return (
            field_values(self.issue),
            rows_version(public.in_issue(self.issue)) if self.issue else None,
            # The recent rows' own ids and times (kept_rows reads the same).
            list(self.recent.values_list("pk", "updated_at")),
            [(field_values(k), k.article_count) for k in self.keywords],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.issue
        public = Article.objects.public()
        context.update(
            current_issue=issue,
            toc=kept_toc(public.in_issue(issue)) if issue else [],
            recent=[html for _, _, html in kept_rows(self.recent, show_issue=True)],
            top_keywords=self.keywords,
        )
        return context


def top_keywords():
    """The 24 keywords most used by public articles (the home page's sidebar)."""
    counted = Keyword.objects.with_public_article_counts()
    return list(counted.order_by("-article_count", "slug")[:24])


class IssueArchiveView(ListView):
    template_name = "articles/archive.html"
    context_object_name = "issues"

    def get_queryset(self):
        return Issue.objects.public().with_public_article_counts()


class IssueDetailView(KeptPageMixin, DetailView):
    template_name = "articles/issue.html"
    context_object_name = "issue"

    def get_queryset(self):
        return Issue.objects.public().select_related("journal")

    def page_fingerprint(self):
        self.object = self.get_object()
        return (field_values(self.object), rows_version(self.toc_articles()))

    def get(self, request, *args, **kwargs):
        self.object = None
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["toc"] = kept_toc(self.toc_articles())
        return context

    def toc_articles(self):
        return Article.objects.public().in_issue(self.object)


class ArticleDetailView(KeptMainMixin, DetailView):
    """An article's page: public articles, and withdrawn ones as a tombstone with the
    reason. Its main part is kept in the cache (KeptMainMixin); what the page shows
    is prepared by `articles.article_page`."""

    template_name = "articles/article.html"
    withdrawn_template = "articles/withdrawn.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.public().for_detail()

    def get_object(self, queryset=None):
        try:
            return self.public_article(queryset)
        except Http404:
            # A withdrawn article keeps its page, as a tombstone with the reason.
            tombstone = (
                Article.objects.tombstones()
                .for_listing()
                .filter(slug=self.kwargs.get("slug"))
                .first()
            )
            if tombstone is None:
                raise
            self.template_name = self.withdrawn_template
            return tombstone

    def public_article(self, queryset):
        """The public article the address names, loaded for its page: in one
        statement on PostgreSQL (`articles.article_data`), with `for_detail()`'s
        six queries elsewhere."""
        if queryset is None and connection.vendor == "postgresql":
            article = article_data.public_article(self.kwargs[self.slug_url_kwarg])
            if article is None:
                raise Http404("No article found matching the query")
            return article
        return super().get_object(queryset)

    def template_without_main(self, article):
        # Reached by a preview; readers get the tombstone through get_object().
        if article.status == Article.Status.WITHDRAWN:
            return self.withdrawn_template
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(article_page.prepare(self.object, current_language()))
        return context


class KeywordIndexView(TemplateView):
    """Keywords of public articles, alphabetical in the page language, with counts."""

    template_name = "articles/keywords.html"
    page_size = 120

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lang = current_language()
        keywords = list(Keyword.objects.with_public_article_counts())
        for keyword in keywords:
            keyword.label = localized(keyword, "name")
        keywords.sort(key=lambda k: alphabet_key(k.label.text, lang))
        page = paginate(self.request, keywords, self.page_size)
        letters = [
            (letter, list(items))
            for letter, items in groupby(
                page.object_list, key=lambda k: first_letter(k.label.text)
            )
        ]
        context.update(
            page_obj=page, is_paginated=page.has_other_pages(), letters=letters
        )
        return context


class KeywordDetailView(KeptPageMixin, ListView):
    template_name = "articles/keyword.html"
    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE
    kept_params = ("page",)

    def page_fingerprint(self):
        self.keyword = get_object_or_404(Keyword, slug=self.kwargs["slug"])
        self.articles = (
            Article.objects.public()
            .filter(keywords=self.keyword)
            .order_by("-published_at", "-id")
        )
        articles = rows_version(self.articles)
        # A keyword used only by unpublished work is not shown to readers. One used
        # by a public article is public by that rule (Keyword.objects.public()),
        # which is then asked only of the others (the costlier query).
        if not articles[0] and not self.is_public(self.keyword):
            raise Http404("No public use")
        self.extra_sections = sections_for(keyword_page_sections, self.keyword)
        shown = [
            [field_values(obj) for obj in value]
            for section in self.extra_sections
            for value in section.values()
            if isinstance(value, list)
        ]
        return (field_values(self.keyword), articles, shown)

    @staticmethod
    def is_public(keyword):
        return Keyword.objects.public().filter(pk=keyword.pk).exists()

    def get_queryset(self):
        return self.articles

    def paginate_queryset(self, queryset, page_size):
        if self.request.GET.get(self.page_kwarg) == "":
            # ListView reads `?page=` as page 1; like any other non-number it is a 404.
            raise Http404("Empty page number")
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["keyword"] = self.keyword
        context["extra_sections"] = self.extra_sections
        rows = kept_rows(context["page_obj"].object_list, show_issue=True, level=2)
        context["rows"] = [html for _, _, html in rows]
        return context


def can_preview(user):
    """Staff who may see unpublished articles (previews, their PDFs)."""
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


class PreviewMixin:
    """An unpublished article or issue as readers will see it, for editors only.

    Marked as a preview on the page, never cached, a 404 for everyone else.
    """

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not can_preview(request.user):
            raise Http404("Not found")
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    def page_fingerprint(self):
        return None  # a preview is never kept

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = True
        return context


class ArticlePreviewView(PreviewMixin, ArticleDetailView):
    pk_url_kwarg = "pk"
    slug_url_kwarg = None
    keep_main = False

    def get_queryset(self):
        return Article.objects.for_detail()

    def get_object(self, queryset=None):
        # Any article, by id, withdrawn ones included: the queryset's, no tombstone.
        return DetailView.get_object(self, queryset)


class IssuePreviewView(PreviewMixin, IssueDetailView):
    """The issue with the articles that publishing it would make public."""

    pk_url_kwarg = "pk"
    slug_url_kwarg = None

    def get_queryset(self):
        return Issue.objects.select_related("journal")

    def toc_articles(self):
        return Article.objects.filter(
            status__in=[Article.Status.ACCEPTED, Article.Status.PUBLISHED]
        ).in_issue(self.object)


def galley_download(request, slug, language):
    """The PDF of a public article in one language, named from the article.

    The uploaded file's own name is not used: its extension may be anything
    (x.html), and the response is always a PDF.

    Editors may also download the PDFs of unpublished articles; those responses are
    private and never stored by caches.
    """
    preview = can_preview(request.user)
    articles = Article.objects.all() if preview else Article.objects.public()
    article = get_object_or_404(articles, slug=slug)
    galley = get_object_or_404(article.galleys, language=language)
    try:
        handle = galley.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("File missing") from exc
    response = FileResponse(
        handle,
        as_attachment=False,
        filename=f"{article.slug}-{language}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if preview and not article.is_public:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


def issue_cover(request, slug):
    issue = get_object_or_404(Issue.objects.public(), slug=slug)
    if not issue.cover:
        raise Http404("No cover")
    try:
        handle = issue.cover.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("File missing") from exc
    return FileResponse(handle)
