"""The "Import manuscript" admin page: upload, preview, confirm, as an editor would."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import (
    Article,
    ArticleSection,
    Authorship,
    Contributor,
    Keyword,
    Reference,
)
from articles.workflow import Role
from importer.models import ManuscriptImport
from importer.parser import parse_manuscript
from tests.builders import (
    make_contributor,
    make_issue,
    make_keyword,
    make_section,
    make_staff,
)
from tests.helpers import form_values, parse
from tests.importer.documents import docx_bytes, pdf_bytes, sample, zip_bytes
from tests.importer.expected import SAMPLES

pytestmark = pytest.mark.django_db

URL = "/{lang}/admin/importer/manuscriptimport/add/"
SAMPLE = "ky_ru_en_pdf_damage.txt"


def client_for(role=None, superuser=False):
    user = make_staff(role, is_superuser=superuser)
    client = Client()
    client.force_login(user)
    return client, user


@pytest.fixture
def editor():
    return client_for(Role.EDITOR)


def counts():
    return [
        model.objects.count()
        for model in (
            Article,
            ArticleSection,
            Reference,
            Authorship,
            Keyword,
            Contributor,
            ManuscriptImport,
        )
    ]


def upload(client, data, name, lang="en"):
    return client.post(URL.format(lang=lang), {"file": SimpleUploadedFile(name, data)})


def confirm_data(response, **choices):
    """What the browser sends from the preview's confirm form, plus the choices."""
    data = form_values(parse(response).find("form", id="confirm_form"))
    data.update({key: str(value) for key, value in choices.items()})
    return data


# --- who may import ---


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.EDITOR, 200),
        (Role.MANAGING_EDITOR, 200),
        (Role.SITE_ADMIN, 200),
        (Role.TRANSLATOR, 403),
    ],
)
def test_the_page_needs_the_permission_to_add_articles(role, status):
    client, _user = client_for(role)
    assert client.get(URL.format(lang="en")).status_code == status


