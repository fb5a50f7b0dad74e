"""Kyrgyz text renders in the site's own web font, not in a system fallback.

Where Noto Serif is not installed, a font stack that lacks ң ө ү would borrow them from
another font inside every Kyrgyz word. Chromium says which font drew each glyph of a
node (DevTools `CSS.getPlatformFontsForNode`); the Font Loading API says the faces
were loaded.
"""

import pytest

from tests.builders import make_article, make_journal, past

SENTENCE = "Өзөн суусун бөлүштүрүү: түндүк менен түштүктүн үнү, аңгеме"
ABSTRACT = (
    "Бул макалада чек ара өрөөндөрүндөгү суу бөлүштүрүүнүн жүз жылдык тарыхы үйрөнүлөт."
)


def fonts_for(page, selector):
    """[(family, custom web font?, glyphs)] that drew the text of the element."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    return [
        (f["familyName"], f["isCustomFont"], f["glyphCount"]) for f in fonts["fonts"]
    ]


@pytest.mark.django_db(transaction=True)
def test_a_kyrgyz_sentence_renders_in_the_web_font(page, shoot):
    make_journal()
    article = make_article(
        title_ky=SENTENCE,
        abstract_ky=ABSTRACT,
        published_at=past(3),
    )
    page.goto(f"/ky/articles/{article.slug}/")
    page.evaluate("document.fonts.ready")
    shoot(page, "article-ky")

    loaded = page.evaluate(
        """() => [...document.fonts].filter(f => f.status === "loaded")
                 .map(f => `${f.family.replaceAll('"', '')} ${f.weight} ${f.style}`)"""
    )
    assert "Noto Serif 700 normal" in loaded  # the title
    assert "Noto Serif 400 normal" in loaded  # the abstract
    assert page.evaluate(
        "t => document.fonts.check('bold 32px \"Noto Serif\"', t)", SENTENCE
    )

    title = fonts_for(page, "h1")
    assert [family for family, custom, _ in title] == ["Noto Serif"], title
    assert title[0][1] is True, "the title's font is a system font, not the web font"
    assert page.locator("h1").inner_text().strip() == SENTENCE

    abstract = fonts_for(page, ".abstract div")
    assert [(family, custom) for family, custom, _ in abstract] == [
        ("Noto Serif", True)
    ], abstract
