"""lib.sources: the findings column, search, and a quote found in its stored article."""
from __future__ import annotations

import pandas as pd
import pytest

from lib import sources
from lib.checks import FLAG_COLUMNS

TABLE = pd.DataFrame({
    "id": ["loss", "revenue", "users"],
    "quote": ["Le déficit atteindra 5 milliards", "revenue of $3.7 billion", "유저수가 1.7억명에서"],
    "quote_en": ["The loss will reach 5 billion", "revenue of $3.7 billion", "users from 170 million"],
    "note": ["Outside knowledge: The Information.", None, "A tenth of the 1.7B reported."],
})
FLAGGED = pd.DataFrame({"severity": ["error"], "why": ["Loss and revenue do not add up."]}, index=["loss"], columns=FLAG_COLUMNS)


@pytest.mark.parametrize("text, ids", [
    ("", ["loss", "revenue", "users"]),
    ("   ", ["loss", "revenue", "users"]),
    ("BILLION", ["loss", "revenue"]),  # any case, in the English quote
    ("déficit", ["loss"]),  # in the original
    ("유저수가", ["users"]),
    ("information", ["loss"]),  # in the note
    ("revenue 3.7", ["revenue"]),  # every word must appear
    ("revenue loss", []),
    ("$3.7", ["revenue"]),  # literally, not a pattern
])
def test_search(text, ids):
    assert list(sources.search(TABLE, text)["id"]) == ids


@pytest.mark.parametrize("only_flagged, ids, findings", [
    (False, ["loss", "revenue", "users"], ["Loss and revenue do not add up.", "", ""]),
    (True, ["loss"], ["Loss and revenue do not add up."]),
])
def test_with_findings(only_flagged, ids, findings):
    table = sources.with_findings(TABLE, FLAGGED, only_flagged)
    assert list(table.columns[:2]) == ["id", "findings"]
    assert (list(table["id"]), list(table["findings"])) == (ids, findings)


def test_with_findings_when_nothing_is_flagged():
    assert list(sources.with_findings(TABLE, FLAGGED.iloc[0:0])["findings"]) == ["", "", ""]


def test_readable_puts_the_figure_and_quotes_first_says_this_claim_and_leaves_missing_text_blank():
    table = pd.DataFrame({
        "id": ["loss-2024", "loss-2024-usd", "launch"], "entity": ["OpenAI"] * 3,
        "findings": ["loss-2024-usd and loss-2024 disagree.", "loss-2024-usd and loss-2024 disagree.", ""],
        "metric": ["net_loss", "net_loss", "product_launch"], "value": [5e9, 5.4e9, float("nan")],
        "unit": ["USD", "USD", None], "per": ["year", None, None], "period": ["2024", "2024", "2022-11-30"],
        "basis": ["reported", "estimated", "reported"], "qualifier": ["approximately", "at_least", None],
        "quote": ["about $5 billion", "at least $5.4 billion", "launched"], "quote_en": [None, None, "launched"],
        "includes": pd.array([None, None, None], dtype="str"),
    })
    expected = pd.DataFrame({
        "id": ["loss-2024", "loss-2024-usd", "launch"],
        "figure": ["≈ $5.0B a year", "≥ $5.4B", ""],
        "quote": ["about $5 billion", "at least $5.4 billion", "launched"], "quote_en": ["", "", "launched"],
        "findings": ["loss-2024-usd and this claim disagree.", "this claim and loss-2024 disagree.", ""],
        "metric": ["net_loss", "net_loss", "product_launch"], "period": ["2024", "2024", "2022-11-30"],
        "basis": ["reported", "estimated", "reported"], "entity": ["OpenAI"] * 3, "value": [5e9, 5.4e9, float("nan")],
        "unit": ["USD", "USD", ""], "per": ["year", "", ""], "qualifier": ["approximately", "at_least", ""],
        "includes": pd.array(["", "", ""], dtype="str"),
    })
    pd.testing.assert_frame_equal(sources.readable(table), expected)


