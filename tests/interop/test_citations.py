"""Citation downloads (BibTeX, RIS, CSL-JSON, EndNote) and the "How to cite" block."""

import json
import re
from datetime import UTC, datetime

import pytest
from django.utils import timezone

from articles.models import Article, Authorship
from interop.citations import (
    Person,
    Record,
    apa,
    citation_record,
    for_citation,
    gost,
    to_bibtex,
)
from tests.builders import (
    HIDDEN_ARTICLES,
    add_galley,
    add_reference,
    make_article,
    make_contributor,
    make_hidden_content,
    make_issue,
    make_journal,
    make_keyword,
    past,
)
from tests.helpers import parse, url_in

pytestmark = pytest.mark.django_db

FORMATS = {
    "bib": "application/x-bibtex",
    "ris": "application/x-research-info-systems",
    "json": "application/vnd.citationstyles.csl+json",
    "enw": "application/x-endnote-refer",
}


def make_cited_article(**overrides):
    """A public trilingual article in Russian with two authors, a DOI and a ru PDF."""
    journal = make_journal(
        name_ky="Эл аралык мамилелер",
        name_ru="Международные отношения",
        name_en="International Relations",
        abbreviation_en="Int. Rel.",
        publisher_ru="Издательство КНУ",
        publisher_en="KNU Press",
        issn_print="1694-5344",
        issn_online="1694-7001",
    )
    issue = make_issue(
        journal=journal, year=2024, volume=3, number="4/1", published_at=past(10)
    )
    fields = {
        "issue": issue,
        "authors": 0,
        "original_language": "ru",
        "title_ky": "Суу жана энергетика",
        "title_ru": "Вода и энергетика",
        "title_en": "Water and energy",
        "abstract_ky": "Кыргызча аннотация.",
        "abstract_ru": "Русская аннотация.\n\nВторой абзац.",
        "abstract_en": "English abstract.",
        "first_page": 12,
        "last_page": 18,
        "doi": "10.1234/ir.2024.4.1",
        "published_at": past(5),
        "keywords": [
            make_keyword(name_ky="суу", name_ru="вода", name_en="water"),
            make_keyword(name_ky="чек ара", name_ru="граница", name_en="border"),
        ],
    }
    fields.update(overrides)
    article = make_article(**fields)
    people = [
        make_contributor(
            last_name_ky="Асанов",
            first_name_ky="Бакыт",
            patronymic_ky="Асан уулу",
            last_name_ru="Асанов",
            first_name_ru="Бакыт",
            patronymic_ru="Асанович",
            last_name_en="Asanov",
            first_name_en="Bakyt",
            affiliation_ru="Кыргызский национальный университет",
            affiliation_en="Kyrgyz National University",
            orcid="0000-0002-1825-0097",
        ),
        make_contributor(
            last_name_ky="Иванова",
            first_name_ky="Анна",
            last_name_ru="Иванова",
            first_name_ru="Анна",
            patronymic_ru="Петровна",
            last_name_en="Ivanova",
            first_name_en="Anna",
            affiliation_ru="",
        ),
    ]
    for order, person in enumerate(people):
        Authorship.objects.create(article=article, contributor=person, order=order)
    add_reference(article, 0, text="Осмонов О. История. Бишкек, 2010.")
    add_reference(article, 1, text="Smith J. Water. 2019.", doi="10.5555/water.1")
    add_galley(article, "ru", name="statya.pdf")
    return article


def download(client, article, fmt, query="", page_lang="en"):
    return client.get(
        url_in(page_lang, "interop:citation", slug=article.slug, fmt=fmt) + query
    )


def ris_fields(text):
    assert text.endswith("ER  - \r\n")
    fields = []
    for line in text.split("\r\n"):
        if line:
            tag, sep, value = line.partition("  - ")
            assert sep and len(tag) == 2, line
            fields.append((tag, value))
    return fields


def endnote_fields(text):
    fields = []
    for line in text.splitlines():
        match = re.fullmatch(r"(%[0-9A-Z@]) (.*)", line)
        assert match, line
        fields.append(match.groups())
    return fields


