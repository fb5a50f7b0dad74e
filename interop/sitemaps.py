"""Sitemaps (one section per kind of public page, every language) and robots.txt.

Each section lists a page in ky, ru and en with `hreflang` alternates and an
x-default (the unprefixed URL, which sends readers to their language). What is
listed follows the same visibility rules as the pages themselves. An article is
listed only in the languages where its page is a version of its own, its canonical
page (interop.meta.page_languages): the same set the page's head gives.
"""

from datetime import datetime, time
from functools import cached_property
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, Max, OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from articles.addresses import absolute_url, site_scheme_and_domain
from articles.languages import LANGUAGE_CODES, value_in
from articles.models import (
    Article,
    Galley,
    Issue,
    Keyword,
    public_since,
)
from journalpages.models import Page
from relations.models import Agreement, Domain, Event, Indicator, Organization
from relations.views import country_pairs

from .meta import page_languages

ROBOTS_MAX_AGE = 60 * 60 * 24


def newest_public_article(**filters):
    """Subquery: when the newest public article matching `filters` became visible."""
    return Subquery(
        Article.objects.public()
        .filter(**filters)
        .annotate(since=public_since())
        .order_by("-since")
        .values("since")[:1]
    )


def as_datetime(value):
    """A date as the start of that day in the site's time zone; datetimes as is."""
    if value is None or isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.min))


def latest(*values):
    """The latest of the given dates and times that is not in the future, or None."""
    now = timezone.now()
    known = [v for v in map(as_datetime, values) if v is not None and v <= now]
    return max(known, default=None)


class PageSitemap(Sitemap):
    """A section: every page in each language, with hreflang and x-default.

    Instances live for one request (SITEMAPS holds classes), so the items are
    loaded once even though the index asks for them twice.
    """

    i18n = True
    alternates = True
    x_default = True
    languages = list(LANGUAGE_CODES)
    limit = 15000  # URLs per sitemap page: 5,000 pages in three languages

    def objects(self):
        return []

    @cached_property
    def _objects(self):
        return list(self.objects())

    def items(self):
        return self._objects

    def lastmod(self, item):
        return None

    def get_latest_lastmod(self):
        return latest(*(self.lastmod(item) for item in self.items()))

    def get_protocol(self, protocol=None):
        site = site_scheme_and_domain()
        return site[0] if site else super().get_protocol(protocol)

    def get_domain(self, site=None):
        """SITE_URL's host, not the Host header Django's view would use."""
        configured = site_scheme_and_domain()
        return configured[1] if configured else super().get_domain(site)


class StaticSitemap(PageSitemap):
    JOURNAL_PAGES = ["articles:home", "articles:archive", "articles:keywords"]
    RELATIONS_PAGES = ["relations:home", "relations:timeline", "relations:agreements"]

    def objects(self):
        return self.JOURNAL_PAGES + self.RELATIONS_PAGES

    def location(self, item):
        return reverse(item)

    @cached_property
    def journal_lastmod(self):
        """The journal's lists change when an article or an issue goes public."""
        articles = Article.objects.public().aggregate(at=Max(public_since()))
        issues = Issue.objects.public().aggregate(at=Max("published_at"))
        return latest(articles["at"], issues["at"])

    def lastmod(self, item):
        return self.journal_lastmod if item in self.JOURNAL_PAGES else None


class JournalPageSitemap(PageSitemap):
    """The journal's own pages (about, policies, board), published ones only."""

    def objects(self):
        return Page.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class IssueSitemap(PageSitemap):
    def objects(self):
        return Issue.objects.public().only("slug", "published_at").order_by("pk")

    def lastmod(self, item):
        return item.published_at


class ArticleSitemap(PageSitemap):
    """Public articles, and withdrawn ones that were public.

    A withdrawn article keeps its page with the notice and the reason; listing it
    with the withdrawal as its lastmod makes search engines replace the indexed
    abstract with the notice sooner.
    """

    def objects(self):
        translated = [f"{f}_{c}" for f in ("title", "abstract") for c in self.languages]
        pdfs = {
            f"pdf_{code}": Exists(
                Galley.objects.filter(article=OuterRef("pk"), language=code)
            )
            for code in self.languages
        }
        return (
            (Article.objects.public() | Article.objects.tombstones())
            .select_related("issue")
            .annotate(**pdfs)
            .only(
                "slug",
                "status",
                "original_language",
                "published_at",
                "updated_at",
                "withdrawn_at",
                "issue__published_at",
                *translated,
            )
            .order_by("pk")
        )

    def get_languages_for_item(self, item):
        """A tombstone in every language (its notice is translated); an article in
        the languages its page is its own canonical in."""
        if item.status == Article.Status.WITHDRAWN:
            return self.languages
        pdfs = {code for code in self.languages if value_in(item, "pdf", code)}
        return page_languages(item, pdfs)

    def lastmod(self, item):
        return latest(
            item.published_at,
            item.issue.published_at,
            item.updated_at,
            item.withdrawn_at,
        )


