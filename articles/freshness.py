"""An article's `updated_at` moves whenever anything its page shows changes.

The article page keeps its rendered main part per article, language and `updated_at`
(`ArticleDetailView`), and sitemaps' lastmod and OAI-PMH datestamps read the same
field. So a change to a part of an article (a body section, a reference, a PDF, an
authorship, a keyword link) or to something its page shows (a keyword's or an author's
name, its issue or rubric, the journal, an event or agreement linked to it) moves
`updated_at` of just the articles concerned, in one UPDATE that sends no signals.

Knowledge-base entries register their own links with `touch_linked()`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from .models import (
    Article,
    ArticleSection,
    Authorship,
    Contributor,
    Galley,
    Issue,
    Journal,
    Keyword,
    Reference,
    Section,
    TaggedItem,
)


def touch(articles):
    """Move `updated_at` of the articles in the queryset `articles` to now."""
    Article.objects.filter(pk__in=articles.values("pk")).update(
        updated_at=timezone.now()
    )


def touch_ids(ids):
    ids = [pk for pk in ids if pk is not None]
    if ids:
        Article.objects.filter(pk__in=ids).update(updated_at=timezone.now())


def _part_changed(sender, instance, **kwargs):
    touch_ids([instance.article_id])


def _tagged_item_changed(sender, instance, **kwargs):
    if instance.content_type_id == ContentType.objects.get_for_model(Article).pk:
        touch_ids([instance.object_id])


def _keyword_changed(sender, instance, **kwargs):
    touch(Article.objects.filter(keywords=instance))


def _contributor_changed(sender, instance, **kwargs):
    touch(Article.objects.filter(authorships__contributor=instance))


def _issue_changed(sender, instance, **kwargs):
    touch(Article.objects.filter(issue=instance))


def _section_changed(sender, instance, **kwargs):
    touch(Article.objects.filter(section=instance))


def _journal_changed(sender, instance, **kwargs):
    touch(Article.objects.all())


def touch_linked(model, uid):
    """Touch the articles linked to entries of `model` (its `articles` many-to-many)
    when an entry is saved, deleted or linked to articles."""

    def changed(sender, instance, **kwargs):
        touch(Article.objects.filter(pk__in=instance.articles.values("pk")))

    def links_changed(sender, instance, action, pk_set, **kwargs):
        if action == "pre_clear":
            changed(sender, instance)
        elif action in ("post_add", "post_remove"):
            touch_ids([instance.pk] if isinstance(instance, Article) else pk_set or ())

    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    pre_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-del")
    m2m_changed.connect(
        links_changed,
        sender=model.articles.through,
        weak=False,
        dispatch_uid=f"{uid}-links",
    )


def connect():
    for model in (ArticleSection, Reference, Galley, Authorship):
        uid = f"fresh-{model._meta.label}"
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"{uid}-del")
    for model, receiver in (
        (TaggedItem, _tagged_item_changed),
        (Keyword, _keyword_changed),
        (Contributor, _contributor_changed),
        (Issue, _issue_changed),
        (Section, _section_changed),
        (Journal, _journal_changed),
    ):
        uid = f"fresh-{model._meta.label}"
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
        # Before the delete: afterwards the links that find the articles are gone.
        pre_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-del")
