import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from articles.models import Article, Keyword, TaggedItem
from articles.services import keyword_get_or_create, merge_keywords
from articles.sorting import alphabet_key
from tests.builders import future, make_article, make_issue, make_keyword, past

pytestmark = pytest.mark.django_db

ASCII_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --- slugs ---


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("ky", "Кыргыз-тажик чек арасындагы суу-энергетикалык мамилелер"),
        ("ru", "Водно-энергетические отношения Кыргызстана и Таджикистана"),
        ("ky", "Ңөү"),
    ],
    ids=["kyrgyz", "russian", "kyrgyz-letters-only"],
)
def test_cyrillic_title_gives_ascii_slug(language, title):
    titles = {
        "title_ky": "",
        "title_ru": "",
        "title_en": "",
        f"title_{language}": title,
    }
    article = make_article(original_language=language, **titles)
    assert ASCII_SLUG.match(article.slug), article.slug


def test_kyrgyz_letters_survive_in_the_slug():
    article = make_article(title_ky="Өңүр", title_en="", original_language="ky")
    assert article.slug == "ongur"


def test_same_title_gives_different_slugs():
    title = "Кыргызстан жана Тажикстан"
    first = make_article(title_ky=title, original_language="ky")
    second = make_article(title_ky=title, original_language="ky")
    assert first.slug != second.slug
    assert ASCII_SLUG.match(first.slug) and ASCII_SLUG.match(second.slug)
    assert second.slug.startswith(first.slug)


def test_slug_survives_a_second_save():
    article = make_article(title_ky="Биринчи аталыш")
    slug = article.slug
    article.title_ky = "Башка аталыш"
    article.save()
    article.refresh_from_db()
    assert article.slug == slug


def test_keyword_slug_is_ascii_for_a_cyrillic_only_keyword():
    keyword = make_keyword(name_ky="чек ара", name_ru=None, name_en=None)
    assert ASCII_SLUG.match(keyword.slug), keyword.slug


# --- issues ---


@pytest.mark.parametrize(
    ("language", "label"),
    [("ky", "2024, № 4/1"), ("ru", "2024, № 4/1"), ("en", "2024, No. 4/1")],
)
def test_issue_label_per_language(language, label):
    issue = make_issue(year=2024, number="4/1")
    assert issue.label(language) == label
    with translation.override(language):
        assert issue.label() == label
        assert str(issue) == label


def test_issue_slug():
    issue = make_issue(year=2024, number=" 4/1 ")
    assert issue.slug == "2024-4-1"
    assert issue.number == "4/1"


# --- keywords: one concept, up to three labels ---


@pytest.mark.parametrize("active", ["ky", "ru", "en"])
def test_saving_a_keyword_keeps_each_label_in_its_language(active):
    with translation.override(active):
        keyword = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
        keyword.save()
        partial = make_keyword(name_ky=None, name_ru="вода", name_en=None)
    keyword.refresh_from_db()
    partial.refresh_from_db()
    assert (keyword.name_ky, keyword.name_ru, keyword.name_en) == (
        "чек ара",
        "граница",
        "border",
    )
    assert (partial.name_ky, partial.name_ru, partial.name_en) == (None, "вода", None)


def test_keyword_with_a_taken_russian_label_fails_validation():
    make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    duplicate = Keyword(name_ky="чегара", name_ru="граница", name_en="frontier")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "name_ru" in excinfo.value.message_dict
    assert "name_en" not in excinfo.value.message_dict


def test_keyword_with_a_free_label_passes_validation():
    make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    other = Keyword(name_ky="суу", name_ru="вода", name_en="water")
    other.full_clean(exclude=["slug"])


def test_keyword_label_check_ignores_ascii_case():
    make_keyword(name_ky=None, name_ru=None, name_en="border")
    with pytest.raises(ValidationError) as excinfo:
        Keyword(name_en="Border").full_clean(exclude=["slug"])
    assert "name_en" in excinfo.value.message_dict


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite's LIKE/UPPER fold ASCII case only",
)
def test_keyword_label_check_ignores_cyrillic_case():
    make_keyword(name_ky=None, name_ru="граница", name_en=None)
    with pytest.raises(ValidationError) as excinfo:
        Keyword(name_ru="Граница").full_clean(exclude=["slug"])
    assert "name_ru" in excinfo.value.message_dict


def test_database_refuses_a_second_keyword_with_the_same_russian_label():
    make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    with pytest.raises(IntegrityError), transaction.atomic():
        Keyword(name_ru="граница", name_en="frontier").save()


def test_keywords_with_only_some_labels_are_fine():
    keywords = [
        make_keyword(name_ky=None, name_ru="граница", name_en=None),
        make_keyword(name_ky=None, name_ru=None, name_en="water"),
        make_keyword(name_ky="суу", name_ru=None, name_en=None),
        make_keyword(name_ky="тоо", name_ru="", name_en=""),
        make_keyword(name_ky="талаа", name_ru="", name_en=""),
    ]
    for keyword in keywords:
        keyword.full_clean()
    assert Keyword.objects.count() == 5


def test_keyword_needs_at_least_one_label():
    with pytest.raises(ValidationError):
        Keyword(name_ky="", name_ru=" ", name_en=None).full_clean(exclude=["slug"])


# --- the visibility rule ---


def _unpublished_issue():
    return make_issue(published_at=None)


