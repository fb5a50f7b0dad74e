"""Atom and RSS feeds per language (being written)."""

from django.http import Http404


class _Pending:
    def __call__(self, request, *args, **kwargs):
        raise Http404("Not available yet")


ArticlesAtomFeed = ArticlesRssFeed = IssuesAtomFeed = IssuesRssFeed = _Pending
KeywordAtomFeed = KeywordRssFeed = DomainAtomFeed = DomainRssFeed = _Pending
