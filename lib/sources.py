"""The Sources page's table and article view: the findings column, free-text search, and a quote found in its
stored article (data/sources/FILE) or in an upload's own, shown as plain text around the sentence.

Article text comes from files named in the data (uploads included): only a bare file name directly under the
articles folder is read, the way lib.curate.reading reads an article (an HTML article reduced to its main text,
never rendered), so the loader checks quotes against the text the figure finder quotes from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import pandas as pd

from lib.curate import reading
from lib.formatting import claim_figure
from lib.i18n import _

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "sources"
SEARCHED = ("quote", "quote_en", "note")
CONTEXT_CHARS = 500  # of the article shown on each side of a quote


def with_findings(table: pd.DataFrame, flagged: pd.DataFrame, only_flagged: bool = False) -> pd.DataFrame:
    """The table with a findings column after the id (why the audit flags each claim, '' for nothing); only the
    flagged claims when only_flagged."""
    why = table["id"].map(flagged["why"]).fillna("") if not flagged.empty else pd.Series("", index=table.index)
    out = table.assign(findings=why.astype("str"))
    out = out[["id", "findings", *[c for c in table.columns if c != "id"]]]
    return out[out["findings"] != ""].reset_index(drop=True) if only_flagged else out


READING_ORDER = ("id", "figure", "quote", "quote_en", "findings", "metric", "period", "basis", "source_publisher",
                 "source_published")  # what a reader reads first, left to right; the other columns follow


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """The claims table as the Sources page shows it: a figure column as the article gave it ('≈ $5.0B a year'),
    the reader's columns first (READING_ORDER), a finding that names its own row's claim saying 'this claim'
    instead, and a missing text blank rather than 'None'."""
    this_claim = _("this claim")
    out = table.assign(figure=[claim_figure(row) for _, row in table.iterrows()] if len(table) else pd.Series(dtype="str"),
                       findings=[re.sub(rf"(?<![\w-]){re.escape(claim_id)}(?![\w-])", this_claim, why)
                                 for claim_id, why in zip(table["id"], table["findings"])])
    text = [column for column in out.columns if pd.api.types.is_string_dtype(out[column]) or out[column].dtype == object]
    out[text] = out[text].fillna("")
    first = [column for column in READING_ORDER if column in out.columns]
    return out[[*first, *[column for column in out.columns if column not in first]]]


FLAGGED_ROW, DISPUTED_ROW = "background-color: #f8d7da", "background-color: #fff3cd"  # red: audit findings; yellow: disagreement


def row_styles(table: pd.DataFrame) -> pd.DataFrame:
    """Each cell's CSS for a pandas Styler (`table.style.apply(row_styles, axis=None)`): a row with audit findings
    red, else a row in a group where sources disagree yellow, else none. Built for the whole table at once, as a
    row-by-row apply takes longer than drawing the table."""
    disputed = table["conflict_id"].map(lambda group: isinstance(group, str) and group != "").astype(bool)
    style = pd.Series("", index=table.index).mask(disputed, DISPUTED_ROW).mask(table["findings"] != "", FLAGGED_ROW)
    return pd.DataFrame({column: style for column in table.columns})


def search(table: pd.DataFrame, text: str) -> pd.DataFrame:
    """Rows whose quote, English quote or note contain every word of text, ignoring case; all rows for no words."""
    words = text.casefold().split()
    if not words:
        return table
    haystack = table[list(SEARCHED)].fillna("").astype("str").agg(" ".join, axis=1).str.casefold()
    keep = pd.Series(True, index=table.index)
    for word in words:
        keep &= haystack.str.contains(word, regex=False)
    return table[keep].reset_index(drop=True)


class ArticleUnavailable(Exception):
    """The stored article cannot be shown; the message says why, for the reader."""


@dataclass(frozen=True)
class Article:
    """A stored article as text: from_html says whether its HTML tags were removed to get it."""

    file: str
    text: str
    from_html: bool


def read_article(file: str, directory: Path = ARTICLES, given: Mapping[str, str] | None = None) -> Article:
    """The article named by a source's file, as text: from given (an upload's own articles, file name -> text)
    first, else stored under directory. Raises ArticleUnavailable when the name is not a bare file name, the
    article is neither given nor stored, or it cannot be read as text."""
    if not isinstance(file, str) or Path(file).name != file or file in ("", ".", ".."):
        raise ArticleUnavailable(_("The article's file name {file} is not a plain file name, so it is not opened.").format(
            file=repr(file)))
    if given and file in given:
        return article_of(file, given[file])
    path = directory / file
    if not path.is_file():
        raise ArticleUnavailable(_("The article {file} is not stored with Burnboard (data/sources/ has no such file): "
                                   "the quote can only be shown as the data gives it.").format(file=file))
    return _read(file, path.read_bytes())


def article_of(file: str, raw: str) -> Article:
    """An article file's text as quotes are read against it: an HTML page reduced to its main text, anything else
    as it is."""
    return _read(file, raw.encode("utf-8"))


def _read(file: str, data: bytes) -> Article:
    try:
        text, from_html = reading.read_article_text(data, file)
    except reading.Unreadable as err:
        raise ArticleUnavailable(_("The article cannot be read: {problem}").format(problem=err)) from None
    return Article(file, text, from_html)


def flattened(text: str) -> str:
    """Text with every run of whitespace made one space: how a quote is compared with its article."""
    return " ".join(text.split())


def locate(text: str, quote: str) -> tuple[str, str, str] | None:
    """The article around a quote: (before, the quote as the article has it, after), each side cut to
    CONTEXT_CHARS at a word break ('…' where cut). Whitespace may differ; None when the quote is not found."""
    words = quote.split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    if found is None:
        return None
    before, after = text[:found.start()], text[found.end():]
    if len(before) > CONTEXT_CHARS:
        before = "… " + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + " …"
    return before, found.group(0), after
