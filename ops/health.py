"""Health checks for load balancers and orchestrators."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

# What a client is told to wait when the database is down (here and on error pages).
RETRY_AFTER_SECONDS = 30


@never_cache
def healthz(request):
    """The process is up. Touches neither the database nor the cache."""
    return HttpResponse(b"ok", content_type="text/plain")


@never_cache
def readyz(request):
    """The process can serve pages: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means not ready
        response = JsonResponse({"database": "unavailable"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"database": "ok"})
