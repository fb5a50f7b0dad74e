"""Atom 1.0 and RSS 2.0 feeds in the language of the URL (/ky/feeds/articles.atom).

Only public content is listed, chosen by the same querysets as the pages. Every
string handed to the feed generator is cleaned of characters XML cannot carry, so a
title pasted with a control character never breaks a feed.
"""

from dataclasses import dataclass
from html import escape
from typing import Any

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from articles.addresses import absolute_url
from articles.languages import current_language, localized
from articles.models import Article, Issue, Journal, Keyword
from relations.models import Domain, Event

from .sitemaps import as_datetime, latest, public_since
from .text import xml_safe

FEED_SIZE = 30
FEED_MAX_AGE = 15 * 60
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"


class SafeTextMixin:
    """Cleans every text of the feed and of its items before the generator sees it."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *map(xml_safe, args), **{k: xml_safe(v) for k, v in kwargs.items()}
        )

    def add_item(self, *args, **kwargs):
        super().add_item(
            *map(xml_safe, args), **{k: xml_safe(v) for k, v in kwargs.items()}
        )


class AtomFeed(SafeTextMixin, Atom1Feed):
    """Atom with every author of an entry, and the entry's language when its title
    is a fallback from another language."""

    def item_attributes(self, item):
        lang = item.get("lang")
        return {"xml:lang": lang} if lang and lang != self.feed["language"] else {}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")


class HtmlTextMixin:
    """RSS cannot say that a title is plain text, and readers render the channel's
    title and description and the items' titles, categories and authors as HTML
    (the RSS Best Practices Profile asks publishers to encode `&` and `<` of plain
    text as entities). So these texts are HTML-escaped once here, and then once more
    as XML by the writer: an editor's "<b>" reaches the reader as text, not markup.
    An item's description is already HTML (escaped by its template)."""

    FEED_TEXT = ("title", "description", "subtitle", "author_name")
    ITEM_TEXT = ("title", "author_name")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **_escaped(kwargs, self.FEED_TEXT, ("categories",)))

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **_escaped(kwargs, self.ITEM_TEXT, ("categories",)))


def _escaped(kwargs, texts, lists):
    """`kwargs` with the named texts, and every text of the named lists and of
    "authors", escaped as HTML text."""
    done = dict(kwargs)
    for name in texts:
        if done.get(name) is not None:
            done[name] = escape(str(done[name]), quote=False)
    for name in (*lists, "authors"):
        if done.get(name):
            done[name] = [escape(str(v), quote=False) for v in done[name]]
    return done


class RssFeed(HtmlTextMixin, SafeTextMixin, Rss201rev2Feed):
    """RSS 2.0 with every author of an item as a Dublin Core creator."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors", ()):
            handler.addQuickElement("dc:creator", name, {"xmlns:dc": DC_NAMESPACE})


@dataclass(frozen=True)
class Subject:
    """What one request's feed is about (the Feed instance is shared by requests)."""

    journal: str
    feed_id: str
    object: Any = None


class JournalFeed(Feed):
    """The journal as the feed's author, public caching, Atom unless overridden.

    Subclasses define `title`, `description`, `link`, `items` and the item methods;
    `get_subject(**url_kwargs)` finds what the feed is about (DoesNotExist: 404).
    """

    feed_type = AtomFeed
    item_template = None

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def get_object(self, request, *args, **kwargs):
        subject = self.get_subject(**kwargs)
        journal = Journal.objects.order_by("pk").first()
        return Subject(
            journal=str(journal) if journal else _("Journal"),
            feed_id=absolute_url(request.path, request),
            object=subject,
        )

    def get_subject(self, **kwargs):
        return None

    def page(self, obj):
        """The path of the page the feed follows (subclasses)."""
        raise NotImplementedError

    # Django adds the request's host to relative links; these are on SITE_URL.
    def link(self, obj):
        return absolute_url(self.page(obj))

    def feed_url(self, obj):
        return obj.feed_id

    def feed_guid(self, obj):
        return obj.feed_id

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def author_name(self, obj):
        return obj.journal

    def subtitle(self, obj):
        return self.description(obj)

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        """HTML (escaped by the template); None when there is nothing to say."""
        return render_to_string(self.item_template, {"item": item}).strip() or None

    def item_extra_kwargs(self, item):
        title = localized(item, "title")
        return {"lang": title.lang if title else current_language()}


