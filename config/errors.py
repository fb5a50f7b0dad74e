"""Error pages that work when the database does not.

Django calls `server_error` while handling an uncaught exception, so the exception is
still in `sys.exc_info()`: a database outage becomes a translated 503 with Retry-After
(rendered without touching the database), anything else the 500 page: the site's
look and the request's language, still without the database.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

from ops.health import RETRY_AFTER_SECONDS

DATABASE_DOWN = (OperationalError, InterfaceError)


LANGUAGES = ("ky", "ru", "en")
AUTONYMS = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}


def request_language(request):
    """The language of the address (/ru/...), else the site's first language."""
    lang = request.path.strip("/").split("/", 1)[0]
    return lang if lang in LANGUAGES else LANGUAGES[0]


def database_unavailable(request):
    with translation.override(request_language(request)):
        body = loader.get_template("503.html").render(
            {"LANGUAGE_CODE": translation.get_language()}
        )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    ):
        return database_unavailable(request)
    lang = request_language(request)
    languages = []
    for code in LANGUAGES:
        with translation.override(code):
            url = reverse("articles:home")
        languages.append(
            {"code": code, "name": AUTONYMS[code], "url": url, "current": code == lang}
        )
    with translation.override(lang):
        body = loader.get_template(template_name).render(
            {
                "LANGUAGE_CODE": lang,
                "home": reverse("articles:home"),
                "languages": languages,
            }
        )
    return HttpResponseServerError(body)
