import hashlib
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import DetailView, TemplateView

from articles.caching import cache_get, cache_set, kept_for_content
from articles.compiled import CompiledQuery
from articles.kept_pages import KeptPageMixin, rows_version
from articles.languages import current_language
from articles.models import Article
from articles.numbers import format_number
from articles.pagination import paginate

from .charts import series_svg, timeline_svg
from .forms import AgreementFilter, TimelineFilter
from .models import (
    Agreement,
    Country,
    Domain,
    Event,
    EventKind,
    Indicator,
    Organization,
    domain_counts,
    listed,
    published_q,
)

TIMELINE_PAGE = 50
MIN_CHARTED = 3  # fewer figures than this are a sentence, not a chart
MAX_DRAWN = 1000
FILTERS_SECONDS = 3600
# Part of the kept filters' key: a change to their markup must not meet older ones.
FILTERS_FORMAT = 1


def draw_timeline(events, title, numbers=None):
    """The SVG timeline of `events` (a queryset), drawn from one small query.

    `numbers` ({slug: n}) writes n beside the marks of the events listed on the page.
    """
    numbers = numbers or {}
    fields = [
        "slug",
        "kind",
        "date",
        "date_precision",
        "title_ky",
        "title_ru",
        "title_en",
    ]
    url = reverse("relations:event", kwargs={"slug": "SLUG"})
    points = [
        {
            "date": e.date,
            "precision": e.date_precision,
            "url": url.replace("SLUG", e.slug),
            "kind": e.kind,
            "label": f"{e.when}: {e}",
            "number": numbers.get(e.slug),
        }
        for e in events.only(*fields)[:MAX_DRAWN]
    ]
    desc = ngettext(
        "%(count)s event from %(first)s to %(last)s.",
        "%(count)s events from %(first)s to %(last)s.",
        len(points),
    ) % {
        "count": len(points),
        "first": min((p["date"].year for p in points), default=""),
        "last": max((p["date"].year for p in points), default=""),
    }
    return timeline_svg(points, title, desc, labels=dict(EventKind.choices))


def kept_timeline(events, query, numbers=None):
    """The timeline of `events` (the published ones, filtered by `query`, or of the
    subject `query` names on a domain, organization or country-pair page), drawn
    once per language, filter and numbered page until content changes: 1,000 events
    take longer to draw than the rest of the page takes to render. `numbers` as for
    draw_timeline."""
    numbers = numbers or {}
    key = f"{query}|{sorted(numbers.items())}"
    digest = hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
    name = f"timeline-svg:{current_language()}:{digest}"
    svg = kept_for_content(
        name,
        lambda: str(draw_timeline(events, _("Timeline of events"), numbers=numbers)),
    )
    return mark_safe(svg)  # noqa: S308 - drawn by charts.timeline_svg, escaped there


