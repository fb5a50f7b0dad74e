"""The editorial workflow: the only code that writes an article's status.

A literal table says which (from, to) moves exist and which roles may make them;
`transition()` locks the row, checks the table, writes the status and one log row, and
sends notifications after commit. `publish_issue()` publishes an issue and all its
accepted articles in one transaction, or nothing. Admin actions and buttons call these.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .languages import LANGUAGE_CODES, value_in
from .models import Article, Issue, StatusChange
from .models import ArticleStatus as S
from .signals import content_changed


class Role:
    """Roles are Django groups of these names (created by a migration)."""

    EDITOR = "editor"
    TRANSLATOR = "translator"
    MANAGING_EDITOR = "managing_editor"
    SITE_ADMIN = "site_admin"

    LABELS = {
        EDITOR: gettext_lazy("Editor"),
        TRANSLATOR: gettext_lazy("Translator"),
        MANAGING_EDITOR: gettext_lazy("Managing editor"),
        SITE_ADMIN: gettext_lazy("Site administrator"),
    }


EDITORS = frozenset({Role.EDITOR, Role.MANAGING_EDITOR, Role.SITE_ADMIN})
MANAGERS = frozenset({Role.MANAGING_EDITOR, Role.SITE_ADMIN})

# (from, to): roles allowed to make the move. Nothing else is a valid move.
TRANSITIONS = {
    (S.DRAFT, S.IN_REVIEW): EDITORS,
    (S.REVISIONS_REQUESTED, S.IN_REVIEW): EDITORS,
    (S.IN_REVIEW, S.REVISIONS_REQUESTED): MANAGERS,
    (S.IN_REVIEW, S.ACCEPTED): MANAGERS,
    (S.ACCEPTED, S.REVISIONS_REQUESTED): MANAGERS,
    (S.ACCEPTED, S.PUBLISHED): MANAGERS,
    (S.PUBLISHED, S.WITHDRAWN): MANAGERS,
}

# Labels of the buttons that make each move, in the editor's language.
ACTION_LABELS = {
    S.IN_REVIEW: gettext_lazy("Send to review"),
    S.REVISIONS_REQUESTED: gettext_lazy("Return for revision"),
    S.ACCEPTED: gettext_lazy("Accept"),
    S.PUBLISHED: gettext_lazy("Publish"),
    S.WITHDRAWN: gettext_lazy("Withdraw"),
}

NOTE_REQUIRED = frozenset({S.REVISIONS_REQUESTED, S.WITHDRAWN})

# The log note of a move made by a content loader, not by an editor.
SEEDED_NOTE = gettext_lazy("Loaded with demo or benchmark content")
# Articles per statement when seeders move thousands at once.
SEED_BATCH = 500


class WorkflowError(Exception):
    """A move that is not allowed or not possible; the message is for the editor."""


class IssueNotReady(WorkflowError):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(f"{article}: {why}" for article, why in problems))


def roles_of(user):
    """The workflow roles of `user`; a superuser has them all, an inactive user none."""
    if user is None or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return frozenset(Role.LABELS)
    cached = getattr(user, "_workflow_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(names & set(Role.LABELS))
        user._workflow_roles = cached
    return cached


def allowed_targets(article, user):
    """Statuses `user` may move `article` to now (for buttons and actions)."""
    roles = roles_of(user)
    return [
        to
        for (frm, to), allowed in TRANSITIONS.items()
        if frm == article.status and roles & allowed
    ]


def transition(article, to, *, by, note=""):
    """Move `article` to status `to` on behalf of `by`, with an optional comment.

    Raises WorkflowError (not a valid move, a missing comment, or an article that is not
    ready) or PermissionDenied (the user's roles do not allow it). On success the
    article row, one StatusChange row and the version bump are written together.
    """
    to = S(to)
    note = (note or "").strip()
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        frm = S(locked.status)
        allowed = TRANSITIONS.get((frm, to))
        if allowed is None:
            raise WorkflowError(
                _("An article cannot go from “%(from)s” to “%(to)s”.")
                % {"from": frm.label, "to": to.label}
            )
        if not roles_of(by) & allowed:
            raise PermissionDenied(_("Your role does not allow this step."))
        if to in NOTE_REQUIRED and not note:
            raise WorkflowError(_("Say why in the comment: the author will read it."))
        now = timezone.now()
        fields = {}
        if to == S.PUBLISHED:
            problems = readiness_problems(locked, require_public_issue=True)
            if problems:
                raise WorkflowError("; ".join(problems))
            fields["published_at"] = max(locked.issue.published_at, now)
        if to == S.WITHDRAWN:
            fields.update(withdrawal_reason=note, withdrawn_at=now)
        transaction.on_commit(lambda: notify(locked.pk, to, note))
        _move([locked], frm, to, by=by, note=note, updated_at=now, **fields)
    article.refresh_from_db()
    return article


def _move(articles, frm, to, *, by, note, bulk=False, announce=True, **fields):
    """Write status `to` (and `fields`) on locked `articles`, all coming from `frm`,
    with one log row each; page caches and the search index hear of it after commit
    (unless `announce` is off: bulk seeders that rebuild the index themselves).

    The one place the status is written: `transition()`, `publish_issue()` and
    `seed_status()` call it inside their transaction, after their checks.
    Log rows are saved as models (their signals run: the text cleaning of an editor's
    note), or with `bulk` in one insert (rows whose note the code writes).
    """
    ids = [a.pk for a in articles]
    fields = {"updated_at": timezone.now(), **fields}
    Article.objects.filter(pk__in=ids).update(
        status=to, version=F("version") + 1, **fields
    )
    rows = [
        StatusChange(article=a, from_status=frm, to_status=to, changed_by=by, note=note)
        for a in articles
    ]
    if bulk:
        StatusChange.objects.bulk_create(rows, batch_size=SEED_BATCH)
    else:
        for row in rows:
            row.save()
    if announce:
        transaction.on_commit(lambda: content_changed.send(sender=Article, pks=ids))


def steps_to(to):
    """The shortest way through TRANSITIONS from a draft to status `to`."""
    paths = {S.DRAFT: []}
    frontier = [S.DRAFT]
    while frontier and to not in paths:
        frm = frontier.pop(0)
        for (start, end), _roles in TRANSITIONS.items():
            if start == frm and end not in paths:
                paths[end] = [*paths[frm], end]
                frontier.append(end)
    if S(to) not in paths:
        raise ValueError(f"No way from a draft to {to!r}.")
    return paths[S(to)]


def seed_status(articles, to, *, announce=True, **fields):
    """Move newly created draft `articles` to status `to` for content seeders (the
    demo loader, the synthetic generators), step by step along TRANSITIONS, with one
    log row per step, through `_move`; `fields` are written with the last step.

    No role check and no notification: nobody acted, a loader did (the log rows name
    no user and say so). Call it inside the seeder's transaction.
    """
    options = {"by": None, "note": str(SEEDED_NOTE), "bulk": True, "announce": False}
    steps = steps_to(to)
    for start in range(0, len(articles), SEED_BATCH):
        batch = articles[start : start + SEED_BATCH]
        frm = S.DRAFT
        for step in steps:
            _move(batch, frm, step, **options, **(fields if step == steps[-1] else {}))
            frm = step
    if announce:
        # Once for all the steps: page caches and the search index see the end state.
        ids = [a.pk for a in articles]
        transaction.on_commit(lambda: content_changed.send(sender=Article, pks=ids))


def readiness_problems(article, *, require_public_issue=False):
    """Why `article` cannot be published yet (empty when it can), for the editor."""
    problems = []
    issue = article.issue
    if issue is None:
        return [_("it is not scheduled into an issue")]
    if require_public_issue and issue.published_at is None:
        problems.append(_("its issue is not published; publish the issue instead"))
    for code in issue.journal.required_language_codes():
        language = dict(settings.LANGUAGES)[code]
        if not value_in(article, "title", code).strip():
            problems.append(_("no title in %(language)s") % {"language": language})
        if not value_in(article, "abstract", code).strip():
            problems.append(_("no abstract in %(language)s") % {"language": language})
    if not article.first_page:
        problems.append(_("no pages"))
    return problems


@dataclass
class IssueReadiness:
    """For the dashboard: accepted articles of an issue and what each still lacks."""

    issue: Issue
    accepted: int
    problems: list
    missing_by_language: dict


def issue_readiness(issue):
    accepted = list(issue.articles.filter(status=S.ACCEPTED).select_related("issue"))
    problems = [(a, readiness_problems(a)) for a in accepted]
    missing = {
        code: sum(
            1
            for a in accepted
            if not (value_in(a, "title", code) and value_in(a, "abstract", code))
        )
        for code in LANGUAGE_CODES
    }
    return IssueReadiness(issue, len(accepted), [p for p in problems if p[1]], missing)


def publish_issue(issue, *, by, at=None):
    """Publish `issue` and every accepted article in it, at `at` (default: now).

    All or nothing: if any accepted article is not ready, IssueNotReady lists each
    article and why, and nothing changes. A second call (double click, two editors)
    finds the issue already published and changes nothing. A future `at` schedules the
    issue; the visibility query makes it public then, with no job.
    """
    if not roles_of(by) & MANAGERS:
        raise PermissionDenied(_("Your role does not allow this step."))
    at = at or timezone.now()
    with transaction.atomic():
        locked = (
            Issue.objects.select_for_update().select_related("journal").get(pk=issue.pk)
        )
        if locked.published_at is not None:
            raise WorkflowError(_("This issue is already published."))
        articles = list(
            Article.objects.select_for_update()
            .filter(issue=locked, status=S.ACCEPTED)
            .order_by("first_page", "id")
        )
        if not articles:
            raise WorkflowError(_("The issue has no accepted articles to publish."))
        for article in articles:
            article.issue = locked
        problems = [(a, p) for a in articles if (p := readiness_problems(a))]
        if problems:
            raise IssueNotReady([(a, ", ".join(p)) for a, p in problems])
        locked.published_at = at
        locked.save(update_fields=["published_at"])
        note = _("Published with the issue %(issue)s") % {"issue": locked}
        _move(
            articles,
            S.ACCEPTED,
            S.PUBLISHED,
            by=by,
            note=note,
            bulk=True,
            published_at=at,
        )
    issue.refresh_from_db()
    return articles


def notify(article_pk, to, note):
    """Email the article's creator when it is returned for revision or accepted."""
    if to not in (S.REVISIONS_REQUESTED, S.ACCEPTED):
        return
    article = Article.objects.select_related("created_by").get(pk=article_pk)
    user = article.created_by
    if not user or not user.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = (
            _("Returned for revision: %(title)s")
            if to == S.REVISIONS_REQUESTED
            else _("Accepted: %(title)s")
        ) % {"title": article}
        body = subject + ("\n\n" + note if note else "")
        send_mail(subject, body, None, [user.email], fail_silently=True)
