"""The journal's own pages and editorial board, as readers and editors meet them."""

import pytest
from django.core.cache import cache
from django.test import Client
from reversion.models import Version

from articles.workflow import Role
from journalpages.models import BoardMember, Page
from tests.admin_forms import admin_form_data
from tests.builders import make_journal, make_staff
from tests.helpers import parse, url_in
from tests.journalpages.builders import make_board_member, make_page

pytestmark = pytest.mark.django_db

LANGS = ["ky", "ru", "en"]
TITLES = {"ky": "Журнал жөнүндө", "ru": "О журнале", "en": "About the journal"}
BODIES = {
    "ky": "<p>Журнал жылына төрт жолу чыгат.</p>",
    "ru": "<p>Журнал выходит четыре раза в год.</p>",
    "en": "<p>The journal appears four times a year.</p>",
}
CONTACTS = {"ky": "Байланыш", "ru": "Контакты", "en": "Contacts"}
NOTES = {
    "ky": "Бул барак азырынча которула элек; ал орус тилинде көрсөтүлдү.",
    "en": "This page has not been translated yet; it is shown in Russian.",
}


def trilingual_page(**overrides):
    fields = {f"title_{c}": t for c, t in TITLES.items()}
    fields.update({f"body_{c}": b for c, b in BODIES.items()})
    fields.update(overrides)
    return make_page(slug="about", **fields)


def signed_in(role=None, **fields):
    client = Client()
    client.force_login(make_staff(role, **fields))
    return client


@pytest.mark.parametrize("lang", LANGS)
def test_a_page_shows_its_own_language(client, lang):
    page = trilingual_page()
    response = client.get(url_in(lang, page))
    assert response.status_code == 200
    doc = parse(response)
    assert doc.find("html").attrs["lang"] == lang
    h1 = doc.find("h1")
    assert h1.text == TITLES[lang]
    assert "lang" not in h1.attrs
    text = doc.find("div", class_="page-text")
    assert "lang" not in text.attrs
    assert BODIES[lang].removeprefix("<p>").removesuffix("</p>") in text.text
    assert not doc.find_all(class_="fallback-note")


