"""keyword_from_labels: the one way the importer and the demo loaders find keywords."""

import pytest

from articles.models import Keyword
from articles.services import LabelIndex, keyword_from_labels
from tests.builders import make_keyword

pytestmark = pytest.mark.django_db


def test_found_by_any_label_whatever_its_case_and_given_the_labels_it_lacks():
    border = make_keyword(name_ky="", name_ru="граница", name_en="")
    match = keyword_from_labels({"ky": "чек ара", "ru": "ГРАНИЦА", "en": "border"})
    assert (match.keyword, match.created, match.left_out) == (border, False, [])
    border.refresh_from_db()
    assert (border.name_ky, border.name_ru, border.name_en) == (
        "чек ара",
        "граница",
        "border",
    )


def test_a_label_of_another_keyword_is_left_out_never_taken():
    other = make_keyword(name_ky="", name_ru="", name_en="frontier")
    border = make_keyword(name_ky="", name_ru="граница", name_en="")
    match = keyword_from_labels({"ru": "граница", "en": "Frontier"})
    assert match.keyword == border
    assert match.left_out == [("en", "Frontier", other.pk)]
    border.refresh_from_db()
    assert border.name_en is None or border.name_en == ""


def test_a_new_keyword_is_named_in_english_first_and_one_index_serves_many():
    index = LabelIndex()
    labels = {"ru": "водные ресурсы", "en": "water resources"}
    match = keyword_from_labels(labels, index)
    assert match.created and match.keyword.slug == "water-resources"
    again = keyword_from_labels({"ky": "суу ресурстары", "ru": "Водные ресурсы"}, index)
    assert not again.created and again.keyword == match.keyword
    assert Keyword.objects.count() == 1
    assert Keyword.objects.get().name_ky == "суу ресурстары"