def kept_filters(form):
    """The timeline's filter widgets, with the values chosen and any errors, kept
    under the language, the values given for the form's fields (other parameters of
    the URL change nothing) and what the choices show: three narrow queries instead
    of rendering every option through the widget templates. A domain, country or
    organization renamed, added or removed makes a new key at once."""
    given = [(name, form.data.getlist(name)) for name in form.fields]
    choices = form.shown_choices()
    shown = (FILTERS_FORMAT, current_language(), form.is_bound, given, choices)
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    key = f"timeline-filters:{digest}"
    html = cache_get(key)
    if html is None:
        html = render_to_string(
            "relations/includes/timeline_filters.html", {"form": form}
        )
        cache_set(key, html, FILTERS_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by our template, escaped there


def public_articles_about(events=None, agreements=None):
    """Public articles that discuss any of the given events or agreements."""
    condition = Q(pk__in=[])
    if events is not None:
        condition |= Q(events__in=events)
    if agreements is not None:
        condition |= Q(agreements__in=agreements)
    ids = Article.objects.filter(condition).values("pk")
    return Article.objects.public().filter(pk__in=ids).for_listing()[:50]


class RelationsHomeView(TemplateView):
    template_name = "relations/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.published()
        context.update(
            domains=kept_domain_counts(),
            latest=listed(events.for_listing()[:8]),
            timeline=kept_timeline(events, ""),
            pairs=country_pairs(),
            organizations=Organization.objects.all(),
            indicators=Indicator.objects.published(),
        )
        return context


def country_pairs(limit=12):
    """The country pairs sharing the most published events and agreements, as
    (country, country, number shared); the pairs are counted once until content
    changes (every link of every published entry is read), the countries read anew.
    """
    top = kept_for_content(f"country-pairs:{limit}", lambda: count_pairs(limit))
    codes = {code for a, b, _ in top for code in (a, b)}
    countries = {c.iso_code: c for c in Country.objects.filter(iso_code__in=codes)}
    return [
        (countries[a], countries[b], shared)
        for a, b, shared in top
        if a in countries and b in countries
    ]


def count_pairs(limit):
    """[(ISO code, ISO code, number shared)] of the `limit` pairs sharing most.

    Multilateral entries make every pair of their parties a pair; ordering by the
    number of shared entries keeps the bilateral relations the journal studies on top.
    """
    by_entry = {}
    for kind, model in (("event", Event), ("agreement", Agreement)):
        through = model.countries.through.objects.filter(published_q(f"{kind}__"))
        for entry_id, code in through.values_list(f"{kind}_id", "country__iso_code"):
            by_entry.setdefault((kind, entry_id), set()).add(code)
    shared = Counter(
        (a, b) for codes in by_entry.values() for a in codes for b in codes if a < b
    )
    top = sorted(shared, key=lambda pair: (-shared[pair], pair))[:limit]
    return [(a, b, shared[(a, b)]) for a, b in top]


def kept_domain_counts():
    """The domains with `event_count` and `agreement_count` of published entries
    (domain_counts()), the counts kept until content changes: counting every
    published entry per domain costs more than the rest of the home page."""
    counts = kept_for_content(
        "domain-counts",
        lambda: {d.pk: (d.event_count, d.agreement_count) for d in domain_counts()},
    )
    domains = list(Domain.objects.all())
    for domain in domains:
        domain.event_count, domain.agreement_count = counts.get(domain.pk, (0, 0))
    return domains


class TimelineView(KeptPageMixin, TemplateView):
    """Events filtered by domain, country, organization, kind, years; shareable URLs.

    Kept whole (articles.kept_pages) under the count, latest `updated_at` and ids of
    the events it shows and what its filter choices show: an edit to an event, a
    link (relations/freshness.py) or a domain or country renamed makes a new key."""

    template_name = "relations/timeline.html"
    kept_params = (*TimelineFilter.base_fields, "page")

    def filtered_events(self):
        form = TimelineFilter(self.request.GET or None)
        events = Event.objects.published()
        if form.is_bound and not form.is_valid():
            events = events.none()
        elif form.is_bound:
            events = events.filtered(form.active())
        return form, events

    def page_fingerprint(self):
        self.form, self.events = self.filtered_events()
        return (rows_version(self.events), self.form.shown_choices())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, events = self.form, self.events
        page = paginate(self.request, events.for_listing(), TIMELINE_PAGE)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=form,
            filters=kept_filters(form),
            page_obj=page,
            events=listed(page.object_list),
            timeline=kept_timeline(
                events,
                # The filters' values, not the address: other parameters draw the
                # same timeline and must not fill the cache with copies of it.
                repr([(name, self.request.GET.getlist(name)) for name in form.fields]),
                numbers={
                    event.slug: page.start_index() + i
                    for i, event in enumerate(page.object_list)
                },
            ),
            query=query.urlencode(),
        )
        return context


class EventDetailView(DetailView):
    template_name = "relations/event.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.published().for_detail()


class AgreementListView(TemplateView):
    template_name = "relations/agreements.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = AgreementFilter(self.request.GET or None)
        agreements = Agreement.objects.published()
        if form.is_bound and form.is_valid():
            agreements = form.apply(agreements)
        elif form.is_bound:
            agreements = agreements.none()
        page = paginate(self.request, agreements.for_listing(), TIMELINE_PAGE)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=form,
            page_obj=page,
            agreements=page.object_list,
            query=query.urlencode(),
        )
        return context


class AgreementDetailView(DetailView):
    template_name = "relations/agreement.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return Agreement.objects.published().for_detail()


class GatheringMixin:
    """Pages that gather events, agreements, indicators and articles of one subject."""

    def gather(self, subject, events, agreements, indicators):
        """The context of the page of `subject` ("domain/water"; it names the kept
        chart, so it is never a timeline query: those have a "=")."""
        events = events.published()
        agreements = agreements.published()
        return {
            "events": listed(events.for_listing()[:100]),
            "agreements": agreements.for_listing()[:100],
            "indicators": indicators.published(),
            "articles": public_articles_about(
                events.values("pk"), agreements.values("pk")
            ),
            "timeline": kept_timeline(events, subject),
        }


class DomainDetailView(GatheringMixin, DetailView):
    template_name = "relations/domain.html"
    context_object_name = "domain"
    model = Domain

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        domain = self.object
        context.update(
            self.gather(
                f"domain/{domain.slug}",
                Event.objects.filter(domains=domain),
                Agreement.objects.filter(domains=domain),
                Indicator.objects.filter(domain=domain),
            )
        )
        return context


