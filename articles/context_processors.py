from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from .languages import LANGUAGE_CODES, current_language
from .models import Journal

# Each language is offered in its own name, as readers look for it.
AUTONYMS = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}


def _alternates(request):
    path = request.get_full_path()
    current = current_language()
    return [
        {
            "code": code,
            "name": AUTONYMS[code],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code in LANGUAGE_CODES
    ]


def site(request):
    """The journal (lazily: one query when a template uses it) and language links."""
    return {
        "journal": SimpleLazyObject(lambda: Journal.objects.order_by("pk").first()),
        "language_alternates": SimpleLazyObject(lambda: _alternates(request)),
    }
