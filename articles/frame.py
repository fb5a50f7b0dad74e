"""The article page's frame, kept per language: the page around the article.

An article page rendered afresh is the article's own parts (title, metadata tags,
main part) inside the frame of every page: header, language links, navigation and
footer. The frame is the same for every article in a language, but for the
addresses of the language links, and rendering it cost as much as the article's
main part. So it is rendered once per language, frame fingerprint and release, with
marked slots where the page's parts and its address go, and each page fills them
in. A change to the journal or to the journal pages in the header and footer moves
the frame's fingerprint (`kept_pages.frame_version()`), a deploy the release: the
next page renders the frame again. Where no fingerprint exists (no page cache
generation), nothing is kept.
"""

import copy
import re
import secrets

from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

from .kept_pages import FORMAT, frame_version, release
from .languages import current_language

# Slot marks: characters that neither HTML nor URL escaping changes, with a token
# of this process that no content can know in advance.
_TOKEN = secrets.token_hex(8)
_SLOT = re.compile(rf"~{_TOKEN}~(\w+)~")
# How often each slot must appear in the frame; `None`: at least once.
SLOTS = {"title": None, "meta": 1, "body": 1, "rest": None}

# (language, template) -> (key, parts or None): one frame per language, kept by each
# worker; None when the template does not give each slot as expected.
_kept = {}


def _mark(name):
    return f"~{_TOKEN}~{name}~"


def page(request, template_name, main):
    """The page `template_name` (around `main`: title, meta, body) for `request`,
    from the kept frame; None when no frame can be kept for it (render it whole)."""
    lang = current_language()
    prefix = f"/{lang}/"
    full_path = request.get_full_path()
    if not full_path.startswith(prefix):
        return None
    frame = _frame(request, template_name, lang)
    if frame is None:
        return None
    values = {
        "title": conditional_escape(main["title"]),
        "meta": main["meta"],
        "body": main["body"],
        "rest": escape(full_path.removeprefix(prefix)),
    }
    return "".join(values[part] if i % 2 else part for i, part in enumerate(frame))


def _frame(request, template_name, lang):
    version = frame_version()
    if version is None:
        return None
    key = (FORMAT, release(), version)
    kept = _kept.get((lang, template_name))
    if kept is None or kept[0] != key:
        kept = (key, _render(request, template_name, lang))
        _kept[(lang, template_name)] = kept
    return kept[1]


def _render(request, template_name, lang):
    """The frame's parts: text and slot names, alternately; None if a slot is
    missing or repeated where it must appear once."""
    # The frame's request: the page's, at an address whose rest is a slot (the
    # language links are this address in each language). No journal page lives at
    # an article's address, so no navigation link is the current page in either.
    shell = copy.copy(request)
    shell.path = f"/{lang}/{_mark('rest')}"
    shell.META = {**request.META, "QUERY_STRING": ""}
    shell.GET = QueryDict()
    main = {
        "title": _mark("title"),
        "meta": mark_safe(_mark("meta")),  # noqa: S308 - a slot mark, no content
        "body": mark_safe(_mark("body")),  # noqa: S308 - a slot mark, no content
    }
    html = render_to_string(template_name, {"main": main, "preview": False}, shell)
    parts = _SLOT.split(html)
    found = parts[1::2]
    for name, times in SLOTS.items():
        count = found.count(name)
        if count == 0 or (times is not None and count != times):
            return None
    if set(found) - set(SLOTS):
        return None
    return parts


def forget():
    _kept.clear()
