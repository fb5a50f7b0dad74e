"""Keep the index in step with the content.

Handlers only mark objects as changed (`indexing.mark`); the index is rewritten once
per object when the transaction commits, so that saving an article with its sections,
authors and keywords costs one re-index, not one per row. Hits are filtered at
query time through `public()` and `published()`; but the "did you mean" words come
from public documents only, so a change of publication (a workflow step, publishing
an issue or knowledge-base entries, an issue's date) re-indexes the objects
concerned too: `content_changed` names them (`pks`), an issue's save names its
articles.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.models import (
    Article,
    ArticleSection,
    Authorship,
    Contributor,
    Issue,
    Keyword,
    TaggedItem,
)
from articles.signals import content_changed
from relations.models import Agreement, Country, Event, Organization, Person

from . import indexing
from .models import Kind

MODEL_KINDS = {Article: Kind.ARTICLE, Event: Kind.EVENT, Agreement: Kind.AGREEMENT}
# Entry links whose names are part of an event's or agreement's document.
NAMED_LINKS = {
    Event.countries.through: Kind.EVENT,
    Event.organizations.through: Kind.EVENT,
    Event.people.through: Kind.EVENT,
    Agreement.countries.through: Kind.AGREEMENT,
    Agreement.organizations.through: Kind.AGREEMENT,
}


def _kind_of_content_type(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return MODEL_KINDS.get(model)


def object_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.mark(MODEL_KINDS[sender], [instance.pk])


def object_deleted(sender, instance, **kwargs):
    indexing.mark(MODEL_KINDS[sender], [instance.pk])


def publication_changed(sender, pks=None, **kwargs):
    """A bulk update changed whether objects `pks` of `sender` are public."""
    kind = MODEL_KINDS.get(sender)
    if kind and pks:
        indexing.mark(kind, list(pks))


def issue_saved(sender, instance, raw=False, **kwargs):
    """An issue's publication date decides when its articles become public."""
    if not raw:
        indexing.mark(
            Kind.ARTICLE, list(instance.articles.values_list("pk", flat=True))
        )


def article_part_changed(sender, instance, raw=False, **kwargs):
    """A body section or an authorship changed: its article's documents change."""
    if not raw:
        indexing.mark(Kind.ARTICLE, [instance.article_id])


def tagged_item_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    kind = _kind_of_content_type(instance.content_type_id)
    if kind:
        indexing.mark(kind, [instance.object_id])


def keyword_saved(sender, instance, raw=False, created=False, **kwargs):
    """A keyword's labels are part of every document tagged with it."""
    if raw or created:
        return
    items = TaggedItem.objects.filter(tag=instance).values_list(
        "content_type_id", "object_id"
    )
    by_kind = {}
    for content_type_id, object_id in items:
        kind = _kind_of_content_type(content_type_id)
        if kind:
            by_kind.setdefault(kind, []).append(object_id)
    for kind, ids in by_kind.items():
        indexing.mark(kind, ids)


def contributor_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    ids = instance.authorships.values_list("article_id", flat=True)
    indexing.mark(Kind.ARTICLE, list(ids))


def named_saved(sender, instance, raw=False, created=False, **kwargs):
    """A country, organization or person renamed: the entries that name it change."""
    if raw or created:
        return
    for model in (Event, Agreement):
        relation = f"{model._meta.model_name}s"
        if hasattr(instance, relation):
            ids = getattr(instance, relation).values_list("pk", flat=True)
            indexing.mark(MODEL_KINDS[model], list(ids))


def named_link_changed(sender, instance, action, reverse, pk_set, **kwargs):
    kind = NAMED_LINKS.get(sender)
    if kind is None:
        return
    if action == "pre_clear" and reverse:
        # After the clear the entries are gone from the link: remember them now.
        relation = f"{kind}s"
        instance._search_cleared = list(
            getattr(instance, relation).values_list("pk", flat=True)
        )
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        indexing.mark(kind, [instance.pk])
    elif action == "post_clear":
        indexing.mark(kind, getattr(instance, "_search_cleared", []))
    else:
        indexing.mark(kind, list(pk_set or ()))


def connect():
    """Called from SearchConfig.ready()."""
    for model in MODEL_KINDS:
        uid = f"search-{model._meta.label}"
        post_save.connect(object_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(object_deleted, sender=model, dispatch_uid=f"{uid}-del")
    content_changed.connect(publication_changed, dispatch_uid="search-publication")
    post_save.connect(issue_saved, sender=Issue, dispatch_uid="search-issue")
    for model in (ArticleSection, Authorship):
        uid = f"search-{model._meta.label}"
        post_save.connect(article_part_changed, sender=model, dispatch_uid=f"{uid}-s")
        post_delete.connect(article_part_changed, sender=model, dispatch_uid=f"{uid}-d")
    post_save.connect(
        tagged_item_changed, sender=TaggedItem, dispatch_uid="search-ti-s"
    )
    post_delete.connect(
        tagged_item_changed, sender=TaggedItem, dispatch_uid="search-ti-d"
    )
    post_save.connect(keyword_saved, sender=Keyword, dispatch_uid="search-keyword")
    post_save.connect(
        contributor_saved, sender=Contributor, dispatch_uid="search-contributor"
    )
    for model in (Country, Organization, Person):
        post_save.connect(
            named_saved, sender=model, dispatch_uid=f"search-{model._meta.label}"
        )
    m2m_changed.connect(named_link_changed, dispatch_uid="search-named-links")