class ArticleFeed(JournalFeed):
    """Items are public articles, newest first by the time they became public."""

    item_template = "interop/feeds/article.html"

    def public_articles(self, **filters):
        return (
            Article.objects.public()
            .filter(**filters)
            .for_listing()
            .prefetch_related("keywords")
            .annotate(public_since=public_since())
            .order_by("-public_since", "-id")[:FEED_SIZE]
        )

    def item_pubdate(self, item):
        return item.public_since

    def item_updateddate(self, item):
        return latest(item.public_since, item.updated_at) or item.public_since

    def item_categories(self, item):
        return sorted(str(keyword) for keyword in item.keywords.all())

    def item_extra_kwargs(self, item):
        authors = [c.full_name().text for c in item.authors()]
        return {**super().item_extra_kwargs(item), "authors": authors}


class ArticlesAtomFeed(ArticleFeed):
    def title(self, obj):
        return _("New articles")

    def description(self, obj):
        return _("The newest articles of %(journal)s") % {"journal": obj.journal}

    def page(self, obj):
        return reverse("articles:home")

    def items(self, obj):
        return self.public_articles()


class KeywordAtomFeed(ArticleFeed):
    def get_subject(self, slug):
        return Keyword.objects.public().get(slug=slug)

    def title(self, obj):
        return _("Articles with the keyword %(keyword)s") % {"keyword": obj.object}

    def description(self, obj):
        return _("The newest articles of %(journal)s with the keyword %(keyword)s") % {
            "journal": obj.journal,
            "keyword": obj.object,
        }

    def page(self, obj):
        return obj.object.get_absolute_url()

    def items(self, obj):
        return self.public_articles(keywords=obj.object)


class IssuesAtomFeed(JournalFeed):
    item_template = "interop/feeds/issue.html"

    def title(self, obj):
        return _("New issues")

    def description(self, obj):
        return _("The newest issues of %(journal)s") % {"journal": obj.journal}

    def page(self, obj):
        return reverse("articles:archive")

    def items(self, obj):
        return Issue.objects.public().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        title = localized(item, "title").text
        return f"{item.label()}: {title}" if title else item.label()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at


class DomainAtomFeed(JournalFeed):
    """Published events of one relations domain, the most recent events first."""

    item_template = "interop/feeds/event.html"

    def get_subject(self, slug):
        return Domain.objects.get(slug=slug)

    def title(self, obj):
        return _("Events: %(domain)s") % {"domain": obj.object}

    def description(self, obj):
        return _("Events of the relations domain %(domain)s") % {"domain": obj.object}

    def page(self, obj):
        return obj.object.get_absolute_url()

    def items(self, obj):
        return (
            Event.objects.published()
            .filter(domains=obj.object)
            .prefetch_related("keywords")
            .order_by("-date", "-id")[:FEED_SIZE]
        )

    def item_pubdate(self, item):
        return as_datetime(item.date)

    def item_updateddate(self, item):
        return as_datetime(item.date)

    def item_categories(self, item):
        keywords = sorted(str(keyword) for keyword in item.keywords.all())
        return [item.get_kind_display(), *keywords]


class ArticlesRssFeed(ArticlesAtomFeed):
    feed_type = RssFeed


class KeywordRssFeed(KeywordAtomFeed):
    feed_type = RssFeed


class IssuesRssFeed(IssuesAtomFeed):
    feed_type = RssFeed


class DomainRssFeed(DomainAtomFeed):
    feed_type = RssFeed