def bibtex_fields(text):
    """`{field: value}` of a single @article entry, checking braces balance."""
    match = re.fullmatch(r"@article\{([a-z0-9]+),\n(.*)\n\}\n", text, re.S)
    assert match, text
    fields = {}
    for line in match.group(2).split(",\n"):
        name, value = re.fullmatch(r"  (\w+) = \{(.*)\}", line, re.S).groups()
        unescaped = re.sub(r"\\[{}]", "", value)
        assert unescaped.count("{") == unescaped.count("}"), value
        fields[name] = value
    return match.group(1), fields


def values(fields, tag):
    return [value for t, value in fields if t == tag]


def test_ris_carries_every_field_in_the_language_of_record(client):
    article = make_cited_article()
    response = download(client, article, "ris")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(FORMATS["ris"])
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="{article.slug}-ru.ris"'
    )
    fields = ris_fields(response.content.decode("utf-8"))
    assert fields[0] == ("TY", "JOUR")
    assert values(fields, "AU") == ["Асанов, Бакыт Асанович", "Иванова, Анна Петровна"]
    assert values(fields, "TI") == ["Вода и энергетика"]
    assert values(fields, "T2") == ["Международные отношения"]
    assert values(fields, "PY") == ["2024"]
    assert values(fields, "VL") == ["3"]
    assert values(fields, "IS") == ["4/1"]
    assert values(fields, "SP") == ["12"]
    assert values(fields, "EP") == ["18"]
    assert values(fields, "DO") == ["10.1234/ir.2024.4.1"]
    assert values(fields, "UR") == [f"http://testserver/ru/articles/{article.slug}/"]
    assert values(fields, "AB") == ["Русская аннотация. Второй абзац."]
    assert sorted(values(fields, "KW")) == ["вода", "граница"]
    assert values(fields, "LA") == ["ru"]


def test_the_citation_language_is_chosen_with_lang(client):
    article = make_cited_article()
    fields = ris_fields(download(client, article, "ris", "?lang=en").content.decode())
    assert values(fields, "AU") == ["Asanov, Bakyt", "Ivanova, Anna"]
    assert values(fields, "TI") == ["Water and energy"]
    assert values(fields, "T2") == ["International Relations"]
    assert values(fields, "AB") == ["English abstract."]
    assert sorted(values(fields, "KW")) == ["border", "water"]
    # There is no English full text: the work itself is still in Russian.
    assert values(fields, "LA") == ["ru"]


def test_csl_json_is_an_array_with_the_article(client):
    article = make_cited_article()
    response = download(client, article, "json", "?lang=ky")
    assert response["Content-Type"].startswith(FORMATS["json"])
    (item,) = json.loads(response.content)
    assert item["type"] == "article-journal"
    assert item["title"] == "Суу жана энергетика"
    assert item["author"] == [
        {"family": "Асанов", "given": "Бакыт Асан уулу"},
        {"family": "Иванова", "given": "Анна"},
    ]
    assert item["container-title"] == "Эл аралык мамилелер"
    assert item["issued"]["date-parts"][0][0] == 2024
    assert (item["volume"], item["issue"], item["page"]) == ("3", "4/1", "12-18")
    assert item["DOI"] == "10.1234/ir.2024.4.1"
    assert item["ISSN"] == "1694-5344, 1694-7001"
    assert item["abstract"] == "Кыргызча аннотация."


def test_endnote_tagged_format(client):
    article = make_cited_article()
    response = download(client, article, "enw")
    assert response["Content-Type"].startswith(FORMATS["enw"])
    fields = endnote_fields(response.content.decode("utf-8"))
    assert fields[0] == ("%0", "Journal Article")
    assert values(fields, "%A") == ["Асанов, Бакыт Асанович", "Иванова, Анна Петровна"]
    assert values(fields, "%T") == ["Вода и энергетика"]
    assert values(fields, "%J") == ["Международные отношения"]
    assert values(fields, "%D") == ["2024"]
    # %B is also the journal to EndNote and Zotero: the abbreviation would win.
    assert values(fields, "%B") == []
    assert "Int. Rel." not in [value for _, value in fields]
    assert values(fields, "%P") == ["12-18"]
    assert values(fields, "%R") == ["10.1234/ir.2024.4.1"]
    assert len(values(fields, "%K")) == 2


def test_bibtex_entry_in_utf8(client):
    article = make_cited_article()
    response = download(client, article, "bib")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    key, fields = bibtex_fields(response.content.decode("utf-8"))
    assert key == "asanov2024voda"
    assert fields["author"] == "Асанов, Бакыт Асанович and Иванова, Анна Петровна"
    assert fields["title"] == "Вода и энергетика"
    assert fields["journal"] == "Международные отношения"
    assert (fields["year"], fields["volume"], fields["number"]) == ("2024", "3", "4/1")
    assert fields["pages"] == "12--18"
    assert fields["doi"] == "10.1234/ir.2024.4.1"


