"""An article's sentences, each with its offsets in the article's text, so a figure found in a sentence can be
placed in the article and its sentence quoted verbatim.

pysbd splits the text, with its English rules for all three languages, and a line break always ends a sentence
(as in the pages the articles are copied from). pysbd has no Korean rules, and Korean ends sentences with
the same . ! ? before a space or a line break (다. 요. 까?), while 1.7억 and 3.5% carry no space; French articles
quote English names (OpenAI Inc., Nvidia Corp., U.S.) that pysbd's French rules cut, and its English rules keep
"M." and "3,7" whole as well. One rule is added by hand: pages that lost the space between two sentences
("in revenue.Server rental costs") are split there, which pysbd does not do. docs/curation.md has the measurements.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pysbd

LANGUAGES = ("en", "ko", "fr")
GLUED = re.compile(r"(?<=[a-z][.!?])(?=[A-Z][a-z])")  # "whole.The": a sentence end whose space was lost


@dataclass(frozen=True)
class Sentence:
    """A sentence as the article has it: text == article[start:end], without surrounding whitespace."""

    text: str
    start: int
    end: int


@functools.cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split(text: str, language: str) -> list[Sentence]:
    """The sentences of text in order; language is "en", "ko" or "fr" (the same rules serve all three, see above)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    found, cursor = [], 0
    for segment in _segmenter().segment(text):
        for line in segment.split("\n"):
            for piece in GLUED.split(line):
                piece = piece.strip()
                if piece:
                    start = text.index(piece, cursor)
                    cursor = start + len(piece)
                    found.append(Sentence(piece, start, cursor))
    return _gaps_filled(text, found)


def _gaps_filled(text: str, found: list[Sentence]) -> list[Sentence]:
    """found with any text pysbd dropped (it drops a segment of punctuation alone, such as " !!") put back as a
    sentence of its own, so that every character of the article stands in some sentence."""
    edges = [0, *(edge for sentence in found for edge in (sentence.start, sentence.end)), len(text)]
    missed = []
    for start, end in zip(edges[::2], edges[1::2]):
        gap = text[start:end]
        if gap.strip():
            lead = len(gap) - len(gap.lstrip())
            missed.append(Sentence(gap.strip(), start + lead, start + lead + len(gap.strip())))
    return sorted([*found, *missed], key=lambda sentence: sentence.start) if missed else found
