from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalPagesConfig(AppConfig):
    name = "journalpages"
    verbose_name = _("Journal pages")

    def ready(self):
        from articles import extensions
        from articles.apps import connect_text_cleaning

        from . import context_processors, revisions, roles  # noqa: F401 - revisions registers models

        connect_text_cleaning(self)
        if roles.ROLE_PERMISSIONS not in extensions.role_permissions:
            extensions.role_permissions.append(roles.ROLE_PERMISSIONS)
        if context_processors.frame_part not in extensions.frame_parts:
            extensions.frame_parts.append(context_processors.frame_part)
