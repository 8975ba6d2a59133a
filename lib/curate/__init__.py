"""The figure finder: the money, percentages and counts an article states, each with its sentence, so a curator
can make a claim from it without copying a quote or converting 억 and milliards by hand.

One module per job: reading (a file's text), language, sentences, numbers (the figures in one sentence),
qualifiers, drafts (a claims YAML skeleton). `python -m lib.curate` is the command line.
"""
from __future__ import annotations

from dataclasses import dataclass

from lib.curate import language as languages
from lib.curate import sentences


@dataclass(frozen=True)
class Figure:
    """A figure found in an article: the amount numbers.find reads, its sentence verbatim, and where the figure's
    text stands in the whole article (text == article[start:end]). The fields, in order, are the command line's
    JSON keys."""

    value: float
    unit: str
    qualifier: str
    per: str | None
    text: str
    sentence: str
    start: int
    end: int
    usd: float | None


def figures(text: str, language: str | None = None) -> list[Figure]:
    """Every figure in an article's text, in order; language "en", "ko" or "fr", detected when not given."""
    # Imported here, not above: the loader reads every article through lib.curate.reading, and need not compile
    # the number patterns (a tenth of a second or more) to do so.
    from lib.curate import numbers

    language = language or languages.detect(text)
    found = []
    for sentence in sentences.split(text, language):
        for amount in numbers.find(sentence.text, language):
            found.append(Figure(amount.value, amount.unit, amount.qualifier, amount.per, amount.text, sentence.text,
                                sentence.start + amount.start, sentence.start + amount.end, amount.usd))
    return found
