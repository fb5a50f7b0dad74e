"""The journal's own pages (about, aims and scope, policies, contacts) and its board.

Editors write them in the admin in up to three languages; a page in a language it
lacks shows its text in the first language of the fallback chain, marked as such.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.cleaning import sanitize_html
from articles.languages import LANGUAGE_CODES, localized, value_in
from articles.models import ORCID_VALIDATOR


class PageQuerySet(models.QuerySet):
    def published(self):
        """Pages readers may see: every public channel (pages, links, sitemap)."""
        return self.filter(is_published=True)

    def linked(self):
        """Published pages linked from the header or the footer, in the editors'
        order (the site context processor, once per content change)."""
        return self.published().filter(Q(in_navigation=True) | Q(in_footer=True))


class Page(models.Model):
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        help_text=_("The last part of the page's address: latin letters, digits, -."),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Paragraphs, lists, links, bold and italic, superscript and subscript; "
            "anything else (images, styles, scripts) is removed on save."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    in_navigation = models.BooleanField(_("link in the header"), default=False)
    in_footer = models.BooleanField(_("link in the footer"), default=True)
    shows_board = models.BooleanField(
        _("show the editorial board"),
        default=False,
        help_text=_("The board members are listed after the text."),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Unpublished pages are seen only by editors, as a preview."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("journal page")
        verbose_name_plural = _("journal pages")

    def __str__(self):
        return localized(self, "title").text or self.slug

    def save(self, *args, **kwargs):
        # The body is rich text: only the narrow allow-list survives, in every language.
        for code in LANGUAGE_CODES:
            field = f"body_{code}"
            setattr(self, field, sanitize_html(getattr(self, field)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("journalpages:page", kwargs={"slug": self.slug})

    def clean(self):
        if not any(value_in(self, "title", c).strip() for c in LANGUAGE_CODES):
            raise ValidationError(_("Give the page a title in at least one language."))


class BoardMember(models.Model):
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(
        _("role on the board"),
        max_length=200,
        blank=True,
        help_text=_("For example: editor-in-chief, deputy editor, board member."),
    )
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    orcid = models.CharField(
        _("ORCID iD"), max_length=19, blank=True, validators=[ORCID_VALIDATOR]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("editorial board member")
        verbose_name_plural = _("editorial board")

    def __str__(self):
        return localized(self, "name").text or f"#{self.pk}"

    @property
    def orcid_url(self):
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""
