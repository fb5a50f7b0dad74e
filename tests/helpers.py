"""Small helpers for page tests: language-prefixed URLs and a tiny HTML reader."""

from html.parser import HTMLParser

from django.urls import reverse
from django.utils import translation

VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


def url_in(lang, target, **kwargs):
    """The URL of a view name (with kwargs) or of a model instance in `lang`."""
    with translation.override(lang):
        if isinstance(target, str):
            return reverse(target, kwargs=kwargs or None)
        return target.get_absolute_url()


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = {name: value or "" for name, value in attrs}
        self.parent = parent
        self.children = []

    @property
    def classes(self):
        return self.attrs.get("class", "").split()

    @property
    def text(self):
        """All text inside the element, whitespace collapsed."""
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text)
        return " ".join(" ".join(parts).split())

    @property
    def raw_text(self):
        """The text exactly as written (a textarea's value)."""
        return "".join(
            child if isinstance(child, str) else child.raw_text
            for child in self.children
        )

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, class_=None, **attrs):
        """Descendants matching the tag, a CSS class and exact attribute values."""
        return [
            el
            for el in self.iter()
            if (tag is None or el.tag == tag)
            and (class_ is None or class_ in el.classes)
            and all(el.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def find(self, tag=None, class_=None, **attrs):
        found = self.find_all(tag, class_, **attrs)
        assert found, f"no <{tag or '*'}> with class={class_} {attrs}"
        return found[0]

    def containing(self, text):
        """The innermost elements whose text contains `text`."""
        hits = [el for el in self.iter() if text in el.text]
        return [el for el in hits if not any(text in c.text for c in el.iter())]

    def lang(self):
        """The language in force at this element (the nearest `lang` attribute)."""
        el = self
        while el is not None:
            if "lang" in el.attrs:
                return el.attrs["lang"]
            el = el.parent
        return None

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [])
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID_TAGS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        el = self.current
        while el is not self.root and el.tag != tag:
            el = el.parent
        if el is not self.root:
            self.current = el.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(response_or_html):
    """The page as an `Element` tree (accepts a response or an HTML string)."""
    html = response_or_html
    if not isinstance(html, str):
        html = response_or_html.content.decode()
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def form_values(form):
    """What a browser would submit for `form` (an `Element`), before any edits.

    Unchecked boxes, file inputs, buttons and the admin's empty inline templates
    (`__prefix__`) are left out, as a browser leaves them out.
    """
    data = {}

    def add(name, value):
        if name and "__prefix__" not in name:
            data.setdefault(name, []).append(value)

    for el in form.iter():
        name = el.attrs.get("name")
        kind = el.attrs.get("type", "text")
        if el.tag == "input":
            if kind in ("submit", "button", "reset", "file", "image"):
                continue
            if kind in ("checkbox", "radio") and "checked" not in el.attrs:
                continue
            add(name, el.attrs.get("value", "on" if kind == "checkbox" else ""))
        elif el.tag == "textarea":
            add(name, el.raw_text.removeprefix("\n"))
        elif el.tag == "select":
            options = el.find_all("option")
            chosen = [o for o in options if "selected" in o.attrs]
            if not chosen and options and "multiple" not in el.attrs:
                chosen = options[:1]
            for option in chosen:
                add(name, option.attrs.get("value", option.text))
            if "multiple" in el.attrs and not chosen:
                data.setdefault(name, [])
    return {
        name: values if len(values) != 1 else values[0] for name, values in data.items()
    }


# Keys of whole pages kept under a fingerprint (articles/kept_pages.py), in the
# local-memory cache the tests use.
KEPT_PAGE_KEYS = (":1:kept-page:", ":1:article-page:")


def kept_keys(prefixes=KEPT_PAGE_KEYS):
    from django.core.cache import cache

    return {key for key in cache._cache if key.startswith(prefixes)}


def html(client, url):
    """The page at `url`, which must answer 200."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def kept(client, url, prefixes=KEPT_PAGE_KEYS):
    """View the page twice: the first view keeps it, the second comes from there."""
    before = kept_keys(prefixes)
    first = html(client, url)
    assert kept_keys(prefixes) - before, f"{url} was not kept"
    assert html(client, url) == first
    return first
