"""Reading files: formats, encodings, and every kind of bad input."""

import codecs

import pytest
from django.utils import translation

from importer.extract import ExtractionError, check_size, decode_text, extract_text
from tests.importer.documents import (
    docx_bytes,
    encrypted_pdf_bytes,
    hand_written_pdf,
    pdf_bytes,
    sample,
    scanned_pdf_bytes,
    zip_bytes,
)

RUSSIAN = "Аннотация: Статья о границе.\nКлючевые слова: граница, вода.\n"
KYRGYZ = "Аннотациясы: Макала чек ара жөнүндө.\nНегизги сөздөр: чек ара, суу.\n"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (RUSSIAN.encode("utf-8"), RUSSIAN),
        (codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), RUSSIAN),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (RUSSIAN.encode("utf-16"), RUSSIAN),
        (RUSSIAN.encode("utf-16-le"), RUSSIAN),
        (RUSSIAN.encode("utf-16-be"), RUSSIAN),
        (KYRGYZ.encode("utf-16"), KYRGYZ),
        (KYRGYZ.encode("utf-8"), KYRGYZ),
        ("Abstract: plain English.\n".encode("cp1251"), "Abstract: plain English.\n"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "cp1251",
        "utf-16-bom",
        "utf-16-le",
        "utf-16-be",
        "utf-16-kyrgyz",
        "utf-8-kyrgyz",
        "ascii",
    ],
)
def test_text_in_the_usual_encodings_is_decoded(data, text):
    extracted = extract_text(data)
    assert (extracted.text, extracted.format) == (text, "txt")


def test_windows_line_ends_soft_hyphens_and_nbsp_are_normalised():
    data = "Чек\u00a0ара-\r\nсындагы суу\u00ad\r\n".encode()
    assert extract_text(data).text == "Чек ара-\nсындагы суу\n"


def test_a_docx_gives_paragraphs_in_order_with_tables():
    data = docx_bytes(
        "Биринчи абзац.\n\nЭкинчи\nабзац.", table=[["А", "Б"], ["1", "2"]]
    )
    assert (
        extract_text(data).text == "Биринчи абзац.\n\nЭкинчи\nабзац.\n\nА | Б\n\n1 | 2"
    )


def test_a_pdf_gives_its_text_layer_page_by_page():
    text = sample("en_ru_ky_word.txt")
    extracted = extract_text(pdf_bytes(text, lines_per_page=12))

    assert extracted.format == "pdf"
    assert extracted.text.count("\f") == len(text.split("\n")) // 12
    assert "Шанхай кызматташтык уюму" in extracted.text
    assert "Ферганской долине" in extracted.text


BAD_INPUT = [
    ("empty", b"", "The file is empty."),
    ("spaces", b" \n\t \n", "The file contains no text."),
    (
        "binary garbage",
        bytes(range(256)) * 40,
        "This file is not a text, Word (.docx) or PDF file that can be read. Upload "
        "the manuscript as .txt (UTF-8 or Windows-1251), .docx or .pdf.",
    ),
    (
        "png image",
        b"\x89PNG\r\n\x1a\n" + bytes(range(200)) * 5,
        "This file is not a text, Word (.docx) or PDF file that can be read. Upload "
        "the manuscript as .txt (UTF-8 or Windows-1251), .docx or .pdf.",
    ),
    (
        "scanned pdf",
        scanned_pdf_bytes(),
        "This PDF has no text layer (it looks scanned). Run text recognition (OCR) on "
        "it first, or upload the Word file.",
    ),
    (
        "pdf with almost no text",
        hand_written_pdf([["3"], ["4"]]),
        "This PDF has no text layer (it looks scanned). Run text recognition (OCR) on "
        "it first, or upload the Word file.",
    ),
    (
        "password-protected pdf",
        encrypted_pdf_bytes(),
        "This PDF is protected by a password. Upload an unprotected copy.",
    ),
    (
        "broken pdf",
        b"%PDF-1.4\n" + b"garbage " * 100,
        "This PDF is damaged and cannot be read.",
    ),
    (
        "zip of something else",
        zip_bytes({"notes.txt": "hello", "data.csv": "a,b"}),
        "This file is a zip archive, not a Word document. Upload the manuscript as "
        ".docx, .pdf or .txt.",
    ),
    (
        "broken docx",
        zip_bytes({"[Content_Types].xml": "<x", "word/document.xml": "<not xml"}),
        "This Word file is damaged and cannot be read.",
    ),
    (
        "truncated zip",
        b"PK\x03\x04" + b"\x00" * 100,
        "This Word file is damaged and cannot be read.",
    ),
    (
        "old word",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
        "This is an old Word (.doc) file. Save it as .docx or PDF and try again.",
    ),
]


@pytest.mark.parametrize(
    ("data", "message"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_bad_input_is_refused_with_a_clear_message(data, message):
    with translation.override("en"), pytest.raises(ExtractionError) as error:
        extract_text(data)
    assert str(error.value) == message


def test_a_large_file_is_refused_by_its_size_alone(settings):
    settings.IMPORTER_MAX_BYTES = 20 * 1024 * 1024
    with translation.override("en"), pytest.raises(ExtractionError) as error:
        check_size(50 * 1024 * 1024)
    message = str(error.value).replace("\xa0", " ")
    assert message == "The file is too large (50.0 MB); the limit is 20.0 MB."


def test_decoding_prefers_utf8_and_falls_back_to_windows_1251():
    assert decode_text("Ёлка".encode()) == "Ёлка"
    assert decode_text("Ёлка".encode("cp1251")) == "Ёлка"
