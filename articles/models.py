import uuid
from pathlib import PurePosixPath

from anyascii import anyascii
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, router
from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager, _TaggableManager
from taggit.models import GenericTaggedItemBase, TagBase

from . import extensions
from .addresses import doi_url
from .cleaning import validate_image, validate_pdf
from .languages import (
    LANGUAGE_CHOICES,
    LANGUAGE_CODES,
    Localized,
    current_language,
    localized,
    value_in,
)
from .paths import slug_path
from .transliteration import latin_name

ISSN_VALIDATOR = RegexValidator(
    r"^\d{4}-\d{3}[\dX]$", _("Enter an ISSN like 1694-5344.")
)
ORCID_VALIDATOR = RegexValidator(
    r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", _("Enter an ORCID iD like 0000-0002-1825-0097.")
)
# Crossref's recommended pattern (the DOI Handbook's syntax, without the characters
# that need escaping wherever a DOI is written: spaces, quotes, <, >, #, ?, %).
DOI_VALIDATOR = RegexValidator(
    r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9]+$", _("Enter a DOI like 10.1234/abc.5.")
)


def ascii_slug(text, max_length=80):
    """A readable ASCII slug for text in any of our scripts (Cyrillic included)."""
    return slugify(anyascii(text or ""))[:max_length].strip("-")


LANGUAGE_LIST_VALIDATOR = RegexValidator(
    r"^(ky|ru|en)(,(ky|ru|en))*$",
    _("Use language codes separated by commas: ky,ru,en."),
)


