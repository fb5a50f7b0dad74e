from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from . import safety  # noqa: F401 - registers the secret-key deploy check
        from .twofactor import install
        from .wiring import connect_page_cache

        install()
        connect_page_cache()
