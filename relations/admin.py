from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import NotRegistered, translator

from articles import extensions, freshness
from articles.admin import KeywordChoiceField, TabbedAdmin
from articles.models import Article, Keyword
from articles.roles import may, translator_only
from articles.signals import content_changed

from .dates import parse_partial_date
from .models import (
    Agreement,
    Country,
    Domain,
    Event,
    Indicator,
    Observation,
    Organization,
    Person,
)

DATE_COLUMNS = ["date", "date_precision", "end_date", "end_precision"]
DATE_HELP = _(
    "A year, a month or a day, as the source gives it: 2007, 2007-09, 2009-04-28."
)


class DatedForm(forms.ModelForm):
    """Dates typed naturally at their precision, instead of a date and a precision."""

    when = forms.CharField(label=capfirst(_("date")), help_text=DATE_HELP)
    until = forms.CharField(
        label=capfirst(_("end date")), help_text=DATE_HELP, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The admin leaves the date fields out for those who may not change them.
        if self.instance.pk and "when" in self.fields:
            self.fields["when"].initial = self.instance.when.iso()
            if self.instance.until:
                self.fields["until"].initial = self.instance.until.iso()

    @staticmethod
    def _parse(text):
        try:
            return parse_partial_date(text)
        except ValueError:
            raise forms.ValidationError(
                _("Enter a year, a month or a day: 2007, 2007-09 or 2009-04-28."),
                code="partial_date",
            ) from None

    def clean_when(self):
        return self._parse(self.cleaned_data["when"])

    def clean_until(self):
        text = self.cleaned_data.get("until")
        return self._parse(text) if text else None

    def clean(self):
        cleaned = super().clean()
        if "when" not in cleaned or "until" not in cleaned:
            # A date did not parse; the instance keeps its dates, which still agree
            # with each other, so the model's own check raises nothing unshowable.
            return cleaned
        when, until = cleaned["when"], cleaned["until"]
        # First days are compared, as the database constraint compares stored dates.
        if until and until.first_day() < when.first_day():
            self.add_error("until", _("The end cannot come before the start."))
            return cleaned
        self.instance.date, self.instance.date_precision = when.value, when.precision
        self.instance.end_date = until.value if until else None
        self.instance.end_precision = until.precision if until else "day"
        return cleaned


def keyword_field(model, admin_site):
    return KeywordChoiceField(
        queryset=Keyword.objects.all(),
        required=False,
        label=capfirst(_("keywords")),
        widget=AutocompleteSelectMultiple(
            model._meta.get_field("keywords"), admin_site
        ),
    )


def touch_articles_of(queryset):
    """Entries linked to articles appear on their pages: those pages change too."""
    if hasattr(queryset.model, "articles"):
        freshness.touch(Article.objects.filter(pk__in=queryset.values("articles")))


def translated_names(model):
    """The translated fields of `model`, by base name and per-language column."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    names = set()
    for base, columns in options.all_fields.items():
        names.add(base)
        names.update(column.name for column in columns)
    return names


class EntryPolicy:
    """Who may change what in the knowledge base (the role table, articles/roles.py).

    Translators change the translated texts of any entry and nothing else; editors
    create entries and edit them until they are published, without publishing;
    managing editors and site administrators do everything, publishing included.
    """

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or not getattr(obj, "is_published", False):
            return True
        return may(request.user, "publish_knowledge_base") or translator_only(
            request.user
        )

    def has_publish_permission(self, request):
        return may(request.user, "publish_knowledge_base")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if translator_only(request.user):
            model = self.model
            names = {f.name for f in model._meta.get_fields() if f.concrete}
            names -= translated_names(model) | {"id"}
            if issubclass(self.form, DatedForm):
                names = (names - set(DATE_COLUMNS)) | {"when", "until"}
            readonly += sorted(names - set(readonly))
        elif not may(request.user, "publish_knowledge_base"):
            readonly += [n for n in ("is_published",) if self._has_field(n)]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        if translator_only(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def _has_field(self, name):
        return any(f.name == name for f in self.model._meta.get_fields())


class PublishActions(EntryPolicy):
    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish selected entries"), permissions=["publish"])
    def publish(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        count = queryset.update(is_published=True)
        touch_articles_of(queryset)
        content_changed.send(sender=queryset.model, pks=pks)
        self.message_user(
            request,
            ngettext("%d entry published.", "%d entries published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected entries"), permissions=["publish"])
    def unpublish(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        count = queryset.update(is_published=False)
        touch_articles_of(queryset)
        content_changed.send(sender=queryset.model, pks=pks)
        self.message_user(
            request,
            ngettext("%d entry unpublished.", "%d entries unpublished.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Country)
class CountryAdmin(EntryPolicy, TranslationAdmin):
    list_display = ["iso_code", "name_ky", "name_ru", "name_en"]
    search_fields = ["iso_code", "name_ky", "name_ru", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Domain)
class DomainAdmin(EntryPolicy, TabbedAdmin):
    list_display = ["__str__", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["slug", "name_ky", "name_ru", "name_en"]


@admin.register(Organization)
class OrganizationAdmin(EntryPolicy, TabbedAdmin):
    list_display = ["__str__", "slug"]
    search_fields = [
        "slug",
        "acronym_ky",
        "acronym_ru",
        "acronym_en",
        "name_en",
        "name_ru",
    ]
    filter_horizontal = ["members"]


@admin.register(Person)
class PersonAdmin(EntryPolicy, TabbedAdmin):
    list_display = ["__str__", "country"]
    list_select_related = ["country"]
    search_fields = ["name_ky", "name_ru", "name_en"]
    autocomplete_fields = ["country"]


class EventForm(DatedForm):
    class Meta:
        model = Event
        exclude = DATE_COLUMNS  # noqa: DJ006 - replaced by the `when`/`until` fields


class AgreementForm(DatedForm):
    class Meta:
        model = Agreement
        exclude = DATE_COLUMNS  # noqa: DJ006 - replaced by the `when`/`until` fields


class DatesShown:
    """The dates as read-only text, for those who may not change them (translators)."""

    @admin.display(description=_("date"))
    def when(self, obj):
        return obj.when

    @admin.display(description=_("end date"))
    def until(self, obj):
        return obj.until or "—"


class KeywordsAutocomplete:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "keywords":
            return keyword_field(self.model, self.admin_site)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Event)
class EventAdmin(PublishActions, DatesShown, KeywordsAutocomplete, TabbedAdmin):
    form = EventForm
    list_display = ["__str__", "when_display", "kind", "is_published"]
    list_filter = ["is_published", "kind", "domains", "countries", "date_precision"]
    search_fields = ["title_ky", "title_ru", "title_en", "slug"]
    autocomplete_fields = [
        "countries",
        "domains",
        "people",
        "organizations",
        "articles",
    ]
    readonly_fields = ["slug"]
    fieldsets = [
        (None, {"fields": ["title", "when", "until", "kind", "place", "description"]}),
        (
            _("Links"),
            {
                "fields": [
                    "countries",
                    "domains",
                    "people",
                    "organizations",
                    "keywords",
                    "articles",
                ]
            },
        ),
        (
            _("Publication"),
            {"fields": ["is_published", "source", "source_language", "slug"]},
        ),
    ]

    @admin.display(description=_("date"), ordering="date")
    def when_display(self, obj):
        return obj.when


@admin.register(Agreement)
class AgreementAdmin(PublishActions, DatesShown, KeywordsAutocomplete, TabbedAdmin):
    form = AgreementForm
    list_display = ["__str__", "when_display", "kind", "status", "is_published"]
    list_filter = ["is_published", "status", "kind", "domains", "countries"]
    search_fields = ["title_ky", "title_ru", "title_en", "slug"]
    autocomplete_fields = [
        "countries",
        "organizations",
        "domains",
        "events",
        "articles",
    ]
    readonly_fields = ["slug"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "kind",
                    "status",
                    "when",
                    "until",
                    "place",
                    "summary",
                ]
            },
        ),
        (
            _("Links"),
            {
                "fields": [
                    "countries",
                    "organizations",
                    "domains",
                    "keywords",
                    "events",
                    "articles",
                ]
            },
        ),
        (
            _("Publication"),
            {"fields": ["is_published", "source", "source_language", "slug"]},
        ),
    ]

    @admin.display(description=_("signed"), ordering="date")
    def when_display(self, obj):
        return obj.when


class ObservationInline(admin.TabularInline):
    model = Observation
    extra = 1
    fields = ["year", "value", "source", "source_url", "note", "source_language"]


@admin.register(Indicator)
class IndicatorAdmin(PublishActions, TabbedAdmin):
    list_display = ["__str__", "domain", "is_published"]
    list_select_related = ["domain"]
    search_fields = ["slug", "name_ky", "name_ru", "name_en"]
    filter_horizontal = ["countries"]
    inlines = [ObservationInline]

    class Media:
        css = {"all": ["relations/indicator_form.css"]}


class ArticleLinkInline(admin.TabularInline):
    """Links from an article to knowledge-base entries: part of editing the article,
    not of translating it."""

    extra = 0

    def has_add_permission(self, request, obj=None):
        return not translator_only(request.user) and super().has_add_permission(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return not translator_only(request.user) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return not translator_only(request.user) and super().has_delete_permission(
            request, obj
        )


class ArticleEventInline(ArticleLinkInline):
    """The article form shows (and edits) the events that discuss the article."""

    model = Event.articles.through
    extra = 0
    autocomplete_fields = ["event"]
    verbose_name = _("event")
    verbose_name_plural = _("events discussed")


class ArticleAgreementInline(ArticleLinkInline):
    model = Agreement.articles.through
    extra = 0
    autocomplete_fields = ["agreement"]
    verbose_name = _("agreement")
    verbose_name_plural = _("agreements discussed")


# The article form shows the entries that discuss the article (articles/admin.py).
for inline in (ArticleEventInline, ArticleAgreementInline):
    if inline not in extensions.article_admin_inlines:
        extensions.article_admin_inlines.append(inline)
