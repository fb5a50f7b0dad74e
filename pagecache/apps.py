import logging

from django.apps import AppConfig, apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _

# The apps whose every save and delete makes cached pages stale. The page cache knows
# no content app: the project wires them (ops/wiring.py) with `watch_app()`.
watched_apps = set()

# {model: callable returning the queryset of its rows readers may see}, for the
# watched models that can leave public view by a save (an article or issue
# un-published, a knowledge-base entry un-published). Wired in ops/wiring.py.
visibility = {}


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache-m2m")


def watch_app(label):
    """Make any save or delete of a model of app `label` invalidate cached pages."""
    if not apps.is_installed(label):
        return
    watched_apps.add(label)
    for model in apps.get_app_config(label).get_models():
        uid = f"pagecache-{model._meta.label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}-presave")
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-del")


def invalidate(sender=None, strict=True, **kwargs):
    """Content changed, every cached page is stale.

    `strict` unless the caller knows nothing left public view: then no page
    rendered before the change is ever served again (see pagecache.cache). The
    content apps' "content changed" signal (publishing, withdrawing, un-publishing
    in bulk) is strict.
    """
    # Now, and again once the change is committed: a page (or the kept journal)
    # read by another worker between the two would otherwise keep the old content
    # under the new generation.
    _bump(strict)
    transaction.on_commit(lambda: _bump(strict))


def _bump(strict):
    from .cache import bump

    try:
        bump(strict=strict)
    except Exception:  # noqa: BLE001 - a cache outage must not stop an editor's save
        logging.getLogger(__name__).error("could not invalidate the page cache")


def _is_public(model, pk):
    return visibility[model]().filter(pk=pk).exists()


def _before_save(sender, instance, raw=False, **kwargs):
    if sender in visibility and instance.pk is not None and not raw:
        instance._pagecache_was_public = _is_public(sender, instance.pk)


def _saved(sender, instance, **kwargs):
    was_public = getattr(instance, "_pagecache_was_public", False)
    instance.__dict__.pop("_pagecache_was_public", None)
    left_view = was_public and not _is_public(sender, instance.pk)
    invalidate(sender, strict=left_view)


def _deleted(sender, **kwargs):
    invalidate(sender, strict=True)


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_") and sender._meta.app_label in watched_apps:
        # A link added shows more; a link removed or cleared hides something.
        invalidate(sender, strict=action != "post_add")
