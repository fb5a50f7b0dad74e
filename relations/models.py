from dataclasses import dataclass
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, Prefetch, Q, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager

from articles.languages import (
    LANGUAGE_CHOICES,
    LANGUAGE_CODES,
    Localized,
    current_language,
    localized,
)
from articles.models import Article, KeywordLinks, TaggedItem, unique_slug

from .dates import PartialDate, Precision

ISO_CODE = RegexValidator(
    r"^[A-Z]{2}$", _("Use the two-letter ISO 3166 code, e.g. KG.")
)


class TranslatedName:
    """`__str__` from the translated `name` field, with fallback."""

    def __str__(self):
        return localized(self, "name").text or self.slug


class Country(TranslatedName, models.Model):
    iso_code = models.CharField(
        _("ISO code"), max_length=2, unique=True, validators=[ISO_CODE]
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["iso_code"]

    def __str__(self):
        return localized(self, "name").text or self.iso_code


class Domain(TranslatedName, models.Model):
    """A field of relations: water-energy, border, cultural-humanitarian, …"""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("relation domain")
        verbose_name_plural = _("relation domains")
        ordering = ["order", "slug"]

    def get_absolute_url(self):
        return reverse("relations:domain", kwargs={"slug": self.slug})


class Organization(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    name = models.CharField(_("name"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        Country, blank=True, related_name="organizations", verbose_name=_("members")
    )

    class Meta:
        verbose_name = _("international organization")
        verbose_name_plural = _("international organizations")
        ordering = ["slug"]

    def __str__(self):
        return localized(self, "acronym").text or localized(self, "name").text

    def get_absolute_url(self):
        return reverse("relations:organization", kwargs={"slug": self.slug})


class Person(models.Model):
    name = models.CharField(_("name"), max_length=200, blank=True)
    office = models.CharField(_("office"), max_length=250, blank=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("country"),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["id"]

    def __str__(self):
        return localized(self, "name").text or f"#{self.pk}"


SOURCE_LANGUAGE = _("language of the source")
SOURCE_LANGUAGE_HELP = _(
    "The language the source is written in; pages in the other languages "
    "mark it as such."
)


def source_language_field(label=SOURCE_LANGUAGE, help_text=SOURCE_LANGUAGE_HELP):
    """The language a single-language text (a source, a note) is written in, so
    pages in the other languages can mark it as a fallback."""
    return models.CharField(
        label, max_length=2, choices=LANGUAGE_CHOICES, default="en", help_text=help_text
    )


def published_q(prefix=""):
    """The rule of `published()` for lookups through a relation (`prefix` "events__"):
    counts and links of published entries use it, so the rule has one home."""
    return Q(**{f"{prefix}is_published": True})


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """Knowledge-base entries readers may see (the editor has published them)."""
        return self.filter(published_q())


class SourceLanguageMixin:
    """`source` is written once, in `source_language`: shown with its language."""

    @property
    def source_text(self):
        """The source, with its language, for `includes/loc.html` (marked when it is
        not the page's language, like any fallback)."""
        return Localized(self.source, self.source_language, current_language())


class Dated(models.Model):
    """An entry dated at a precision (year, month or day), with an optional end."""

    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=Precision.choices, default="day"
    )
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = models.CharField(
        _("end date precision"),
        max_length=5,
        choices=Precision.choices,
        default="day",
    )

    class Meta:
        abstract = True

    @property
    def when(self):
        return PartialDate(self.date, self.date_precision)

    @property
    def until(self):
        return PartialDate(self.end_date, self.end_precision) if self.end_date else None

    def clean(self):
        super().clean()
        # First days are compared, as the database constraint compares the stored
        # dates: an end given as "2007-09" after a start of 2007-09-20 is refused.
        if (
            self.date
            and self.end_date
            and self.until.first_day() < self.when.first_day()
        ):
            raise ValidationError(
                {"end_date": _("The end cannot come before the start.")}
            )


def published_articles():
    return Prefetch(
        "articles",
        # for_listing: the article items show authors, loaded once for all articles.
        queryset=Article.objects.public().for_listing().order_by("-published_at"),
        to_attr="public_articles",
    )


def _names(field):
    return tuple(f"{field}_{code}" for code in LANGUAGE_CODES)


NAME_FIELDS = _names("name")


# What a list row shows of an event (relations.templatetags.relations.event_item).
LISTED_EVENT_FIELDS = (
    "slug",
    "kind",
    "date",
    "date_precision",
    "end_date",
    "end_precision",
    *_names("title"),
)


class EventQuerySet(PublishedQuerySet):
    def for_listing(self):
        """What a list row shows of the event itself, and only that (timeline,
        home, domain and pair pages; `listed()` adds its domains and countries). A
        plain queryset: rewriting lookups and loading every translated column
        (descriptions in three languages) cost more than the query."""
        plain = EventQuerySet(model=Event, query=self.query.chain(), using=self._db)
        return plain.only(*LISTED_EVENT_FIELDS)

    def for_detail(self):
        return self.prefetch_related(
            "domains",
            "countries",
            "organizations",
            "keywords",
            Prefetch("people", queryset=Person.objects.select_related("country")),
            Prefetch("agreements", queryset=Agreement.objects.published()),
            published_articles(),
        )

    def filtered(self, filters):
        """Events matching a TimelineFilter's cleaned values (all combine)."""
        qs = self
        if filters.get("domain"):
            qs = qs.filter(domains=filters["domain"])
        if filters.get("country"):
            qs = qs.filter(countries=filters["country"])
        if filters.get("organization"):
            qs = qs.filter(organizations=filters["organization"])
        if filters.get("kind"):
            qs = qs.filter(kind=filters["kind"])
        if filters.get("year_from"):
            qs = qs.filter(date__year__gte=filters["year_from"])
        if filters.get("year_to"):
            qs = qs.filter(date__year__lte=filters["year_to"])
        return qs.distinct() if len(filters) else qs


class EventKind(models.TextChoices):
    VISIT = "visit", _("state visit")
    SUMMIT = "summit", _("summit")
    NEGOTIATION = "negotiation", _("negotiation")
    INCIDENT = "incident", _("incident")
    SIGNING = "signing", _("agreement signing")
    CULTURAL = "cultural", _("cultural event")
    OTHER = "other", _("other")


class Event(SourceLanguageMixin, Dated):
    Kind = EventKind

    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices)
    countries = models.ManyToManyField(
        Country, blank=True, related_name="events", verbose_name=_("countries")
    )
    domains = models.ManyToManyField(
        Domain, blank=True, related_name="events", verbose_name=_("domains")
    )
    people = models.ManyToManyField(
        Person, blank=True, related_name="events", verbose_name=_("people")
    )
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="events", verbose_name=_("organizations")
    )
    keywords = TaggableManager(
        through=TaggedItem,
        manager=KeywordLinks,
        blank=True,
        verbose_name=_("keywords"),
        related_name="events",
    )
    articles = models.ManyToManyField(
        Article, blank=True, related_name="events", verbose_name=_("articles")
    )
    source = models.TextField(_("source"), blank=True)
    source_language = source_language_field()
    is_published = models.BooleanField(_("published"), default=False)
    # Moved by every save and by linking a domain, country, organization or person
    # (relations/freshness.py): the timeline page's fingerprint reads it.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EventKind.values), name="event_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(source_language__in=LANGUAGE_CODES),
                name="event_source_language_valid",
            ),
            models.CheckConstraint(
                condition=Q(date_precision__in=Precision.values)
                & Q(end_precision__in=Precision.values),
                name="event_precision_valid",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("date")),
                name="event_end_after_start",
            ),
        ]

    def __str__(self):
        return localized(self, "title").text or self.slug

    def save(self, *args, **kwargs):
        if not self.slug:
            title = self.title_en or self.title_ru or self.title_ky or "event"
            self.slug = unique_slug(Event, f"{self.date:%Y} {title}", self.pk, 90)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("relations:event", kwargs={"slug": self.slug})