def test_anonymous_visitors_are_sent_to_the_login_page():
    response = Client().get(URL.format(lang="en"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_import_list_offers_the_import_page(editor):
    client, _user = editor
    doc = parse(client.get("/en/admin/importer/manuscriptimport/"))
    link = doc.find("ul", class_="object-tools").find("a", class_="addlink")
    assert link.attrs["href"] == URL.format(lang="en")
    assert link.text == "Import manuscript"
    index = parse(client.get("/en/admin/"))
    assert index.find("a", href="/en/admin/importer/manuscriptimport/")


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_upload_form_in_each_admin_language(editor, lang):
    client, _user = editor
    doc = parse(client.get(URL.format(lang=lang)))

    assert doc.find("html").attrs["lang"] == lang
    form = doc.find("form", id="upload_form")
    assert form.attrs["enctype"] == "multipart/form-data"
    assert form.find("input", type="file", name="file")


# --- upload, preview, confirm ---


def test_preview_shows_every_part_and_saves_nothing(editor):
    client, _user = editor
    before = counts()

    response = upload(client, sample(SAMPLE).encode(), "manuscript.txt")

    assert response.status_code == 200
    assert counts() == before
    doc = parse(response)
    expected = SAMPLES[SAMPLE]
    for code, block in expected["blocks"].items():
        section = doc.find("section", id=f"import-block-{code}")
        title = section.find("dd", class_="import-title")
        assert title.find("span", lang=code).text == block["title"]
        assert block["title_original"] in title.text
        abstract = section.find("dd", class_="import-abstract")
        assert abstract.find("div", lang=code).text == block["abstract"]
        keywords = section.find("dd", class_="import-keywords")
        assert keywords.text == ", ".join(block["keywords"])
    body = doc.find_all("section", class_="import-section")
    assert [s.find("h4").text for s in body] == [h for h, _p in expected["sections"]]
    assert all(s.attrs["lang"] == "ky" for s in body)
    assert body[0].find("a", class_="cite").attrs["href"] == "#ref-1"
    references = doc.find("ol", id="import-references").find_all("li")
    assert [li.attrs["id"] for li in references] == [f"ref-{n}" for n in range(1, 6)]
    assert references[1].text.startswith(expected["references"][1][0])
    citations = doc.find("table", id="import-citations").find_all("tr")[1:]
    assert [row.find_all("td")[0].text for row in citations] == [
        c[0] for c in expected["citations"]
    ]
    keyword_rows = doc.find("table", id="import-keywords").find_all("tr")[1:]
    assert [row.find_all("td")[0].text for row in keyword_rows] == [
        k["ky"] for k in expected["keywords"]
    ]
    assert [li.text for li in doc.find("ul", id="import-leftovers").find_all("li")] == (
        expected["leftovers"]
    )
    assert not doc.find_all("div", id="import-duplicate")


def test_confirm_creates_the_draft_with_issue_section_and_authors(editor):
    client, user = editor
    issue, section = make_issue(), make_section()
    first, second = make_contributor(), make_contributor()
    preview = upload(client, sample(SAMPLE).encode(), "manuscript.txt")

    response = client.post(
        URL.format(lang="en"),
        confirm_data(
            preview,
            issue=issue.pk,
            section=section.pk,
            **{
                "authors-0-contributor": first.pk,
                "authors-0-corresponding": "on",
                "authors-1-contributor": second.pk,
            },
        ),
    )

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/admin/articles/article/{article.pk}/change/"
    expected = SAMPLES[SAMPLE]
    assert article.status == Article.Status.DRAFT
    assert article.created_by == user
    assert (article.issue, article.section) == (issue, section)
    assert {code: getattr(article, f"title_{code}") for code in expected["blocks"]} == {
        code: block["title"] for code, block in expected["blocks"].items()
    }
    assert {
        code: getattr(article, f"abstract_{code}") for code in expected["blocks"]
    } == {code: block["abstract"] for code, block in expected["blocks"].items()}
    assert [s.heading_ky for s in article.sections.order_by("order")] == [
        h for h, _p in expected["sections"]
    ]
    assert article.references.count() == len(expected["references"])
    assert [
        (a.contributor, a.corresponding) for a in article.authorships.order_by("order")
    ] == [(first, True), (second, False)]
    assert {k.name_en for k in article.keywords.all()} == {
        k["en"] for k in expected["keywords"]
    }
    page = client.get(response["Location"])
    messages = [str(m) for m in page.context["messages"]]
    assert messages == [
        f"The draft article “{article}” was created from manuscript.txt."
    ]


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("manuscript.docx", docx_bytes),
        ("manuscript.pdf", pdf_bytes),
    ],
)
def test_word_and_pdf_files_go_the_same_way(editor, name, build):
    client, _user = editor
    preview = upload(client, build(sample(SAMPLE)), name)
    assert preview.status_code == 200

    response = client.post(URL.format(lang="en"), confirm_data(preview))

    assert response.status_code == 302
    record = ManuscriptImport.objects.get()
    assert record.file_format == name.rsplit(".", 1)[1]
    article = record.article
    assert article.title_en == SAMPLES[SAMPLE]["blocks"]["en"]["title"]
    assert article.sections.count() == 4


def test_the_client_cannot_change_what_was_parsed(editor):
    client, _user = editor
    preview = upload(client, sample(SAMPLE).encode(), "manuscript.txt")
    data = confirm_data(preview)
    data["token"] = data["token"][:-3] + "abc"

    response = client.post(URL.format(lang="en"), data)

    assert response.status_code == 200
    assert Article.objects.count() == 0
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["The preview has expired; upload the file again."]


def test_a_preview_belongs_to_the_editor_who_made_it(editor):
    client, _user = editor
    other, _other_user = client_for(Role.EDITOR)
    preview = upload(client, sample(SAMPLE).encode(), "manuscript.txt")

    response = other.post(URL.format(lang="en"), confirm_data(preview))

    assert response.status_code == 200
    assert Article.objects.count() == 0


def test_choosing_the_same_author_twice_is_refused(editor):
    client, _user = editor
    author = make_contributor()
    preview = upload(client, sample(SAMPLE).encode(), "manuscript.txt")

    response = client.post(
        URL.format(lang="en"),
        confirm_data(
            preview,
            **{"authors-0-contributor": author.pk, "authors-1-contributor": author.pk},
        ),
    )

    assert response.status_code == 200
    assert "The same author is chosen twice." in response.content.decode()
    assert Article.objects.count() == 0
    # The preview is shown again from the signed text.
    assert parse(response).find("section", id="import-block-en")


