"""Rows 14-16, 22-24 of RELIABILITY.md: hostile text and hostile files."""

import io
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own output

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.cleaning import clean_text, sanitize_html, validate_image, validate_pdf
from articles.models import Galley
from tests.builders import MINIMAL_PDF, add_galley, make_article, make_keyword

XSS = ['"><script>alert(1)</script>', "</script><script>alert(1)</script>", "{{7*7}}"]


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("Title\x0bwith\x1fcontrols", "Titlewithcontrols"),
        ("evil\u202etxt.exe", "eviltxt.exe"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("isolate\u2066d\u2069", "isolated"),
        ("non\ufffecharacter", "noncharacter"),
        ("Кыргыз\u0301", "Кыргыз\u0301"),  # a combining accent is text, kept
        ("e\u0301", "\u00e9"),  # NFD becomes NFC
    ],
)
def test_clean_text(dirty, clean):
    assert clean_text(dirty) == clean


def test_single_line_fields_lose_line_breaks():
    assert clean_text("Two\nlines\r\n", multiline=False) == "Two lines "
    assert clean_text("Two\n\nparagraphs") == "Two\n\nparagraphs"


@pytest.mark.parametrize(
    "dirty, forbidden",
    [
        ('<img src=x onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ("<svg><script>alert(1)</script></svg>", "<script"),
        ("<math><mi>x</mi></math>", "<math"),
        ("<style>body{}</style>", "<style"),
        ("<!-- secret -->text", "secret"),
        ('<a href="JaVaScRiPt&colon;alert(1)">x</a>', "alert"),
    ],
)
def test_rich_text_sanitiser(dirty, forbidden):
    assert forbidden.lower() not in sanitize_html(dirty).lower()


def test_sanitiser_keeps_scholarly_markup_and_adds_rel():
    html = sanitize_html('<em>Manas</em> H<sub>2</sub>O <a href="https://x.kg">x</a>')
    assert "<em>Manas</em>" in html and "<sub>2</sub>" in html
    assert 'rel="noopener noreferrer"' in html


@pytest.mark.django_db
def test_controls_and_bidi_in_a_title_are_removed_on_save():
    article = make_article(title_en="Bad\x0btitle\u202e", title_ru="Е\u0301")
    article.refresh_from_db()
    assert article.title_en == "Badtitle"
    keyword = make_keyword(name_en="tag\x1f\u200b")
    keyword.refresh_from_db()
    assert keyword.name_en == "tag"


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS)
@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_hostile_titles_render_escaped_everywhere(client, payload, lang):
    keyword = make_keyword(**{f"name_{lang}": f"kw {payload}"})
    article = make_article(
        keywords=[keyword], **{f"title_{c}": payload for c in ("ky", "ru", "en")}
    )
    for url in (
        f"/{lang}/",
        f"/{lang}/articles/{article.slug}/",
        f"/{lang}/keywords/",
        f"/{lang}/keywords/{keyword.slug}/",
        f"/{lang}/issues/{article.issue.slug}/",
    ):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html, url
        if payload.startswith('"'):
            assert "&quot;&gt;&lt;script&gt;" in html, url
    if payload == "{{7*7}}":
        # Shown literally, never evaluated as a template.
        page = client.get(f"/{lang}/articles/{article.slug}/").content.decode()
        assert "<h1>{{7*7}}</h1>" in page


def _png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_pdf_checked_by_content_not_by_name():
    validate_pdf(SimpleUploadedFile("a.pdf", MINIMAL_PDF))
    with pytest.raises(ValidationError):
        validate_pdf(SimpleUploadedFile("a.pdf", b"<html><script>alert(1)</script>"))
    with pytest.raises(ValidationError):
        validate_pdf(SimpleUploadedFile("cover.pdf", _png(2, 2)))


def test_polyglot_png_followed_by_html_is_still_only_an_image_and_svg_is_refused():
    polyglot = _png(4, 4) + b"<html><script>alert(1)</script></html>"
    validate_image(SimpleUploadedFile("x.png", polyglot))  # Pillow reads the PNG part
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError):
        validate_image(SimpleUploadedFile("x.svg", svg))
    with pytest.raises(ValidationError):
        validate_image(SimpleUploadedFile("x.png", b"GIF89a" + b"\x00" * 50))


def test_decompression_bombs_are_refused(settings):
    settings.MAX_IMAGE_PIXELS = 40_000_000
    header_lie = bytearray(_png(1, 1))
    # Rewrite the IHDR size to 20000 x 20000 without the pixels behind it.
    header_lie[16:24] = (20000).to_bytes(4, "big") * 2
    with pytest.raises(ValidationError):
        validate_image(SimpleUploadedFile("bomb.png", bytes(header_lie)))
    settings.MAX_IMAGE_PIXELS = 10_000
    with pytest.raises(ValidationError):
        validate_image(SimpleUploadedFile("big.png", _png(200, 200)))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "../../x.pdf",
        "..",
        "con.pdf",
        "a\r\nSet-Cookie: x.pdf",
        "я" * 300 + ".pdf",
        "evil\u202efdp.exe",
        "Кыргыз тили.pdf",
    ],
)
def test_hostile_file_names_are_stored_under_random_names(client, name):
    article = make_article()
    galley = add_galley(article, "ky", name="upload.pdf")
    galley.original_name = clean_text(name, multiline=False)[:255]
    galley.save()
    assert galley.file.name.startswith("galleys/") and galley.file.name.endswith(".pdf")
    assert ".." not in galley.file.name
    response = client.get(f"/ky/articles/{article.slug}/pdf/ky/")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_a_cyrillic_upload_name_is_kept_for_display_download_named_from_article(
    client,
):
    article = make_article()
    galley = add_galley(article, "ru", name="Статья.pdf")
    assert galley.original_name == "Статья.pdf"
    response = client.get(f"/ru/articles/{article.slug}/pdf/ru/")
    assert response["Content-Disposition"] == (
        f'inline; filename="{article.slug}-ru.pdf"'
    )


@pytest.mark.django_db
def test_admin_refuses_an_html_file_uploaded_as_a_galley(admin_client):
    article = make_article()
    galley = Galley(article=article, language="en")
    galley.file = SimpleUploadedFile("paper.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ValidationError):
        galley.full_clean()


def test_feed_like_xml_stays_valid_after_cleaning():
    title = clean_text("Title\x0b\x1f\x00 end\ufffe")
    ET.fromstring(f"<t>{title}</t>")  # noqa: S314 - our own string
