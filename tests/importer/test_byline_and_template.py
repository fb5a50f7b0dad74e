"""The import page: bylines matched to existing authors, the template manuscript."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from articles.models import Authorship
from articles.workflow import Role
from importer.extract import docx_text
from importer.parser import parse_manuscript
from tests.builders import make_contributor, make_issue, make_section
from tests.helpers import parse
from tests.importer.test_admin import URL, client_for, confirm_data, upload

pytestmark = pytest.mark.django_db

TEMPLATE = "importer/manuscript-template.docx"


def test_the_template_manuscript_is_read_as_three_languages():
    manuscript = parse_manuscript(docx_text(Path(finders.find(TEMPLATE)).read_bytes()))
    assert manuscript.languages == ["ky", "ru", "en"]
    assert [len(b.keywords) for b in manuscript.block_list()] == [3, 3, 3]
    assert len(manuscript.references) == 2


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_upload_page_links_the_template_and_the_house_format(lang):
    client, _user = client_for(Role.EDITOR)
    doc = parse(client.get(URL.format(lang=lang)))
    links = [
        a.attrs["href"] for a in doc.find("div", class_="house-format").find_all("a")
    ]
    assert links == [f"/static/{TEMPLATE}"]
    assert doc.find("details").find("summary").text
    assert finders.find(TEMPLATE)


def test_a_byline_chooses_the_existing_author():
    asanov = make_contributor(last_name_ky="Асанов", last_name_ru="Асанов")
    make_contributor(last_name_ky="Токтогулова", last_name_ru="Токтогулова")
    client, _user = client_for(Role.EDITOR)
    data = Path(finders.find(TEMPLATE)).read_bytes()
    preview = upload(client, data, "manuscript.docx", lang="ru")
    form = preview.context["form"]
    chosen = [f.initial.get("contributor") for f in form.authors.forms if f.initial]
    assert chosen == [asanov.pk]
    # Confirming as shown makes the matched author the article's author.
    response = client.post(
        URL.format(lang="ru"),
        confirm_data(preview, issue=make_issue().pk, section=make_section().pk),
    )
    assert response.status_code == 302
    assert list(Authorship.objects.values_list("contributor", flat=True)) == [asanov.pk]