# --- importing the same manuscript again ---


def test_reimport_is_detected_and_may_update_the_draft(editor):
    client, _user = editor
    first_issue = make_issue()
    preview = upload(client, sample(SAMPLE).encode(), "manuscript.txt")
    client.post(URL.format(lang="en"), confirm_data(preview, issue=first_issue.pk))
    article = Article.objects.get()

    # The same manuscript, re-encoded and with Windows line ends: the same content.
    again = upload(
        client, sample(SAMPLE).replace("\n", "\r\n").encode("utf-16"), "again.txt"
    )
    doc = parse(again)
    notice = doc.find("div", id="import-duplicate")
    assert notice.find("a").attrs["href"] == (
        f"/en/admin/articles/article/{article.pk}/change/"
    )
    radios = doc.find("form", id="confirm_form").find_all("input", type="radio")
    assert [r.attrs["value"] for r in radios] == ["update", "new"]
    assert form_values(doc.find("form", id="confirm_form"))["issue"] == str(
        first_issue.pk
    )

    refused = client.post(URL.format(lang="en"), confirm_data(again))
    assert refused.status_code == 200
    assert Article.objects.count() == 1

    updated = client.post(
        URL.format(lang="en"), confirm_data(again, duplicate="update")
    )
    assert updated.status_code == 302
    assert Article.objects.count() == 1
    article.refresh_from_db()
    assert article.version == 2
    assert article.issue == first_issue
    assert list(ManuscriptImport.objects.values_list("action", flat=True)) == [
        "updated",
        "created",
    ]

    created = client.post(URL.format(lang="en"), confirm_data(again, duplicate="new"))
    assert created.status_code == 302
    assert Article.objects.count() == 2


def test_a_reimport_of_a_published_article_can_only_create_a_new_one(editor):
    client, _user = editor
    preview = upload(client, sample(SAMPLE).encode(), "manuscript.txt")
    client.post(URL.format(lang="en"), confirm_data(preview))
    Article.objects.update(status=Article.Status.PUBLISHED)

    again = upload(client, sample(SAMPLE).encode(), "manuscript.txt")
    radios = (
        parse(again).find("form", id="confirm_form").find_all("input", type="radio")
    )
    assert [r.attrs["value"] for r in radios] == ["new"]

    response = client.post(
        URL.format(lang="en"), confirm_data(again, duplicate="update")
    )
    assert response.status_code == 200
    assert Article.objects.count() == 1


# --- bad input ---

BAD_FILES = [
    ("empty.txt", b"", "The file is empty."),
    (
        "garbage.txt",
        bytes(range(256)) * 40,
        "This file is not a text, Word (.docx) or PDF file that can be read. "
        "Upload the manuscript as .txt (UTF-8 or Windows-1251), .docx or .pdf.",
    ),
    (
        "archive.docx",
        zip_bytes({"a.txt": "x"}),
        "This file is a zip archive, not a Word document. Upload the manuscript as "
        ".docx, .pdf or .txt.",
    ),
    ("image.png", b"\x89PNG\r\n", "Upload a .txt, .docx or .pdf file."),
]


@pytest.mark.parametrize(("name", "data", "msgid"), BAD_FILES)
@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_bad_files_get_a_message_in_the_editors_language(
    editor, lang, name, data, msgid
):
    client, _user = editor
    before = counts()

    response = upload(client, data, name, lang=lang)

    assert response.status_code == 200
    assert counts() == before
    doc = parse(response)
    assert doc.find("html").attrs["lang"] == lang
    errors = doc.find("form", id="upload_form").find("ul", class_="errorlist")
    with translation.override(lang):
        assert errors.text == translation.gettext(msgid)


