"""The journal's logo and favicon: the ones editors upload, or the site's own.

Both are served by these views rather than from the media folder: uploads are stored
under random names and served only as the image type Pillow recognises, with
`nosniff`. `/favicon.ico` always answers (browsers ask for it on every site), with
the shipped icon when no favicon was uploaded.
"""

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .cleaning import IMAGE_FORMATS
from .context_processors import current_journal

DEFAULT_FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
# A replaced image gets a new address (its file name is in the page's link), so a
# browser may keep one for a day.
MAX_AGE = 60 * 60 * 24


def _image_response(field):
    """The uploaded image as a response of its real type, or a 404."""
    from PIL import Image

    try:
        handle = field.open("rb")
        with Image.open(handle, formats=IMAGE_FORMATS) as image:
            content_type = CONTENT_TYPES[image.format]
        handle.seek(0)
    except (FileNotFoundError, ValueError, OSError, KeyError) as exc:
        raise Http404("No image") from exc
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


@require_safe
def favicon(request):
    journal = current_journal()
    if journal is not None and journal.favicon:
        try:
            return _image_response(journal.favicon)
        except Http404:
            pass  # a lost upload: the site's own icon rather than nothing
    response = FileResponse(DEFAULT_FAVICON.open("rb"), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


@require_safe
def journal_logo(request):
    journal = current_journal()
    if journal is None or not journal.logo:
        raise Http404("No logo")
    return _image_response(journal.logo)
