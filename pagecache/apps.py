import logging

from django.apps import AppConfig, apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

# The apps whose every save and delete makes cached pages stale. The page cache knows
# no content app: the project wires them (ops/wiring.py) with `watch_app()`.
watched_apps = set()


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
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}-del")


def invalidate(sender=None, **kwargs):
    """Signal receiver: content changed, every cached page is stale."""
    # Now, and again once the change is committed: a page (or the kept journal)
    # read by another worker between the two would otherwise keep the old content
    # under the new generation.
    _bump()
    transaction.on_commit(_bump)


def _bump():
    from .cache import bump

    try:
        bump()
    except Exception:  # noqa: BLE001 - a cache outage must not stop an editor's save
        logging.getLogger(__name__).error("could not invalidate the page cache")


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_") and sender._meta.app_label in watched_apps:
        invalidate(sender)
