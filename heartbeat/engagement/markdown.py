"""Markdown for news, agendas and published responses: rendered, then cleaned.

markdown-it-py renders CommonMark (raw HTML passes through it); nh3 then keeps only the tags
and attributes a news page needs and drops the rest, with the contents of scripts and
styles, so a script, an event handler or a ``javascript:`` link never reaches a page, a
feed or a PDF, whatever was typed.
"""

from __future__ import annotations

import html as html_module

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}

_md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable(
    "table"
)


def render_markdown(text: str) -> str:
    """Safe HTML for ``text``: headings start at level 2 (the page has the h1)."""
    html = _md.render(text or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    for level in (5, 6):
        html = html.replace(f"<h{level}>", "<h4>").replace(f"</h{level}>", "</h4>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def plain_text(text: str, limit: int = 300) -> str:
    """The text of some Markdown without markup, cut at a word to ``limit`` characters."""
    words = html_module.unescape(nh3.clean(render_markdown(text), tags=set())).split()
    out = " ".join(words)
    if len(out) <= limit:
        return out
    return out[: limit - 1].rsplit(" ", 1)[0] + "…"
