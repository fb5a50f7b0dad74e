from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from articles.branding import favicon, journal_logo
from importer.template import manuscript_template
from ops.health import healthz, readyz

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("favicon.ico", favicon, name="favicon"),
    path("journal-logo", journal_logo, name="journal_logo"),
    path("manuscript-template.docx", manuscript_template, name="manuscript_template"),
    path("", include("interop.urls_root")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("relations/", include("relations.urls")),
    path("search/", include("search.urls")),
    path("", include("journalpages.urls")),
    path("", include("interop.urls")),
    path("", include("articles.urls")),
)

if settings.BENCH_VIEWS:  # `make bench` only: the reference page of PERFORMANCE.md
    from ops.benchviews import naive

    urlpatterns.append(path("bench/naive/", naive))

handler500 = "config.errors.server_error"
