"""The site refuses to serve a production site on unsafe defaults.

Settings and the WSGI application are loaded in a fresh interpreter, as gunicorn or
manage.py would: inside the test process they are already loaded.
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


def run_python(code, **env):
    """Run `code` in a new interpreter with only `env` on top of a clean environment."""
    clean = {k: v for k, v in os.environ.items() if k not in UNSET}
    return subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def import_settings(show="SECRET_KEY", **env):
    """Import config.settings in a new interpreter and print setting `show`."""
    return run_python(f"import config.settings as s; print(s.{show})", **env)


def serve(**env):
    """Build the WSGI application, as gunicorn or runserver does."""
    return run_python("import config.wsgi; print('serving')", **env)


def check_deploy(**env):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; "
        "django.setup(); from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='ERROR')"
    )
    return run_python(code, **env)


def test_without_debug_and_without_a_key_the_site_refuses_to_serve():
    run = serve(DJANGO_DEBUG="0")
    assert run.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in run.stderr
    assert "secrets.token_urlsafe" in run.stderr  # how to make one
    assert "serving" not in run.stdout


def test_without_a_key_the_deploy_check_fails_with_the_reason():
    run = check_deploy(DJANGO_DEBUG="0")
    assert run.returncode != 0
    assert "journal.E001" in run.stderr
    assert "DJANGO_SECRET_KEY" in run.stderr


def test_the_public_development_key_is_refused_too():
    from config.settings import DEVELOPMENT_SECRET_KEY

    run = serve(DJANGO_SECRET_KEY=DEVELOPMENT_SECRET_KEY)
    assert run.returncode != 0
    assert "DJANGO_SECRET_KEY" in run.stderr


def test_with_a_key_the_site_serves_on_it():
    run = serve(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="a-real-secret-0123")
    assert run.returncode == 0, run.stderr
    assert "serving" in run.stdout
    run = import_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="a-real-secret-0123")
    assert run.stdout.strip() == "a-real-secret-0123"
    assert (
        "journal.E001"
        not in check_deploy(
            DJANGO_DEBUG="0", DJANGO_SECRET_KEY="a-real-secret-0123"
        ).stderr
    )


def test_management_commands_still_run_without_a_key():
    """migrate, load_demo, makemigrations sign nothing that outlives them."""
    run = import_settings(DJANGO_DEBUG="0")
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("debug", ["1", "true", "on"])
def test_in_debug_the_development_key_is_used(debug):
    from config.settings import DEVELOPMENT_SECRET_KEY

    run = serve(DJANGO_DEBUG=debug)
    assert run.returncode == 0, run.stderr
    assert import_settings(DJANGO_DEBUG=debug).stdout.strip() == DEVELOPMENT_SECRET_KEY


def test_site_url_loses_its_trailing_slash():
    run = import_settings(
        "SITE_URL", DJANGO_DEBUG="1", SITE_URL="https://j.example.kg/"
    )
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
