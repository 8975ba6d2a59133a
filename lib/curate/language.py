"""An article's language, English, Korean or French, when the curator does not say.

Korean is told by its script: a text whose letters are at least a fifth Hangul is Korean, however many English
names it quotes ("OpenAI CEO 알트만"), where lingua alone reads such short text as English or French. English and
French share a script, so lingua-language-detector, restricted to the two, tells them apart. docs/curation.md
has the measurements.
"""
from __future__ import annotations

import functools

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

HANGUL_SHARE = 0.2  # of a text's letters, from which it is Korean
LINGUA_CHARS = 5_000  # lingua reads only this much of a long text: ample for a language; its time grows with the text
LATIN = {Language.ENGLISH: "en", Language.FRENCH: "fr"}
UNDECIDED = "en"  # for a text with no letters, or one lingua cannot place


@functools.cache
def _latin_detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LATIN).build()


def hangul_share(text: str) -> float:
    """The share of text's letters that are Hangul syllables or jamo (0.0 for a text with no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(_is_hangul(c) for c in letters) / len(letters)


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" or "\u3130" <= char <= "\u318f"


def detect(text: str) -> str:
    """"ko", "fr" or "en": the language text is written in (English when nothing tells)."""
    if hangul_share(text) >= HANGUL_SHARE:
        return "ko"
    return LATIN.get(_latin_detector().detect_language_of(text[:LINGUA_CHARS]), UNDECIDED)
