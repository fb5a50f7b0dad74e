"""articles.languages: a translated field in one language, with or without fallback."""

from types import SimpleNamespace

from articles.languages import localized, value_in


def test_value_in_is_exactly_that_language_and_localized_falls_back():
    obj = SimpleNamespace(title_ky=None, title_ru="Заглавие", title_en="")
    assert value_in(obj, "title", "ky") == ""
    assert value_in(obj, "title", "ru") == "Заглавие"
    assert value_in(obj, "title", "en") == ""
    assert value_in(obj, "subtitle", "ru") == ""  # no such field
    assert value_in(obj, "title", "en", default=None) is None
    fallback = localized(obj, "title", "en")
    assert (fallback.text, fallback.lang) == ("Заглавие", "ru")