class AgreementQuerySet(PublishedQuerySet):
    def for_listing(self):
        return self.prefetch_related("countries", "organizations", "domains")

    def for_detail(self):
        return self.prefetch_related(
            "countries",
            "organizations",
            "domains",
            "keywords",
            Prefetch("events", queryset=Event.objects.published()),
            published_articles(),
        )


class AgreementKind(models.TextChoices):
    # A context of their own: "agreement" is also the name of the whole model.
    TREATY = "treaty", pgettext_lazy("agreement kind", "treaty")
    AGREEMENT = "agreement", pgettext_lazy("agreement kind", "agreement")
    PROTOCOL = "protocol", pgettext_lazy("agreement kind", "protocol")
    MEMORANDUM = "memorandum", pgettext_lazy("agreement kind", "memorandum")
    DECLARATION = "declaration", pgettext_lazy("agreement kind", "declaration")
    CHARTER = "charter", pgettext_lazy("agreement kind", "charter")


class AgreementStatus(models.TextChoices):
    SIGNED = "signed", _("signed")
    IN_FORCE = "in_force", _("in force")
    EXPIRED = "expired", _("expired")
    TERMINATED = "terminated", _("terminated")


class Agreement(SourceLanguageMixin, Dated):
    Kind = AgreementKind
    Status = AgreementStatus

    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    title = models.CharField(_("title"), max_length=400, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    place = models.CharField(_("place of signing"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=AgreementKind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="agreements",
        verbose_name=_("parties (countries)"),
    )
    organizations = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="agreements",
        verbose_name=_("parties (organizations)"),
    )
    domains = models.ManyToManyField(
        Domain, blank=True, related_name="agreements", verbose_name=_("domains")
    )
    keywords = TaggableManager(
        through=TaggedItem,
        manager=KeywordLinks,
        blank=True,
        verbose_name=_("keywords"),
        related_name="agreements",
    )
    events = models.ManyToManyField(
        Event, blank=True, related_name="agreements", verbose_name=_("related events")
    )
    articles = models.ManyToManyField(
        Article, blank=True, related_name="agreements", verbose_name=_("articles")
    )
    source = models.TextField(_("source"), blank=True)
    source_language = source_language_field()
    is_published = models.BooleanField(_("published"), default=False)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AgreementStatus.values)
                & Q(kind__in=AgreementKind.values),
                name="agreement_status_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(source_language__in=LANGUAGE_CODES),
                name="agreement_source_language_valid",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("date")),
                name="agreement_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(date_precision__in=Precision.values)
                & Q(end_precision__in=Precision.values),
                name="agreement_precision_valid",
            ),
        ]

    def __str__(self):
        return localized(self, "title").text or self.slug

    def save(self, *args, **kwargs):
        if not self.slug:
            title = self.title_en or self.title_ru or self.title_ky or "agreement"
            self.slug = unique_slug(Agreement, f"{self.date:%Y} {title}", self.pk, 90)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("relations:agreement", kwargs={"slug": self.slug})


