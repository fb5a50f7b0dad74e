"""Plain text out of an uploaded manuscript: .txt (any usual encoding), .docx, .pdf.

The format is decided by the file's first bytes, not by its name. Everything that can
go wrong raises `ExtractionError` with a message for the editor, in their language.
"""

import codecs
import io
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A .docx unpacks to far more than its size; refuse zip bombs before opening one.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PDF_PAGES = 400
MAX_TEXT_CHARS = 3_000_000
# A text-layer PDF page has hundreds of letters; a scanned one has none or a few.
MIN_LETTERS_PER_PDF_PAGE = 40

FORMAT_LABELS = {"txt": "TXT", "docx": "DOCX", "pdf": "PDF"}
ALLOWED_SUFFIXES = (".txt", ".text", ".docx", ".pdf")

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


class ExtractionError(Exception):
    """The file cannot be read as a manuscript; the message is for the editor."""


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str  # "txt", "docx" or "pdf"


def max_bytes():
    return getattr(settings, "IMPORTER_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_size(size):
    """Refuse an empty or oversized file from its size alone, before reading it."""
    if size == 0:
        raise ExtractionError(_("The file is empty."))
    if size > max_bytes():
        raise ExtractionError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes())}
        )


def extract_text(data):
    """The manuscript's text from the bytes of a .txt, .docx or .pdf file."""
    check_size(len(data))
    if data.startswith(b"%PDF-"):
        extracted = Extracted(pdf_text(data), "pdf")
    elif data.startswith(b"PK\x03\x04"):
        extracted = Extracted(docx_text(data), "docx")
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractionError(
            _("This is an old Word (.doc) file. Save it as .docx or PDF and try again.")
        )
    else:
        extracted = Extracted(decode_text(data), "txt")
    text = clean_characters(extracted.text)
    if not any(ch.isalpha() for ch in text):
        raise ExtractionError(_("The file contains no text."))
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractionError(_("The text is too long to be one article."))
    return Extracted(text, extracted.format)


def clean_characters(text):
    """NFC, one kind of line break, no soft hyphens, no zero-width or control chars."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    table = {0x00AD: None, 0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None}
    table.update({0x00A0: " ", 0x2009: " ", 0x202F: " ", 0x2028: "\n", 0x2029: "\n"})
    text = text.translate(table)
    # A form feed stays: it marks a page break for the parser.
    return "".join(
        ch for ch in text if ch in "\n\t\f" or unicodedata.category(ch) != "Cc"
    )


# --- plain text ---


def decode_text(data):
    """Decode text in UTF-8/16/32 (with or without a BOM) or Windows-1251."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                break
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "cp1251"):
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible(text) and (encoding != "cp1251" or _cyrillic_looks_right(text)):
            return text
    raise ExtractionError(
        _(
            "This file is not a text, Word (.docx) or PDF file that can be read. "
            "Upload the manuscript as .txt (UTF-8 or Windows-1251), .docx or .pdf."
        )
    )


def _expected_character(ch):
    """Letters and signs of Kyrgyz, Russian and English text, and whitespace."""
    code = ord(ch)
    return (
        (32 <= code < 127)
        or ch in "\n\r\t\f"
        or 0x00A0 <= code <= 0x024F  # Latin-1 signs and accented Latin letters
        or 0x0400 <= code <= 0x04FF  # Cyrillic, with ү ө ң
        or 0x2010 <= code <= 0x206F  # dashes, quotes, ellipsis
        or ch in "№€™•−"
    )


def plausible(text):
    """A manuscript is almost only letters, digits, spaces and punctuation."""
    sample = text[:20000]
    if not sample:
        return True
    good = sum(1 for ch in sample if _expected_character(ch))
    return good / len(sample) > 0.97


def _cyrillic_looks_right(text):
    """cp1251 decodes any bytes; real Cyrillic text is mostly lower-case letters."""
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if not letters:
        return False
    cyrillic = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if len(cyrillic) < len(letters) * 0.3:
        return all(ord(ch) < 128 for ch in letters)
    lower = sum(1 for ch in cyrillic if ch.islower())
    return lower / len(cyrillic) > 0.6


# --- Word ---


def docx_text(data):
    """Paragraphs and table rows of a .docx in document order, blank-line separated."""
    _check_docx_package(data)
    from docx import Document

    try:
        return "\n\n".join(_docx_blocks(Document(io.BytesIO(data))))
    # Untrusted input: whatever the Word parser trips over means a damaged file.
    except Exception as exc:
        raise _damaged_word() from exc


def _damaged_word():
    return ExtractionError(_("This Word file is damaged and cannot be read."))


def _check_docx_package(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise _damaged_word() from exc
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names or "[Content_Types].xml" not in names:
            raise ExtractionError(
                _(
                    "This file is a zip archive, not a Word document. Upload the "
                    "manuscript as .docx, .pdf or .txt."
                )
            )
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ExtractionError(_("This Word file is too large once unpacked."))


def _docx_blocks(document):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text.strip()
            if text:
                yield text
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):
                        cells.append(value)
                if cells:
                    yield " | ".join(cells)


# --- PDF ---


def pdf_text(data):
    """The text layer of a PDF, page by page; a scanned PDF has none."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(
                _("This PDF is protected by a password. Upload an unprotected copy.")
            )
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise ExtractionError(
                _("This PDF has more than %(count)d pages; it cannot be one article.")
                % {"count": MAX_PDF_PAGES}
            )
        texts = [_page_text(page) for page in pages]
    except ExtractionError:
        raise
    # Untrusted input: whatever the PDF parser trips over means a damaged file.
    except Exception as exc:
        raise ExtractionError(_("This PDF is damaged and cannot be read.")) from exc
    letters = sum(1 for text in texts for ch in text if ch.isalpha())
    if letters < MIN_LETTERS_PER_PDF_PAGE * max(1, len(texts)) / 2:
        raise ExtractionError(
            _(
                "This PDF has no text layer (it looks scanned). Run text recognition "
                "(OCR) on it first, or upload the Word file."
            )
        )
    # Pages are joined by a form feed: the parser knows where page furniture sits.
    return "\f".join(texts)


def _page_text(page):
    # Layout mode keeps vertical gaps as blank lines, so paragraphs stay apart.
    try:
        return page.extract_text(extraction_mode="layout")
    except (ValueError, KeyError, TypeError, AttributeError, ZeroDivisionError):
        return page.extract_text() or ""
