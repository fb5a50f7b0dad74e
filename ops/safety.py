"""The site never serves with the public development key unless DEBUG is on.

`refuse_public_key()` runs when the WSGI application is built (config/wsgi.py: gunicorn,
runserver, any WSGI server), and `check_secret_key` is a deploy check
(`manage.py check --deploy`). Other management commands (migrate, load_demo, backups)
sign nothing that outlives them and run on any key.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MESSAGE = (
    "DJANGO_SECRET_KEY is not set (or is the public development key) and DJANGO_DEBUG "
    "is off, so the site will not serve: anyone could forge its sessions and signed "
    "tokens. Set DJANGO_SECRET_KEY to a long random secret, for example the output of: "
    'python3 -c "import secrets; print(secrets.token_urlsafe(50))" (the same across '
    "restarts and workers). For local development set DJANGO_DEBUG=1 instead."
)


def unsafe_key():
    public = settings.SECRET_KEY in ("", settings.DEVELOPMENT_SECRET_KEY)
    return public and not settings.DEBUG


def refuse_public_key():
    if unsafe_key():
        raise ImproperlyConfigured(MESSAGE)


@checks.register(checks.Tags.security, deploy=True)
def check_secret_key(app_configs=None, **kwargs):
    if unsafe_key():
        return [checks.Error(MESSAGE, id="journal.E001")]
    return []
