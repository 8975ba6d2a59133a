"""Coverage: every figure the finder (lib.curate) sees in a stored article is carried by a claim of that article
or dismissed with a reason (the file's dismissed: list). What is neither is uncurated: a number the reader could
find in the article but not on any page.

A claim carries a figure when its quote stands where the figure does and its value is the figure's: in the same
currency for money, as a percentage for one, and in any count unit for a count (whether 명 counts users or
people is the curator's call, not the finder's). A dismissal covers every figure inside a stretch of the article
that its text matches, so a longer text picks out one of two equal figures.
"""
from __future__ import annotations

import functools
import math
import re
from typing import Mapping, NamedTuple

import pandas as pd

from lib.sources import ArticleUnavailable, read_article
from lib.vocabulary import MONEY_UNITS

PERCENT = "percent"


class Uncurated(NamedTuple):
    """A figure of a source's article that no claim carries and no dismissal covers; start and end are its offsets
    in the article's text."""

    source: str
    file: str
    text: str
    value: float
    unit: str
    sentence: str
    start: int
    end: int


def uncurated(claims: pd.DataFrame, articles: Mapping[str, str] | None = None) -> list[Uncurated]:
    """The uncurated figures of every article the claims cite, by source then place in the article. articles: an
    upload's own article texts (file name -> text), read before the stored ones; an article found in neither is
    skipped (the loader has already refused its quotes)."""
    dismissed = claims.attrs.get("dismissed", ())
    found = []
    for (source, file, language), cited in claims.groupby(["source", "source_file", "source_language"], sort=True):
        try:
            text = read_article(file, given=articles).text
        except ArticleUnavailable:
            continue
        covered = _spans(text, [d.text for d in dismissed if d.source == source])
        quoted = [(span, row.value, row.unit) for row in cited.itertuples(index=False) for span in _spans(text, [row.quote])]
        for figure in _figures(text, language):
            if any(_within(figure, span) for span in covered):
                continue
            if not any(_within(figure, span) and _carries(value, unit, figure) for span, value, unit in quoted):
                found.append(Uncurated(source, file, figure.text, figure.value, figure.unit, figure.sentence,
                                       figure.start, figure.end))
    return found


@functools.lru_cache(maxsize=64)
def _figures(text: str, language: str) -> tuple:
    """The finder's figures of an article, worked out once per text: the audit runs on every view of the data."""
    from lib import curate

    return tuple(curate.figures(text, language if language in ("en", "ko", "fr") else None))


def _carries(value: float, unit: str, figure) -> bool:
    """Whether a claim of this value and unit, whose quote stands where the figure does, carries it."""
    if not math.isclose(value, figure.value, rel_tol=1e-9):
        return False
    if figure.unit in MONEY_UNITS or figure.unit == PERCENT or unit in MONEY_UNITS or unit == PERCENT:
        return unit == figure.unit
    return True  # a count in any count unit


def _within(figure, span: tuple[int, int]) -> bool:
    return span[0] <= figure.start and figure.end <= span[1]


def _spans(text: str, passages: list[str]) -> list[tuple[int, int]]:
    """Where in the article each passage (a quote, a dismissed text) stands, whitespace aside."""
    spans = []
    for passage in passages:
        words = str(passage).split()
        if words:
            spans.extend(match.span() for match in re.finditer(r"\s+".join(map(re.escape, words)), text))
    return spans
