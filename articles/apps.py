from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Journal")

    def ready(self):
        from . import revisions  # noqa: F401 - registers models with reversion
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="articles-roles")
