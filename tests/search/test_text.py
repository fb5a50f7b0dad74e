"""Folding, query parsing and snippet HTML: no database needed."""

import unicodedata

import pytest

from search import highlight
from search.text import (
    MAX_QUERY_CHARS,
    MAX_WORDS,
    Query,
    clean,
    fold,
    kyrgyz_stem,
    rough_stem,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ҮӨҢ", "уон"),
        ("үөң", "уон"),
        ("Өлкөлөр", "олколор"),
        ("Ёлка", "елка"),
        ("ГРАНИЦА", "граница"),
        ("Café Zürich", "cafe zurich"),
        ("İstanbul", "istanbul"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_keeps_every_character_in_its_place():
    text = "Кыргыз-тажик\tчек арасы:\x00 İzmir, ß, ﬁ, Ёё, ҮүӨөҢң\u202e!"
    assert len(fold(text)) == len(clean(text))


def test_nfd_and_nfc_fold_alike():
    word = "Өлкөлөр ёлка й"
    assert fold(unicodedata.normalize("NFD", word)) == fold(word)


def test_invisible_and_marker_characters_are_cleaned():
    assert clean("a\x00b\u200bc\ue000d\ufeffe") == "a b c d e"


def test_query_is_capped_in_characters_and_words():
    query = Query.parse("слово " * 1000)
    assert query.truncated
    assert query.words == ("слово",)
    many = Query.parse(" ".join(f"w{i}" for i in range(50)))
    assert len(many.words) == MAX_WORDS
    assert many.truncated
    assert len(Query.parse("x" * 1_000_000).text) <= MAX_QUERY_CHARS


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "*", "%", "\x00", "& | ! :*", "'\"();--", "<>", "___", "…—«»"],
)
def test_queries_without_letters_or_digits_are_empty(raw):
    assert not Query.parse(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "a & b",
        "a | b",
        "!a",
        "a:*",
        "a:A",
        "'a' <-> b",
        "(a",
        "a\\b",
        "a' OR '1'='1",
        "граница:* & !вода",
    ],
)
def test_tsquery_text_has_no_operators_from_the_input(raw):
    query = Query.parse(raw)
    for code in ("ky", "ru", "en"):
        tsquery = query.tsquery(code)
        terms = tsquery.split(" & ")
        assert all(t.removesuffix(":*").isalnum() for t in terms), tsquery


def test_very_long_words_are_left_out():
    query = Query.parse("граница " + "ы" * 150)
    assert query.words == ("граница",)


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("мамилелерди", "мамиле"),
        ("мамилелер", "мамиле"),
        ("мамиле", "мамиле"),
        ("чегаралары", "чегара"),
        ("суу", "суу"),
        ("олколордун", "олко"),
    ],
)
def test_kyrgyz_stem(word, stem):
    assert kyrgyz_stem(word) == stem


def test_kyrgyz_words_are_prefixes_and_others_are_stemmed_by_postgresql():
    query = Query.parse("Мамилелерди ы")
    assert query.tsquery("ky") == "мамиле:* & ы"
    assert query.tsquery("ru") == "мамилелерди & ы"


@pytest.mark.parametrize(
    ("word", "stem"),
    [("границы", "границ"), ("граница", "границ"), ("agreements", "agreement")],
)
def test_rough_stem_for_sqlite(word, stem):
    assert rough_stem(word) == stem


def test_snippet_escapes_the_text_then_marks():
    original = 'A <script>alert("x")</script> border & "more"'
    folded = fold(original)
    start = folded.index("border")
    headline = (
        folded[:start]
        + highlight.START
        + "border"
        + highlight.STOP
        + folded[start + 6 :]
    )
    html = highlight.from_headline(original, folded, headline)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>border</mark>" in html
    assert "&amp;" in html


def test_snippet_marks_the_original_letters():
    original = "Үлкөн Өлкөлөр жөнүндө"
    folded = fold(original)
    headline = f"{highlight.START}улкон{highlight.STOP} олколор"
    assert highlight.from_headline(original, folded, headline) == (
        "<mark>Үлкөн</mark> Өлкөлөр …"
    )


def test_snippet_never_trusts_unplaceable_headline_html():
    original = "plain text"
    html = highlight.from_headline(original, fold(original), "<b onclick=x>evil</b>")
    assert "<b" not in html
    assert html == "plain text"


def test_substring_snippet_marks_whole_words():
    original = "Тексттин башы. Чек аралар жөнүндө сөз. " + "толтургуч " * 50
    html = highlight.from_substrings(original, fold(original), ("арал",))
    assert "<mark>аралар</mark>" in html