def test_bibtex_escapes_special_characters():
    article = make_cited_article(title_ru=r"50% of {water} & $5_000 #1 ~ ^ \end")
    Article.objects.filter(pk=article.pk).update(doi="10.1234/a{b}")
    record = citation_record(for_citation(Article.objects).get(pk=article.pk), "ru")
    _, fields = bibtex_fields(to_bibtex(record))
    assert fields["doi"] == "10.1234/a%7Bb%7D"
    assert fields["title"] == (
        r"50\% of \{water\} \& \$5\_000 \#1 \textasciitilde{} \^{} \textbackslash{}end"
    )


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_hostile_title_is_data_in_every_format(client, fmt):
    hostile = '"><script>alert(1)</script>'
    article = make_cited_article(title_ru=hostile)
    response = download(client, article, fmt)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response["Content-Type"].startswith("text/html")
    text = response.content.decode("utf-8")
    if fmt == "json":
        assert json.loads(text)[0]["title"] == hostile
    else:
        assert hostile in text


def canaries():
    """Every kind of hidden article (make_hidden_content), each with a DOI."""
    hidden = make_hidden_content(knowledge_base=False)
    articles = {}
    for n, kind in enumerate(HIDDEN_ARTICLES, 1):
        article = getattr(hidden, kind)
        Article.objects.filter(pk=article.pk).update(doi=f"10.1234/c.{n}")
        article.refresh_from_db()
        articles[kind] = article
    return articles


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_non_public_articles_have_no_citation(client, fmt):
    make_journal()
    for name, article in canaries().items():
        assert download(client, article, fmt).status_code == 404, name


def test_unknown_format_or_language_is_404(client):
    article = make_cited_article()
    assert download(client, article, "docx").status_code == 404
    assert download(client, article, "ris", "?lang=de").status_code == 404
    assert download(client, article, "ris", "?lang=ky").status_code == 200


# --- formatted references -----------------------------------------------------------


def record(authors, lang="ru", **overrides):
    fields = {
        "key": "k",
        "lang": lang,
        "language": lang,
        "title": "Вода и энергетика",
        "subtitle": "",
        "abstract": "",
        "keywords": [],
        "authors": authors,
        "journal": "Международные отношения",
        "journal_abbrev": "",
        "publisher": "",
        "issns": [],
        "volume": "3",
        "issue": "4/1",
        "year": 2024,
        "issued": [2024],
        "published": timezone.localdate(),
        "first_page": "12",
        "last_page": "18",
        "doi": "10.1234/x.1",
        "url": "http://testserver/ru/articles/x/",
    }
    fields.update(overrides)
    return Record(**fields)


def author(family, first="", patronymic="", lang="ru"):
    return Person(family, first, patronymic, "", "", lang)


ASANOV = author("Асанов", "Бакыт", "Асанович")
IVANOVA = author("Иванова", "Анна", "Петровна")
PETROV = author("Петров", "Иван")
SIDOROV = author("Сидоров", "Жан-Поль")


def test_gost_one_author_heading_and_after_the_slash():
    assert gost(record([ASANOV])) == (
        "Асанов, Б. А. Вода и энергетика / Б. А. Асанов // Международные отношения. "
        "– 2024. – Т. 3, № 4/1. – С. 12–18. – DOI: 10.1234/x.1."
    )


def test_gost_three_authors_first_in_heading_all_after_the_slash():
    text = gost(record([ASANOV, IVANOVA, PETROV]))
    assert text.startswith(
        "Асанов, Б. А. Вода и энергетика / Б. А. Асанов, А. П. Иванова, И. Петров // "
    )


def test_gost_four_authors_start_with_the_title():
    text = gost(record([ASANOV, IVANOVA, PETROV, SIDOROV]))
    assert text.startswith(
        "Вода и энергетика / Б. А. Асанов, А. П. Иванова, И. Петров, Ж.-П. Сидоров // "
    )