class KeywordSitemap(PageSitemap):
    def objects(self):
        return (
            Keyword.objects.public()
            .annotate(newest=newest_public_article(tagged_items__tag=OuterRef("pk")))
            .only("slug")
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.newest


class DatedEntrySitemap(PageSitemap):
    """Events and agreements have no modification time; their page changes when the
    entry ends and when a public article about it appears, so the latest of those
    (never a future date) is given."""

    model = None

    def objects(self):
        return (
            self.model.objects.published()
            .annotate(newest=newest_public_article(**{self.link: OuterRef("pk")}))
            .only("slug", "date", "end_date")
            .order_by("pk")
        )

    def lastmod(self, item):
        return latest(item.date, item.end_date, item.newest)


class EventSitemap(DatedEntrySitemap):
    model = Event
    link = "events"


class AgreementSitemap(DatedEntrySitemap):
    model = Agreement
    link = "agreements"


class DomainSitemap(PageSitemap):
    def objects(self):
        return Domain.objects.only("slug").order_by("pk")


class OrganizationSitemap(PageSitemap):
    def objects(self):
        return Organization.objects.only("slug").order_by("pk")


class IndicatorSitemap(PageSitemap):
    def objects(self):
        return Indicator.objects.published().only("slug").order_by("pk")


class CountryPairSitemap(PageSitemap):
    """Pairs of countries that share a published event or agreement."""

    def objects(self):
        return [
            (a.iso_code.lower(), b.iso_code.lower()) for a, b, *_ in country_pairs()
        ]

    def location(self, item):
        return reverse("relations:pair", kwargs={"a": item[0], "b": item[1]})


SITEMAPS = {
    "static": StaticSitemap,
    "pages": JournalPageSitemap,
    "issues": IssueSitemap,
    "articles": ArticleSitemap,
    "keywords": KeywordSitemap,
    "events": EventSitemap,
    "agreements": AgreementSitemap,
    "domains": DomainSitemap,
    "organizations": OrganizationSitemap,
    "indicators": IndicatorSitemap,
    "countries": CountryPairSitemap,
}

ROBOTS = """\
User-agent: *
Allow: /
Disallow: /*/admin/
Disallow: /*/preview/

Sitemap: {sitemap}
"""


def listed_sections(sitemaps):
    """This request's instances of the sections that have at least one page:
    sitemap.xsd requires a <url> in every <urlset>, so an empty section (a journal
    without pages yet) is neither listed in the index nor served. Django's views take
    the instances as they are, so each section's items are read once."""
    instances = {name: cls() for name, cls in sitemaps.items()}
    return {name: site for name, site in instances.items() if site.items()}


def sitemap_section(request, section, sitemaps, **kwargs):
    """Django's sitemap view for one section; 404 for a section with nothing in it."""
    if section not in sitemaps:
        raise Http404(f"No sitemap section {section!r}.")
    site = sitemaps[section]()
    if not site.items():
        raise Http404(f"Sitemap section {section!r} is empty.")
    return sitemap_views.sitemap(request, {section: site}, section=section, **kwargs)


def sitemap_index(request, sitemaps, **kwargs):
    """Django's sitemap index of the sections that have pages, with each section's
    address on SITE_URL (Django's view takes the host from the request)."""
    response = sitemap_views.index(request, listed_sections(sitemaps), **kwargs)
    for item in response.context_data["sitemaps"]:
        parts = urlsplit(item.location)
        path = f"{parts.path}?{parts.query}" if parts.query else parts.path
        item.location = absolute_url(path, request)
    return response


@require_safe
def robots_txt(request):
    """Everything public may be crawled; the admin and editors' previews may not."""
    sitemap = absolute_url(reverse("sitemap_index"), request)
    response = HttpResponse(
        ROBOTS.format(sitemap=sitemap), content_type="text/plain; charset=utf-8"
    )
    patch_cache_control(response, public=True, max_age=ROBOTS_MAX_AGE)
    return response
