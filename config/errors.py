"""Error pages that work when the database does not.

Django calls `server_error` while handling an uncaught exception, so the exception is
still in `sys.exc_info()`: a database outage becomes a translated 503 with Retry-After
(rendered without touching the database), anything else the plain 500 page.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

from ops.health import RETRY_AFTER_SECONDS

DATABASE_DOWN = (OperationalError, InterfaceError)


def database_unavailable(request):
    lang = request.path.strip("/").split("/", 1)[0]
    with translation.override(lang if lang in ("ky", "ru", "en") else "ky"):
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
    return HttpResponseServerError(loader.get_template(template_name).render())
