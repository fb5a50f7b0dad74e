from django import forms

from articles.languages import LANGUAGE_CHOICES

from .models import Kind

FILTERS = ("type", "year", "issue", "section", "keyword", "domain", "language")


class SearchForm(forms.Form):
    """The filters of the search page; a filter that does not parse is dropped.

    The query itself (`q`) is not a form field: `search.text.Query` caps and cleans
    it, so a pasted paragraph still searches its first words instead of failing, and
    the page never echoes more than the capped text.
    """

    type = forms.ChoiceField(choices=Kind.choices, required=False)
    year = forms.IntegerField(min_value=1000, max_value=9999, required=False)
    issue = forms.SlugField(max_length=60, required=False)
    section = forms.IntegerField(min_value=1, max_value=2**31, required=False)
    keyword = forms.SlugField(max_length=100, required=False)
    domain = forms.SlugField(max_length=60, required=False)
    language = forms.ChoiceField(choices=LANGUAGE_CHOICES, required=False)

    def filters(self):
        """The valid filters, {name: value}; invalid ones are ignored, not errors."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            name: cleaned[name]
            for name in FILTERS
            if name not in self.errors and cleaned.get(name) not in (None, "")
        }
