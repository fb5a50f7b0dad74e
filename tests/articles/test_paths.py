"""slug_path() gives the path reverse() gives, whatever the language and prefix."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from articles.paths import slug_path

CASES = [
    ("articles:article", {}),
    ("articles:issue", {}),
    ("articles:keyword", {}),
    ("articles:galley", {"language": "ru"}),
    ("interop:citation", {"fmt": "bib"}),
    ("interop:citation", {"fmt": "ris"}),
]
SLUGS = ["2024-4", "borders-and_customs", "x", "slug-stand-in-7c1f-2"]


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
@pytest.mark.parametrize(("viewname", "kwargs"), CASES)
def test_the_path_is_reverses(lang, viewname, kwargs):
    with translation.override(lang):
        for slug in SLUGS:
            expected = reverse(viewname, kwargs={"slug": slug, **kwargs})
            assert slug_path(viewname, slug, **kwargs) == expected
            assert expected.startswith(f"/{lang}/")


def test_under_a_script_prefix():
    try:
        set_script_prefix("/journal/")
        with translation.override("ru"):
            path = slug_path("articles:article", "a-1")
            assert path == reverse("articles:article", kwargs={"slug": "a-1"})
            assert path == "/journal/ru/articles/a-1/"
    finally:
        set_script_prefix("/")
    with translation.override("ru"):
        assert slug_path("articles:article", "a-1") == "/ru/articles/a-1/"


def test_what_is_no_slug_goes_through_reverse():
    with translation.override("en"):
        with pytest.raises(NoReverseMatch):
            slug_path("articles:article", "чек-ара")
        with pytest.raises(NoReverseMatch):
            slug_path("articles:article", "")
        with pytest.raises(NoReverseMatch):
            slug_path("articles:article", "a/b")
