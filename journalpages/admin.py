from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from articles.admin import TabbedAdmin
from articles.roles import may

from . import revisions  # noqa: F401 - registered before VersionAdmin is built
from .models import BoardMember, Page


class JournalPagesPolicy:
    """The journal's own pages speak for the journal: only the roles with
    `manage_journal_pages` (articles/roles.py) add, change, delete or restore them."""

    def _may(self, request):
        return may(request.user, "manage_journal_pages")

    def has_module_permission(self, request):
        return self._may(request)

    def has_view_permission(self, request, obj=None):
        return self._may(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return self._may(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._may(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may(request) and super().has_delete_permission(request, obj)


@admin.register(Page)
class PageAdmin(JournalPagesPolicy, VersionAdmin, TabbedAdmin):
    list_display = [
        "__str__",
        "slug",
        "order",
        "in_navigation",
        "in_footer",
        "is_published",
        "preview_link",
    ]
    list_editable = ["order", "in_navigation", "in_footer"]
    list_filter = ["is_published", "in_navigation", "in_footer"]
    search_fields = ["slug", "title_ky", "title_ru", "title_en"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["preview_link", "updated_at"]

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if obj.pk is None:
            return "—"
        url = reverse("journalpages:preview", kwargs={"pk": obj.pk})
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Preview")
        )


@admin.register(BoardMember)
class BoardMemberAdmin(JournalPagesPolicy, VersionAdmin, TabbedAdmin):
    list_display = ["__str__", "role", "orcid", "order"]
    list_editable = ["order"]
    search_fields = ["name_ky", "name_ru", "name_en", "orcid"]
