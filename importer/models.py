from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class FileFormat(models.TextChoices):
    TXT = "txt", _("plain text")
    DOCX = "docx", _("Word (.docx)")
    PDF = "pdf", _("PDF")


class ImportAction(models.TextChoices):
    CREATED = "created", _("draft created")
    UPDATED = "updated", _("draft updated")


class ManuscriptImportQuerySet(models.QuerySet):
    def previous(self, content_hash):
        """The latest import of the same manuscript whose article still exists.

        Used by the import page and command to say "imported before" instead of
        silently creating a second article.
        """
        return (
            self.filter(content_hash=content_hash, article__isnull=False)
            .select_related("article")
            .order_by("-imported_at", "-id")
            .first()
        )


class ManuscriptImport(models.Model):
    """One manuscript file turned into a draft article, remembered by content hash."""

    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="manuscript_imports",
        verbose_name=_("article"),
    )
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(
        _("format"), max_length=4, choices=FileFormat.choices
    )
    action = models.CharField(_("result"), max_length=10, choices=ImportAction.choices)
    original_titles = models.JSONField(
        _("titles as written"),
        default=dict,
        blank=True,
        help_text=_("The titles exactly as the manuscript has them, per language."),
    )
    warning_count = models.PositiveIntegerField(_("warnings"), default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)

    objects = ManuscriptImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("manuscript import")
        verbose_name_plural = _("manuscript imports")
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(file_format__in=FileFormat.values),
                name="manuscript_import_format_valid",
            ),
            models.CheckConstraint(
                condition=Q(action__in=ImportAction.values),
                name="manuscript_import_action_valid",
            ),
        ]

    def __str__(self):
        return self.file_name