def test_gost_kyrgyz_and_english_conventions():
    ky = gost(record([author("Асанов", "Бакыт", "Асан уулу", "ky")], lang="ky"))
    assert ky.startswith("Асанов, Б. А. Вода")
    assert "– Т. 3, № 4/1. – Б. 12–18." in ky
    en = gost(record([author("Asanov", "Bakyt", lang="en")], lang="en", volume=""))
    assert en.startswith("Asanov, B. Вода и энергетика / B. Asanov // ")
    assert en.endswith("– 2024. – No. 4/1. – P. 12–18. – DOI: 10.1234/x.1.")


def test_gost_without_authors_or_doi():
    text = gost(record([], doi="", subtitle="очерк", first_page="7", last_page="7"))
    assert text == (
        "Вода и энергетика : очерк // Международные отношения. – 2024. "
        "– Т. 3, № 4/1. – С. 7."
    )


def test_apa_through_citeproc():
    html = str(apa(record([ASANOV, IVANOVA])))
    assert html == (
        "Асанов, Б. А., &amp; Иванова, А. П. (2024). Вода и энергетика. "
        "<i>Международные отношения</i>, <i>3</i>(4/1), 12–18. "
        "https://doi.org/10.1234/x.1"
    )


def test_apa_lists_nineteen_authors_then_the_last():
    many = [author(f"Автор{i}", "Имя") for i in range(1, 23)]
    html = str(apa(record(many)))
    assert "Автор19, И., … Автор22, И. (2024)" in html
    assert "Автор20" not in html


def test_apa_without_authors_gives_the_title_once():
    html = str(apa(record([])))
    assert html == (
        "Вода и энергетика. (2024). <i>Международные отношения</i>, <i>3</i>(4/1), "
        "12–18. https://doi.org/10.1234/x.1"
    )


ABSTRACT_EN = (
    "The article examines how Kyrgyzstan and Tajikistan share the rivers of the "
    "Ferghana Valley, and what the SCO and the EAEU add. Kyrgyz and Tajik officials "
    "have met on the border since 1992."
)


@pytest.mark.parametrize(
    "title, subtitle, expected",
    [
        (
            "Water-Energy Relations Between Kyrgyzstan And Tajikistan",
            "The Role Of The SCO",
            "Water-energy relations between Kyrgyzstan and Tajikistan: "
            "The role of the SCO",
        ),
        (
            "The Kyrgyz-Tajik Border In The Ferghana Valley",
            "",
            "The Kyrgyz-Tajik border in the Ferghana Valley",
        ),
        (
            "Membership In The EAEU: Costs And Benefits For Kyrgyzstan's Migrants",
            "",
            "Membership in the EAEU: Costs and benefits for Kyrgyzstan's migrants",
        ),
        (
            "Why Do Border Talks Stall? Evidence From Central Asia In The XXI Century",
            "",
            "Why do border talks stall? Evidence from Central Asia in the XXI century",
        ),
    ],
)
def test_apa_writes_english_titles_in_sentence_case_keeping_names(
    title, subtitle, expected
):
    cited = record(
        [author("Asanov", "Bakyt", lang="en")],
        lang="en",
        title=title,
        subtitle=subtitle,
        abstract=ABSTRACT_EN,
        keywords=["border", "Central Asia", "Water security"],
        journal="International Relations",
    )

    html = str(apa(cited))

    assert f"(2024). {expected}. <i>International Relations</i>" in html


def test_apa_title_without_authors_is_in_sentence_case_too():
    cited = record([], lang="en", title="Border Talks In Central Asia", abstract="")
    # Without the abstract or keywords to name it, "Central Asia" is not known.
    assert str(apa(cited)).startswith("Border talks in central asia. (2024).")
    named = record(
        [], lang="en", title="Border Talks In Central Asia", keywords=["Central Asia"]
    )
    assert str(apa(named)).startswith("Border talks in Central Asia. (2024).")


def test_apa_leaves_kyrgyz_and_russian_titles_and_other_formats_as_written():
    ru = record([ASANOV], title="Вода И Энергетика В ШОС")
    assert "Вода И Энергетика В ШОС." in str(apa(ru))
    en = record(
        [author("Asanov", "Bakyt", lang="en")], lang="en", title="Water And SCO"
    )
    assert "Water and SCO." in str(apa(en))
    assert "Water And SCO" in to_bibtex(en) and "Water And SCO" in gost(en)


