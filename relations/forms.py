"""Reader-facing filter forms (GET): bad values give a message and no results."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.languages import LANGUAGE_CODES

from .models import (
    AgreementKind,
    AgreementStatus,
    Country,
    Domain,
    EventKind,
    Organization,
)

SORTS = {
    "date": ("date", "id"),
    "-date": ("-date", "-id"),
    "status": ("status", "-date"),
    "kind": ("kind", "-date"),
}


class SlugChoiceField(forms.ModelChoiceField):
    """A choice by slug in the URL (`?domain=border`), labelled in the page language.

    `shown`: the columns its labels are made of (translated ones in every language),
    so that a rendered filter can be kept until exactly these change.
    """

    def __init__(self, queryset, shown=(), **kwargs):
        kwargs.setdefault("empty_label", _("all"))
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)
        self.shown = tuple(shown)

    def shown_values(self):
        """[(slug, label columns…)] of the choices, in their order, from one narrow
        query without model instances."""
        return list(self.queryset.values_list("slug", *self.shown))


class YearRangeForm(forms.Form):
    year_from = forms.IntegerField(
        label=_("from year"), required=False, min_value=1000, max_value=2999
    )
    year_to = forms.IntegerField(
        label=_("to year"), required=False, min_value=1000, max_value=2999
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The first year must not be after the last."))
        return cleaned


def in_languages(*fields):
    return tuple(f"{field}_{code}" for field in fields for code in LANGUAGE_CODES)


class TimelineFilter(YearRangeForm):
    domain = SlugChoiceField(
        Domain.objects.all(), label=_("domain"), shown=in_languages("name")
    )
    country = SlugChoiceField(
        Country.objects.all(),
        label=_("country"),
        shown=("iso_code", *in_languages("name")),
    )
    organization = SlugChoiceField(
        Organization.objects.all(),
        label=_("organization"),
        shown=in_languages("acronym", "name"),
    )
    kind = forms.ChoiceField(
        label=_("kind"), required=False, choices=[("", _("all")), *EventKind.choices]
    )
    field_order = ["domain", "country", "organization", "kind", "year_from", "year_to"]

    def active(self):
        """The cleaned filters that have a value (for the query and for links)."""
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}

    def shown_choices(self):
        """What the choices of the domain, country and organization widgets show
        (read once per form: the page's fingerprint and its widgets both ask)."""
        if not hasattr(self, "_shown_choices"):
            self._shown_choices = [
                field.shown_values()
                for field in self.fields.values()
                if isinstance(field, SlugChoiceField)
            ]
        return self._shown_choices


class AgreementFilter(forms.Form):
    kind = forms.ChoiceField(
        label=_("kind"),
        required=False,
        choices=[("", _("all")), *AgreementKind.choices],
    )
    status = forms.ChoiceField(
        label=_("status"),
        required=False,
        choices=[("", _("all")), *AgreementStatus.choices],
    )
    party = SlugChoiceField(Country.objects.all(), label=_("party"))
    domain = SlugChoiceField(Domain.objects.all(), label=_("domain"))
    year = forms.IntegerField(
        label=_("year"), required=False, min_value=1000, max_value=2999
    )
    sort = forms.ChoiceField(
        label=_("sort by"),
        required=False,
        choices=[
            ("-date", _("newest first")),
            ("date", _("oldest first")),
            ("status", _("status")),
            ("kind", _("kind")),
        ],
    )

    def apply(self, queryset):
        data = self.cleaned_data
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("party"):
            queryset = queryset.filter(countries=data["party"])
        if data.get("domain"):
            queryset = queryset.filter(domains=data["domain"])
        if data.get("year"):
            queryset = queryset.filter(date__year=data["year"])
        return queryset.order_by(*SORTS[data.get("sort") or "-date"]).distinct()
