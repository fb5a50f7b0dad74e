"""The index follows every edit through signals, and can be rebuilt from scratch.

Tests run inside a transaction that never commits; `flush()` (which a search also
calls first) stands for the commit.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import ArticleSection, Authorship
from articles.services import merge_keywords
from articles.workflow import transition
from search.indexing import flush
from search.models import SearchDocument, SearchTerm, SearchText
from tests.builders import (
    add_section,
    make_article,
    make_contributor,
    make_issue,
    make_keyword,
)
from tests.helpers import url_in
from tests.relations.builders import make_agreement, make_event, make_person

from .helpers import search

pytestmark = pytest.mark.django_db

# article; its sections, keywords and authors; in a savepoint: when the old documents
# became public, delete texts and documents, insert documents and texts, on
# PostgreSQL fill the vectors, then the words: which are known, insert the new ones.
QUERIES_PER_REINDEX = 13 + (connection.vendor == "postgresql")


def hits(client, q, lang="en"):
    return search(client, lang, q=q).hits


def test_an_article_has_one_document_per_language_with_text(db):
    article = make_article(title_ky="", abstract_ky="", title_en="Only", abstract_en="")
    flush()
    languages = set(
        SearchDocument.objects.filter(object_id=article.pk).values_list(
            "language", flat=True
        )
    )
    assert languages == {"ru", "en"}


def test_editing_title_body_authors_and_keywords_reindexes(client, db):
    article = make_article(title_en="Avalanche")
    assert hits(client, "avalanche") == [url_in("en", article)]

    article.title_en = "Glacier"
    article.save()
    assert hits(client, "avalanche") == []
    assert hits(client, "glacier") == [url_in("en", article)]

    section = add_section(article, text_en="Moraine deposits.")
    assert hits(client, "moraine") == [url_in("en", article)]
    section.text_en = "Scree slopes."
    section.save()
    assert hits(client, "moraine") == []
    section.delete()
    assert hits(client, "scree") == []

    author = make_contributor(last_name_en="Zhyrgalbekov")
    link = Authorship.objects.create(article=article, contributor=author, order=5)
    assert hits(client, "zhyrgalbekov") == [url_in("en", article)]
    author.last_name_en = "Toktomushev"
    author.save()
    assert hits(client, "toktomushev") == [url_in("en", article)]
    link.delete()
    assert hits(client, "toktomushev") == []

    keyword = make_keyword(name_en="permafrost")
    article.keywords.add(keyword)
    assert hits(client, "permafrost") == [url_in("en", article)]
    keyword.name_en = "icefield"
    keyword.save()
    assert hits(client, "icefield") == [url_in("en", article)]
    article.keywords.remove(keyword)
    assert hits(client, "icefield") == []


def test_merging_keywords_moves_their_words(client, db):
    target = make_keyword(name_en="frontier", name_ru=None, name_ky=None)
    source = make_keyword(name_en="boundary line", name_ru="пограничная линия")
    article = make_article(keywords=[source])
    merge_keywords(target, [source])
    assert hits(client, "frontier") == [url_in("en", article)]
    assert hits(client, "пограничная", "ru") == [url_in("ru", article)]


def test_deleting_removes_the_documents(client, db):
    article = make_article(title_en="Ephemeral")
    event = make_event(title_en="Ephemeral event")
    article.delete()
    event.delete()
    flush()
    assert not SearchDocument.objects.filter(object_id__in=[article.pk, event.pk])
    assert not SearchText.objects.exists()
    assert hits(client, "ephemeral") == []


def test_publishing_needs_no_reindex(client, db):
    from django.contrib.auth.models import Group, User

    from articles.workflow import Role

    issue = make_issue()
    draft = make_article(
        issue=issue, status="accepted", published_at=None, title_en="Awaited"
    )
    assert hits(client, "awaited") == []
    manager = User.objects.create_user("m", password="x-long-password-1")
    manager.groups.add(Group.objects.get(name=Role.MANAGING_EDITOR))
    transition(draft, "published", by=manager, note="")
    assert hits(client, "awaited") == [url_in("en", draft)]


def test_event_names_and_links_are_indexed(client, db):
    person = make_person(name_en="Almazbek Atambayev")
    event = make_event(title_en="A visit", people=[person])
    assert hits(client, "atambayev") == [url_in("en", event)]
    person.name_en = "Sadyr Japarov"
    person.save()
    assert hits(client, "japarov") == [url_in("en", event)]
    event.people.clear()
    assert hits(client, "japarov") == []
    person.events.add(event)
    assert hits(client, "japarov") == [url_in("en", event)]
    person.events.clear()
    assert hits(client, "japarov") == []


def test_agreement_text_is_indexed(client, db):
    agreement = make_agreement(title_en="Treaty", summary_en="On hydropower quotas.")
    assert hits(client, "hydropower") == [url_in("en", agreement)]
    agreement.summary_en = "On grazing rights."
    agreement.save()
    assert hits(client, "hydropower") == []
    assert hits(client, "grazing") == [url_in("en", agreement)]


def test_rebuild_command_recreates_the_same_index(client, db):
    article = make_article(title_en="Rebuilt", keywords=[make_keyword()])
    add_section(article, text_ru="Текст статьи.")
    make_event(title_en="Rebuilt event")
    flush()
    before = sorted(
        SearchDocument.objects.values_list(
            "kind", "object_id", "language", "content__text_f", "content__title_f"
        )
    )
    SearchText.objects.all().delete()
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    assert hits(client, "rebuilt") == []
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed" in out.getvalue()
    after = sorted(
        SearchDocument.objects.values_list(
            "kind", "object_id", "language", "content__text_f", "content__title_f"
        )
    )
    assert after == before
    assert len(hits(client, "rebuilt")) == 2
    assert SearchTerm.objects.filter(word="rebuilt").exists()


def test_one_save_of_many_rows_is_one_reindex(db, django_assert_num_queries):
    article = make_article(keywords=[make_keyword(), make_keyword()], authors=3)
    add_section(article, text_en="One.")
    add_section(article, text_en="Two.", order=1)
    flush()
    article.save()
    add_section(article, text_en="Three.", order=2)
    article.keywords.add(make_keyword())
    with django_assert_num_queries(QUERIES_PER_REINDEX):
        flush()
    assert SearchText.objects.filter(text__contains="Three").count() == 1


def test_sections_and_authorships_removed_with_their_article(db):
    article = make_article(title_en="Cascade")
    add_section(article, text_en="Body.")
    flush()
    assert SearchDocument.objects.filter(kind="article").exists()
    article.delete()
    flush()
    assert not ArticleSection.objects.exists()
    assert not SearchDocument.objects.filter(kind="article").exists()
