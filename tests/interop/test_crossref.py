"""Crossref 5.4.0 deposit XML: valid against Crossref's crossref5.4.0.xsd (kept in
tests/schemas/crossref/), its fields (by XPath), the command and admin actions.
"""

import pytest
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree

from articles.models import Article, Authorship
from interop.crossref import build_deposit, issue_articles, public_articles
from tests.builders import add_reference, make_article, make_contributor

from .schemas import assert_valid, crossref_schema
from .test_citations import canaries, make_cited_article

pytestmark = pytest.mark.django_db

NS = {
    "cr": "http://www.crossref.org/schema/5.4.0",
    "jats": "http://www.ncbi.nlm.nih.gov/JATS1",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BASE = "https://journal.example.org"


@pytest.fixture(autouse=True)
def crossref_settings(settings):
    settings.SITE_URL = BASE
    settings.CROSSREF_DEPOSITOR_NAME = "KNU Press"
    settings.CROSSREF_DEPOSITOR_EMAIL = "doi@journal.example.org"
    settings.CROSSREF_REGISTRANT = "Kyrgyz National University"


def parse_xml(data):
    root = etree.fromstring(data)
    assert root.tag == f"{{{NS['cr']}}}doi_batch"
    assert root.get("version") == "5.4.0"
    return root


def xp(node, path):
    return node.xpath(path, namespaces=NS)


def text(node, path):
    found = xp(node, path)
    assert len(found) == 1, (path, found)
    return found[0].text


def children(node):
    return [etree.QName(c).localname for c in node]


def deposit_of(*articles, name="test"):
    loaded = public_articles().filter(pk__in=[a.pk for a in articles])
    return build_deposit(loaded, name, base_url=BASE)


def test_head_from_settings():
    article = make_cited_article()
    root = parse_xml(deposit_of(article, name=article.slug).xml)
    head = xp(root, "/cr:doi_batch/cr:head")[0]
    assert children(head) == ["doi_batch_id", "timestamp", "depositor", "registrant"]
    assert text(head, "cr:doi_batch_id").startswith(f"{article.slug}-")
    assert text(head, "cr:timestamp").isdigit()
    assert text(head, "cr:depositor/cr:depositor_name") == "KNU Press"
    assert text(head, "cr:depositor/cr:email_address") == "doi@journal.example.org"
    assert text(head, "cr:registrant") == "Kyrgyz National University"


def test_head_defaults_without_settings(settings):
    settings.CROSSREF_DEPOSITOR_NAME = ""  # the defaults when the variables are unset
    settings.CROSSREF_DEPOSITOR_EMAIL = ""
    settings.CROSSREF_REGISTRANT = ""
    settings.DEFAULT_FROM_EMAIL = "office@journal.example.org"
    root = parse_xml(deposit_of(make_cited_article()).xml)
    assert text(root, "//cr:depositor_name") == "KNU Press"  # the journal's publisher
    assert text(root, "//cr:email_address") == "office@journal.example.org"
    assert text(root, "//cr:registrant") == "KNU Press"


def test_journal_and_issue_metadata():
    article = make_cited_article()
    root = parse_xml(deposit_of(article).xml)
    (journal,) = xp(root, "/cr:doi_batch/cr:body/cr:journal")
    assert children(journal) == ["journal_metadata", "journal_issue", "journal_article"]
    meta = xp(journal, "cr:journal_metadata")[0]
    assert [t.text for t in xp(meta, "cr:full_title")] == [
        "Эл аралык мамилелер",
        "Международные отношения",
        "International Relations",
    ]
    assert [t.text for t in xp(meta, "cr:abbrev_title")] == ["Int. Rel."]
    assert {i.get("media_type"): i.text for i in xp(meta, "cr:issn")} == {
        "print": "1694-5344",
        "electronic": "1694-7001",
    }
    issue = xp(journal, "cr:journal_issue")[0]
    assert children(issue) == [
        "publication_date",
        "publication_date",
        "journal_volume",
        "issue",
    ]
    printed, online = xp(issue, "cr:publication_date")
    assert printed.get("media_type") == "print"
    assert children(printed) == ["year"]
    assert text(printed, "cr:year") == "2024"  # the year in the issue's label
    published = timezone.localdate(article.issue.published_at)
    assert online.get("media_type") == "online"
    assert children(online) == ["month", "day", "year"]
    assert text(online, "cr:year") == str(published.year)
    assert text(online, "cr:month") == f"{published.month:02d}"
    assert text(issue, "cr:journal_volume/cr:volume") == "3"
    assert text(issue, "cr:issue") == "4/1"


def test_journal_article_in_all_languages():
    article = make_cited_article(abstract_ky="")
    root = parse_xml(deposit_of(article).xml)
    (item,) = xp(root, "//cr:journal_article")
    assert item.get("language") == "ru"
    assert item.get("publication_type") == "full_text"
    assert children(item) == [
        "titles",
        "titles",
        "titles",
        "contributors",
        "abstract",
        "abstract",
        "publication_date",
        "publication_date",
        "pages",
        "doi_data",
        "citation_list",
    ]
    # The language of record first, then the others.
    assert [t.text for t in xp(item, "cr:titles/cr:title")] == [
        "Вода и энергетика",
        "Суу жана энергетика",
        "Water and energy",
    ]
    abstracts = {
        a.get(XML_LANG): [p.text for p in xp(a, "jats:p")]
        for a in xp(item, "jats:abstract")
    }
    assert abstracts == {
        "ru": ["Русская аннотация.", "Второй абзац."],
        "en": ["English abstract."],
    }
    published = timezone.localdate(article.published_at)
    assert text(item, "cr:publication_date[@media_type='online']/cr:day") == (
        f"{published.day:02d}"
    )
    assert text(item, "cr:pages/cr:first_page") == "12"
    assert text(item, "cr:pages/cr:last_page") == "18"
    assert text(item, "cr:doi_data/cr:doi") == "10.1234/ir.2024.4.1"
    assert (
        text(item, "cr:doi_data/cr:resource") == f"{BASE}/ru/articles/{article.slug}/"
    )


def test_contributors():
    root = parse_xml(deposit_of(make_cited_article()).xml)
    people = xp(root, "//cr:contributors/cr:person_name")
    assert [(p.get("sequence"), p.get("contributor_role")) for p in people] == [
        ("first", "author"),
        ("additional", "author"),
    ]
    first, second = people
    assert children(first) == [
        "given_name",
        "surname",
        "name",
        "name",
        "affiliations",
        "ORCID",
    ]
    assert text(first, "cr:given_name") == "Бакыт Асанович"
    assert text(first, "cr:surname") == "Асанов"
    # The name as written in the other languages (5.4.0 has no alt-name).
    assert [n.text for n in xp(first, "cr:name")] == [
        "Асанов Бакыт Асан уулу",
        "Bakyt Asanov",
    ]
    assert (
        text(first, "cr:affiliations/cr:institution/cr:institution_name")
        == "Кыргызский национальный университет"
    )
    assert text(first, "cr:ORCID") == "https://orcid.org/0000-0002-1825-0097"
    assert children(second) == ["given_name", "surname", "name", "name"]
    assert text(second, "cr:surname") == "Иванова"
    assert [n.text for n in xp(second, "cr:name")] == ["Иванова Анна", "Anna Ivanova"]


def test_a_contributor_entered_in_cyrillic_only_is_deposited_in_both_scripts():
    article = make_cited_article(authors=0)
    article.authorships.all().delete()
    author = make_contributor(
        last_name_ky="Өмүрбеков",
        first_name_ky="Жылдыз",
        last_name_ru=None,
        first_name_ru=None,
        last_name_en=None,
        first_name_en=None,
    )
    Authorship.objects.create(article=article, contributor=author, order=0)

    deposit = deposit_of(article).xml

    assert_valid(crossref_schema(), deposit)
    (person_name,) = xp(parse_xml(deposit), "//cr:contributors/cr:person_name")
    assert text(person_name, "cr:surname") == "Өмүрбеков"
    assert [n.text for n in xp(person_name, "cr:name")] == ["Jyldyz Ömürbekov"]


def test_citation_list():
    root = parse_xml(deposit_of(make_cited_article()).xml)
    citations = xp(root, "//cr:citation_list/cr:citation")
    assert [c.get("key") for c in citations] == ["ref1", "ref2"]
    assert children(citations[0]) == ["unstructured_citation"]
    assert children(citations[1]) == ["doi", "unstructured_citation"]
    assert text(citations[1], "cr:doi") == "10.5555/water.1"
    assert text(citations[1], "cr:unstructured_citation") == "Smith J. Water. 2019."


def test_hostile_and_invalid_characters_stay_text():
    hostile = '"><script>x</script> & <![CDATA[ ]]> \x0b\ufffe'
    article = make_cited_article(title_ru=hostile)
    add_reference(article, 5, text="</citation_list>&amp;")
    root = parse_xml(deposit_of(article).xml)
    assert xp(root, "//cr:titles/cr:title")[0].text == (
        '"><script>x</script> & <![CDATA[ ]]>'
    )
    assert xp(root, "//cr:unstructured_citation")[-1].text == "</citation_list>&amp;"


def test_issue_deposit_skips_articles_without_doi_and_non_public_ones(caplog):
    article = make_cited_article()
    no_doi = make_article(issue=article.issue, doi="")
    for name, canary in canaries().items():
        if "issue" not in name:  # those are hidden by their own issue
            canary.issue = article.issue
            canary.save()
    deposit = build_deposit(issue_articles([article.issue]), "issue", base_url=BASE)
    assert deposit.articles == [article]
    assert [a for a, _ in deposit.skipped] == [no_doi]
    assert no_doi.slug in caplog.text
    root = parse_xml(deposit.xml)
    assert [d.text for d in xp(root, "//cr:doi_data/cr:doi")] == [article.doi]


def test_nothing_to_deposit():
    deposit = deposit_of(make_article(doi=""))
    assert deposit.xml == b"" and len(deposit.skipped) == 1


# --- management command ------------------------------------------------------------


def test_command_writes_an_article(tmp_path, capsys):
    article = make_cited_article()
    out = tmp_path / "deposit.xml"
    call_command("export_crossref", "--article", article.slug, "--output", str(out))
    root = parse_xml(out.read_bytes())
    assert text(root, "//cr:doi_data/cr:doi") == article.doi


def test_command_writes_an_issue_to_stdout_and_warns(capsys):
    article = make_cited_article()
    no_doi = make_article(issue=article.issue, doi="")
    call_command("export_crossref", "--issue", article.issue.slug)
    captured = capsys.readouterr()
    root = parse_xml(captured.out.encode())
    assert len(xp(root, "//cr:journal_article")) == 1
    assert f"Skipped {no_doi.slug}" in captured.err


def test_command_refuses_what_it_cannot_deposit(settings):
    article = make_cited_article()
    draft = make_article(status=Article.Status.DRAFT, doi="10.1234/d.1")
    with pytest.raises(CommandError, match="There is no public article"):
        call_command("export_crossref", "--article", draft.slug)
    with pytest.raises(CommandError, match="There is no issue"):
        call_command("export_crossref", "--issue", "nope")
    with pytest.raises(CommandError, match="must start with https://"):
        call_command("export_crossref", "--article", article.slug, "--base-url", "x.kg")


def test_command_takes_the_resource_urls_from_site_url(capsys):
    article = make_cited_article()
    call_command("export_crossref", "--article", article.slug)  # no --base-url
    root = parse_xml(capsys.readouterr().out.encode())
    assert text(root, "//cr:doi_data/cr:resource") == (
        f"{BASE}/ru/articles/{article.slug}/"
    )


def test_command_base_url_overrides_site_url(capsys):
    article = make_cited_article()
    call_command(
        "export_crossref", "--article", article.slug, "--base-url", "https://x.org/"
    )
    root = parse_xml(capsys.readouterr().out.encode())
    assert text(root, "//cr:doi_data/cr:resource") == (
        f"https://x.org/ru/articles/{article.slug}/"
    )


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", "The site's address for the resource URLs is missing"),
        ("ru", "Не указан адрес сайта"),
        ("ky", "сайттын дареги көрсөтүлгөн эмес"),
    ],
)
def test_command_without_an_address_says_what_is_missing(settings, lang, words):
    article = make_cited_article()
    settings.SITE_URL = ""
    with pytest.raises(CommandError) as raised:
        call_command("export_crossref", "--article", article.slug, "--language", lang)
    assert words in str(raised.value)
    assert "SITE_URL" in str(raised.value) and "--base-url" in str(raised.value)


