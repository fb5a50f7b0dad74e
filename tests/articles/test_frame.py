"""The article page's frame kept per language (articles/frame.py).

A page built in the kept frame must be the page rendered whole, byte for byte, and
a change to what the frame shows must reach the next page.
"""

import pytest
from django.utils import translation

from articles import frame
from articles.workflow import Role
from tests.builders import make_article, make_journal, make_staff
from tests.helpers import html, url_in
from tests.journalpages.builders import make_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_article_pages(settings):
    # Every article page rendered afresh: the kept article page off, the frame on.
    settings.PAGE_CACHE_ENABLED = False
    settings.ARTICLE_MAIN_CACHE = False
    settings.KEPT_PAGES = True


@pytest.fixture
def renders(monkeypatch):
    """The languages the frame was rendered in, in order."""
    seen = []
    render = frame._render

    def counted(request, template_name, lang):
        seen.append(lang)
        return render(request, template_name, lang)

    monkeypatch.setattr(frame, "_render", counted)
    return seen


def test_a_page_in_the_frame_is_the_page_rendered_whole(client, settings, renders):
    make_journal(name_en='Trade & "Tariffs" <Review>')
    make_page(title_en="Aims & scope", in_navigation=True)
    article = make_article(
        title_en='Borders <b>& "customs"</b>', title_ky="Чек ара & <бажы>"
    )
    urls = [url_in(lang, article) for lang in ("ky", "ru", "en")]
    urls += [urls[0] + "?cite_lang=ru", urls[2] + "?cite_lang=ky&utm_source=x"]
    framed = [html(client, url) for url in urls]
    assert renders == ["ky", "ru", "en"]  # once per language, then reused
    settings.KEPT_PAGES = False
    assert [html(client, url) for url in urls] == framed
    assert renders == ["ky", "ru", "en"]
    assert "Borders &lt;b&gt;&amp; &quot;customs&quot;&lt;/b&gt;" in framed[2]
    assert (
        f'href="/ru/articles/{article.slug}/?cite_lang=ky&amp;utm_source=x"'
        in framed[4]
    )


def test_the_next_page_shows_a_change_to_the_frame(client, renders):
    journal = make_journal(name_en="Old name of the journal")
    page = make_page(title_en="Aims and scope", in_navigation=True)
    first, second = make_article(), make_article()
    assert "Old name of the journal" in html(client, url_in("en", first))
    journal.name_en = "New name of the journal"
    journal.save()
    shown = html(client, url_in("en", second))
    assert "New name of the journal" in shown and "Old name" not in shown
    page.title_en = "Focus and scope"
    page.save()
    assert "Focus and scope" in html(client, url_in("en", first))
    assert renders == ["en", "en", "en"]


def test_a_template_without_the_slots_is_rendered_whole(client, rf):
    make_journal()
    article = make_article()
    request = rf.get(url_in("en", article))
    main = {"title": "T", "meta": "", "body": ""}
    with translation.override("en"):
        assert frame.page(request, "base.html", main) is None
        assert frame.page(request, "articles/article.html", main) is not None


def test_a_preview_is_never_built_in_the_kept_frame(client, renders):
    make_journal()
    article = make_article(status="accepted")
    client.force_login(make_staff(Role.MANAGING_EDITOR))
    page = html(client, url_in("en", "articles:preview_article", pk=article.pk))
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "preview-banner" in page
    assert renders == []
