"""lib.curate.reading: an article's text from plain text, Markdown or HTML, and a clear refusal of anything else."""
from __future__ import annotations

import re

import pytest
import yaml

from lib.curate import reading
from lib.curate.reading import Unreadable
from tests.conftest import CLAIMS_PATH, ROOT

DAUM = ROOT / "data" / "sources" / "003_b33c1ca5114b02ac.txt"


@pytest.mark.parametrize("data, name, text", [
    (b"OpenAI lost $5 billion.\n", "a.txt", "OpenAI lost $5 billion.\n"),
    (b"One\r\nTwo\rThree\n", "a.txt", "One\nTwo\nThree\n"),  # line breaks as Python reads a text file
    ("\ufeff오픈AI는 50억 달러를".encode(), "a.txt", "오픈AI는 50억 달러를"),  # a byte-order mark is not text
    (b"# Title\n<img src=x>\nThe loss is $5B.\n", "a.md", "# Title\n<img src=x>\nThe loss is $5B.\n"),  # Markdown as written
    (b"1 < 2 and 3 > 2", "a.txt", "1 < 2 and 3 > 2"),
    (b"<p>First &amp; <b>bold</b>   line</p><p>Second<br>third &lt;script&gt;</p>", "a.txt",
     "First & bold line\nSecond\nthird <script>"),  # HTML by its tags, whatever the name
    (b"Revenue <b>grew</b>.", "page.html", "Revenue grew."),  # HTML by its name
    (b"Revenue grew.", "PAGE.HTM", "Revenue grew."),
    (b"<p>OpenAI lost <b>$5 billion</b> in <a href='/y'>2024</a>.</p>", "a.html",
     "OpenAI lost $5 billion in 2024."),  # a short page too keeps its sentences whole
    (b"<html><head><title>T</title><style>p{color:red}</style></head><body><p>OpenAI lost $5 billion."
     b"</p><script>document.write('INJECTED')</script><p onclick=\"steal()\">It raised $6.6 billion.</p>"
     b"<noscript>Enable scripts</noscript><img src=x onerror=\"alert('X')\"></body></html>", "a.html",
     "OpenAI lost $5 billion.\nIt raised $6.6 billion."),  # scripts, styles and handlers leave no text
    (b"Headline above the page <div><p>The first paragraph.</p></div>", "a.txt",
     "Headline above the page\nThe first paragraph."),  # text before the first block is a paragraph of its own
])
def test_read(data, name, text):
    assert reading.read(data, name) == text


@pytest.mark.parametrize("data, name, message", [
    (b"", "a.txt", "a.txt is empty: it holds no text."),
    (b" \n\t\n", "a.txt", "a.txt is empty: it holds no text."),
    ("\ufeff".encode(), "a.txt", "a.txt is empty: it holds no text."),
    (b"%PDF-1.7\x00\x01", "report.pdf", "report.pdf is not text (it holds NUL bytes, as images, PDFs and word-processor "
                                        "files do): save the article as plain text, Markdown or HTML."),
    ("Le déficit".encode("latin-1"), "a.txt", "a.txt is not UTF-8 text (byte 4 cannot be read): save it as UTF-8."),
    (b"x" * 10_000_001, "paste", "paste is larger than 10 MB (10,000,001 bytes): no article is that long; give the "
                                 "article's text alone."),
    (b"<html><body><script>alert(1)</script><style>p{}</style></body></html>", "a.html",
     "a.html is an HTML page with no article text in it (only markup, scripts or styles)."),
    (b"<script>alert(1)</script>", "a.htm", "a.htm is an HTML page with no article text in it (only markup, scripts or styles)."),
    (b"<!-- nothing -->", "a.html", "a.html is an HTML page with no article text in it (only markup, scripts or styles)."),
])
def test_unreadable(data, name, message):
    with pytest.raises(Unreadable) as raised:
        reading.read(data, name)
    assert str(raised.value) == message


def test_ten_megabytes_are_read():
    assert len(reading.read(b"x" * 10_000_000, "a.txt")) == 10_000_000


@pytest.mark.parametrize("text, name, html", [
    ("<p>x</p>", "a.txt", True),
    ("<DIV class='a'>x</DIV>", "a.txt", True),
    ("x", "a.html", True),
    ("# Title\n<img src=x>\n", "a.md", False),  # an image in Markdown does not make a page
    ("a <b>bold</b> word", "a.txt", False),
    ("1 < 2", "a.txt", False),
])
def test_is_html(text, name, html):
    assert reading.is_html(text, name) is html


def test_read_article_text_says_whether_the_text_came_from_html():
    assert reading.read_article_text(b"<p>x</p>", "a.txt") == reading.ArticleText("x", True)
    assert reading.read_article_text(b"x", "a.txt") == reading.ArticleText("x", False)


def test_the_stored_html_article_reads_as_its_visible_text():
    lines = reading.read(DAUM.read_bytes(), DAUM.name).split("\n")
    assert len(lines) == 18  # the headline, 14 paragraphs, byline, copyright and the page's related-links line
    assert lines[0] == "AI 혁명 주역 오픈AI, 거품 붕괴 시작점 되나 작성일 02-01 9 목록"
    assert lines[1].startswith("오픈AI와 엔비디아의 파트너십이 균열을 보인다는 외신 보도가 나오면서")
    assert lines[14] == "올해 오픈AI는 많은 변화를 앞두고 있다. 올 하반기 AI 디바이스를 출시할 예정이며 기업공개(IPO)도 추진한다. " \
                        "오픈AI의 기업가치는 8300억달러(약 1200조원)로 추정된다."
    assert lines[15:17] == ["김영욱 기자 wook95@dt.co.kr", "Copyright © 디지털타임스. 무단전재 및 재배포 금지."]
    assert not re.search(r"[<>]|dmcf|daumcdn|contents-hash", "\n".join(lines))


def test_every_quote_from_the_stored_html_article_is_in_its_text():
    text = " ".join(reading.read(DAUM.read_bytes(), DAUM.name).split())
    claims = yaml.safe_load(CLAIMS_PATH.read_text(encoding="utf-8"))["claims"]
    quotes = [claim["quote"] for claim in claims if claim["source"] == "ko-2026-dt-openai-bubble"]
    assert len(quotes) == 15
    assert [quote for quote in quotes if " ".join(quote.split()) not in text] == []
