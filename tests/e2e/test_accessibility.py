"""axe-core on every public page type in every language: no serious or critical
violations.

axe-core is vendored in tests/e2e/vendor (axe.min.js and its LICENSE, MPL-2.0, from
the npm package axe-core 4). It is injected into each page and run with its default
rules; every violation found, of any impact, is printed in the failure message.
"""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from tests.builders import add_galley, add_reference, add_section, make_keyword
from tests.journalpages.builders import make_board_member, make_page
from tests.relations.builders import knowledge_base

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
LANGUAGES = ["ky", "ru", "en"]
FAILING_IMPACTS = {"serious", "critical"}

# What the search page is asked in each language (it must find something).
SEARCH_TERMS = {"ky": "суу", "ru": "водные", "en": "water"}

PAGES = [
    "home",
    "archive",
    "issue",
    "article",
    "keywords",
    "keyword",
    "search",
    "relations",
    "timeline",
    "event",
    "agreements",
    "agreement",
    "domain",
    "organization",
    "pair",
    "indicator",
    "journal page",
    "editorial board",
]

# Serious or critical violations excused per page type and axe rule: the test xfails
# on exactly these and fails on any other. None are left.
KNOWN = {}  # rule exceptions per page type; none are needed now


@pytest.fixture
def site():
    """The knowledge base's journal, with an article that has every part shown."""
    kb = knowledge_base()
    article = kb.article
    border = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    article.keywords.set([kb.keyword, border])
    add_section(
        article,
        heading_ky="Киришүү",
        heading_ru="Введение",
        heading_en="Introduction",
        text_ky="Сырдарыя Фергана өрөөнүн кесип өтөт [1].",
        text_ru="Сырдарья пересекает Ферганскую долину [1].",
        text_en="The Syr Darya crosses the Fergana valley [1].",
    )
    add_reference(article, text="Bichsel C. Conflict transformation in Central Asia.")
    for code in LANGUAGES:
        add_galley(article, language=code, name=f"article-{code}.pdf")
    # The journal's own pages: one with a list and links, the board page (linked
    # from the header), and one only in Russian (shown marked in ky and en).
    kb.journal_page = make_page(
        slug="author-guidelines",
        body_en="<p>Send <strong>.docx</strong>:</p><ul><li>title</li></ul>"
        '<p><a href="/manuscript-template.docx">template</a></p>',
        title_ky="",
        body_ky="",
        in_navigation=True,
    )
    kb.board_page = make_page(slug="editorial-board", shows_board=True)
    make_board_member(order=1)
    make_board_member(order=2, orcid="", affiliation_ky="Ош")
    return kb


def page_url(kb, page, lang):
    targets = {
        "home": ("articles:home", {}),
        "archive": ("articles:archive", {}),
        "issue": (kb.article.issue, None),
        "article": (kb.article, None),
        "keywords": ("articles:keywords", {}),
        "keyword": (kb.keyword, None),
        "search": ("search:search", {}),
        "relations": ("relations:home", {}),
        "timeline": ("relations:timeline", {}),
        "event": (kb.summit, None),
        "agreements": ("relations:agreements", {}),
        "agreement": (kb.treaty, None),
        "domain": (kb.domain, None),
        "organization": (kb.organization, None),
        "pair": ("relations:pair", {"a": "kg", "b": "tj"}),
        "indicator": (kb.indicator, None),
        "journal page": (kb.journal_page, None),
        "editorial board": (kb.board_page, None),
    }
    target, kwargs = targets[page]
    with translation.override(lang):
        if isinstance(target, str):
            url = reverse(target, kwargs=kwargs or None)
        else:
            url = target.get_absolute_url()
    if page == "search":
        url += f"?q={SEARCH_TERMS[lang]}"
    return url


def describe(violations):
    lines = []
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def run_axe(page):
    page.add_script_tag(path=AXE)
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html})),
            }));
        }"""
    )


@pytest.mark.parametrize("page_type", PAGES)
@pytest.mark.django_db(transaction=True)
def test_no_serious_accessibility_violations(new_context, site, shoot, page_type):
    """The page type in ky, ru and en; one context, one data set, three pages."""
    # axe is injected as an inline script, which the site's CSP rightly refuses.
    page = new_context(bypass_csp=True).new_page()
    known = KNOWN.get(page_type, {})
    problems, known_found, report = [], set(), {}
    for lang in LANGUAGES:
        url = page_url(site, page_type, lang)
        response = page.goto(url)
        assert response.status == 200, url
        assert page.locator("html").get_attribute("lang") == lang, url
        if page_type == "search":
            assert page.locator(".search-results li").count() > 0, f"nothing: {url}"
        screenshot = shoot(page, lang)
        violations = run_axe(page)
        report[url] = violations
        print(f"{url}\n{describe(violations) or 'no violations'}")
        failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        known_found.update(v["id"] for v in failing if v["id"] in known)
        unknown = [v for v in failing if v["id"] not in known]
        if unknown:
            problems.append(
                f"{url}:\n{describe(unknown)}\n  all violations on the page:\n"
                f"{describe(violations)}"
            )
    (screenshot.parent / "axe-violations.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1)
    )
    assert not problems, "serious or critical accessibility violations:\n" + "\n".join(
        problems
    )
    if known_found:
        pytest.xfail("; ".join(known[rule] for rule in sorted(known_found)))
