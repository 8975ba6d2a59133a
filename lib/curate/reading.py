"""An article's text from a file or a paste: plain text and Markdown as written, HTML reduced to its main text.

HTML goes through trafilatura, made for news pages: it keeps the article's paragraphs and leaves out scripts,
styles, menus and image markup, and it only parses the page, so nothing in it runs. The stored Burnboard articles
are read the same way (lib.sources), so the text the finder quotes is the text the loader checks quotes against.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import lxml.etree
import lxml.html
import trafilatura
from lxml.etree import Element
from trafilatura.settings import use_config

MAX_BYTES = 10_000_000  # 10 MB: far more than any article, far less than would slow the page down
HTML_NAMES = (".html", ".htm", ".xhtml")
HTML_TAG = re.compile(r"<(p|div|section|article|figure|span|br|html|body)\b[^>]*>", re.IGNORECASE)
LINE_BREAK = re.compile(r"\r\n?")
# Elements that start a block of their own; text before the first of them in <body> is a paragraph of its own.
BLOCKS = frozenset({"address", "article", "aside", "blockquote", "div", "dl", "figure", "footer", "form", "h1", "h2",
                    "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
                    "ul"})


# trafilatura's defaults, except that a short page's text is taken as its extractor finds it: below 250 characters
# it would otherwise fall back to a raw dump that puts every bold or linked word on a line of its own, cutting the
# sentence around "<b>$5 billion</b>" in three.
TRAFILATURA = use_config()
TRAFILATURA.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")


class Unreadable(ValueError):
    """The file or paste holds no article text that can be read; the message says why, for the reader."""


class ArticleText(NamedTuple):
    """An article's text, and whether it was reduced from HTML."""

    text: str
    from_html: bool


def read(data: bytes, name: str) -> str:
    """The article's text in data (named name, as uploaded or stored). Raises Unreadable."""
    return read_article_text(data, name).text


def read_article_text(data: bytes, name: str) -> ArticleText:
    """As read, saying also whether the text came from HTML (by its name, .html or .htm, or by its tags)."""
    text = decode(data, name)
    if not is_html(text, name):
        return ArticleText(text, False)
    main = html_text(text)
    if not main:
        raise Unreadable(f"{name} is an HTML page with no article text in it (only markup, scripts or styles).")
    return ArticleText(main, True)


def decode(data: bytes, name: str) -> str:
    """data as text, line breaks as \\n (as Python reads a text file). Raises Unreadable for a file that is empty,
    too large, binary or not UTF-8."""
    if len(data) > MAX_BYTES:
        raise Unreadable(f"{name} is larger than {MAX_BYTES // 1_000_000} MB ({len(data):,} bytes): no article is that "
                         "long; give the article's text alone.")
    if b"\x00" in data:
        raise Unreadable(f"{name} is not text (it holds NUL bytes, as images, PDFs and word-processor files do): "
                         "save the article as plain text, Markdown or HTML.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise Unreadable(f"{name} is not UTF-8 text (byte {err.start} cannot be read): save it as UTF-8.") from None
    if not text.strip():
        raise Unreadable(f"{name} is empty: it holds no text.")
    return LINE_BREAK.sub("\n", text)


def is_html(text: str, name: str) -> bool:
    """Whether text is an HTML page: by its name, or by the tags of a page's body in it (a Markdown <img> is not)."""
    return name.lower().endswith(HTML_NAMES) or HTML_TAG.search(text) is not None


def html_text(page: str) -> str:
    """The main text of an HTML page, one paragraph a line ('' when it has none)."""
    try:
        document = lxml.html.document_fromstring(page)
    except lxml.etree.ParserError:  # nothing but comments or processing instructions
        return ""
    if document.body is None:  # only what belongs in <head>: a script, a style, a title
        return ""
    _paragraph_loose_text(document.body)
    return trafilatura.extract(document, config=TRAFILATURA) or ""


def _paragraph_loose_text(body) -> None:
    """Put text standing directly in <body> before its first block into a paragraph: trafilatura passes over
    such text, and a page copied with its headline above the markup (data/sources/003_...) has it there."""
    paragraph = Element("p")
    paragraph.text, body.text = body.text, None
    while len(body) and body[0].tag not in BLOCKS:
        paragraph.append(body[0])  # moves the element, its tail text with it
    if (paragraph.text or "").strip() or len(paragraph):
        body.insert(0, paragraph)
