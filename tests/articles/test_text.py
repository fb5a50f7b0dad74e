import pytest

from articles.text import link_citations, render_paragraphs


def cite(n):
    return f'<a href="#ref-{n}" class="cite">{n}</a>'


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("as shown [2].", f"as shown [{cite(2)}]."),
        ("see [1, 175-б.]", f"see [{cite(1)}, 175-б.]"),
        ("see [1,175-б,]", f"see [{cite(1)},175-б,]"),
        ("both [4; 5]", f"both [{cite(4)}; {cite(5)}]"),
        ("[3] and [5]", f"[{cite(3)}] and [{cite(5)}]"),
    ],
)
def test_citations_link_to_existing_references(text, html):
    assert link_citations(text, ref_count=5) == html


def test_number_above_the_reference_count_is_left_unlinked():
    assert link_citations("see [6] and [2; 9]", ref_count=5) == (
        f"see [6] and [{cite(2)}; 9]"
    )


@pytest.mark.parametrize("text", ["[0]", "[see above]", "[a, 2]", "[]"])
def test_brackets_that_are_not_citations_stay_text(text):
    assert link_citations(text, ref_count=5) == text


def test_without_references_nothing_is_linked():
    assert link_citations("as shown [1].", ref_count=0) == "as shown [1]."


def test_html_in_the_text_is_escaped():
    html = render_paragraphs('<script>alert("x")</script> [1] <b>bold</b>', ref_count=1)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert cite(1) in html


def test_html_inside_a_citation_is_escaped():
    html = link_citations('[1, <img src=x onerror="alert(1)">]', ref_count=1)
    assert "<img" not in html
    assert html.startswith(f"[{cite(1)}, &lt;img")


def test_paragraphs_and_line_breaks():
    html = render_paragraphs("First line\nsecond line.\n\n\r\nNext paragraph [1].", 1)
    assert html == (
        f"<p>First line<br>second line.</p>\n<p>Next paragraph [{cite(1)}].</p>"
    )


def test_empty_text_renders_nothing():
    assert render_paragraphs("", 3) == ""
    assert render_paragraphs(None, 3) == ""
