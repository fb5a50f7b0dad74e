"""Clean text and files before they are saved.

Editors paste from Word and PDFs. Plain-text fields are normalised to NFC and lose C0
control characters (a single vertical tab makes feed generators raise), bidirectional
overrides that can disguise text (U+202E), zero-width characters and noncharacters.
HTML, where it is allowed at all, goes through nh3 with a narrow allow-list.
"""

import re
import unicodedata
import warnings

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 controls except tab, newline and carriage return; DEL and C1 controls.
CONTROL = "".join(
    chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), *range(127, 160)]
)
# Bidi embeddings, overrides and isolates; zero-width space, word joiner, BOM.
INVISIBLE = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff"
NONCHARACTERS = "\ufffe\uffff"
STRIP = re.compile(f"[{re.escape(CONTROL + INVISIBLE + NONCHARACTERS)}]")
SINGLE_LINE = re.compile(r"[\t\r\n]+")

ALLOWED_TAGS = {
    "a",
    "em",
    "strong",
    "i",
    "b",
    "sup",
    "sub",
    "br",
    "p",
    "ul",
    "ol",
    "li",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def clean_text(value, multiline=True):
    """NFC text without control, bidi-override, zero-width or noncharacter code points.

    Single-line fields (titles, names) also have their line breaks turned into spaces.
    """
    if not isinstance(value, str):
        return value
    value = STRIP.sub("", unicodedata.normalize("NFC", value))
    if not multiline:
        value = SINGLE_LINE.sub(" ", value)
    return value


def sanitize_html(html):
    """Rich text reduced to a narrow allow-list; links get rel="noopener noreferrer"."""
    return nh3.clean(
        clean_text(html or ""),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def translated_originals(model):
    """Names of `model`'s fields that modeltranslation splits into per-language ones."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def clean_instance_text(sender, instance, **kwargs):
    """pre_save: clean every text column of a content model (all languages)."""
    from django.db import models

    skip = translated_originals(type(instance))
    for field in instance._meta.concrete_fields:
        if field.name in skip:
            # Writing `title` would write the active language's column through
            # modeltranslation's descriptor; the `title_ky/_ru/_en` columns are cleaned
            # on their own.
            continue
        if isinstance(field, models.SlugField | models.URLField | models.EmailField):
            continue
        if isinstance(field, models.TextField):
            setattr(
                instance, field.attname, clean_text(getattr(instance, field.attname))
            )
        elif isinstance(field, models.CharField) and not field.choices:
            value = getattr(instance, field.attname)
            setattr(instance, field.attname, clean_text(value, multiline=False))


# -- uploads ----------------------------------------------------------------------

IMAGE_FORMATS = ("JPEG", "PNG", "WEBP")


def _already_stored(upload):
    """True for a file read back from storage: it was checked when it was uploaded.

    Checking it again would download every PDF and cover of an article from object
    storage each time the article's form is saved.
    """
    return getattr(upload, "_committed", False) is True


def _size_limit(upload, setting, default_mb):
    limit = getattr(settings, setting, default_mb * 1024 * 1024)
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(mb)d MB.")
            % {"mb": limit // (1024 * 1024)},
            code="too_large",
        )


def validate_pdf(upload):
    """A PDF by its content (the %PDF- header), not by its name; size-limited."""
    if _already_stored(upload):
        return
    _size_limit(upload, "MAX_GALLEY_BYTES", 50)
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(position)
    if b"%PDF-" not in head[:1024] or not head.lstrip().startswith(b"%PDF-"):
        raise ValidationError(_("This file is not a PDF."), code="not_pdf")


def validate_image(upload):
    """JPEG, PNG or WebP by content; decompression bombs and huge images refused."""
    from PIL import Image

    if _already_stored(upload):
        return
    _size_limit(upload, "MAX_IMAGE_BYTES", 10)
    max_pixels = getattr(settings, "MAX_IMAGE_PIXELS", 40_000_000)
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=IMAGE_FORMATS) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ValidationError(
                        _("The image is too large: at most %(mp)d megapixels.")
                        % {"mp": max_pixels // 1_000_000},
                        code="too_many_pixels",
                    )
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("The image is too large to open safely."), code="bomb"
        ) from exc
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for bad files
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP image."), code="not_image"
        ) from exc
    finally:
        upload.seek(position)
