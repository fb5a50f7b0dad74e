"""Admin screens of the editorial workflow: status buttons, issue publishing, revisions.

Every status change goes through `articles.workflow`; these are only its front ends.
"""

from difflib import SequenceMatcher

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.models import Version

from .models import Article, ArticleSection
from .models import ArticleStatus as S
from .roles import may
from .workflow import (
    ACTION_LABELS,
    MANAGERS,
    NOTE_REQUIRED,
    IssueNotReady,
    Role,
    WorkflowError,
    allowed_targets,
    issue_readiness,
    publish_issue,
    roles_of,
    transition,
)

EDITABLE_BY_EDITORS = (S.DRAFT, S.REVISIONS_REQUESTED)

# Steps that cannot be taken back from the form: shown apart, confirmed first.
IRREVERSIBLE = {
    S.PUBLISHED: gettext_lazy(
        "Publish this article? Readers will see it as soon as its date comes; "
        "only withdrawing it takes it back."
    ),
    S.WITHDRAWN: gettext_lazy(
        "Withdraw this article? Its text and PDFs stop being served and only a "
        "withdrawal notice stays. This cannot be undone."
    ),
}


def can_edit_article(user, article):
    """Editors edit drafts and returned articles; translators, managers: any."""
    roles = roles_of(user)
    if not roles or roles & MANAGERS or Role.TRANSLATOR in roles:
        return True
    return article.status in EDITABLE_BY_EDITORS


