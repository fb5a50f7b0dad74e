"""The site's own web fonts: Kyrgyz, Russian and Latin letters from one typeface.

The browser side (the face that actually renders a Kyrgyz sentence) is checked in
tests/e2e/test_typography.py; here, the files and how they are served.
"""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[1] / "static" / "fonts"
KYRGYZ_AND_RUSSIAN = "ңөүҢӨҮабвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙЯ№"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZçğışöüāēīōū—«»„“”"


@pytest.mark.parametrize("path", sorted(FONTS.glob("*.woff2")), ids=lambda p: p.name)
def test_every_face_covers_kyrgyz_russian_and_latin(path):
    cmap = TTFont(path).getBestCmap()
    missing = [
        ch for ch in KYRGYZ_AND_RUSSIAN + LATIN + "\u202f" if ord(ch) not in cmap
    ]
    assert missing == []


def test_the_fonts_carry_their_licence():
    text = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in text
    assert "PERMISSION & CONDITIONS" in text


@pytest.mark.backend_independent
@pytest.mark.django_db
def test_fonts_are_served_hashed_with_far_future_caching(settings, tmp_path):
    """As `make serve` serves them: collectstatic with the manifest, then whitenoise."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    client = Client()
    font_url = staticfiles_storage.url("fonts/NotoSerif-Regular.woff2")
    assert re.search(r"NotoSerif-Regular\.[0-9a-f]{12}\.woff2$", font_url)

    font = client.get(font_url)
    assert font.status_code == 200
    assert font["Content-Type"] == "font/woff2"
    assert "max-age=315360000" in font["Cache-Control"]
    assert "immutable" in font["Cache-Control"]

    css = b"".join(
        client.get(staticfiles_storage.url("css/site.css")).streaming_content
    )
    assert font_url.rsplit("/", 1)[1].encode() in css
    assert b"font-display: swap" in css

    page = client.get("/ky/keywords/").content.decode()
    preload = f'<link rel="preload" href="{font_url}" as="font" type="font/woff2"'
    assert f"{preload} crossorigin>" in page
