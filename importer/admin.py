"""The "Import manuscript" admin page: upload, preview, confirm.

It is the add view of `ManuscriptImport` (whose list is the history of imports), so it
lives under /<lang>/admin/importer/manuscriptimport/add/ and needs the
`import_manuscript` capability of the role table (articles/roles.py): editors, managing
editors, site administrators.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from articles.languages import LANGUAGE_CHOICES
from articles.roles import may
from articles.text import render_paragraphs

from .extract import ExtractionError, max_bytes
from .forms import ConfirmForm, UploadForm, make_token, read_token
from .models import ManuscriptImport
from .parser import parse_manuscript
from .services import (
    ImportRefused,
    byline_contributors,
    import_manuscript,
    keyword_statuses,
)


class SizeLimitUploadHandler(FileUploadHandler):
    """Drops an uploaded file as soon as it passes the size limit.

    A 50 MB upload is then never kept whole, in memory or on disk; the request
    remembers the size so that the form can say the file is too large.
    """

    def __init__(self, request=None, limit=None):
        super().__init__(request)
        self.limit = limit
        self.request_length = None
        self.received = 0

    def handle_raw_input(
        self, input_data, META, content_length, boundary, encoding=None
    ):
        self.request_length = content_length

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.importer_too_large = max(
                self.request_length or 0, self.received
            )
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


@admin.register(ManuscriptImport)
class ManuscriptImportAdmin(admin.ModelAdmin):
    list_display = [
        "imported_at",
        "file_name",
        "file_format",
        "article_link",
        "action",
        "warning_count",
        "imported_by",
    ]
    list_filter = ["action", "file_format"]
    list_select_related = ["article", "imported_by"]
    search_fields = ["file_name", "content_hash"]
    import_template = "admin/importer/manuscriptimport/import.html"

    def has_module_permission(self, request):
        return may(request.user, "import_manuscript")

    def has_view_permission(self, request, obj=None):
        return may(request.user, "import_manuscript")

    def has_add_permission(self, request):
        return may(request.user, "import_manuscript")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("article"), ordering="article")
    def article_link(self, obj):
        if obj.article_id is None:
            return "—"
        url = reverse("admin:articles_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, obj.article)

    def get_urls(self):
        # The add view takes the upload itself: exempt from the CSRF middleware only
        # so that the size-limiting upload handler is in place before the body is
        # read; the view checks the token itself (csrf_protect below).
        def entry(request):
            if request.method == "POST":
                request.upload_handlers.insert(
                    0, SizeLimitUploadHandler(request, max_bytes())
                )
            return csrf_protect(self.import_view)(request)

        name = f"{self.opts.app_label}_{self.opts.model_name}_add"
        return [
            path("add/", self.admin_site.admin_view(csrf_exempt(entry)), name=name),
        ] + super().get_urls()

    # --- the import page ---

    def import_view(self, request):
        """Upload → preview (nothing saved) → confirm → a draft article."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "token" in request.POST:
            return self.confirm_step(request)
        upload_form = UploadForm(
            request.POST if request.method == "POST" else None,
            request.FILES if request.method == "POST" else None,
            too_large=getattr(request, "importer_too_large", None),
        )
        if upload_form.is_valid():
            try:
                token = make_token(upload_form.upload, request.user)
            except ExtractionError as exc:
                upload_form.add_error("file", str(exc))
            else:
                return self.preview_step(request, upload_form.upload, token)
        return self.render(request, {"upload_form": upload_form})

    def preview_step(self, request, upload, token):
        manuscript = parse_manuscript(upload.text)
        previous = ManuscriptImport.objects.previous(manuscript.content_hash)
        initial = {"token": token}
        if previous is not None:
            initial.update(
                issue=previous.article.issue_id, section=previous.article.section_id
            )
        form = ConfirmForm(
            initial=initial,
            user=request.user,
            previous=previous,
            matched_authors=byline_contributors(manuscript),
        )
        return self.render_preview(request, upload, manuscript, form)

    def confirm_step(self, request):
        try:
            upload = read_token(request.POST.get("token"), request.user)
        except ValidationError as exc:
            upload_form = UploadForm()
            messages.error(request, exc.messages[0])
            return self.render(request, {"upload_form": upload_form})
        # Parsed again from the signed text: the browser sends choices, not results.
        manuscript = parse_manuscript(upload.text)
        previous = ManuscriptImport.objects.previous(manuscript.content_hash)
        form = ConfirmForm(request.POST, user=request.user, previous=previous)
        if form.is_valid():
            try:
                result = import_manuscript(
                    manuscript,
                    user=request.user,
                    file_name=upload.name,
                    file_format=upload.format,
                    issue=form.cleaned_data["issue"],
                    section=form.cleaned_data["section"],
                    authors=form.chosen_authors(),
                    update=form.update_target(),
                )
            except ImportRefused as exc:
                form.add_error(None, str(exc))
            except DatabaseError:
                form.add_error(
                    None,
                    _(
                        "The article could not be saved, and nothing was saved. Try "
                        "again in a moment."
                    ),
                )
            else:
                return self.done(request, result)
        return self.render_preview(request, upload, manuscript, form)

    def done(self, request, result):
        message = (
            _("The draft article “%(title)s” was created from %(file)s.")
            if result.created
            else _("The draft article “%(title)s” was updated from %(file)s.")
        )
        messages.success(
            request, message % {"title": result.article, "file": result.record}
        )
        for note in result.keyword_notes:
            messages.warning(request, note)
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[result.article.pk])
        )

    def render_preview(self, request, upload, manuscript, form):
        references = len(manuscript.references)
        context = {
            "upload": upload,
            "manuscript": manuscript,
            "form": form,
            "previous": form.previous,
            "languages": LANGUAGE_CHOICES,
            "sections": [
                (section, render_paragraphs(section.text, references))
                for section in manuscript.sections
            ],
            "keyword_rows": keyword_rows(manuscript),
            "citation_rows": citation_rows(manuscript),
            "media": self.media + form.media,
            "upload_form": UploadForm(),
        }
        return self.render(request, context)

    def render(self, request, context):
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import manuscript"),
            "opts": self.opts,
            "max_size": max_bytes(),
            "media": self.media,
            **context,
        }
        return TemplateResponse(request, self.import_template, context)


def keyword_rows(manuscript):
    """Per planned keyword: its label in ky, ru, en (or "") and whether it exists."""
    statuses = keyword_statuses(manuscript.keywords)
    return [
        (
            [(code, plan.labels.get(code, "")) for code, _name in LANGUAGE_CHOICES],
            exists,
        )
        for plan, exists in zip(manuscript.keywords, statuses, strict=True)
    ]


def citation_rows(manuscript):
    """Per in-text citation: where it is and the reference entries it points to."""
    by_number = {entry.number: entry for entry in manuscript.references}
    rows = []
    for citation in manuscript.citations:
        section = manuscript.sections[citation.section]
        place = section.heading or _("Section %(n)s") % {"n": citation.section + 1}
        targets = [(n, by_number.get(n)) for n in citation.numbers]
        rows.append((citation, place, targets))
    return rows
