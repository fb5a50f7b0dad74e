"""`load_demo` fills the journal's pages, board and online ISSN, and keeps edits."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from articles.models import Journal
from journalpages.models import BoardMember, Page
from tests.helpers import parse, url_in

pytestmark = pytest.mark.django_db

SLUGS = [
    "about",
    "aims-and-scope",
    "editorial-board",
    "author-guidelines",
    "peer-review-and-ethics",
    "open-access",
    "contacts",
]


def load():
    call_command("load_demo", stdout=StringIO())


def test_every_page_board_member_and_issn_in_three_languages():
    load()
    pages = list(Page.objects.all())
    assert [p.slug for p in pages] == SLUGS
    for page in pages:
        assert page.is_published
        for code in ("ky", "ru", "en"):
            assert getattr(page, f"title_{code}").strip(), (page.slug, code)
            assert getattr(page, f"body_{code}").startswith("<p>"), (page.slug, code)
    assert Page.objects.get(slug="editorial-board").shows_board
    members = list(BoardMember.objects.all())
    assert len(members) >= 5
    for member in members:
        for field in ("name", "role", "affiliation"):
            for code in ("ky", "ru", "en"):
                assert getattr(member, f"{field}_{code}"), (member.name_en, field)
        member.full_clean()  # ORCID iDs well formed
    journal = Journal.objects.get()
    assert (journal.issn_print, journal.issn_online) == ("1694-5344", "1694-7002")


def test_the_guidelines_link_a_template_that_exists():
    load()
    client = Client()
    doc = parse(client.get(url_in("en", Page.objects.get(slug="author-guidelines"))))
    links = [a.attrs["href"] for a in doc.find("div", class_="page-text").find_all("a")]
    assert "/manuscript-template.docx" in links
    assert client.get("/manuscript-template.docx").status_code == 200


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_demo_pages_are_linked_and_live(lang):
    load()
    client = Client()
    doc = parse(client.get(url_in(lang, "articles:home")))
    footer = [
        a.attrs["href"] for a in doc.find("ul", class_="footer-links").find_all("a")
    ]
    assert footer == [url_in(lang, page) for page in Page.objects.all()]
    for href in footer:
        assert client.get(href).status_code == 200


def test_a_second_run_keeps_editors_changes():
    load()
    Page.objects.filter(slug="about").update(title_en="Edited by the editors")
    Page.objects.filter(slug="contacts").delete()
    BoardMember.objects.filter(order=1).update(role_en="Honorary editor")
    Journal.objects.update(issn_online="1694-8033")
    pages, members = Page.objects.count(), BoardMember.objects.count()
    load()
    assert Page.objects.get(slug="about").title_en == "Edited by the editors"
    assert BoardMember.objects.get(order=1).role_en == "Honorary editor"
    assert Journal.objects.get().issn_online == "1694-8033"
    assert BoardMember.objects.count() == members
    # A page an editor deleted comes back, as a deleted demo article would.
    assert Page.objects.count() == pages + 1
