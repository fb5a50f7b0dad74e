from django import template
from django.db.models import Count

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
        waiting = Article.objects.filter(status=S.IN_REVIEW)
    elif Role.EDITOR in roles:
        waiting = Article.objects.filter(
            status__in=[S.DRAFT, S.REVISIONS_REQUESTED], created_by=user
        )
    planned = Issue.objects.filter(published_at__isnull=True).select_related("journal")
    return {
        "statuses": [(s, counts.get(s.value, 0)) for s in S],
        "waiting": waiting.select_related("issue").order_by("-updated_at")[:20],
        "readiness": [issue_readiness(issue) for issue in planned[:10]],
        "roles": [Role.LABELS[r] for r in sorted(roles)],
    }
