from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.generic import DetailView

from articles.languages import localized
from articles.roles import may

from .models import BoardMember, Page


class PageView(DetailView):
    """A published journal page; the editorial board after its text if it shows it."""

    template_name = "journalpages/page.html"
    context_object_name = "page"

    def get_queryset(self):
        return Page.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context.update(
            title=localized(page, "title"),
            body=localized(page, "body"),
            board=list(BoardMember.objects.all()) if page.shows_board else [],
        )
        return context


class PagePreviewView(PageView):
    """Any journal page, published or not, as readers will see it: for the roles that
    write them; never cached, a 404 for everyone else."""

    pk_url_kwarg = "pk"
    slug_url_kwarg = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not may(request.user, "manage_journal_pages"):
            raise Http404("Not found")
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    def get_queryset(self):
        return Page.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = not self.object.is_published
        return context
