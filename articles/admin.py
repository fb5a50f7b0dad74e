from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TabbedDjangoJqueryTranslationAdmin,
    TranslationAdmin,
    TranslationStackedInline,
)
from reversion.admin import VersionAdmin
from taggit.models import Tag

# Revisions are registered before any VersionAdmin is built: VersionAdmin registers an
# unregistered model itself, following its inlines (the workflow log among them).
from . import admin_users, extensions, revisions  # noqa: F401
from .admin_workflow import (
    ArticleWorkflowMixin,
    IssueWorkflowMixin,
    can_edit_article,
)
from .extensions import add_actions
from .languages import LANGUAGE_CHOICES, LANGUAGE_CODES, current_language, value_in
from .models import (
    Article,
    ArticleSection,
    Authorship,
    Contributor,
    Galley,
    Issue,
    Journal,
    Keyword,
    Reference,
    Section,
    StatusChange,
)
from .roles import may, translator_only
from .services import best_merge_target, merge_keywords, merged_labels
from .sorting import alphabet_rank

COMPLETENESS_PARTS = [
    ("title", _("title")),
    ("abstract", _("abstract")),
    ("keywords", _("keywords")),
    ("body", _("body")),
]


admin.site.site_header = _("Journal administration")
admin.site.site_title = _("Journal administration")
admin.site.index_title = _("Editorial office")

# Keywords are the translated `Keyword` model; taggit's own Tag model stays unused.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


class TabbedAdmin(TabbedDjangoJqueryTranslationAdmin):
    """Translated fields as ky / ru / en tabs; jQuery UI comes from our static files."""


@admin.register(Journal)
class JournalAdmin(TabbedAdmin):
    list_display = ["__str__", "issn_print", "issn_online"]


@admin.register(Section)
class SectionAdmin(TabbedAdmin):
    list_display = ["__str__", "order"]
    list_editable = ["order"]
    search_fields = ["name_ky", "name_ru", "name_en"]


