from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.languages import LANGUAGE_CHOICES


class Kind(models.TextChoices):
    ARTICLE = "article", _("article")
    EVENT = "event", _("event")
    AGREEMENT = "agreement", _("agreement")


class SearchDocument(models.Model):
    """One article, event or agreement in one language: what the search matches.

    Maintained by signals (`search.signals`) and rebuilt by `rebuild_search_index`.
    It holds no visibility: whether the object may be shown is decided at query time
    by `Article.objects.public()` and `published()`, so publishing needs no re-index.

    On PostgreSQL, migration 0002 adds two tsvector columns, `head` (title A,
    keywords and names B, abstract C) and `body` (D), each with a GIN index; the
    model does not declare them because SQLite has neither. The row is kept narrow
    (the text lives in `SearchText`) so that scanning thousands of hits stays cheap.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.BigIntegerField(_("object id"))
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    # When the object becomes public as indexed (None: not published). Only the
    # "did you mean" words use it; hits are filtered by the visibility rule itself.
    public_from = models.DateTimeField(_("public from"), null=True, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"],
                name="search_document_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=Kind.values), name="search_document_kind"
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"


class SearchText(models.Model):
    """The text of a document, as written (snippets) and folded (matching).

    Each `_f` column is `search.text.fold()` of its source, character for character.
    """

    # Deleted explicitly before its document (`search.indexing.store`), so that
    # deleting documents needs no query to collect them first.
    document = models.OneToOneField(
        SearchDocument,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        related_name="content",
        verbose_name=_("search document"),
    )
    title_f = models.TextField(blank=True)
    keywords_f = models.TextField(blank=True)
    names_f = models.TextField(blank=True)
    # The abstract (or description), a blank line, then the body: the snippet source.
    text = models.TextField(_("text"), blank=True)
    text_f = models.TextField(blank=True)
    abstract_length = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")

    def __str__(self):
        return str(self.document_id)


class SearchTerm(models.Model):
    """A folded word of a title, keyword, name or abstract of public content: the
    dictionary of "did you mean".

    Only published documents contribute, each from the time it becomes public
    (`public_from`: the earliest such time among the documents holding the word), so
    a word found only in a draft, a planned issue or a scheduled article is never
    offered, nor is a word found only in withdrawn work (`search.indexing` counts a
    word again when a document holding it stops being public).
    """

    word = models.CharField(_("word"), max_length=60, unique=True)
    public_from = models.DateTimeField(_("public from"), db_index=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.word
