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
UNSET = (
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "SITE_URL",
    "OAI_ADMIN_EMAILS",
    "EMAIL_PORT",
    "EMAIL_USE_TLS",
    "CROSSREF_DEPOSITOR_NAME",
    "PYTEST_VERSION",
)


def import_settings(show="SECRET_KEY", **env):
    """Import config.settings in a new interpreter and print setting `show`."""
    clean = {k: v for k, v in os.environ.items() if k not in UNSET}
    code = f"import config.settings as s; print(s.{show})"
    return subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "-c", code],
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


def test_site_url_loses_its_trailing_slash():
    run = import_settings("SITE_URL", DJANGO_DEBUG="1", SITE_URL="https://j.example.kg/")
    assert run.stdout.strip() == "https://j.example.kg"


@pytest.mark.parametrize(
    "value", ["journal.example.kg", "https://j.example.kg/journal", "ftp://j.kg"]
)
def test_a_site_url_that_is_not_scheme_and_host_is_refused(value):
    run = import_settings("SITE_URL", DJANGO_DEBUG="1", SITE_URL=value)
    assert run.returncode != 0
    assert "SITE_URL must be the site's scheme and host only" in run.stderr


def test_deployment_settings_come_from_the_environment():
    show = "OAI_ADMIN_EMAILS, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.CROSSREF_DEPOSITOR_NAME"
    run = import_settings(
        show,
        DJANGO_DEBUG="1",
        OAI_ADMIN_EMAILS=" oai@j.example.kg, ,editor@j.example.kg",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="1",
        CROSSREF_DEPOSITOR_NAME="KNU Press",
    )
    assert run.stdout.strip() == (
        "['oai@j.example.kg', 'editor@j.example.kg'] 587 True KNU Press"
    )
