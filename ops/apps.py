from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig


class OpsConfig(AppConfig):
    default = True  # the module holds the two configs below as well
    name = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from . import (
            admin_language,
            safety,  # noqa: F401 - registers the secret-key deploy check
        )
        from .twofactor import install
        from .wiring import connect_page_cache

        install()
        connect_page_cache()
        admin_language.install()


# Third-party apps under names editors understand, in their language (the app list
# shows an app's verbose_name; these two have none, or an untranslated one).
class AxesConfig(AxesAppConfig):
    verbose_name = _("Sign-in attempts")


class TOTPConfig(TOTPAppConfig):
    verbose_name = _("Two-factor sign-in")
