"""Paths of pages named by a slug, reversed once per view, language and prefix.

`reverse()` walks the URL patterns on every call (about 20 microseconds under the
language prefixes); an article page asks for fifteen or so (its issue, keywords,
citation downloads, its own address in each language). A slug is put into a path
as it is: the `slug` converter admits only ASCII letters, digits, `-` and `_`, which
`reverse()` leaves unquoted. So the path is reversed once with a stand-in slug and
the request's slug takes its place; anything else goes through `reverse()`.
"""

import functools
import re

from django.urls import get_script_prefix, reverse
from django.utils import translation

_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_STAND_IN = "slug-stand-in-7c1f"


@functools.lru_cache(maxsize=512)
def _around(viewname, lang, prefix, kwargs):
    """The text before and after the slug in `viewname`'s path; None when the
    stand-in does not appear in it exactly once."""
    with translation.override(lang):
        path = reverse(viewname, kwargs={"slug": _STAND_IN, **dict(kwargs)})
    parts = path.split(_STAND_IN)
    return tuple(parts) if len(parts) == 2 else None


def slug_path(viewname, slug, **kwargs):
    """`reverse(viewname, kwargs={"slug": slug, **kwargs})` in the active language.

    `kwargs` (other than the slug) must take few values (a language, a format):
    each combination is kept."""
    if _SLUG.match(slug):
        around = _around(
            viewname,
            translation.get_language(),
            get_script_prefix(),
            tuple(sorted(kwargs.items())),
        )
        if around is not None:
            return f"{around[0]}{slug}{around[1]}"
    return reverse(viewname, kwargs={"slug": slug, **kwargs})
