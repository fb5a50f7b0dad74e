"""`manage.py load_demo`: a coherent, idempotent demo journal."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from articles.models import (
    Article,
    ArticleSection,
    Authorship,
    Contributor,
    Galley,
    Issue,
    Journal,
    Keyword,
    Reference,
    Section,
    TaggedItem,
)
from articles.text import CITATION
from ops.demo.journal_content import orcid_check_digit

pytestmark = pytest.mark.django_db

COUNTED = [
    Journal,
    Section,
    Issue,
    Article,
    Authorship,
    Keyword,
    Contributor,
    Galley,
    Reference,
    ArticleSection,
    TaggedItem,
]


def load(**options):
    out = StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def demo():
    load(verbosity=0)


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_creates_public_issues_and_articles(demo):
    assert Issue.objects.public().count() >= 2
    assert Article.objects.public().count() >= 8
    assert Keyword.objects.count() >= 15
    assert Section.objects.count() >= 3
    journal = Journal.objects.get(issn_print="1694-5344")
    assert journal.name_ky and journal.name_ru and journal.name_en
    assert {i.number for i in journal.issues.public()} >= {"4/1", "1"}


def test_public_articles_are_complete(demo):
    for article in Article.objects.public().select_related("issue"):
        assert article.authorships.exists(), article.slug
        assert 3 <= article.keywords.count() <= 6, article.slug
        assert article.sections.exists(), article.slug
        assert article.references.exists(), article.slug
        assert article.published_at == article.issue.published_at, article.slug
        assert article.first_page and article.last_page >= article.first_page
        assert article.received_on < article.accepted_on < article.published_at.date()


def test_pages_increase_through_each_issue(demo):
    for issue in Issue.objects.public():
        pages = [
            (a.first_page, a.last_page)
            for a in Article.objects.public().in_issue(issue)
        ]
        assert len(pages) >= 2
        for (_, last), (first, _) in zip(pages, pages[1:], strict=False):
            assert first > last, issue


def test_bodies_and_translations_vary(demo):
    public = list(Article.objects.public())
    body_langs = [a.body_languages() for a in public]
    assert any(len(langs) == 1 for langs in body_langs)
    assert any(len(langs) == 2 for langs in body_langs)
    assert any(not a.abstract_en or not a.abstract_ky for a in public)
    assert any(not a.title_ky for a in public)


def test_citations_point_to_references(demo):
    for article in Article.objects.public():
        n = article.references.count()
        cited = set()
        for section in article.sections.all():
            for lang in article.body_languages():
                text = getattr(section, f"text_{lang}") or ""
                for match in CITATION.finditer(text):
                    for part in match.group(1).split(";"):
                        cited.add(int(re.match(r"\s*(\d+)", part).group(1)))
        assert cited, article.slug
        assert cited <= set(range(1, n + 1)), article.slug
        orders = list(article.references.values_list("order", flat=True))
        assert orders == list(range(1, n + 1)), article.slug


def test_keywords_are_shared_and_one_is_single_language(demo):
    border = Keyword.objects.get(name_en="border")
    assert (border.name_ky, border.name_ru) == ("чек ара", "граница")
    assert Article.objects.public().filter(keywords=border).count() >= 2
    single = [
        k
        for k in Keyword.objects.all()
        if sum(bool(getattr(k, f"name_{c}")) for c in ("ky", "ru", "en")) == 1
    ]
    assert single


def test_orcids_are_valid(demo):
    orcids = list(Contributor.objects.exclude(orcid="").values_list("orcid", flat=True))
    assert orcids
    for orcid in orcids:
        digits = orcid.replace("-", "")
        assert orcid_check_digit(digits[:15]) == digits[15], orcid


def test_galleys_are_pdfs_in_a_body_language(demo):
    galleys = list(Galley.objects.select_related("article"))
    public = Article.objects.public()
    with_galley = {g.article_id for g in galleys}
    assert 0.3 <= len(with_galley) / public.count() <= 0.7
    for galley in galleys:
        assert galley.language in galley.article.body_languages()
        assert galley.original_name.endswith(f"_{galley.language}.pdf")
        with galley.file.open("rb") as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-1.4")
        # Every xref entry points at its object, and startxref at the table.
        xref_at = int(re.search(rb"startxref\n(\d+)\n%%EOF", data).group(1))
        assert data[xref_at:].startswith(b"xref")
        offsets = re.findall(rb"(\d{10}) 00000 n", data)
        for number, offset in enumerate(offsets, start=1):
            assert data[int(offset) :].startswith(b"%d 0 obj" % number)


def test_planned_issue_has_an_accepted_article(demo):
    planned = Issue.objects.get(published_at__isnull=True)
    assert planned.articles.filter(status=Article.Status.ACCEPTED).exists()
    assert not Article.objects.public().filter(issue=planned).exists()


def test_draft_is_not_public(demo, client):
    draft = Article.objects.get(title_en__contains="DRAFTDEMO")
    assert draft.status == Article.Status.DRAFT
    assert draft.issue is None
    assert not Article.objects.public().filter(pk=draft.pk).exists()
    with translation.override("ru"):
        url = draft.get_absolute_url()
    assert client.get(url).status_code == 404
    assert "DRAFTDEMO" not in client.get("/ru/").content.decode()


def test_second_run_creates_and_changes_nothing(demo):
    before = counts()
    stamps = dict(Article.objects.values_list("slug", "updated_at"))
    labels = list(Keyword.objects.order_by("pk").values_list("name_ky", "name_ru"))
    output = load()
    assert counts() == before
    assert dict(Article.objects.values_list("slug", "updated_at")) == stamps
    assert list(Keyword.objects.order_by("pk").values_list("name_ky", "name_ru")) == (
        labels
    )
    assert "Nothing new" in output


def test_home_and_article_pages(demo, client):
    assert client.get("/ru/").status_code == 200
    article = Article.objects.get(slug="kyrgyz-tajik-relations-since-1992")
    with translation.override("ru"):
        url = article.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    assert article.title_ru in response.content.decode()


def test_galley_download(demo, client):
    galley = Galley.objects.filter(article__in=Article.objects.public()).first()
    with translation.override("en"):
        url = galley.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_output_and_quiet():
    assert "articles: " in load()
    assert load(quiet=True) == ""
    assert load(verbosity=0) == ""