class IndicatorQuerySet(PublishedQuerySet):
    def for_detail(self):
        return self.select_related("domain").prefetch_related(
            "countries",
            Prefetch("observations", queryset=Observation.objects.order_by("year")),
        )


class Indicator(models.Model):
    """A yearly series, such as bilateral trade turnover."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=250, blank=True)
    unit = models.CharField(_("unit"), max_length=80, blank=True)
    description = models.TextField(_("description"), blank=True)
    domain = models.ForeignKey(
        Domain,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("domain"),
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="indicators", verbose_name=_("countries")
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["slug"]

    def __str__(self):
        return localized(self, "name").text or self.slug

    def get_absolute_url(self):
        return reverse("relations:indicator", kwargs={"slug": self.slug})


class Observation(SourceLanguageMixin, models.Model):
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1800), MaxValueValidator(2200)]
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=3)
    source = models.CharField(_("source"), max_length=400, blank=True)
    source_url = models.URLField(_("source URL"), blank=True, max_length=500)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source_language = source_language_field(
        _("language of the source and note"),
        _(
            "The language the source and the note are written in; pages in the "
            "other languages mark them as such."
        ),
    )

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="observation_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(source_language__in=LANGUAGE_CODES),
                name="observation_source_language_valid",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.year}"

    @property
    def note_text(self):
        """The note, with its language, for `includes/loc.html`."""
        return Localized(self.note, self.source_language, current_language())


@dataclass(frozen=True)
class Tag:
    """A domain or country as a list row shows it: its slug (a country's: its ISO
    code) and its name in the page language (`str()`, as the model's own)."""

    slug: str
    label: str

    def __str__(self):
        return self.label


def _tags(links, kind, key, order, names):
    """`links` (a link table's rows of the listed events) as values, `kind` naming
    them in the union: event id, kind, slug or code, order, names."""
    return links.values_list(
        "event_id", Value(kind), key, order, *(f"{names}_{c}" for c in LANGUAGE_CODES)
    )


def listed(events):
    """`events` (a `for_listing()` queryset, sliced) as a list, each with the
    `listed_domains` and `listed_countries` a row shows, in their order: one query
    on both link tables for all rows, without a related manager or a model instance
    per domain or country."""
    events = list(events)
    if not events:
        return events
    ids = [event.pk for event in events]
    domains = Event.domains.through.objects.filter(event_id__in=ids)
    countries = Event.countries.through.objects.filter(event_id__in=ids)
    rows = _tags(domains, "domain", "domain__slug", "domain__order", "domain__name")
    rows = rows.union(
        _tags(countries, "country", "country__iso_code", Value(0), "country__name"),
        all=True,
    )
    tags, by_event = {}, {}
    # Domains by (order, slug), countries by ISO code, as their models order them.
    ordered = sorted(rows, key=lambda row: (row[1], row[3], row[2]))
    for event_id, kind, key, _order, *names in ordered:
        if (kind, key) not in tags:
            values = dict(zip(NAME_FIELDS, names, strict=True))
            text = localized(SimpleNamespace(**values), "name")
            tags[kind, key] = Tag(key, text.text or key)
        by_event.setdefault((event_id, kind), []).append(tags[kind, key])
    for event in events:
        event.listed_domains = by_event.get((event.pk, "domain"), [])
        event.listed_countries = by_event.get((event.pk, "country"), [])
    return events


def domain_counts():
    """Domains with `event_count` and `agreement_count` of published entries."""
    return Domain.objects.annotate(
        event_count=Count("events", filter=published_q("events__"), distinct=True),
        agreement_count=Count(
            "agreements", filter=published_q("agreements__"), distinct=True
        ),
    )
