"""Authors' Latin names: BGN/PCGN from the Cyrillic, filling only what is empty."""

import importlib

import pytest
from django.apps import apps

from articles.models import Contributor
from articles.transliteration import latin
from tests.builders import make_contributor


@pytest.mark.parametrize(
    "cyrillic, roman",
    [
        # The BGN/PCGN romanization of Kyrgyz, as the US and UK boards print these
        # names (Ж j, Ө ö, Ү ü differ from the Russian table).
        ("Ысык-Көл", "Ysyk-Köl"),
        ("Жалал-Абад", "Jalal-Abad"),
        ("Чүй", "Chüy"),
        ("Нарын", "Naryn"),
        ("Баткен", "Batken"),
    ],
)
def test_kyrgyz_spellings_follow_bgn_pcgn_for_kyrgyz(cyrillic, roman):
    assert latin(cyrillic, "ky") == roman


@pytest.mark.parametrize(
    "cyrillic, roman",
    [
        ("Юлия Щеглова", "Yuliya Shcheglova"),
        ("Екатеринбург", "Yekaterinburg"),
        ("Хабаровск", "Khabarovsk"),
        ("Жуковский", "Zhukovskiy"),
        ("Тверь", "Tver’"),
        ("Орёл", "Orël"),
    ],
)
def test_russian_spellings_follow_bgn_pcgn_for_russian(cyrillic, roman):
    assert latin(cyrillic, "ru") == roman


@pytest.mark.django_db
def test_an_empty_latin_name_is_transliterated_on_save_from_the_russian_name():
    author = make_contributor(
        last_name_ky="Өмүрбеков",
        first_name_ky="Жылдыз",
        last_name_ru="Омурбеков",
        first_name_ru="Жылдыз",
        last_name_en="",
        first_name_en="",
    )

    author = Contributor.objects.get(pk=author.pk)
    assert (author.last_name_en, author.first_name_en) == ("Omurbekov", "Zhyldyz")
    assert author.full_name("en").text == "Zhyldyz Omurbekov"


@pytest.mark.django_db
def test_a_kyrgyz_only_name_is_transliterated_by_the_kyrgyz_table():
    author = make_contributor(
        last_name_ky="Өмүрбеков",
        first_name_ky="Жылдыз",
        last_name_ru=None,
        first_name_ru=None,
        last_name_en=None,
        first_name_en=None,
    )
    author.refresh_from_db()
    assert author.full_name("en").text == "Jyldyz Ömürbekov"
    # A Russian text names the author in Cyrillic, not in the Latin spelling.
    assert author.full_name("ru").text == "Өмүрбеков Жылдыз"


@pytest.mark.django_db
def test_an_entered_or_corrected_latin_name_is_kept():
    author = make_contributor(
        last_name_ru="Омурбеков", last_name_en="Omurbekov", first_name_en="Jyldyz"
    )
    author.last_name_en = "Omurbekova"
    author.save()
    author.refresh_from_db()
    assert (author.last_name_en, author.first_name_en) == ("Omurbekova", "Jyldyz")


@pytest.mark.django_db
def test_the_migration_gives_earlier_contributors_their_latin_name():
    author = make_contributor(last_name_ru="Щеглова", first_name_ru="Юлия")
    # As saved before the transliteration existed.
    Contributor.objects.filter(pk=author.pk).update(last_name_en=None, first_name_en="")
    migration = importlib.import_module(
        "articles.migrations.0005_contributor_latin_names"
    )

    migration.fill_latin_names(apps, None)

    author.refresh_from_db()
    assert (author.last_name_en, author.first_name_en) == ("Shcheglova", "Yuliya")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "lang, words",
    [("ru", "транслитерируется"), ("ky", "транслитерацияланат"), ("en", "BGN/PCGN")],
)
def test_the_admin_says_how_an_empty_latin_name_is_made(admin_client, lang, words):
    response = admin_client.get(f"/{lang}/admin/articles/contributor/add/")

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert words in str(form.fields["last_name_en"].help_text)
    assert words in str(form.fields["first_name_en"].help_text)
    assert not form.fields["last_name_ru"].help_text
    assert words in response.content.decode()
