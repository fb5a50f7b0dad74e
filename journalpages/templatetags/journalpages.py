from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# Said in the page's language, above text shown in another one.
PAGE_FALLBACK_NOTES = {
    "ky": _("This page has not been translated yet; it is shown in Kyrgyz."),
    "ru": _("This page has not been translated yet; it is shown in Russian."),
    "en": _("This page has not been translated yet; it is shown in English."),
}


@register.filter
def page_fallback_note(code):
    return PAGE_FALLBACK_NOTES.get(code, "")
