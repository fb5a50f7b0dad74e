"""The journal pages linked from every page's header and footer.

Read once per content change, like the journal itself (articles.context_processors):
a warm page costs no query for them.
"""

from django.utils.functional import SimpleLazyObject

from articles import extensions
from articles.kept_pages import field_values

from .models import Page

# (generation, pages): kept by each worker until content changes.
_kept = [None, None]


def _linked_pages():
    return list(Page.objects.linked())


def linked_pages():
    """Published pages shown in the header or the footer, in the editors' order."""
    if extensions.content_version is None:
        return _linked_pages()
    try:
        generation = extensions.content_version()
    except Exception:  # noqa: BLE001 - the cache is down: read them every time
        return _linked_pages()
    if _kept[0] != generation:
        _kept[:] = [generation, _linked_pages()]
    return _kept[1]


def frame_part():
    """What the header and footer show of the journal pages (kept pages' frame)."""
    return [field_values(page) for page in linked_pages()]


def forget_pages():
    _kept[:] = [None, None]


def journal_pages(request):
    pages = SimpleLazyObject(linked_pages)
    return {
        "nav_pages": SimpleLazyObject(lambda: [p for p in pages if p.in_navigation]),
        "footer_pages": SimpleLazyObject(lambda: [p for p in pages if p.in_footer]),
    }
