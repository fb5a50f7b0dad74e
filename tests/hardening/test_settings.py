"""config/settings.py refuses to run a production site on unsafe defaults.

The settings are imported in a fresh interpreter, as gunicorn or manage.py would:
inside the test process they are already loaded, and pytest itself is what lets the
suite use the development key.
"""

import os
import subprocess  # noqa: S404 - the settings must be imported in a fresh process
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNSET = ("DJANGO_DEBUG", "DJANGO_SECRET_KEY", "SITE_URL", "PYTEST_VERSION")


def import_settings(**env):
    """Import config.settings in a new interpreter; the finished process."""
    clean = {k: v for k, v in os.environ.items() if k not in UNSET}
    return subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "-c", "import config.settings as s; print(s.SECRET_KEY)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_debug_and_without_a_key_the_site_refuses_to_start():
    run = import_settings(DJANGO_DEBUG="0")
    assert run.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in run.stderr
    assert "secrets.token_urlsafe" in run.stderr  # how to make one


def test_the_public_development_key_is_refused_too():
    from config.settings import DEVELOPMENT_SECRET_KEY

    run = import_settings(DJANGO_SECRET_KEY=DEVELOPMENT_SECRET_KEY)
    assert run.returncode != 0
    assert "DJANGO_SECRET_KEY" in run.stderr


def test_with_a_key_the_site_starts_on_it():
    run = import_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="a-real-secret-0123")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "a-real-secret-0123"


@pytest.mark.parametrize("debug", ["1", "true", "on"])
def test_in_debug_the_development_key_is_used(debug):
    from config.settings import DEVELOPMENT_SECRET_KEY

    run = import_settings(DJANGO_DEBUG=debug)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == DEVELOPMENT_SECRET_KEY
