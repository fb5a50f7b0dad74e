import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own folder, never to the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Password hashing is deliberately slow; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Pages are rendered fresh in tests; the page cache's own tests switch it on.
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_CACHE_STATE_FILE = tmp_path / "page-generation"


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in the default language, as a fresh process would.

    A request through the test client leaves its language active in the thread, so
    without this a test would see whatever language the previous test last used.
    """
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: database rows (and their keys) repeat
    from one test to the next, and frozen clocks repeat their timestamps."""
    from django.core.cache import cache

    from articles import frame
    from articles.context_processors import forget_journal
    from articles.kept_pages import forget_frame
    from journalpages.context_processors import forget_pages

    cache.clear()
    forget_journal()
    forget_pages()
    forget_frame()
    frame.forget()


def pytest_collection_modifyitems(config, items):
    """Tests of the SQLite fallback are left out of a PostgreSQL run, not skipped."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return
    kept = [item for item in items if not item.get_closest_marker("sqlite_only")]
    if len(kept) != len(items):
        config.hook.pytest_deselected(
            items=[item for item in items if item.get_closest_marker("sqlite_only")]
        )
        items[:] = kept
