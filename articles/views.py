import hashlib
from itertools import groupby

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import InvalidPage, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.generic import DetailView, ListView, TemplateView

from . import extensions
from .addresses import absolute_url
from .caching import cache_get, cache_set
from .extensions import article_page_sections, keyword_page_sections, sections_for
from .languages import LANGUAGE_CODES, current_language, fallback_chain, localized
from .models import Article, ArticleQuerySet, Issue, Keyword
from .sorting import alphabet_key, first_letter

# A day: a kept article part is only ever replaced by a newer key, never stale.
MAIN_SECONDS = 24 * 3600


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = (
            Issue.objects.public()
            .order_by("-published_at", "-year", "-number_sort")
            .first()
        )
        public = Article.objects.public().for_listing()
        context.update(
            current_issue=issue,
            toc=group_by_section(public.in_issue(issue)) if issue else [],
            recent=public.order_by("-published_at", "-id")[:6],
            top_keywords=Keyword.objects.with_public_article_counts().order_by(
                "-article_count", "slug"
            )[:24],
        )
        return context


class IssueArchiveView(ListView):
    template_name = "articles/archive.html"
    context_object_name = "issues"

    def get_queryset(self):
        return Issue.objects.public().with_public_article_counts()


class IssueDetailView(DetailView):
    template_name = "articles/issue.html"
    context_object_name = "issue"

    def get_queryset(self):
        return Issue.objects.public().select_related("journal")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["toc"] = group_by_section(self.toc_articles())
        return context

    def toc_articles(self):
        return Article.objects.public().in_issue(self.object).for_listing()


def group_by_section(articles):
    """[(section or None, [articles…])…] in table-of-contents order."""
    return [
        (section, list(items))
        for section, items in groupby(list(articles), key=lambda a: a.section)
    ]


class ArticleDetailView(DetailView):
    """An article's page.

    Its main part (everything between the site's header and footer) and its metadata
    tags are rendered from a dozen related tables; they are kept in the cache under
    the article, the page's address and the article's `updated_at`, which
    `articles.freshness` moves whenever anything the page shows changes. A request
    then costs one small query for visibility and the key, whatever the page holds.
    """

    template_name = "articles/article.html"
    main_template = "articles/includes/article_main.html"
    meta_template = "articles/includes/article_head.html"
    withdrawn_template = "articles/withdrawn.html"
    context_object_name = "article"
    keep_main = True  # previews are rendered afresh every time

    def get_queryset(self):
        return Article.objects.public().for_detail()

    def get(self, request, *args, **kwargs):
        key = self.main_key()
        main = cache_get(key)
        if main is None:
            self.object = self.get_object()
            context = self.get_context_data(object=self.object)
            if self.object.status == Article.Status.WITHDRAWN:
                # Reached here by a preview; readers get it through get_object().
                self.template_name = self.withdrawn_template
                return self.render_to_response(context)
            main = self.render_main(context)
            if key:
                cache_set(key, main, MAIN_SECONDS)
        return self.render_to_response({"main": main, "preview": not self.keep_main})

    def main_key(self):
        if not (self.keep_main and settings.ARTICLE_MAIN_CACHE):
            return None
        # Unordered: with the default ordering and a LIMIT, PostgreSQL walks the
        # published-date index instead of the slug's (3.6 ms instead of 0.1).
        # A plain queryset (the same visibility rule): no translated fields are read,
        # so modeltranslation's query rewriting is skipped (0.1 ms of 0.6).
        found = (
            ArticleQuerySet(model=Article)
            .public()
            .filter(slug=self.kwargs.get("slug"))
            .order_by()
            .values_list("pk", "updated_at")
        )[:2]
        if len(found) != 1:
            return None
        pk, updated_at = found[0]
        # The part holds absolute URLs (canonical, citation tags), so their root too.
        address = absolute_url(self.request.get_full_path(), self.request)
        digest = hashlib.blake2b(address.encode(), digest_size=12).hexdigest()
        lang = current_language()
        return f"article-main:{pk}:{updated_at.timestamp()}:{lang}:{digest}"

    def render_main(self, context):
        """The page's title, metadata tags and main part, as safe strings."""
        context["LANGUAGE_CODE"] = current_language()
        return {
            "title": str(context["title"]),
            "meta": render_to_string(self.meta_template, context, self.request),
            "body": render_to_string(self.main_template, context, self.request),
        }

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        if article.status == Article.Status.WITHDRAWN:
            context["title"] = localized(article, "title")
            return context
        lang = current_language()
        sections = list(article.sections.all())
        body_langs = article.body_languages()
        body_lang = next((c for c in fallback_chain(lang) if c in body_langs), None)
        for section in sections:
            section.body_heading = getattr(section, f"heading_{body_lang}", "") or ""
            section.body_text = getattr(section, f"text_{body_lang}", "") or ""
        keywords = sorted(
            article.keywords.all(),
            key=lambda k: alphabet_key(localized(k, "name").text, lang),
        )
        context.update(
            sections=[s for s in sections if s.body_text or s.body_heading],
            body_lang=body_lang,
            body_langs=body_langs,
            keywords=keywords,
            references=list(article.references.all()),
            ref_count=len(article.references.all()),
            galleys=sorted(
                article.galleys.all(), key=lambda g: LANGUAGE_CODES.index(g.language)
            ),
            translations=other_language_versions(article, lang),
            extra_sections=sections_for(article_page_sections, article),
            head_templates=extensions.article_head_templates,
            end_templates=extensions.article_end_templates,
            title=localized(article, "title"),
        )
        return context


