"""Admin actions interop adds to the journal's article and issue lists.

They are registered through `articles.extensions` from `InteropConfig.ready()`, so
the journal app never imports interop. Only public articles are deposited.
"""

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .crossref import build_deposit, issue_articles, public_articles


@admin.action(description=gettext_lazy("Export Crossref XML"))
def export_crossref_xml(modeladmin, request, queryset):
    selected = list(queryset.values_list("pk", flat=True))
    articles = list(public_articles().filter(pk__in=selected))
    hidden = len(selected) - len(articles)
    if hidden:
        messages.warning(
            request,
            ngettext(
                "%(count)d selected article is not public and was left out.",
                "%(count)d selected articles are not public and were left out.",
                hidden,
            )
            % {"count": hidden},
        )
    name = articles[0].slug if len(articles) == 1 else "articles"
    return deposit_response(request, build_deposit(articles, name, request=request))


@admin.action(description=gettext_lazy("Export Crossref XML"))
def export_issue_crossref_xml(modeladmin, request, queryset):
    issues = list(queryset)
    name = issues[0].slug if len(issues) == 1 else "issues"
    articles = issue_articles(issues)
    return deposit_response(request, build_deposit(articles, name, request=request))


def deposit_response(request, deposit):
    """The XML as a download, or back to the list with a message when it is empty."""
    for article, reason in deposit.skipped:
        messages.warning(
            request,
            _("%(article)s was left out: %(reason)s.")
            % {"article": article, "reason": reason},
        )
    if not deposit.articles:
        messages.error(request, _("Nothing to export: no public article with a DOI."))
        return None
    response = HttpResponse(deposit.xml, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=deposit.filename
    )
    return response
