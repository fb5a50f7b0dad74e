"""Issue #17: manuscripts extracted from PDFs import as the article that was printed.

Each corpus manuscript (corpus_texts.py) was laid out in printed lines and pages and
written as the .txt a PDF-to-text export gives (an empty line after every printed line,
words split at line ends, running header and page number mid-paragraph, sometimes the
first page printed again at the end) and as a PDF typeset by reportlab (make_corpus.py).
Whatever the form, the importer must give back exactly what the author wrote.
"""

import re

import pytest
from django.utils import translation

from importer.extract import extract_text
from importer.parser import parse_manuscript
from tests.importer.corpus import RUNNING_HEADER, corpus_file
from tests.importer.corpus_texts import MANUSCRIPTS

NAMES = sorted(MANUSCRIPTS)

TITLES = {
    "ky_water": {
        "ky": "Кыргыз-тажик чек арасындагы суу чарбасы жана кошуна элдердин "
        "кызматташтыгы",
        "ru": "Водное хозяйство на кыргызско-таджикской границе и сотрудничество "
        "соседних народов",
        "en": "Water management on the Kyrgyz-Tajik border and the cooperation of "
        "neighbouring peoples",
    },
    "ru_culture": {
        "ky": "Чыңгыз Айтматовдун чыгармалары тажик тилинде: маданий байланыштардын "
        "тарыхынан",
        "ru": "Произведения Чингиза Айтматова на таджикском языке: из истории "
        "культурных связей",
        "en": "The works of Chingiz Aitmatov in Tajik: from the history of cultural "
        "ties",
    },
    "en_diplomacy": {
        "ky": "Кыргызстан менен Тажикстандын дипломатиялык мамилелери: жогорку "
        "деңгээлдеги сапарлар",
        "ru": "Дипломатические отношения Кыргызстана и Таджикистана: визиты на "
        "высшем уровне",
        "en": "Diplomatic relations of Kyrgyzstan and Tajikistan: visits at the "
        "highest level",
    },
}
BODY_LANGUAGE = {"ky_water": "ky", "ru_culture": "ru", "en_diplomacy": "en"}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def blank_line_text(name):
    return corpus_file(name, ".txt").read_text(encoding="utf-8")


def pdf_text(name):
    return extract_text(corpus_file(name, ".pdf").read_bytes()).text


def no_blank_lines(name):
    return "\n".join(x for x in blank_line_text(name).split("\n") if x.strip())


def crlf_and_trailing_spaces(name):
    return "".join(f"{x}   \r\n" for x in blank_line_text(name).split("\n"))


FORMS = {
    "txt": blank_line_text,
    "pdf": pdf_text,
    "no-blank-lines": no_blank_lines,
    "crlf-trailing-spaces": crlf_and_trailing_spaces,
}


@pytest.fixture(params=NAMES)
def name(request):
    return request.param


@pytest.fixture(params=sorted(FORMS))
def parsed(request, name):
    return parse_manuscript(FORMS[request.param](name))


def test_the_front_matter_is_the_authors(name, parsed):
    front = MANUSCRIPTS[name]["front"]
    assert {code: block.title for code, block in parsed.blocks.items()} == TITLES[name]
    assert {code: block.abstract for code, block in parsed.blocks.items()} == {
        code: block["abstract"] for code, block in front.items()
    }


def test_keyword_lists_that_wrap_are_whole_and_paired(name, parsed):
    front = MANUSCRIPTS[name]["front"]
    assert {code: block.keywords for code, block in parsed.blocks.items()} == {
        code: block["keywords"] for code, block in front.items()
    }
    assert [plan.labels for plan in parsed.keywords] == [
        {"ky": ky, "ru": ru, "en": en}
        for ky, ru, en in zip(
            front["ky"]["keywords"],
            front["ru"]["keywords"],
            front["en"]["keywords"],
            strict=True,
        )
    ]


def test_paragraphs_and_headings_are_as_written(name, parsed):
    assert parsed.body_language == BODY_LANGUAGE[name]
    assert [(s.heading, s.paragraphs) for s in parsed.sections] == [
        (heading, [p.replace("¦", "") for p in paragraphs])
        for heading, paragraphs in MANUSCRIPTS[name]["sections"]
    ]


def test_references_and_nothing_else(name, parsed):
    assert [r.text for r in parsed.references] == MANUSCRIPTS[name]["references"]
    body = " ".join(s.text for s in parsed.sections)
    assert "2024, №4/1" not in body
    repeated = MANUSCRIPTS[name]["repeat_front"]
    assert parsed.warnings == (
        [
            "The title and abstract were printed a second time after the body; the "
            "copy was left out."
        ]
        if repeated
        else []
    )


def test_every_word_split_at_a_line_end_is_joined_as_written(name, parsed):
    front = MANUSCRIPTS[name]["front"].values()
    written = " ".join(
        [b["abstract"] for b in front]
        + [", ".join(b["keywords"]) for b in front]
        + [p for _h, ps in MANUSCRIPTS[name]["sections"] for p in ps]
        + MANUSCRIPTS[name]["references"]
    ).replace("¦", "")
    text = " ".join(
        [b.abstract for b in parsed.blocks.values()]
        + [", ".join(b.keywords) for b in parsed.blocks.values()]
        + [p for s in parsed.sections for p in s.paragraphs]
        + [r.text for r in parsed.references]
    )
    splits = printed_splits(name)
    assert len(splits) >= 6
    for head, tail in splits:
        kept, joined = f"{head}{tail}", f"{head[:-1]}{tail}"
        word = kept if kept in written else joined
        assert word in written
        assert word in text
        assert f"{head} {tail}" not in text


def printed_splits(name):
    """(line end, next line's start) where a printed line ends inside a word."""
    lines = [
        x
        for x in blank_line_text(name).split("\n")
        if x.strip() and x != RUNNING_HEADER and not x.isdigit()
    ]
    return [
        (line.split()[-1], following.split()[0].rstrip(".,;:"))
        for line, following in zip(lines, lines[1:], strict=False)
        if re.search(r"\w[-–]$", line)
    ]


@pytest.mark.parametrize(
    ("name", "heads", "words"),
    [
        (
            "ky_water",
            ["кыргыз-", "түп–", "2008-"],
            ["кыргыз-тажик", "түп–тамырынан", "2008-жылдын"],
        ),
        ("ru_culture", ["кыргызско-"], ["кыргызско-таджикские"]),
        ("en_diplomacy", ["Kyrgyz-"], ["Kyrgyz-Tajik"]),
    ],
)
@pytest.mark.parametrize("form", sorted(FORMS))
def test_compounds_split_at_a_line_end_keep_their_sign(name, heads, words, form):
    assert set(heads) <= {head for head, _tail in printed_splits(name)}
    paragraphs = " ".join(
        p for s in parse_manuscript(FORMS[form](name)).sections for p in s.paragraphs
    )
    for word in words:
        assert word in paragraphs.split()