@pytest.mark.parametrize("lang", ["ky", "en"])
def test_a_missing_language_is_shown_in_another_marked_as_such(client, lang):
    page = trilingual_page(
        title_ky="", title_en="", body_ky="", body_en="", title_ru="О журнале"
    )
    doc = parse(client.get(url_in(lang, page)))
    h1 = doc.find("h1")
    assert h1.attrs["lang"] == "ru"
    assert "О журнале" in h1.text
    text = doc.find("div", class_="page-text")
    assert text.attrs["lang"] == "ru"
    assert "четыре раза в год" in text.text
    note = text.find("p", class_="fallback-note")
    assert note.attrs["lang"] == lang
    assert note.text == NOTES[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_header_and_footer_link_the_published_pages_in_the_page_language(client, lang):
    about = trilingual_page(in_navigation=True, in_footer=True)
    contacts = make_page(
        slug="contacts",
        **{f"title_{c}": t for c, t in CONTACTS.items()},
        in_navigation=False,
        in_footer=True,
    )
    draft = make_page(slug="draft", title_en="Draft page", is_published=False)
    make_journal()
    doc = parse(client.get(url_in(lang, "articles:home")))
    nav = {
        a.attrs["href"]: a.text
        for a in doc.find("nav", class_="main-nav").find_all("a")
    }
    assert nav[url_in(lang, about)] == TITLES[lang]
    assert url_in(lang, contacts) not in nav
    footer = doc.find("footer").find("ul", class_="footer-links")
    links = [(a.attrs["href"], a.text) for a in footer.find_all("a")]
    assert links == [
        (url_in(lang, about), TITLES[lang]),
        (url_in(lang, contacts), CONTACTS[lang]),
    ]
    assert url_in(lang, draft) not in doc.find("body").text
    assert (
        "Draft page" not in client.get(url_in(lang, "articles:home")).content.decode()
    )


def test_the_header_link_of_the_current_page_is_marked(client):
    page = trilingual_page(in_navigation=True)
    doc = parse(client.get(url_in("en", page)))
    link = [
        a
        for a in doc.find("nav", class_="main-nav").find_all("a")
        if a.attrs["href"] == url_in("en", page)
    ]
    assert link[0].attrs["aria-current"] == "page"


def test_an_unpublished_page_is_404_for_readers_and_a_private_preview_for_managers():
    page = trilingual_page(is_published=False)
    preview = f"/en/preview/pages/{page.pk}/"
    assert Client().get(url_in("en", page)).status_code == 404
    assert Client().get(preview).status_code == 302  # to the sign-in page
    for role in (Role.EDITOR, Role.TRANSLATOR):
        assert signed_in(role).get(preview).status_code == 404
    response = signed_in(Role.MANAGING_EDITOR).get(preview)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert (
        "no-store" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )
    doc = parse(response)
    assert doc.find("p", class_="preview-banner")
    assert doc.find("meta", name="robots").attrs["content"] == "noindex, nofollow"


UNSAFE = [
    ('<img src="x" onerror="alert(1)">', ["<img", "onerror"]),
    ('<a href="javascript:alert(1)">x</a>', ["javascript:"]),
    ("<svg><script>alert(1)</script></svg>", ["<svg", "<script"]),
    ("<style>body{display:none}</style>", ["<style", "display:none"]),
    ('<p style="color:red" onclick="x()">Hi</p>', ["style=", "onclick"]),
    ("<iframe src='https://evil.example'></iframe>", ["<iframe", "evil.example"]),
]


@pytest.mark.parametrize(("dirty", "forbidden"), UNSAFE)
def test_unsafe_html_is_removed_on_save_in_every_language(client, dirty, forbidden):
    page = trilingual_page(
        body_ky=f"<p>Салам</p>{dirty}",
        body_ru=f"<p>Привет</p>{dirty}",
        body_en=f"<p>Hello</p>{dirty}",
    )
    page.refresh_from_db()
    for lang in LANGS:
        stored = getattr(page, f"body_{lang}")
        assert not [f for f in forbidden if f.lower() in stored.lower()], stored
        text = parse(client.get(url_in(lang, page))).find("div", class_="page-text")
        elements = list(text.iter())
        assert {el.tag for el in elements} <= {"p", "a"}
        attributes = {name for el in elements for name in el.attrs}
        assert attributes <= {"href", "rel", "class", "lang"}
        assert not [el for el in elements if "javascript" in el.attrs.get("href", "")]


def test_the_allowed_subset_is_kept(client):
    body = (
        "<p><strong>Bold</strong>, <em>italic</em>, H<sub>2</sub>O, x<sup>2</sup></p>"
        "<ul><li>one</li></ul><ol><li>two</li></ol>"
        '<p><a href="https://example.org/">link</a> '
        '<a href="mailto:e@x.kg">mail</a></p>'
    )
    page = trilingual_page(body_en=body)
    page.refresh_from_db()
    for tag in ("<strong>", "<em>", "<sub>", "<sup>", "<ul>", "<ol>", "<li>"):
        assert tag in page.body_en
    assert 'href="https://example.org/"' in page.body_en
    assert 'rel="noopener noreferrer"' in page.body_en
    doc = parse(client.get(url_in("en", page)))
    hrefs = [a.attrs["href"] for a in doc.find("div", class_="page-text").find_all("a")]
    assert hrefs == ["https://example.org/", "mailto:e@x.kg"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_board_is_listed_in_order_with_role_affiliation_and_orcid(client, lang):
    page = trilingual_page(shows_board=True)
    second = make_board_member(
        order=2,
        name_ky="Нурлан Садыков",
        name_ru="Нурлан Садыков",
        name_en="Nurlan Sadykov",
        orcid="",
    )
    first = make_board_member(
        order=1,
        name_ky="Айгүл Токтогулова",
        name_ru="Айгуль Токтогулова",
        name_en="Aigul Toktogulova",
        affiliation_ky="",
        affiliation_ru="",
        affiliation_en="Tian Shan Institute",
        orcid="0000-0002-1825-0097",
    )
    doc = parse(client.get(url_in(lang, page)))
    members = doc.find("ul", class_="board-list").find_all("li")
    names = [m.find(class_="board-name").text for m in members]
    assert names[0] == {"ky": "Айгүл Токтогулова", "ru": "Айгуль Токтогулова"}.get(
        lang, "Aigul Toktogulova"
    )
    assert "Sadykov" in names[1] or "Садыков" in names[1]
    role = members[0].find(class_="board-role").text
    assert role == {"ky": "Башкы редактор", "ru": "Главный редактор"}.get(
        lang, "Editor-in-chief"
    )
    orcid = members[0].find("a", class_="orcid")
    assert orcid.attrs["href"] == "https://orcid.org/0000-0002-1825-0097"
    assert members[1].find_all("a", class_="orcid") == []
    # The affiliation exists only in English: elsewhere it is marked as English.
    affiliation = members[0].find(class_="affiliation")
    if lang == "en":
        assert affiliation.text == "Tian Shan Institute"
    else:
        assert affiliation.find("span").attrs["lang"] == "en"
    assert first.pk and second.pk


def test_a_page_without_the_board_does_not_list_it(client):
    page = trilingual_page(shows_board=False)
    make_board_member(name_en="Aigul Toktogulova")
    assert "Aigul Toktogulova" not in client.get(url_in("en", page)).content.decode()


def test_the_page_costs_two_queries_however_large_the_board(
    client, django_assert_num_queries
):
    make_journal()
    page = trilingual_page(shows_board=True, in_navigation=True)
    url = url_in("en", page)
    for n in (1, 30):
        while BoardMember.objects.count() < n:
            make_board_member()
        assert client.get(url).status_code == 200
        with django_assert_num_queries(2):  # the page, the board
            assert client.get(url).status_code == 200


# -- who may edit --------------------------------------------------------------


def page_form(page, **changes):
    data = {
        "slug": page.slug,
        "order": page.order,
        **{
            f"{f}_{c}": getattr(page, f"{f}_{c}") or ""
            for f in ("title", "body")
            for c in LANGS
        },
        "in_footer": "on",
        "is_published": "on",
    }
    data.update(changes)
    return data


HOSTILE = [None, Role.EDITOR, Role.TRANSLATOR]


@pytest.mark.parametrize("role", HOSTILE)
def test_other_roles_cannot_add_change_or_delete_pages(role):
    page = trilingual_page()
    member = make_board_member(name_en="Kept Name")
    client = signed_in(role)
    base = "/en/admin/journalpages/"
    assert client.get(f"{base}page/{page.pk}/change/").status_code == 403
    client.post(f"{base}page/{page.pk}/change/", page_form(page, title_en="Defaced"))
    client.post(f"{base}page/{page.pk}/delete/", {"post": "yes"})
    client.post(f"{base}page/add/", page_form(page, slug="new", title_en="New"))
    client.post(
        f"{base}boardmember/{member.pk}/change/", {"name_en": "Changed", "order": 1}
    )
    client.post(f"{base}boardmember/{member.pk}/delete/", {"post": "yes"})
    assert list(Page.objects.values_list("slug", "title_en")) == [
        ("about", "About the journal")
    ]
    assert list(BoardMember.objects.values_list("name_en", flat=True)) == ["Kept Name"]


def test_a_managing_editor_edits_a_page_and_a_revision_keeps_every_language():
    page = trilingual_page()
    client = signed_in(Role.MANAGING_EDITOR)
    url = f"/en/admin/journalpages/page/{page.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update(title_ky="Биз жөнүндө", body_en="<p>New text<script>x</script></p>")
    assert client.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.title_ky == "Биз жөнүндө"
    assert page.body_en == "<p>New text</p>"
    version = Version.objects.get_for_object(page).first()
    fields = version.field_dict
    assert (fields["title_ky"], fields["title_ru"], fields["title_en"]) == (
        "Биз жөнүндө",
        "О журнале",
        "About the journal",
    )


def test_a_page_needs_a_title_in_some_language():
    client = signed_in(Role.MANAGING_EDITOR)
    data = page_form(Page(slug="untitled", order=1))
    response = client.post("/en/admin/journalpages/page/add/", data)
    assert response.status_code == 200
    assert "Give the page a title in at least one language." in (
        response.content.decode()
    )
    assert not Page.objects.exists()


# -- the page cache ---------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def test_an_edit_reaches_cached_pages_and_the_links_on_every_page(page_cache_on):
    make_journal()
    page = trilingual_page(in_navigation=True)
    reader = Client()
    home, url = url_in("en", "articles:home"), url_in("en", page)
    for address in (home, url):
        reader.get(address)
        assert reader.get(address)["X-Page-Cache"] == "hit"
    editor = signed_in(Role.MANAGING_EDITOR)
    change = f"/en/admin/journalpages/page/{page.pk}/change/"
    data = admin_form_data(editor.get(change))
    data["title_en"] = "Who we are"
    assert editor.post(change, data).status_code == 302
    for address in (home, url):
        response = reader.get(address)
        assert response["X-Page-Cache"] == "miss"
        assert "Who we are" in response.content.decode()
        assert ">About the journal<" not in response.content.decode()


def test_unpublishing_a_page_removes_its_links_from_cached_pages(page_cache_on):
    make_journal()
    page = trilingual_page(in_navigation=True)
    reader = Client()
    home = url_in("en", "articles:home")
    assert url_in("en", page) in reader.get(home).content.decode()
    page.is_published = False
    page.save()
    assert url_in("en", page) not in reader.get(home).content.decode()
    assert reader.get(url_in("en", page)).status_code == 404