class ContentOnlyRestoreMixin:
    """Restoring a revision brings back content, never workflow state (the Wagtail way).

    django-reversion's *History → restore* and *Recover deleted* write the old version
    to the database and then run the change form on it, inside a transaction that is
    rolled back unless the form is saved. Here, before anything is written, the user
    must hold the capability and be allowed to edit the object as it is now; then the
    fields of `pinned_fields` are put back to their current values (status, dates,
    withdrawal, version counter, creator; an issue's publication), so the restored
    content goes through the same permission checks, optimistic lock and validation as
    any edit, and is saved as a new revision. A recovered object comes back with
    `recovered_values()` (an article as a draft). Workflow log rows are not part of
    revisions (articles/revisions.py), so a restore never deletes them.
    """

    pinned_fields = ()

    def pinned_values(self, obj):
        values = {
            self.opts.get_field(name).attname: getattr(
                obj, self.opts.get_field(name).attname
            )
            for name in self.pinned_fields
        }
        if any(f.name == "updated_at" for f in self.opts.concrete_fields):
            values["updated_at"] = timezone.now()
        return values

    def recovered_values(self):
        return {}

    def _version_of_this_model(self, version_id, **lookups):
        content_type = ContentType.objects.get_for_model(self.model)
        return get_object_or_404(
            Version, pk=version_id, content_type=content_type, **lookups
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not (
            may(request.user, "restore_revision")
            and self.has_change_permission(request, obj)
        ):
            raise PermissionDenied
        self._version_of_this_model(version_id, object_id=str(obj.pk))
        request.pinned_on_restore = self.pinned_values(obj)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not may(request.user, "recover_deleted"):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not may(request.user, "recover_deleted"):
            raise PermissionDenied
        version = self._version_of_this_model(version_id)
        if self.model._default_manager.filter(pk=version.object_id).exists():
            raise Http404  # not deleted: its history is the way back
        request.pinned_on_restore = self.recovered_values()
        return super().recover_view(request, version_id, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        pinned = getattr(request, "pinned_on_restore", None)
        if pinned and object_id:
            # Runs inside reversion's transaction, right after the old version was
            # written: the change form then shows and saves the pinned values.
            self.model._default_manager.filter(pk=unquote(object_id)).update(**pinned)
        return super().changeform_view(request, object_id, form_url, extra_context)


class ArticleWorkflowMixin(ContentOnlyRestoreMixin):
    """Status buttons on the article form, bulk actions, and revision comparison."""

    change_form_template = "admin/articles/article/change_form.html"
    actions = ["send_to_review", "accept"]
    pinned_fields = (
        "status",
        "published_at",
        "withdrawn_at",
        "withdrawal_reason",
        "version",
        "created_by",
        "created_at",
    )

    def recovered_values(self):
        """A deleted article comes back as a draft, whatever it was."""
        return {
            "status": S.DRAFT,
            "published_at": None,
            "withdrawn_at": None,
            "withdrawal_reason": "",
            "updated_at": timezone.now(),
        }

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{name}_compare",
            ),
        ] + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        article = self.get_object(request, unquote(object_id))
        if article is not None:
            extra_context["workflow_buttons"] = [
                {
                    "to": to,
                    "label": ACTION_LABELS[to],
                    "needs_note": to in NOTE_REQUIRED,
                    "irreversible": to in IRREVERSIBLE,
                    "confirm": IRREVERSIBLE.get(to, ""),
                }
                for to in allowed_targets(article, request.user)
            ]
            extra_context["preview_url"] = reverse(
                "articles:preview_article", args=[article.pk]
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def response_change(self, request, obj):
        """After a successful save, make the status move the button asked for."""
        target = request.POST.get("workflow_to")
        if target:
            self._transition(
                request, obj, target, request.POST.get("workflow_note", "")
            )
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def _transition(self, request, article, target, note):
        if target not in S.values:
            messages.error(request, _("Unknown status."))
            return False
        try:
            transition(article, target, by=request.user, note=note)
        except (WorkflowError, PermissionDenied) as exc:
            messages.error(request, f"{article}: {exc}")
            return False
        messages.success(
            request,
            _("“%(article)s” is now: %(status)s.")
            % {"article": article, "status": S(target).label},
        )
        return True

    @admin.action(description=gettext_lazy("Send selected articles to review"))
    def send_to_review(self, request, queryset):
        for article in queryset:
            self._transition(request, article, S.IN_REVIEW, "")

    @admin.action(description=gettext_lazy("Accept selected articles"))
    def accept(self, request, queryset):
        for article in queryset:
            self._transition(request, article, S.ACCEPTED, "")

    def compare_view(self, request, object_id):
        """Two revisions of an article, field by field, in every language."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        versions = list(
            Version.objects.get_for_object(article).select_related("revision__user")
        )
        chosen = {str(v.pk): v for v in versions}
        newer = chosen.get(request.GET.get("b")) or (versions[0] if versions else None)
        older = chosen.get(request.GET.get("a")) or (
            versions[1] if len(versions) > 1 else newer
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare revisions"),
            "opts": self.opts,
            "original": article,
            "versions": versions,
            "older": older,
            "newer": newer,
            "rows": compare_versions(older, newer) if older and newer else [],
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)


def word_diff(old, new):
    """Safe HTML marking removed words with <del> and added words with <ins>."""
    a, b = str(old or "").split(" "), str(new or "").split(" ")
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(out))  # noqa: S308 - every piece is escaped above


def _label(model, name):
    base, _sep, code = name.rpartition("_")
    if code in ("ky", "ru", "en") and base:
        field = model._meta.get_field(base)
        return f"{field.verbose_name} [{code}]"
    return str(model._meta.get_field(name).verbose_name)


def _related(version, model):
    """{object_id: field_dict} of the `model` rows saved in the same revision."""
    return {
        v.object_id: v.field_dict
        for v in version.revision.version_set.all()
        if v.content_type.model_class() is model
    }


def compare_versions(older, newer):
    """Rows (label, old, new, diff) for each field that differs between versions."""
    rows = []
    old, new = older.field_dict, newer.field_dict
    skip = {"id", "version", "created_at", "updated_at"}
    for name in new:
        if name in skip or old.get(name) == new.get(name):
            continue
        rows.append(
            (
                _label(Article, name),
                old.get(name),
                new.get(name),
                word_diff(old.get(name), new.get(name)),
            )
        )
    old_sections, new_sections = (
        _related(older, ArticleSection),
        _related(newer, ArticleSection),
    )
    for key in sorted(set(old_sections) | set(new_sections), key=str):
        a, b = old_sections.get(key, {}), new_sections.get(key, {})
        for name in sorted(set(a) | set(b)):
            if name.startswith(("heading_", "text_")) and a.get(name) != b.get(name):
                order = b.get("order", a.get("order", ""))
                section = _("Section %(n)s") % {"n": order}
                label = f"{section}: {_label(ArticleSection, name)}"
                rows.append(
                    (
                        label,
                        a.get(name),
                        b.get(name),
                        word_diff(a.get(name), b.get(name)),
                    )
                )
    return rows


class PublishIssueForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=gettext_lazy("Publish at"),
        help_text=gettext_lazy("Now, or a later date and time to schedule the issue."),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
    )


class IssueWorkflowMixin(ContentOnlyRestoreMixin):
    """ "Publish issue": readiness per article, then all accepted articles at once."""

    change_form_template = "admin/articles/issue/change_form.html"
    pinned_fields = ("published_at",)

    def recovered_values(self):
        """A deleted issue comes back planned (unpublished)."""
        return {"published_at": None}

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name=f"{name}_publish",
            ),
        ] + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        issue = self.get_object(request, unquote(object_id))
        if issue is not None:
            extra_context["can_publish"] = bool(
                issue.published_at is None and may(request.user, "publish_issue")
            )
            extra_context["preview_url"] = reverse(
                "articles:preview_issue", args=[issue.pk]
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def publish_view(self, request, object_id):
        issue = self.get_object(request, unquote(object_id))
        if issue is None:
            raise Http404
        if not may(request.user, "publish_issue"):
            raise PermissionDenied
        change_url = reverse("admin:articles_issue_change", args=[issue.pk])
        now = timezone.localtime().replace(second=0, microsecond=0)
        form = PublishIssueForm(
            request.POST if request.method == "POST" else None,
            initial={"publish_at": now},
        )
        problems = []
        if form.is_valid():
            try:
                published = publish_issue(
                    issue, by=request.user, at=form.cleaned_data["publish_at"]
                )
            except IssueNotReady as exc:
                problems = exc.problems
            except WorkflowError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    _("The issue %(issue)s is published with %(count)d articles.")
                    % {"issue": issue, "count": len(published)},
                )
                return HttpResponseRedirect(change_url)
        readiness = issue_readiness(issue)
        lacking = {article.pk: why for article, why in readiness.problems}
        going = [
            (article, lacking.get(article.pk, []))
            for article in issue.articles.filter(status=S.ACCEPTED).order_by(
                "first_page", "id"
            )
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Publish issue %(issue)s") % {"issue": issue},
            "opts": self.opts,
            "original": issue,
            "form": form,
            "problems": problems,
            "readiness": readiness,
            "going": going,
            "others": issue.articles.exclude(status=S.ACCEPTED).order_by(
                "first_page", "id"
            ),
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/issue/publish.html", context)
