"""Markdown is rendered, then cleaned: unsafe HTML and scripts never reach a page."""

import pytest

from heartbeat.engagement.markdown import plain_text, render_markdown


def test_markdown_renders_headings_lists_and_links():
    html = render_markdown(
        "# Launch\n\nThe **new** model:\n\n* beats\n\n[Read](https://example.org)"
    )
    assert "<h2>Launch</h2>" in html  # the page has the h1
    assert "<strong>new</strong>" in html
    assert "<li>beats</li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">Read</a>' in html


@pytest.mark.parametrize(
    "unsafe",
    [
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src='https://evil.example'></iframe>",
        '<p style="background:url(javascript:alert(1))">styled</p>',
    ],
)
def test_unsafe_html_and_scripts_are_stripped(unsafe):
    html = render_markdown(f"Before\n\n{unsafe}\n\nAfter")
    lowered = html.lower()
    assert "<script" not in lowered
    assert "alert('x')" not in lowered  # a script's content goes with it
    assert "<img" not in lowered
    assert "onerror" not in lowered
    assert 'href="javascript' not in lowered
    assert "<iframe" not in lowered
    assert "style=" not in lowered
    assert "Before" in html and "After" in html


def test_plain_text_drops_markup_and_cuts_at_a_word():
    assert plain_text("**Bold** & <b>raw</b> <script>x()</script>") == "Bold & raw"
    text = plain_text("word " * 100, limit=30)
    assert len(text) <= 30 and text.endswith("…")