# --- admin actions -------------------------------------------------------------------


def changelist(model):
    with translation.override("en"):
        return reverse(f"admin:articles_{model}_changelist")


def run_action(client, model, action, pks):
    return client.post(
        changelist(model),
        {"action": action, "index": "0", "_selected_action": pks},
    )


def test_admin_action_on_articles(admin_client):
    article = make_cited_article()
    draft = make_article(status=Article.Status.DRAFT, doi="10.1234/d.2")
    response = run_action(
        admin_client, "article", "export_crossref_xml", [article.pk, draft.pk]
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="crossref-{article.slug}-'
    )
    root = parse_xml(response.content)
    assert [d.text for d in xp(root, "//cr:doi_data/cr:doi")] == [article.doi]
    assert text(root, "//cr:doi_data/cr:resource") == (
        f"{BASE}/ru/articles/{article.slug}/"
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("not public" in m for m in messages)


def test_admin_action_on_issues(admin_client):
    article = make_cited_article()
    response = run_action(
        admin_client, "issue", "export_issue_crossref_xml", [article.issue.pk]
    )
    assert response.status_code == 200
    root = parse_xml(response.content)
    assert text(root, "//cr:journal_issue/cr:issue") == "4/1"


def test_admin_action_with_nothing_to_export_goes_back(admin_client):
    draft = make_article(status=Article.Status.DRAFT, doi="10.1234/d.3")
    response = run_action(admin_client, "article", "export_crossref_xml", [draft.pk])
    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Nothing to export" in m for m in messages)


def test_deposits_are_valid_against_crossref_schema():
    """A full article (three languages, references, ORCID, both ISSNs) and a
    minimal one (no authors, pages, abstract or ISSN) in one batch."""
    full = make_cited_article()
    add_reference(full, text="Reference with a DOI.", doi="10.5555/ref.1")
    bare = make_article(doi="10.1234/bare.1", authors=0, abstract_ky="")
    bare.issue.journal.issn_print = bare.issue.journal.issn_online = ""
    bare.issue.journal.save()
    for article in (full, bare):
        assert_valid(crossref_schema(), deposit_of(article).xml)
    assert_valid(crossref_schema(), deposit_of(full, bare).xml)
