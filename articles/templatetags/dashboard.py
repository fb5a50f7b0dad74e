from django import template
from django.db.models import Count

from ..languages import LANGUAGE_CHOICES
from ..models import Article, Issue
from ..models import ArticleStatus as S
from ..workflow import MANAGERS, Role, issue_readiness, roles_of

register = template.Library()


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def journal_dashboard(context):
    """Articles by status, what waits for the current user, and planned issues."""
    user = context["request"].user
    counts = dict(
        Article.objects.values_list("status").annotate(n=Count("id")).order_by()
    )
    roles = roles_of(user)
    waiting = Article.objects.none()
    if roles & MANAGERS:
        # Reviews to decide, and accepted articles to publish (with their issue).
        waiting = Article.objects.filter(status__in=[S.IN_REVIEW, S.ACCEPTED])
    elif Role.EDITOR in roles:
        waiting = Article.objects.filter(
            status__in=[S.DRAFT, S.REVISIONS_REQUESTED], created_by=user
        )
    planned = Issue.objects.filter(published_at__isnull=True).select_related("journal")
    return {
        "statuses": [(s, counts.get(s.value, 0)) for s in S],
        "waiting": waiting.select_related("issue").order_by("-updated_at")[:20],
        "readiness": [
            (r, [r.missing_by_language[code] for code, _name in LANGUAGE_CHOICES])
            for r in (issue_readiness(issue) for issue in planned[:10])
        ],
        "languages": [name for _code, name in LANGUAGE_CHOICES],
        "roles": [Role.LABELS[r] for r in sorted(roles)],
    }
