import logging

from django.apps import AppConfig, apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

CONTENT_APPS = ("articles", "relations")


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from articles.signals import content_changed

        content_changed.connect(_changed, dispatch_uid="pagecache-content")
        for label in CONTENT_APPS:
            if not apps.is_installed(label):
                continue
            for model in apps.get_app_config(label).get_models():
                uid = f"pagecache-{model._meta.label}"
                post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
                post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-del")
        m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache-m2m")


def _changed(sender, **kwargs):
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
    if action.startswith("post_") and sender._meta.app_label in CONTENT_APPS:
        _changed(sender)