class OrganizationDetailView(GatheringMixin, DetailView):
    template_name = "relations/organization.html"
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.prefetch_related("members")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        context.update(
            self.gather(
                f"organization/{org.slug}",
                Event.objects.filter(organizations=org),
                Agreement.objects.filter(organizations=org),
                Indicator.objects.none(),
            )
        )
        return context


class CountryPairView(GatheringMixin, TemplateView):
    """Everything between two countries: /relations/countries/kg/tj/."""

    template_name = "relations/pair.html"

    def get(self, request, *args, **kwargs):
        a, b = kwargs["a"], kwargs["b"]
        if (a, b) != tuple(sorted((a.lower(), b.lower()))):
            # One address per pair: kg/tj, never tj/kg or KG/TJ.
            first, second = sorted((a.lower(), b.lower()))
            return redirect("relations:pair", a=first, b=second, permanent=True)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = {self.kwargs["a"].upper(), self.kwargs["b"].upper()}
        countries = list(Country.objects.filter(iso_code__in=codes))
        if len(countries) != 2:
            raise Http404("Unknown country pair")
        a, b = sorted(countries, key=lambda c: c.iso_code)
        context.update(
            first=a,
            second=b,
            **self.gather(
                f"pair/{a.iso_code}/{b.iso_code}",
                Event.objects.filter(countries=a).filter(countries=b),
                Agreement.objects.filter(countries=a).filter(countries=b),
                Indicator.objects.filter(countries=a).filter(countries=b),
            ),
        )
        return context


class IndicatorDetailView(DetailView):
    template_name = "relations/indicator.html"
    context_object_name = "indicator"

    def get_queryset(self):
        return Indicator.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator = self.object
        observations = list(indicator.observations.all())
        desc = "; ".join(f"{o.year}: {format_number(o.value)}" for o in observations)
        # One or two figures make no chart: the page says them in a sentence.
        drawn = len(observations) >= MIN_CHARTED
        context.update(
            observations=observations,
            chart=series_svg(observations, str(indicator), desc) if drawn else "",
        )
        return context


def keyword_section(keyword):
    """Published events and agreements with `keyword` (journal's keyword page)."""
    if not _tags_entries(keyword):
        return None
    # for_listing(): the narrow plain query of what a row shows (no tags here)
    events = list(
        Event.objects.published().filter(keywords=keyword).for_listing()[:100]
    )
    agreements = list(Agreement.objects.published().filter(keywords=keyword)[:100])
    if not events and not agreements:
        return None
    return {
        "template": "relations/includes/entries.html",
        "events": events,
        "agreements": agreements,
    }


def _tags_entries(keyword):
    """Whether `keyword` is linked to any event or agreement, published or not: one
    look at its links, which spares most keywords (used by articles only) the two
    queries that load the entries through the visibility rule."""
    kinds = ContentType.objects.get_for_models(Event, Agreement).values()
    return keyword.tagged_items.filter(content_type__in=list(kinds)).exists()


def _article_events(article_id):
    return Event.objects.published().filter(articles=article_id).for_listing()


def _article_agreements(article_id):
    return Agreement.objects.published().filter(articles=article_id)


# Registered in articles.extensions.article_page_rows (apps.py).
ARTICLE_EVENTS = "relations.events"
ARTICLE_AGREEMENTS = "relations.agreements"
ARTICLE_ROWS = {
    ARTICLE_EVENTS: _article_events,
    ARTICLE_AGREEMENTS: _article_agreements,
}

# Compiled once per process: building these two queries cost three times as long
# as running them.
_ARTICLE_EVENTS = CompiledQuery(_article_events, article_id=-7_770_001)
_ARTICLE_AGREEMENTS = CompiledQuery(_article_agreements, article_id=-7_770_001)


def article_section(article):
    """Published events and agreements an article discusses, for its page: read
    with the article in one statement on PostgreSQL (`ARTICLE_ROWS`), else here."""
    rows = getattr(article, "page_rows", None)
    if rows is not None:
        events, agreements = rows[ARTICLE_EVENTS], rows[ARTICLE_AGREEMENTS]
    else:
        alias = Event.objects.db
        events = _ARTICLE_EVENTS.objects(alias, article_id=article.pk)
        agreements = _ARTICLE_AGREEMENTS.objects(alias, article_id=article.pk)
    if not events and not agreements:
        return None
    return {
        "template": "relations/includes/entries.html",
        "events": events,
        "agreements": agreements,
    }