def test_a_50_mb_upload_is_dropped_while_it_streams_in(editor, settings):
    client, _user = editor
    settings.IMPORTER_MAX_BYTES = 20 * 1024 * 1024
    data = b"a" * (50 * 1024 * 1024)

    response = upload(client, data, "huge.txt")

    assert response.status_code == 200
    errors = parse(response).find("ul", class_="errorlist")
    assert errors.text.replace("\xa0", " ").startswith("The file is too large (50.0 MB")
    assert Article.objects.count() == 0


def test_the_preview_reads_a_fixed_number_of_queries(editor):
    """Neither the vocabulary's size nor the manuscript's length adds queries."""
    client, _user = editor
    data = sample(SAMPLE).encode()
    upload(client, data, "warm-up.txt")
    with CaptureQueriesContext(connection) as small:
        upload(client, data, "manuscript.txt")
    for _n in range(30):
        make_keyword()
    with CaptureQueriesContext(connection) as large:
        upload(client, data, "manuscript.txt")

    # One more than before the role table: `may()` reads the user's roles once; one
    # more for the byline: the authors it names are looked up in one query.
    assert len(large) == len(small) <= 10


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_warnings_are_in_the_editors_language(editor, lang):
    client, _user = editor
    text = sample("ru_en_ky_missing_parts.txt")

    response = upload(client, text.encode(), "missing.txt", lang=lang)

    shown = parse(response).find("ul", class_="import-warnings").find_all("li")
    with translation.override(lang):
        expected = parse_manuscript(text).warnings
    assert [li.text for li in shown] == expected
    assert len(expected) == 4


def test_a_text_too_long_to_carry_to_the_confirmation_is_refused(editor, settings):
    client, _user = editor
    settings.IMPORTER_MAX_TOKEN_CHARS = 1000

    response = upload(client, sample(SAMPLE).encode(), "manuscript.txt")

    errors = (
        parse(response).find("form", id="upload_form").find("ul", class_="errorlist")
    )
    assert errors.text == "The text is too long to be one article."
    assert not parse(response).find_all("form", id="confirm_form")


def test_the_upload_still_needs_the_csrf_token():
    """The page opts out of the CSRF middleware only to check the token itself."""
    _client, user = client_for(Role.EDITOR)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    refused = upload(client, sample(SAMPLE).encode(), "manuscript.txt")
    assert refused.status_code == 403

    page = client.get(URL.format(lang="en"))
    token = parse(page).find("input", name="csrfmiddlewaretoken").attrs["value"]
    accepted = client.post(
        URL.format(lang="en"),
        {
            "csrfmiddlewaretoken": token,
            "file": SimpleUploadedFile("m.txt", sample(SAMPLE).encode()),
        },
    )
    assert accepted.status_code == 200
    assert parse(accepted).find("form", id="confirm_form")


@pytest.mark.parametrize("form", ["pdf", "txt"])
def test_the_preview_shows_the_paragraphs_as_they_will_be_saved(editor, form):
    """Issue #17: an editor sees at once how the PDF's lines were made paragraphs."""
    from tests.importer.corpus import corpus_file
    from tests.importer.corpus_texts import MANUSCRIPTS

    client, _user = editor
    data = corpus_file("ky_water", f".{form}").read_bytes()
    preview = upload(client, data, f"ky_water.{form}")

    written = [p.replace("¦", "") for p in MANUSCRIPTS["ky_water"]["sections"][0][1]]
    body = parse(preview).find_all("section", class_="import-section")
    assert len(body) == 1
    shown = [p.text for p in body[0].find(class_="import-paragraphs").find_all("p")]
    assert shown == written
    count = body[0].find(class_="import-paragraph-count").text
    assert count == "6 paragraphs, as they will be saved:"

    client.post(URL.format(lang="en"), confirm_data(preview))

    saved = Article.objects.get().sections.get()
    assert saved.text_ky.split("\n\n") == shown


def test_the_paragraph_count_is_in_the_editors_language(editor):
    from tests.importer.corpus import corpus_file

    client, _user = editor
    data = corpus_file("ky_water", ".txt").read_bytes()
    preview = upload(client, data, "ky_water.txt", lang="ru")

    count = parse(preview).find(class_="import-paragraph-count").text
    assert count == "6 абзацев в том виде, в каком они будут сохранены:"
