"""Saving an import: the article and its parts, keywords reused, all or nothing."""

from unittest import mock

import pytest
from django.contrib.auth.models import Group, User
from django.db import DatabaseError
from django.utils import translation
from reversion.models import Version

from articles.models import Article, ArticleSection, Keyword, Reference
from articles.workflow import Role
from importer.models import ManuscriptImport
from importer.parser import parse_manuscript
from importer.services import (
    ImportRefused,
    import_manuscript,
    keyword_statuses,
    resolve_keywords,
)
from tests.builders import make_contributor, make_issue, make_keyword, make_section
from tests.importer.documents import sample
from tests.importer.expected import SAMPLES

pytestmark = pytest.mark.django_db

LABELS = ("name_ky", "name_ru", "name_en")


@pytest.fixture
def editor():
    user = User.objects.create_user("editor", password="x-long-password-1")
    user.groups.add(Group.objects.get(name=Role.EDITOR))
    return user


def run_import(name, user, **kwargs):
    manuscript = parse_manuscript(sample(name))
    return manuscript, import_manuscript(
        manuscript, user=user, file_name=name, file_format="txt", **kwargs
    )


def keyword_labels(article):
    return [tuple(getattr(k, f) for f in LABELS) for k in article.keywords.all()]


def test_a_draft_article_with_every_part_of_the_manuscript(editor):
    issue, section = make_issue(), make_section()
    first, second = make_contributor(), make_contributor()
    manuscript, result = run_import(
        "ky_ru_en_pdf_damage.txt",
        editor,
        issue=issue,
        section=section,
        authors=[(first, True), (second, False)],
    )
    expected = SAMPLES["ky_ru_en_pdf_damage.txt"]
    article = Article.objects.get()

    assert result.created and result.article == article
    assert article.status == Article.Status.DRAFT
    assert article.created_by == editor
    assert (article.issue, article.section) == (issue, section)
    assert article.original_language == "ky"
    for code, block in expected["blocks"].items():
        assert getattr(article, f"title_{code}") == block["title"]
        assert getattr(article, f"abstract_{code}") == block["abstract"]
    sections = list(article.sections.order_by("order"))
    assert [(s.order, s.heading_ky, s.text_ky) for s in sections] == [
        (n, heading, "\n\n".join(paragraphs))
        for n, (heading, paragraphs) in enumerate(expected["sections"], start=1)
    ]
    assert all(not s.text_ru and not s.text_en for s in sections)
    assert [
        (r.order, r.text, r.doi, r.url) for r in article.references.order_by("order")
    ] == [(n, *ref) for n, ref in enumerate(expected["references"], start=1)]
    assert [
        (a.contributor, a.order, a.corresponding)
        for a in article.authorships.order_by("order")
    ] == [(first, 0, True), (second, 1, False)]
    assert set(keyword_labels(article)) == {
        tuple(plan[c] for c in ("ky", "ru", "en")) for plan in expected["keywords"]
    }
    record = ManuscriptImport.objects.get()
    assert (record.article, record.action, record.imported_by) == (
        article,
        "created",
        editor,
    )
    assert record.content_hash == manuscript.content_hash
    assert record.original_titles["en"] == expected["blocks"]["en"]["title_original"]
    assert Version.objects.get_for_object(article).count() == 1


def test_existing_keywords_are_reused_and_only_missing_labels_filled(editor):
    border = make_keyword(name_ky=None, name_ru="Граница", name_en=None)
    water = make_keyword(name_ky="суу ресурстары", name_ru=None, name_en="water")
    # "border" already belongs to another keyword: it must not move or be doubled.
    other = make_keyword(name_ky=None, name_ru=None, name_en="border")

    with translation.override("en"):  # the notes are asserted in English
        _manuscript, result = run_import("ky_ru_en_pdf_damage.txt", editor)
    article = result.article

    border.refresh_from_db()
    water.refresh_from_db()
    assert (border.name_ky, border.name_ru, border.name_en) == (
        "чек ара",
        "Граница",
        None,
    )
    assert (water.name_ky, water.name_ru, water.name_en) == (
        "суу ресурстары",
        "водные ресурсы",
        "water",
    )
    assert set(article.keywords.all()) >= {border, water, other}
    assert Keyword.objects.count() == 3 + 3  # three new ones, none doubled
    assert any("“border”" in note for note in result.keyword_notes)
    assert any("“water resources”" in note for note in result.keyword_notes)