def other_language_versions(article, lang):
    """Title and abstract in each other language that has them (article page)."""
    versions = []
    for code in LANGUAGE_CODES:
        if code == lang:
            continue
        title = getattr(article, f"title_{code}", "") or ""
        abstract = getattr(article, f"abstract_{code}", "") or ""
        if title or abstract:
            versions.append({"lang": code, "title": title, "abstract": abstract})
    return versions


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


def paginate(request, items, per_page):
    """The requested page of `items`; a page number that is not a page is a 404."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except InvalidPage as exc:
        raise Http404(str(exc)) from exc


class KeywordDetailView(ListView):
    template_name = "articles/keyword.html"
    context_object_name = "articles"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        self.keyword = get_object_or_404(Keyword, slug=self.kwargs["slug"])
        self.extra_sections = sections_for(keyword_page_sections, self.keyword)
        return (
            Article.objects.public()
            .filter(keywords=self.keyword)
            .for_listing()
            .order_by("-published_at", "-id")
        )

    def paginate_queryset(self, queryset, page_size):
        if self.request.GET.get(self.page_kwarg) == "":
            # ListView reads `?page=` as page 1; like any other non-number it is a 404.
            raise Http404("Empty page number")
        result = super().paginate_queryset(queryset, page_size)
        if result[0].count == 0 and not self.extra_sections:
            # A keyword used only by unpublished work is not shown to readers.
            raise Http404("Nothing public has this keyword")
        return result

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["keyword"] = self.keyword
        context["extra_sections"] = self.extra_sections
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


class IssuePreviewView(PreviewMixin, IssueDetailView):
    """The issue with the articles that publishing it would make public."""

    pk_url_kwarg = "pk"
    slug_url_kwarg = None

    def get_queryset(self):
        return Issue.objects.select_related("journal")

    def toc_articles(self):
        return (
            Article.objects.filter(
                status__in=[Article.Status.ACCEPTED, Article.Status.PUBLISHED]
            )
            .in_issue(self.object)
            .for_listing()
        )


def galley_download(request, slug, language):
    """The PDF of a public article in one language, under its original file name.

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
        filename=galley.original_name or f"{slug}-{language}.pdf",
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