@pytest.mark.parametrize(
    ("case", "fields"),
    [
        ("draft", {"status": Article.Status.DRAFT}),
        ("in review", {"status": Article.Status.IN_REVIEW}),
        ("accepted", {"status": Article.Status.ACCEPTED}),
        ("withdrawn", {"status": Article.Status.WITHDRAWN}),
        ("published in the future", {"published_at": future()}),
        ("published without a date", {"published_at": None}),
        ("issue not published", {"issue": "unpublished"}),
        ("issue scheduled", {"issue": "scheduled"}),
        ("no issue", {"issue": None}),
    ],
)
def test_not_public(case, fields):
    issue = fields.pop("issue", "default")
    if issue == "unpublished":
        issue = make_issue(published_at=None)
    elif issue == "scheduled":
        issue = make_issue(published_at=future())
    article = make_article(issue=issue, **fields)
    assert article not in Article.objects.public()
    assert not article.is_public


def test_public_when_published_in_the_past_in_a_published_issue():
    article = make_article(issue=make_issue(published_at=past(3)), published_at=past(1))
    assert list(Article.objects.public()) == [article]
    assert article.is_public


# --- keyword_get_or_create ---


def test_keyword_get_or_create_reuses_ascii_label_ignoring_case_and_spaces():
    border = make_keyword(name_ky=None, name_ru=None, name_en="Border")
    keyword, created = keyword_get_or_create("  border ", "en")
    assert (keyword, created) == (border, False)
    assert Keyword.objects.count() == 1


def test_keyword_get_or_create_reuses_exact_cyrillic_label():
    border = make_keyword(name_ky="чек ара", name_ru="Граница", name_en=None)
    assert keyword_get_or_create("Граница", "ru") == (border, False)
    assert keyword_get_or_create("чек ара", "ky") == (border, False)


def test_keyword_get_or_create_reuses_cyrillic_label_in_another_case():
    border = make_keyword(name_ky=None, name_ru="Граница", name_en=None)
    assert keyword_get_or_create("ГРАНИЦА", "ru") == (border, False)


def test_keyword_get_or_create_creates_a_keyword_in_the_given_language():
    border = make_keyword(name_ky=None, name_ru="граница", name_en=None)
    keyword, created = keyword_get_or_create("граница", "ky")
    assert created and keyword != border
    keyword.refresh_from_db()
    assert (keyword.name_ky, keyword.name_ru, keyword.name_en) == (
        "граница",
        None,
        None,
    )
    assert keyword_get_or_create("вода", "ru")[1] is True
    assert Keyword.objects.count() == 3


@pytest.mark.parametrize(
    ("name", "language"), [("", "ru"), ("   ", "en"), ("вода", "de")]
)
def test_keyword_get_or_create_rejects_bad_input(name, language):
    with pytest.raises(ValueError):
        keyword_get_or_create(name, language)


# --- merge_keywords ---


def test_merge_keywords_moves_articles_and_fills_labels():
    target = make_keyword(name_ky="чек ара", name_ru=None, name_en=None)
    source = make_keyword(name_ky=None, name_ru="граница", name_en="border")
    only_source = make_article(keywords=[source])
    both = make_article(keywords=[source, target])
    only_target = make_article(keywords=[target])

    moved = merge_keywords(target, [source])

    assert moved == 1
    assert not Keyword.objects.filter(pk=source.pk).exists()
    for article in (only_source, both, only_target):
        assert list(article.keywords.all()) == [target]
    assert TaggedItem.objects.filter(tag=target).count() == 3
    target.refresh_from_db()
    assert (target.name_ky, target.name_ru, target.name_en) == (
        "чек ара",
        "граница",
        "border",
    )


def test_merge_keywords_keeps_the_targets_own_labels():
    target = make_keyword(name_ky="чек ара", name_ru=None, name_en="frontier")
    first = make_keyword(name_ky="чегара", name_ru="граница", name_en="border")
    second = make_keyword(name_ky=None, name_ru="рубеж", name_en=None)
    article = make_article(keywords=[first, second])

    merge_keywords(target, [first, second])

    target.refresh_from_db()
    assert (target.name_ky, target.name_ru, target.name_en) == (
        "чек ара",
        "граница",
        "frontier",
    )
    assert list(article.keywords.all()) == [target]
    assert list(Keyword.objects.all()) == [target]


# --- alphabetical order ---


def test_kyrgyz_letters_sort_after_their_base_letters():
    key = alphabet_key
    assert key("н") < key("ң") < key("о")
    assert key("о") < key("ө") < key("п")
    assert key("у") < key("ү") < key("ф")
    words = ["өзгөрүү", "ооба", "үй", "ушул", "фонд", "ңы", "нан"]
    assert sorted(words, key=key) == [
        "нан",
        "ңы",
        "ооба",
        "өзгөрүү",
        "ушул",
        "үй",
        "фонд",
    ]


def test_alphabetical_order_ignores_case_and_puts_the_page_script_first():
    words = ["border", "Граница", "вода", "Arms"]
    assert sorted(words, key=lambda w: alphabet_key(w, "ru")) == [
        "вода",
        "Граница",
        "Arms",
        "border",
    ]
    assert sorted(words, key=lambda w: alphabet_key(w, "en")) == [
        "Arms",
        "border",
        "вода",
        "Граница",
    ]
