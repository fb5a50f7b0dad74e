"""The three languages of the journal and how a translated field falls back.

Readers must never be shown a fallback as if it were a translation: `localized()` says
which language the text it returns is really in, so templates can set `lang` and
mark it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = ("ky", "ru", "en")
LANGUAGE_CHOICES = [
    ("ky", _("Kyrgyz")),
    ("ru", _("Russian")),
    ("en", _("English")),
]


def current_language():
    """The active language if it is one of ours, else the site default."""
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return lang if lang in LANGUAGE_CODES else settings.LANGUAGE_CODE


def fallback_chain(lang=None):
    """Languages to try, in order, for text requested in `lang`."""
    lang = lang or current_language()
    return settings.FALLBACK_LANGUAGES.get(lang, LANGUAGE_CODES)


@dataclass(frozen=True)
class Localized:
    """A piece of text together with the language it is actually written in."""

    text: str
    lang: str
    requested: str

    @property
    def is_fallback(self):
        return self.lang != self.requested

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)


def localized(obj, field, lang=None):
    """The value of translated `field` of `obj` in `lang`, or its first fallback.

    Returns an empty `Localized` when no language has the field.
    """
    lang = lang or current_language()
    for code in fallback_chain(lang):
        value = getattr(obj, f"{field}_{code}", None)
        if value and str(value).strip():
            return Localized(str(value), code, lang)
    return Localized("", lang, lang)


def value_in(obj, field, lang, default=""):
    """`obj`'s translated `field` in exactly `lang` (no fallback), or `default` when
    that language has none: for code that walks the languages itself (exports, the
    search index, checks before publishing). Readers get `localized()`."""
    return getattr(obj, f"{field}_{lang}", None) or default


def languages_with(obj, field):
    """The language codes in which `obj` has a non-empty `field`."""
    return [
        code
        for code in LANGUAGE_CODES
        if (getattr(obj, f"{field}_{code}", None) or "").strip()
    ]
