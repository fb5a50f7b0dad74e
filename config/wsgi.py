import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Imported after setup: refuses to serve on the public key with DEBUG off.
from ops.safety import refuse_public_key  # noqa: E402

refuse_public_key()
