"""`obj.keywords` (articles.models.KeywordLinks): keywords are linked and unlinked by
identity in every language, for articles and knowledge-base entries alike."""

from contextlib import contextmanager

import pytest
from django.db.models.signals import m2m_changed
from django.utils import translation

from articles.models import TaggedItem
from tests.builders import make_article, make_journal, make_keyword
from tests.relations.builders import make_agreement, make_event

pytestmark = pytest.mark.django_db
LANGUAGES = ["ky", "ru", "en"]
MAKERS = {"article": make_article, "event": make_event, "agreement": make_agreement}


@pytest.fixture
def tagged(request):
    make_journal()
    water = make_keyword(name_ky="суу", name_ru="вода", name_en="water")
    border = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    # A keyword with no Kyrgyz label: its base column is empty.
    trade = make_keyword(name_ky="", name_ru="торговля", name_en="trade")
    obj = MAKERS[request.param](title_en="Tagged", keywords=[water, border, trade])
    return obj, water, border, trade


def linked(obj):
    return set(obj.keywords.all())


@contextmanager
def link_signals():
    """[(action, keyword ids)] of the keyword-link signals sent inside the block."""
    changes = []

    def record(action, pk_set, **kwargs):
        changes.append((action, frozenset(pk_set or ())))

    m2m_changed.connect(record, sender=TaggedItem)
    try:
        yield changes
    finally:
        m2m_changed.disconnect(record, sender=TaggedItem)


@pytest.mark.parametrize("tagged", MAKERS, indirect=True)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_remove_unlinks_the_keyword_in_every_language(tagged, lang):
    obj, water, border, trade = tagged
    with translation.override(lang):
        obj.keywords.remove(water)
        obj.keywords.remove(trade)
    assert linked(obj) == {border}


@pytest.mark.parametrize("tagged", MAKERS, indirect=True)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_set_touches_only_the_links_that_change(tagged, lang):
    obj, water, border, trade = tagged
    kept = set(TaggedItem.objects.filter(tag__in=[water, trade]).values_list("pk"))
    added = make_keyword(name_ky="жер", name_ru="земля", name_en="land")
    with link_signals() as changes, translation.override(lang):
        obj.keywords.set([water, trade, added])
    assert linked(obj) == {water, trade, added}
    # The links of the keywords kept are the same rows: nothing was unlinked and
    # linked again (each of which moves what pages show and re-indexes search).
    assert kept <= set(TaggedItem.objects.values_list("pk"))
    assert ("post_remove", frozenset({border.pk})) in changes
    assert ("post_add", frozenset({added.pk})) in changes
    assert not any(
        action.endswith("remove") and water.pk in pks for action, pks in changes
    )


@pytest.mark.parametrize("tagged", ["article"], indirect=True)
def test_removing_a_keyword_that_is_not_linked_changes_nothing(tagged):
    obj, water, border, trade = tagged
    other = make_keyword(name_en="other")
    with link_signals() as changes:
        obj.keywords.remove(other)
    assert changes == []
    assert linked(obj) == {water, border, trade}


@pytest.mark.parametrize("tagged", MAKERS, indirect=True)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_setting_the_keywords_an_object_has_changes_nothing(tagged, lang):
    obj, water, border, trade = tagged
    links = set(TaggedItem.objects.values_list("pk", "tag_id"))
    with link_signals() as changes, translation.override(lang):
        obj.keywords.set([trade, water, border])
    assert changes == []
    assert set(TaggedItem.objects.values_list("pk", "tag_id")) == links
