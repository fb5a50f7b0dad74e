"""The journal's logo, favicon and ISSNs, as editors set them and readers see them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from articles.models import Journal
from articles.workflow import Role
from tests.admin_forms import admin_form_data
from tests.builders import make_article, make_journal, make_staff
from tests.helpers import parse, url_in

pytestmark = pytest.mark.django_db


def png(size=(64, 64), colour=(20, 90, 160)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def manager():
    client = Client()
    client.force_login(make_staff(Role.MANAGING_EDITOR))
    return client


def journal_form(client, journal, **changes):
    url = f"/en/admin/articles/journal/{journal.pk}/change/"
    data = admin_form_data(client.get(url))
    data.update(changes)
    return url, data


def test_favicon_ico_is_the_shipped_icon_without_an_upload(client):
    make_journal()
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO header
    assert "max-age" in response["Cache-Control"]


def test_favicon_ico_answers_even_before_any_journal_exists(client):
    assert client.get("/favicon.ico").status_code == 200


def test_pages_link_the_default_logo_and_icons(client):
    make_journal()
    doc = parse(client.get(url_in("ky", "articles:home")))
    logo = doc.find("img", class_="site-logo")
    assert logo.attrs["src"].endswith("img/logo.svg")
    assert logo.attrs["alt"] == ""  # the journal's name follows it in the link
    icons = [link.attrs["href"] for link in doc.find_all("link", rel="icon")]
    assert icons[0] == "/favicon.ico"


def test_a_managing_editor_replaces_the_logo_and_favicon(client):
    journal = make_journal()
    editor = manager()
    url, data = journal_form(editor, journal)
    data["logo"] = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    data["favicon"] = SimpleUploadedFile("icon.png", png((48, 48)), "image/png")
    assert editor.post(url, data).status_code == 302
    journal.refresh_from_db()
    assert journal.logo and journal.favicon

    doc = parse(client.get(url_in("en", "articles:home")))
    src = doc.find("img", class_="site-logo").attrs["src"]
    assert src.startswith("/journal-logo?v=")
    logo = client.get(src)
    assert logo["Content-Type"] == "image/png"
    assert logo["X-Content-Type-Options"] == "nosniff"
    assert b"".join(logo.streaming_content) == png()
    icon = client.get("/favicon.ico")
    assert icon["Content-Type"] == "image/png"
    assert b"".join(icon.streaming_content) == png((48, 48))


def test_a_logo_that_is_not_an_image_is_refused_and_nothing_is_lost():
    journal = make_journal(name_en="Kept name")
    editor = manager()
    url, data = journal_form(editor, journal, name_en="Changed name")
    data["logo"] = SimpleUploadedFile(
        "logo.png", b"\x89PNG\r\n\x1a\n<html><script>x</script>", "image/png"
    )
    response = editor.post(url, data)
    assert response.status_code == 200
    assert parse(response).find_all("ul", class_="errorlist")
    journal.refresh_from_db()
    assert (journal.name_en, bool(journal.logo)) == ("Kept name", False)


def test_no_logo_uploaded_is_a_404_not_an_error(client):
    make_journal()
    assert client.get("/journal-logo").status_code == 404


@pytest.mark.parametrize("role", [Role.EDITOR, Role.TRANSLATOR])
def test_other_roles_cannot_change_the_journal(role):
    journal = make_journal(issn_online="")
    client = Client()
    client.force_login(make_staff(role))
    url = f"/en/admin/articles/journal/{journal.pk}/change/"
    client.post(url, {"name_en": "Taken over", "issn_online": "1694-7002"})
    journal.refresh_from_db()
    assert (journal.name_en, journal.issn_online) == (
        "Journal of International Relations",
        "",
    )


def test_an_online_issn_set_in_the_admin_reaches_the_footer_and_article_metadata(
    client,
):
    journal = make_journal(issn_online="")
    article = make_article()
    # Highwire tags are on the page in the article's language of record.
    page = url_in(article.original_language, article)
    client.get(page)  # the article's kept main part and meta tags exist now
    editor = manager()
    url, data = journal_form(editor, journal, issn_online="1694-7002")
    assert editor.post(url, data).status_code == 302
    assert Journal.objects.get(pk=journal.pk).issn_online == "1694-7002"

    doc = parse(client.get(page))
    assert "ISSN 1694-7002" in doc.find("footer").text.replace("\xa0", " ")
    issns = [m.attrs["content"] for m in doc.find_all("meta", name="citation_issn")]
    assert issns == ["1694-5344", "1694-7002"]
    oai = client.get(
        "/oai/",
        {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
    ).content.decode()
    assert "ISSN 1694-7002" in oai


def test_a_malformed_issn_gets_a_message_and_is_not_saved():
    journal = make_journal(issn_online="")
    editor = manager()
    url, data = journal_form(editor, journal, issn_online="16947002")
    response = editor.post(url, data)
    assert response.status_code == 200
    assert "Enter an ISSN like 1694-5344." in response.content.decode()
    assert Journal.objects.get(pk=journal.pk).issn_online == ""