@pytest.mark.parametrize("findings, conflict_id, style", [
    ("", None, ""),
    ("", "c-1", "background-color: #fff3cd"),  # a disagreement: yellow
    ("Loss and revenue do not add up.", None, "background-color: #f8d7da"),  # a finding: red
    ("Loss and revenue do not add up.", "c-1", "background-color: #f8d7da"),  # both: the finding wins
    ("", float("nan"), ""),  # no group, as pandas gives a missing one
    ("", "", ""),  # no group, as the page's readable table blanks a missing one
])
def test_row_styles_colour_whole_rows(findings, conflict_id, style):
    table = pd.DataFrame({"id": ["x", "y"], "findings": [findings, ""], "conflict_id": [conflict_id, None], "value": [1.0, 2.0]},
                         index=[3, 7])
    expected = pd.DataFrame({column: [style, ""] for column in table.columns}, index=[3, 7])
    pd.testing.assert_frame_equal(sources.row_styles(table), expected)


@pytest.mark.parametrize("name, message", [
    ("missing.txt", "The article missing.txt is not stored with Burnboard (data/sources/ has no such file): the quote can "
                    "only be shown as the data gives it."),
    ("../secret.txt", "The article's file name '../secret.txt' is not a plain file name, so it is not opened."),
    ("/etc/passwd", "The article's file name '/etc/passwd' is not a plain file name, so it is not opened."),
    ("..", "The article's file name '..' is not a plain file name, so it is not opened."),
])
def test_only_stored_articles_are_read(tmp_path, name, message):
    (tmp_path.parent / "secret.txt").write_text("secret")
    with pytest.raises(sources.ArticleUnavailable) as raised:
        sources.read_article(name, tmp_path / "articles")
    assert str(raised.value) == message


def test_a_text_article_is_read_as_stored(tmp_path):
    (tmp_path / "a.txt").write_text("# Title\n<img src=x>\nThe loss is $5B.\n", encoding="utf-8")
    assert sources.read_article("a.txt", tmp_path) == sources.Article("a.txt", "# Title\n<img src=x>\nThe loss is $5B.\n", False)


def test_an_html_article_is_reduced_to_its_text(tmp_path):
    page = ('<div class="a"><p>First &amp; <b>bold</b>   line</p><script>alert(1)</script><style>p{}</style>'
            '<p>Second<br>third &lt;script&gt;</p></div>')
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    assert sources.read_article("a.txt", tmp_path) == sources.Article("a.txt", "First & bold line\nSecond\nthird <script>", True)


def test_every_bundled_quote_is_found_in_its_article(real_claims):
    missing = [claim["id"] for _, claim in real_claims.iterrows()
               if sources.locate(sources.read_article(claim["source_file"]).text, claim["quote"]) is None]
    assert missing == []


@pytest.mark.parametrize("text, quote, expected", [
    ("Before. The loss is\n  $5B. After.", "The loss is $5B.", ("Before. ", "The loss is\n  $5B.", " After.")),
    ("A (1+1) b", "(1+1)", ("A ", "(1+1)", " b")),  # literally, not a pattern
    ("Nothing here.", "The loss", None),
    ("Anything.", "   ", None),
])
def test_locate(text, quote, expected):
    assert sources.locate(text, quote) == expected


def test_locate_cuts_long_context_at_word_breaks(monkeypatch):
    monkeypatch.setattr(sources, "CONTEXT_CHARS", 10)
    assert sources.locate("one two three four QUOTE five six seven eight", "QUOTE") == (
        "… four ", "QUOTE", " five six …")  # "three" was cut into, so it goes


@pytest.mark.parametrize("file, given, expected", [
    ("a.txt", {"a.txt": "An upload's own article."}, sources.Article("a.txt", "An upload's own article.", False)),
    ("a.html", {"a.html": "<html><body><p>Its <b>text</b></p><script>x()</script></body></html>"},
     sources.Article("a.html", "Its text", True)),
    ("a.txt", {"b.txt": "Another article."}, sources.Article("a.txt", "Stored.", False)),  # not given: the stored one
])
def test_an_uploads_own_articles_are_read_before_the_stored_ones(tmp_path, file, given, expected):
    (tmp_path / "a.txt").write_text("Stored.")
    assert sources.read_article(file, tmp_path, given=given) == expected


def test_an_uploads_article_name_must_still_be_plain():
    with pytest.raises(sources.ArticleUnavailable):
        sources.read_article("../a.txt", given={"../a.txt": "text"})
