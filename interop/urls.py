"""Language-prefixed machine outputs: feeds and per-article exports."""

from django.urls import path

from . import exports, feeds, jats

app_name = "interop"

FEEDS = [
    ("articles", "", feeds.ArticlesAtomFeed, feeds.ArticlesRssFeed),
    ("issues", "", feeds.IssuesAtomFeed, feeds.IssuesRssFeed),
    ("keyword", "keywords/<slug:slug>", feeds.KeywordAtomFeed, feeds.KeywordRssFeed),
    ("domain", "domains/<slug:slug>", feeds.DomainAtomFeed, feeds.DomainRssFeed),
]

urlpatterns = [
    path(
        f"feeds/{prefix or name}.{ext}",
        feed(),
        name=f"feed_{name}_{ext}",
    )
    for name, prefix, atom, rss in FEEDS
    for ext, feed in (("atom", atom), ("rss", rss))
] + [
    path("articles/<slug:slug>/cite.<str:fmt>", exports.citation, name="citation"),
    path("articles/<slug:slug>/jats.xml", jats.download, name="jats"),
]
