from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import signals
        from .indexing import build_if_empty

        signals.connect()
        post_migrate.connect(build_if_empty, sender=self, dispatch_uid="search-build")