@admin.register(Issue)
class IssueAdmin(IssueWorkflowMixin, VersionAdmin, TabbedAdmin):
    list_display = [
        "__str__",
        "journal",
        "year",
        "number",
        "publication_state",
        "published_at",
        "article_total",
    ]
    list_filter = ["year", "journal"]
    list_select_related = ["journal"]
    search_fields = ["number", "title_ky", "title_ru", "title_en", "year"]
    ordering = ["-year", "-number_sort"]
    date_hierarchy = "published_at"
    readonly_fields = ["published_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    def get_actions(self, request):
        actions = super().get_actions(request)
        return add_actions(actions, self, request, extensions.issue_admin_actions)

    @admin.display(description=_("state"))
    def publication_state(self, obj):
        if obj.published_at is None:
            return _("planned")
        return _("published") if obj.is_public else _("scheduled")

    @admin.display(description=_("articles"), ordering="article_total")
    def article_total(self, obj):
        return obj.article_total


@admin.register(Contributor)
class ContributorAdmin(TabbedAdmin):
    list_display = ["__str__", "orcid", "email"]
    search_fields = [
        f"{field}_{code}"
        for field in ("last_name", "first_name")
        for code in LANGUAGE_CODES
    ] + ["orcid", "email"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("last_name_en", "first_name_en"):
            field.help_text = _(
                "The name in Latin script, as the author writes it. Left empty, it "
                "is transliterated from the Russian (or else Kyrgyz) name by "
                "BGN/PCGN when saved; correct it if the author spells it otherwise."
            )
        return field


class KeywordChoiceField(forms.ModelMultipleChoiceField):
    """Keywords chosen by all three labels, as the autocomplete lists them."""

    def label_from_instance(self, obj):
        return obj.all_labels()


class KeywordAutocompleteView(AutocompleteJsonView):
    """The admin's autocomplete, listing a keyword with its ky / ru / en labels."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        if isinstance(obj, Keyword):
            result["text"] = obj.all_labels()
        return result


admin.site.autocomplete_view = lambda request: KeywordAutocompleteView.as_view(
    admin_site=admin.site
)(request)


class KeywordMergeForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Keyword.objects.none(),
        widget=forms.RadioSelect,
        label=_("Keep this keyword"),
        empty_label=None,
    )

    def __init__(self, *args, keywords, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = keywords


@admin.register(Keyword)
class KeywordAdmin(TranslationAdmin):
    list_display = ["name_ky", "name_ru", "name_en", "slug", "usage_count"]
    list_display_links = ["name_ky", "name_ru", "name_en"]
    search_fields = ["name_ky", "name_ru", "name_en", "slug"]
    readonly_fields = ["slug"]
    fields = ["name", "slug"]
    actions = ["merge_selected"]
    ordering = ["name_ky", "name_ru", "name_en"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).with_usage_counts()
        if self._is_list(request):
            lang = current_language()
            chain = [lang, *(code for code in LANGUAGE_CODES if code != lang)]
            labels = [
                (pk, next((name for name in names if name), ""))
                for pk, *names in Keyword.objects.values_list(
                    "pk", *(f"name_{code}" for code in chain)
                )
            ]
            queryset = queryset.annotate(alphabet_rank=alphabet_rank(labels, lang))
            request.keyword_rank_annotated = True
        return queryset

    def get_ordering(self, request):
        """The list in the alphabet of the admin's language, as the public index.

        Asked by the changelist once `get_queryset` has annotated the rank (the base
        `get_queryset` asks first, before the annotation exists).
        """
        if getattr(request, "keyword_rank_annotated", False):
            return ["alphabet_rank", "pk"]
        return super().get_ordering(request)

    @staticmethod
    def _is_list(request):
        match = getattr(request, "resolver_match", None)
        return bool(match) and match.url_name == "articles_keyword_changelist"

    @admin.display(description=_("uses"), ordering="usage_count")
    def usage_count(self, obj):
        return obj.usage_count

    def has_merge_permission(self, request):
        """Merging deletes keywords and re-tags published content: managers only."""
        return may(request.user, "merge_keywords")

    @admin.action(
        description=_("Merge selected keywords into one"), permissions=["merge"]
    )
    def merge_selected(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(
                request, _("Select at least two keywords to merge."), messages.WARNING
            )
            return None
        form = KeywordMergeForm(
            request.POST if "confirm" in request.POST else None, keywords=queryset
        )
        if form.is_valid():
            target = form.cleaned_data["target"]
            sources = list(queryset.exclude(pk=target.pk))
            moved = merge_keywords(target, sources)
            self.message_user(
                request,
                ngettext(
                    "Merged %(count)d keyword into “%(target)s”; %(moved)d uses moved.",
                    "Merged %(count)d keywords into “%(target)s”; %(moved)d uses moved.",  # noqa: E501
                    len(sources),
                )
                % {"count": len(sources), "target": target, "moved": moved},
                messages.SUCCESS,
            )
            return None
        keywords = list(queryset)
        chosen = form["target"].value() if form.is_bound else None
        best = best_merge_target(keywords)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge keywords"),
            "opts": self.model._meta,
            "form": form,
            "keywords": [
                (keyword, merged_labels(keyword, keywords)) for keyword in keywords
            ],
            "chosen": str(chosen or best.pk),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/keyword/merge.html", context)


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 0
    autocomplete_fields = ["contributor"]
    fields = ["order", "contributor", "corresponding"]


class ArticleSectionInline(TranslationStackedInline):
    model = ArticleSection
    extra = 0
    fields = ["order", "heading", "text"]

    def get_readonly_fields(self, request, obj=None):
        if translator_only(request.user):
            return ["order"]
        return super().get_readonly_fields(request, obj)


class ReferenceInline(admin.TabularInline):
    model = Reference
    extra = 0
    fields = ["order", "text", "doi", "url"]


class GalleyInline(admin.TabularInline):
    model = Galley
    extra = 0
    fields = ["language", "file", "original_name"]
    readonly_fields = ["original_name"]


class ArticleAdminForm(forms.ModelForm):
    """Refuses a save made from a stale form (someone else saved in between).

    The version the editor's page was built from is mandatory on a change: a POST
    without it, with an empty or a non-numeric value, is refused like a stale one,
    since nothing proves it was made from the current article.
    """

    # A CharField, so that a missing or malformed value reaches clean() and gets the
    # conflict message rather than a "hidden field" error the editor cannot act on.
    version_seen = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version_seen"].initial = self.instance.version

    def clean_version_seen(self):
        value = (self.cleaned_data.get("version_seen") or "").strip()
        return int(value) if value.isascii() and value.isdecimal() else None

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        seen = cleaned.get("version_seen")
        # The admin's change view runs in a transaction: the lock holds until the
        # save commits, so two concurrent saves cannot both pass this check.
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if seen is None or current != seen:
            raise self._stale_error()
        return cleaned

    def _stale_error(self):
        url = reverse("admin:articles_article_change", args=[self.instance.pk])
        return forms.ValidationError(
            format_html(
                '{} <a href="{}" target="_blank">{}</a>',
                _(
                    "Someone else saved this article after you opened it, so "
                    "your changes were not saved, to keep theirs."
                ),
                url,
                _("Open the newer version"),
            ),
            code="stale",
        )


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [
            (f"{part}_{code}", f"{name}: {language}")
            for part, name in COMPLETENESS_PARTS
            for code, language in LANGUAGE_CHOICES
        ]

    def queryset(self, request, queryset):
        value = self.value() or ""
        part, _sep, code = value.rpartition("_")
        if code not in LANGUAGE_CODES or part not in dict(COMPLETENESS_PARTS):
            return queryset
        if part in ("title", "abstract"):
            column = f"{part}_{code}"
            return queryset.filter(Q(**{f"{column}__isnull": True}) | Q(**{column: ""}))
        return queryset.filter(**{f"has_{part}_{code}": False})


class StatusChangeInline(admin.TabularInline):
    """The article's workflow history, newest first; written only by the workflow."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = ["created_at", "from_status", "to_status", "changed_by", "note"]
    readonly_fields = fields
    verbose_name_plural = _("workflow history")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


TRANSLATED_ARTICLE_FIELDS = [
    f"{field}_{code}"
    for field in ("title", "subtitle", "abstract")
    for code in LANGUAGE_CODES
]


@admin.register(Article)
class ArticleAdmin(ArticleWorkflowMixin, VersionAdmin, TabbedAdmin):
    form = ArticleAdminForm
    inlines = [
        AuthorshipInline,
        ArticleSectionInline,
        ReferenceInline,
        GalleyInline,
        StatusChangeInline,
    ]
    list_display = [
        "__str__",
        "completeness",
        "status",
        "issue",
        "section",
        "published_at",
    ]
    list_filter = [
        "status",
        MissingTranslationFilter,
        "original_language",
        "issue",
        "section",
    ]
    list_select_related = ["issue", "section"]
    search_fields = [f"title_{code}" for code in LANGUAGE_CODES] + [
        "doi",
        "slug",
        *[f"authorships__contributor__last_name_{code}" for code in LANGUAGE_CODES],
    ]
    autocomplete_fields = ["issue", "section"]
    date_hierarchy = "published_at"
    readonly_fields = ["status", "published_at", "withdrawal_reason"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "subtitle", "abstract", "keywords", "version_seen"]},
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "issue",
                    "section",
                    ("first_page", "last_page"),
                    "status",
                    "published_at",
                    "withdrawal_reason",
                    "original_language",
                    "doi",
                    "slug",
                    ("received_on", "accepted_on"),
                    "license_url",
                ]
            },
        ),
    ]

    class Media:
        js = ["articles/article_form.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_completeness()

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), *extensions.article_admin_inlines]

    def get_actions(self, request):
        actions = super().get_actions(request)
        return add_actions(actions, self, request, extensions.article_admin_actions)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Keywords are chosen as Keyword objects, never typed as taggit's comma text.
        if db_field.name == "keywords":
            return KeywordChoiceField(
                queryset=Keyword.objects.all(),
                required=False,
                label=capfirst(_("keywords")),
                widget=AutocompleteSelectMultiple(db_field, self.admin_site),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if translator_only(request.user):
            names = {f.name for f in Article._meta.get_fields() if hasattr(f, "column")}
            names.add("keywords")
            translated = {"title", "subtitle", "abstract", *TRANSLATED_ARTICLE_FIELDS}
            readonly += sorted(names - translated - set(readonly))
        return readonly

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or can_edit_article(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.status == Article.Status.DRAFT)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        else:
            # clean() checked, under a row lock, that this is the current version.
            obj.version = form.cleaned_data["version_seen"] + 1
        super().save_model(request, obj, form, change)

    @admin.display(description=_("completeness"))
    def completeness(self, obj):
        """A ky/ru/en grid: which of title, abstract, keywords, body exist."""
        cells = []
        for code in LANGUAGE_CODES:
            present = [
                bool(value_in(obj, "title", code)),
                bool(value_in(obj, "abstract", code)),
                value_in(obj, "has_keywords", code, False),
                value_in(obj, "has_body", code, False),
            ]
            marks = "".join("●" if p else "○" for p in present)
            missing = ", ".join(
                str(name)
                for (_part, name), p in zip(COMPLETENESS_PARTS, present, strict=True)
                if not p
            )
            cells.append((code, marks, missing or "✓"))
        return format_html(
            '<span class="completeness">{}</span>',
            format_html_join(
                " ", '<span title="{2}"><b>{0}</b>&nbsp;{1}</span>', cells
            ),
        )