def unique_slug(model, text, pk=None, max_length=80):
    """An ASCII slug of `text` not yet used by another row of `model` (-2, -3, …)."""
    base = ascii_slug(text, max_length) or model._meta.model_name
    taken = set(
        model.objects.filter(slug__startswith=base)
        .exclude(pk=pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def random_name(folder, filename):
    """Uploads are stored under random names; only the extension is kept."""
    ext = PurePosixPath(filename).suffix.lower()[:10]
    return f"{folder}/{uuid.uuid4().hex}{ext}"


def galley_upload_to(instance, filename):
    # Validated as a PDF by content, so stored as one whatever the name said.
    return random_name("galleys", "galley.pdf")


def cover_upload_to(instance, filename):
    return random_name("covers", filename)


def branding_upload_to(instance, filename):
    return random_name("journal", filename)


class Journal(models.Model):
    name = models.CharField(_("name"), max_length=255)
    abbreviation = models.CharField(_("abbreviation"), max_length=50, blank=True)
    description = models.TextField(_("description"), blank=True)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    issn_print = models.CharField(
        _("ISSN (print)"), max_length=9, blank=True, validators=[ISSN_VALIDATOR]
    )
    issn_online = models.CharField(
        _("ISSN (online)"), max_length=9, blank=True, validators=[ISSN_VALIDATOR]
    )
    logo = models.ImageField(
        _("logo"),
        upload_to=branding_upload_to,
        blank=True,
        validators=[validate_image],
        help_text=_(
            "PNG, JPEG or WebP, shown in the header about 48 pixels high. Empty: the "
            "site's own logo."
        ),
    )
    favicon = models.ImageField(
        _("favicon"),
        upload_to=branding_upload_to,
        blank=True,
        validators=[validate_image],
        help_text=_(
            "A square PNG of at least 48×48 pixels, shown in browser tabs. Empty: the "
            "site's own icon."
        ),
    )
    license_name = models.CharField(_("licence"), max_length=100, blank=True)
    license_url = models.URLField(_("licence URL"), blank=True)
    required_languages = models.CharField(
        _("required languages"),
        max_length=20,
        default="ky,ru,en",
        validators=[LANGUAGE_LIST_VALIDATOR],
        help_text=_(
            "Languages in which every article needs a title and an abstract before its "
            "issue can be published, comma-separated: ky,ru,en."
        ),
    )

    class Meta:
        verbose_name = _("journal")
        verbose_name_plural = _("journals")

    def __str__(self):
        return localized(self, "name").text or f"#{self.pk}"

    def required_language_codes(self):
        codes = [c for c in self.required_languages.split(",") if c in LANGUAGE_CODES]
        return codes or list(LANGUAGE_CODES)


class IssueQuerySet(models.QuerySet):
    def public(self):
        """Issues readers may see: published, with a publication time already passed."""
        return self.filter(published_at__lte=timezone.now())

    def next_publication_time(self):
        """When the next scheduled issue becomes public (None: none scheduled).

        Page caches go stale at that time by themselves (pagecache.cache).
        """
        later = self.filter(published_at__gt=timezone.now())
        return later.aggregate(at=Min("published_at"))["at"]

    def with_public_article_counts(self):
        """Adds `article_count`: public articles per issue (archive page)."""
        public_ids = Article.objects.public().values("pk")
        return self.annotate(
            article_count=Count("articles", filter=Q(articles__in=public_ids))
        )


class Issue(models.Model):
    journal = models.ForeignKey(
        Journal,
        on_delete=models.PROTECT,
        related_name="issues",
        verbose_name=_("journal"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    volume = models.PositiveSmallIntegerField(_("volume"), null=True, blank=True)
    number = models.CharField(
        _("number"), max_length=20, help_text=_("As printed, for example 4/1.")
    )
    slug = models.SlugField(_("slug"), max_length=60, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    cover = models.ImageField(
        _("cover"),
        upload_to=cover_upload_to,
        blank=True,
        validators=[validate_image],
        help_text=_("JPEG, PNG or WebP."),
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("Empty while the issue is planned; a future time schedules it."),
    )
    number_sort = models.PositiveIntegerField(default=0, editable=False)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-year", "-number_sort", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["journal", "year", "number"], name="issue_unique_number"
            ),
        ]

    def __str__(self):
        return self.label()

    def save(self, *args, **kwargs):
        self.number = self.number.strip()
        self.slug = ascii_slug(f"{self.year}-{self.number.replace('/', '-')}", 60)
        digits = "".join(ch for ch in self.number.split("/")[0] if ch.isdigit())
        self.number_sort = int(digits[:6]) if digits else 0
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_path("articles:issue", self.slug)

    def label(self, lang=None):
        """The issue as printed: "2024, № 4/1" (ky, ru), "2024, No. 4/1" (en)."""
        lang = lang or current_language()
        sign = "No." if lang == "en" else "№"
        return f"{self.year}, {sign} {self.number}"

    @property
    def is_public(self):
        return self.published_at is not None and self.published_at <= timezone.now()


class Section(models.Model):
    name = models.CharField(_("name"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "id"]

    def __str__(self):
        return localized(self, "name").text or f"#{self.pk}"


def tagged_on(objects, path=""):
    """Q on tagged items (reached through `path`): the item tags one of `objects`,
    a QuerySet of any tagged model."""
    meta = objects.model._meta
    return Q(
        **{
            f"{path}content_type__app_label": meta.app_label,
            f"{path}content_type__model": meta.model_name,
            f"{path}object_id__in": objects.values("pk"),
        }
    )


class KeywordQuerySet(models.QuerySet):
    def used_by(self, objects):
        """Keywords tagged on any of `objects` (a QuerySet of any tagged model)."""
        return self.filter(
            Exists(TaggedItem.objects.filter(tagged_on(objects), tag=OuterRef("pk")))
        )

    def public(self):
        """Keywords readers may see (their page, sitemap and feed): used by a public
        article, or by public content another app registers in
        `articles.extensions.public_tagged_content` (the knowledge base's entries)."""
        sources = [Article.objects.public()]
        sources += [source() for source in extensions.public_tagged_content]
        used = Q()
        for objects in sources:
            used |= Q(
                Exists(
                    TaggedItem.objects.filter(tagged_on(objects), tag=OuterRef("pk"))
                )
            )
        return self.filter(used)

    def with_public_article_counts(self):
        """Keywords used by public articles, with `article_count` (index, home page)."""
        counted = tagged_on(Article.objects.public(), path="tagged_items__")
        return self.annotate(
            article_count=Count("tagged_items", filter=counted)
        ).filter(article_count__gt=0)

    def with_usage_counts(self):
        """Adds `usage_count`: items of any kind tagged with the keyword (admin)."""
        return self.annotate(usage_count=Count("tagged_items"))

    def order_by_label(self, lang=None):
        lang = lang or current_language()
        chain = [f"name_{code}" for code in LANGUAGE_CODES if code != lang]
        return self.order_by(Coalesce(f"name_{lang}", *chain))


class Keyword(TagBase):
    """One concept with up to three labels; the base `name` column is never queried."""

    name = models.CharField(_("name"), max_length=100, blank=True)

    objects = KeywordQuerySet.as_manager()

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        constraints = [
            models.UniqueConstraint(
                fields=[f"name_{code}"],
                condition=Q(**{f"name_{code}__gt": ""}),
                name=f"keyword_unique_name_{code}",
            )
            for code in LANGUAGE_CODES
        ]

    def __str__(self):
        return localized(self, "name").text or self.slug

    def get_absolute_url(self):
        return slug_path("articles:keyword", self.slug)

    def all_labels(self):
        """ "чек ара / граница / border": the labels in ky, ru, en, "—" where missing.

        What editors pick a keyword by, whatever their admin's language.
        """
        return " / ".join(
            value_in(self, "name", code) or "—" for code in LANGUAGE_CODES
        )

    def slugify(self, tag, i=None):
        base = (
            ascii_slug(self.name_en or self.name_ru or self.name_ky or tag, 90)
            or "keyword"
        )
        return f"{base}-{i}" if i is not None else base

    def clean(self):
        labels = {code: value_in(self, "name", code).strip() for code in LANGUAGE_CODES}
        if not any(labels.values()):
            raise ValidationError(
                _("Give the keyword a name in at least one language.")
            )
        for code, label in labels.items():
            setattr(self, f"name_{code}", label or None)
            if label and self._label_taken(code, label):
                raise ValidationError(
                    {f"name_{code}": _("A keyword with this name already exists.")}
                )

    def _label_taken(self, code, label):
        # iexact folds Cyrillic case on PostgreSQL; on SQLite it folds ASCII only.
        return (
            Keyword.objects.exclude(pk=self.pk)
            .filter(**{f"name_{code}__iexact": label})
            .exists()
        )


class TaggedItem(GenericTaggedItemBase):
    """The one through model: articles, events and agreements share the vocabulary."""

    tag = models.ForeignKey(
        Keyword,
        on_delete=models.CASCADE,
        related_name="tagged_items",
        verbose_name=_("keyword"),
    )

    class Meta:
        verbose_name = _("keyword use")
        verbose_name_plural = _("keyword uses")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "tag"], name="tagged_item_unique"
            ),
        ]


class KeywordLinks(_TaggableManager):
    """`obj.keywords`: keywords matched by identity, whatever the active language.

    taggit matches the keywords to unlink by `name`, which modeltranslation answers
    in the active language while a query reads the base column: `remove(keyword)`
    unlinked nothing in Russian or English, and `set()` unlinked and linked again
    every keyword it kept (signals, `updated_at` moves and all). Here a keyword given
    as an object is matched by its id. A keyword given as a name is taggit's
    business, as before.
    """

    def remove(self, *tags):
        tag_model = self.through.tag_model()
        names = [tag for tag in tags if not isinstance(tag, tag_model)]
        if names:
            super().remove(*names)
        ids = {tag.pk for tag in tags if isinstance(tag, tag_model)}
        if ids:
            self._unlink(ids & self._linked_ids())

    def set(self, tags, *, through_defaults=None, **kwargs):
        if kwargs.get("clear"):
            return super().set(tags, through_defaults=through_defaults, **kwargs)
        tag_kwargs = kwargs.pop("tag_kwargs", {})
        wanted = self._to_tag_model_instances(tags, tag_kwargs)
        linked = self._linked_ids()
        self._unlink(linked - {tag.pk for tag in wanted})
        new = [tag for tag in wanted if tag.pk not in linked]
        if new:
            self.add(*new, through_defaults=through_defaults, **kwargs)
        return None

    def _links(self):
        db = router.db_for_write(self.through, instance=self.instance)
        return self.through._default_manager.using(db).filter(**self._lookup_kwargs())

    def _linked_ids(self):
        return set(self._links().values_list("tag_id", flat=True))

    def _unlink(self, ids):
        """Unlink the linked keywords `ids`, with the signals taggit's `remove()`
        sends; nothing, and no signal, when there are none."""
        if not ids:
            return
        self._remove_prefetched_objects()
        links = self._links()
        common = {
            "sender": self.through,
            "instance": self.instance,
            "reverse": False,
            "model": self.through.tag_model(),
            "pk_set": ids,
            "using": links.db,
        }
        models.signals.m2m_changed.send(action="pre_remove", **common)
        links.filter(tag_id__in=ids).delete()
        models.signals.m2m_changed.send(action="post_remove", **common)


def public_since(prefix=""):
    """When a public article became visible: its own time or its issue's, if later.

    An expression for `annotate()`/`aggregate()`; `prefix` reaches it through a
    relation. Feeds order by it, sitemaps date pages by it.
    """
    return Greatest(f"{prefix}published_at", f"{prefix}issue__published_at")


class ArticleQuerySet(models.QuerySet):
    def public(self, now=None):
        """THE visibility rule, used by every public channel.

        Public means: status published, publication time passed, and the issue itself
        published with its time passed. Scheduling needs no job: the query decides.
        `now`: the time to decide at (by default the present).
        """
        now = now or timezone.now()
        return self.filter(
            status=ArticleStatus.PUBLISHED,
            published_at__lte=now,
            issue__published_at__lte=now,
        )

    def next_publication_time(self):
        """When the next published article with a future time becomes public (None:
        none). Page caches go stale at that time by themselves (pagecache.cache)."""
        later = self.filter(
            status=ArticleStatus.PUBLISHED, published_at__gt=timezone.now()
        )
        return later.aggregate(at=Min("published_at"))["at"]

    def tombstones(self):
        """Withdrawn articles that were public: their page stays, with the reason."""
        now = timezone.now()
        return self.filter(
            status=ArticleStatus.WITHDRAWN,
            published_at__lte=now,
            issue__published_at__lte=now,
        )

    def for_listing(self):
        """What a table of contents row shows: issue, section and ordered authors."""
        return self.select_related("issue", "section").prefetch_related(
            Prefetch(
                "authorships",
                queryset=Authorship.objects.select_related("contributor").order_by(
                    "order"
                ),
            )
        )

    def for_detail(self):
        """Everything the article page shows, in a fixed number of queries."""
        return (
            self.for_listing()
            .select_related("issue__journal")
            .prefetch_related("sections", "references", "keywords", "galleys")
        )

    def in_issue(self, issue):
        return self.filter(issue=issue).order_by("section__order", "first_page", "id")

    def with_completeness(self):
        """Per-language flags for the admin: has keywords / has body in ky, ru, en."""
        annotations = {}
        for code in LANGUAGE_CODES:
            annotations[f"has_keywords_{code}"] = Exists(
                TaggedItem.objects.filter(
                    content_type__app_label="articles",
                    content_type__model="article",
                    object_id=OuterRef("pk"),
                    **{f"tag__name_{code}__gt": ""},
                )
            )
            annotations[f"has_body_{code}"] = Exists(
                ArticleSection.objects.filter(
                    article=OuterRef("pk"), **{f"text_{code}__gt": ""}
                )
            )
        return self.annotate(**annotations)


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("article status", "Draft")
    IN_REVIEW = "in_review", pgettext_lazy("article status", "In review")
    REVISIONS_REQUESTED = (
        "revisions_requested",
        pgettext_lazy("article status", "Revisions requested"),
    )
    ACCEPTED = "accepted", pgettext_lazy("article status", "Accepted")
    PUBLISHED = "published", pgettext_lazy("article status", "Published")
    WITHDRAWN = "withdrawn", pgettext_lazy("article status", "Withdrawn")


class Article(models.Model):
    Status = ArticleStatus

    issue = models.ForeignKey(
        Issue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("issue"),
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("section"),
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    subtitle = models.CharField(_("subtitle"), max_length=500, blank=True)
    abstract = models.TextField(_("abstract"), blank=True)
    original_language = models.CharField(
        _("language of record"), max_length=2, choices=LANGUAGE_CHOICES, default="ky"
    )
    keywords = TaggableManager(
        through=TaggedItem,
        manager=KeywordLinks,
        blank=True,
        verbose_name=_("keywords"),
        related_name="articles",
    )
    first_page = models.PositiveIntegerField(_("first page"), null=True, blank=True)
    last_page = models.PositiveIntegerField(_("last page"), null=True, blank=True)
    doi = models.CharField(
        _("DOI"), max_length=200, blank=True, validators=[DOI_VALIDATOR]
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=ArticleStatus.choices,
        default=ArticleStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    received_on = models.DateField(_("received"), null=True, blank=True)
    accepted_on = models.DateField(_("accepted"), null=True, blank=True)
    license_url = models.URLField(_("licence URL"), blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_articles",
        verbose_name=_("created by"),
    )
    tagged_items = GenericRelation(TaggedItem, related_query_name="article")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(last_page__isnull=True)
                | Q(first_page__isnull=True)
                | Q(last_page__gte=models.F("first_page")),
                name="article_pages_ordered",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            # A list's fingerprint (articles.kept_pages.rows_version: count, latest
            # change and ids of an issue's public articles) from the index alone.
            models.Index(
                fields=["issue", "status", "published_at", "updated_at", "id"],
                name="article_issue_version_idx",
            ),
        ]

    def __str__(self):
        return localized(self, "title").text or f"#{self.pk}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_path("articles:article", self.slug)

    @property
    def doi_url(self):
        return doi_url(self.doi)

    def clean(self):
        if not any(value_in(self, "title", c).strip() for c in LANGUAGE_CODES):
            raise ValidationError(
                _("Give the article a title in at least one language.")
            )
        if self.first_page and self.last_page and self.last_page < self.first_page:
            raise ValidationError(
                {"last_page": _("The last page cannot come before the first page.")}
            )

    def _unique_slug(self):
        source = value_in(self, "title", self.original_language)
        source = source or self.title_en or self.title_ru or self.title_ky or "article"
        return unique_slug(Article, source, self.pk)

    @property
    def pages(self):
        if self.first_page and self.last_page and self.last_page != self.first_page:
            return f"{self.first_page}–{self.last_page}"
        return str(self.first_page or "")

    @property
    def is_public(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and self.issue is not None
            and self.issue.is_public
        )

    @property
    def public_from(self):
        """When this article becomes (or became) public under `public()`, or None
        while its status or a missing time keeps it hidden (the search index)."""
        issue = self.issue
        if (
            self.status != self.Status.PUBLISHED
            or self.published_at is None
            or issue is None
            or issue.published_at is None
        ):
            return None
        return max(self.published_at, issue.published_at)

    def authors(self):
        """Contributors in byline order; uses prefetched authorships when present."""
        return [a.contributor for a in self.authorships.all()]

    def body_languages(self):
        """Languages in which the body (any section text) exists, in site order."""
        sections = list(self.sections.all())
        return [
            c for c in LANGUAGE_CODES if any(value_in(s, "text", c) for s in sections)
        ]


class Galley(models.Model):
    """A full-text file (PDF) of the article in one language."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="galleys",
        verbose_name=_("article"),
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    file = models.FileField(
        _("file"), upload_to=galley_upload_to, validators=[validate_pdf]
    )
    original_name = models.CharField(
        _("original file name"), max_length=255, blank=True
    )

    class Meta:
        verbose_name = _("PDF galley")
        verbose_name_plural = _("PDF galleys")
        ordering = ["article", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="galley_one_per_lang"
            )
        ]

    def __str__(self):
        return self.original_name or self.file.name

    def save(self, *args, **kwargs):
        if self.file and not self.original_name:
            self.original_name = PurePosixPath(self.file.name).name[:255]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_path("articles:galley", self.article.slug, language=self.language)


class ArticleSection(models.Model):
    """One part of the body; a language's text may be empty (body in one language)."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("article"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("body section")
        verbose_name_plural = _("body sections")
        ordering = ["order", "id"]

    def __str__(self):
        return localized(self, "heading").text or _("Section %(n)s") % {"n": self.order}


# Names fall back to the same script first (see Contributor.last_name_in).
NAME_FALLBACK = {
    "ky": ("ky", "ru", "en"),
    "ru": ("ru", "ky", "en"),
    "en": ("en", "ru", "ky"),
}


class Contributor(models.Model):
    """An author; names in Cyrillic (ky, ru) and Latin (en) script. The Latin name,
    when not entered, is transliterated on save (articles.transliteration)."""

    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    orcid = models.CharField(
        _("ORCID iD"), max_length=19, blank=True, validators=[ORCID_VALIDATOR]
    )
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        ordering = ["last_name_en", "first_name_en", "id"]

    def __str__(self):
        return self.full_name().text or f"#{self.pk}"

    def save(self, *args, **kwargs):
        # The Latin spelling (the English fields) when none was entered: derived from
        # the Cyrillic one of the same row, and editable afterwards.
        for field, text in latin_name(self).items():
            setattr(self, field, text)
        super().save(*args, **kwargs)

    def full_name(self, lang=None):
        """The name in the requested language's script, with fallback.

        "Last First Patronymic" in Kyrgyz and Russian, "First Last" in English.
        """
        last = self.last_name_in(lang)
        first = value_in(self, "first_name", last.lang)
        patronymic = value_in(self, "patronymic", last.lang)
        parts = (
            [first, last.text] if last.lang == "en" else [last.text, first, patronymic]
        )
        return type(last)(" ".join(p for p in parts if p), last.lang, last.requested)

    def last_name_in(self, lang=None):
        """The last name for a text in `lang`, falling back within the script first:
        a Russian text names a Kyrgyz-only author in Cyrillic, not in Latin."""
        lang = lang or current_language()
        for code in NAME_FALLBACK.get(lang, LANGUAGE_CODES):
            if text := value_in(self, "last_name", code).strip():
                return Localized(text, code, lang)
        return Localized("", lang, lang)

    def clean(self):
        if not any(value_in(self, "last_name", c).strip() for c in LANGUAGE_CODES):
            raise ValidationError(
                _("Give the contributor a last name in at least one language.")
            )


class Authorship(models.Model):
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="authorships",
        verbose_name=_("article"),
    )
    contributor = models.ForeignKey(
        Contributor,
        on_delete=models.PROTECT,
        related_name="authorships",
        verbose_name=_("contributor"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    corresponding = models.BooleanField(_("corresponding author"), default=False)

    class Meta:
        verbose_name = _("authorship")
        verbose_name_plural = _("authors")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "contributor"], name="authorship_unique_author"
            )
        ]

    def __str__(self):
        return str(self.contributor)


class Reference(models.Model):
    """An entry of the reference list; in-text `[n]` points to the n-th entry."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="references",
        verbose_name=_("article"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("reference"))
    doi = models.CharField(
        _("DOI"), max_length=200, blank=True, validators=[DOI_VALIDATOR]
    )
    url = models.URLField(_("URL"), blank=True, max_length=500)

    class Meta:
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        ordering = ["order", "id"]

    def __str__(self):
        return self.text[:80]

    @property
    def doi_url(self):
        return doi_url(self.doi)


class StatusChange(models.Model):
    """One row per workflow transition: who moved which article from what to what."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("article"),
    )
    from_status = models.CharField(
        _("from"), max_length=24, choices=ArticleStatus.choices
    )
    to_status = models.CharField(_("to"), max_length=24, choices=ArticleStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.article_id}: {self.from_status} → {self.to_status}"