def test_apa_escapes_what_it_is_given():
    html = str(apa(record([ASANOV], title='<b>"bold"</b> & <i>x</i>')))
    assert "&lt;b&gt;" in html and "&amp; &lt;i&gt;x&lt;/i&gt;" in html
    assert html.count("<i>") == 2  # the journal and the volume only


# --- the block on the article page ---------------------------------------------------


def cite_block(response):
    return parse(response).find("section", class_="how-to-cite")


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_how_to_cite_defaults_to_the_page_language(client, lang):
    article = make_cited_article()
    block = cite_block(client.get(url_in(lang, article)))
    apa_text = block.find("dd", class_="citation-apa")
    gost_text = block.find("dd", class_="citation-gost")
    assert apa_text.attrs["lang"] == gost_text.attrs["lang"] == lang
    title = {"ky": "Суу жана энергетика", "ru": "Вода и энергетика"}.get(
        lang, "Water and energy"
    )
    assert title in apa_text.text and title in gost_text.text
    pages = {"ky": "Б. 12–18", "ru": "С. 12–18", "en": "P. 12–18"}[lang]
    assert pages in gost_text.text
    links = [a.attrs["href"] for a in block.find_all("a")]
    assert f"?cite_lang={'en' if lang != 'en' else 'ru'}#how-to-cite" in links
    assert (
        url_in(lang, "interop:citation", slug=article.slug, fmt="ris") + f"?lang={lang}"
        in links
    )


def test_cite_lang_switches_the_citation_language(client):
    article = make_cited_article()
    block = cite_block(client.get(url_in("ky", article) + "?cite_lang=en"))
    assert "Asanov, B., &" in block.find("dd", class_="citation-apa").text
    assert block.find("strong", lang="en").attrs["aria-current"] == "true"
    ignored = cite_block(client.get(url_in("ky", article) + "?cite_lang=xx"))
    assert ignored.find("dd", class_="citation-gost").attrs["lang"] == "ky"


def test_hostile_title_is_escaped_in_the_block(client):
    article = make_cited_article(title_en='"><script>alert(1)</script>')
    response = client.get(url_in("en", article))
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    block = cite_block(response)
    assert (
        '"><script>alert(1)</script>' in block.find("dd", class_="citation-gost").text
    )


def test_the_block_adds_no_queries(client, django_assert_num_queries):
    from tests.articles.test_query_counts import QUERIES

    article = make_cited_article()
    url = url_in("ru", article) + "?cite_lang=en"
    assert client.get(url).status_code == 200
    with django_assert_num_queries(QUERIES["article"]):
        assert client.get(url).status_code == 200


def test_full_date_when_published_in_the_issue_year(client):
    published = datetime(2024, 3, 5, 12, tzinfo=UTC)
    article = make_cited_article(published_at=published)
    fields = ris_fields(download(client, article, "ris").content.decode())
    assert values(fields, "DA") == ["2024/03/05/"]
    (item,) = json.loads(download(client, article, "json").content)
    assert item["issued"] == {"date-parts": [[2024, 3, 5]]}


def test_a_reference_without_a_title_in_its_language_falls_back_whole():
    """No Kyrgyz title: the Kyrgyz citation is the Russian one, journal, labels
    and keywords included, not a Russian title inside a Kyrgyz reference."""
    article = make_cited_article(title_ky="", abstract_ky="")
    article = for_citation(Article.objects.filter(pk=article.pk)).get()
    ky = citation_record(article, "ky")
    assert ky.lang == "ru"
    assert ky.title == "Вода и энергетика"
    assert ky.journal == "Международные отношения"
    assert ky.keywords == ["вода", "граница"]
    assert ky.url.endswith(f"/ru/articles/{article.slug}/")
    text = gost(ky)
    assert "Международные отношения" in text and "– С. 12–18." in text
    assert "Эл аралык" not in text and "Б. 12" not in text
    assert citation_record(article, "en").lang == "en"


@pytest.mark.django_db
def test_each_citation_language_names_the_author_in_its_script():
    article = make_cited_article()
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
    article = for_citation(Article.objects.filter(pk=article.pk)).get()

    english = citation_record(article, "en")
    russian = citation_record(article, "ru")

    assert str(apa(english)).startswith("Ömürbekov, J. (2024).")
    # No Russian spelling: the Kyrgyz one, in Cyrillic, not the Latin.
    assert gost(russian).startswith("Өмүрбеков, Ж. Вода и энергетика")
