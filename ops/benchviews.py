"""The benchmark's reference page, mounted only when BENCH_VIEWS is set.

PERFORMANCE.md measures "a plain Django view with five ORM queries and a 50-item
template"; `make bench` serves that page beside ours so the article page's budget
(three times its throughput) is a ratio taken in the same run, not a figure copied
from another machine.
"""

from django.shortcuts import render

from articles.models import Article, Issue, Journal, Keyword, Section


def naive(request):
    context = {
        "journal": Journal.objects.first(),
        "issue": Issue.objects.first(),
        "sections": list(Section.objects.all()[:20]),
        "keyword_count": Keyword.objects.count(),
        "articles": list(Article.objects.order_by("-id")[:50]),
    }
    return render(request, "ops/naive.html", context)
