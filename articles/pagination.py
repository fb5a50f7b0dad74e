"""One way to cut a reader's list into pages (templates/includes/pagination.html)."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, items, per_page):
    """The page of `items` that `?page=` asks for (the first without one); a page
    number that is not a page, an empty one included, is a 404."""
    try:
        return Paginator(items, per_page).page(request.GET.get("page", 1))
    except InvalidPage as exc:
        raise Http404(str(exc)) from exc