def test_importing_twice_creates_no_second_keyword(editor):
    run_import("ky_ru_en_pdf_damage.txt", editor)
    count = Keyword.objects.count()

    _manuscript, result = run_import("ky_ru_en_pdf_damage.txt", editor)

    assert Keyword.objects.count() == count == 5
    assert result.new_keywords == 0
    assert result.keyword_notes == []


def test_keyword_labels_match_case_insensitively_in_cyrillic(editor):
    existing = make_keyword(name_ky="ЧЕК АРА", name_ru=None, name_en=None)
    manuscript = parse_manuscript(sample("ky_ru_en_pdf_damage.txt"))

    keywords, _notes, new = resolve_keywords(manuscript.keywords[:1])

    assert keywords == [existing] and new == 0
    existing.refresh_from_db()
    assert (existing.name_ru, existing.name_en) == ("граница", "border")


def test_single_language_keywords_when_lists_differ(editor):
    _manuscript, result = run_import("ru_en_ky_missing_parts.txt", editor)

    assert set(keyword_labels(result.article)) == {
        ("эмгек миграциясы", None, None),
        ("акча которуулар", None, None),
        ("Евразия экономикалык бирлиги", None, None),
        ("Орусия", None, None),
        (None, None, "labour migration"),
        (None, None, "remittances"),
        (None, None, "Eurasian Economic Union"),
    }
    assert not result.article.abstract_en
    assert result.article.title_en.startswith("Labour")


def test_the_preview_reads_keyword_status_without_writing(editor):
    make_keyword(name_ky=None, name_ru="граница", name_en=None)
    manuscript = parse_manuscript(sample("ky_ru_en_pdf_damage.txt"))

    assert keyword_statuses(manuscript.keywords) == [True, False, False, False, False]
    assert Keyword.objects.count() == 1


def test_a_failure_half_way_saves_nothing(editor):
    manuscript = parse_manuscript(sample("ky_ru_en_pdf_damage.txt"))
    with (
        mock.patch.object(
            Reference.objects, "bulk_create", side_effect=DatabaseError("disk full")
        ),
        pytest.raises(DatabaseError),
    ):
        import_manuscript(manuscript, user=editor, file_name="a.txt", file_format="txt")

    assert Article.objects.count() == 0
    assert ArticleSection.objects.count() == 0
    assert Keyword.objects.count() == 0
    assert ManuscriptImport.objects.count() == 0


def test_no_title_no_article(editor):
    manuscript = parse_manuscript("Текст без заголовков и меток.\n")
    with translation.override("en"), pytest.raises(ImportRefused) as error:
        import_manuscript(manuscript, user=editor, file_name="a.txt", file_format="txt")
    assert str(error.value) == (
        "No title was recognised, so there is no article to create."
    )
    assert Article.objects.count() == 0


def test_updating_a_draft_replaces_its_parts_and_keeps_other_languages(editor):
    author = make_contributor()
    _manuscript, first = run_import(
        "ru_en_ky_missing_parts.txt", editor, authors=[(author, False)]
    )
    article = first.article
    article.abstract_en = "Typed by an editor."
    article.save()
    ArticleSection.objects.create(article=article, order=9, heading_ru="Лишний")

    _manuscript, second = run_import(
        "ru_en_ky_missing_parts.txt", editor, authors=[], update=article
    )

    article.refresh_from_db()
    assert second.article == article and not second.created
    assert Article.objects.count() == 1
    assert article.version == 2
    assert article.abstract_en == "Typed by an editor."
    assert list(article.sections.values_list("order", flat=True)) == [1, 2]
    assert article.authorships.count() == 0
    assert list(
        ManuscriptImport.objects.order_by("id").values_list("action", flat=True)
    ) == ["created", "updated"]


def test_only_a_draft_can_be_updated(editor):
    _manuscript, first = run_import("ru_en_ky_missing_parts.txt", editor)
    Article.objects.filter(pk=first.article.pk).update(status=Article.Status.IN_REVIEW)

    with pytest.raises(ImportRefused):
        run_import("ru_en_ky_missing_parts.txt", editor, update=first.article)
    assert ManuscriptImport.objects.count() == 1
