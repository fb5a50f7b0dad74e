from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Journal")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from . import freshness, revisions  # noqa: F401 - revisions registers models
        from .link_rows import name_link_rows
        from .roles import ensure_roles

        # An account's groups and permissions, as a delete confirmation lists them.
        name_link_rows((get_user_model(), Group))
        freshness.connect()
        post_migrate.connect(ensure_roles, dispatch_uid="articles-roles")
        connect_text_cleaning(self)


def connect_text_cleaning(app_config):
    """Clean the text columns of every model of `app_config` before each save."""
    from .cleaning import clean_instance_text

    for model in app_config.get_models():
        pre_save.connect(
            clean_instance_text,
            sender=model,
            dispatch_uid=f"clean-text-{model._meta.label}",
        )
