"""Outside facts in a claim's note: the figures and names a note gives that its article does not.

data/README.md asks a note to introduce a fact from outside the article with the fixed words `Outside
knowledge:`. Before those words (and outside double quotes, which hold the article's own words), a note may give:

- a figure (an amount of money, a percentage, a number with a magnitude such as "1.7 billion") only when it is a
  number its article gives, however the article writes it (9억 3천만, 700 000, 1,5 milliard, $3.7B), the value of
  a claim the note names by id, or one step of arithmetic from the article's figures: a percentage may be the
  change between two of them, an amount one of them annualised (x 365, x 12) or converted at a rate the note
  has just derived from two of them; all to the last digit the note writes;
- a name (a word with a capital letter, not the first word of a sentence, such as SimilarWeb), when its
  article is written in the Latin alphabet, only when the article, the claim, its source's fields or
  COMMON_WORDS use it. An article in another script spells names its own way, so names are not judged there.

What this cannot see (a job title, a founding year) stays for the curator to mark.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import cached_property

MARKER = "Outside knowledge:"
ANNUALISING = (365.0, 12.0)
LATIN_SCRIPT = frozenset("en fr de es it pt nl sv da no nb nn fi pl cs sk ro hu tr id ms vi ca hr sl et lv lt".split())
MONTHS = ("January February March April May June July August September October November December "
          "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()
COMMON_WORDS = frozenset({"English", "Korean", "French", "AI", "CEO", "IPO", "USD", "KRW", "EUR", *MONTHS})
"""Capitalised words notes use about the data itself: languages, units, months and the field's acronyms."""

_MAGNITUDES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "milliard": 1e9,
               "k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12}
_KOREAN = {"조": 1e12, "억": 1e8, "천만": 1e7, "백만": 1e6, "만": 1e4, "천": 1e3}
NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?:\.\d+)?|\d+(?:[.,]\d+)?)"  # 1,570 / 700 000 / 1,5
    r"(?:\s*(조|억|천만|백만|만|천))?"
    r"(?:[ \u00a0-]?(thousand|million|billion|trillion|milliard|bn|[kmbt])s?(?![A-Za-z]))?",
    re.IGNORECASE,
)
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
SENTENCE = re.compile(r"(?<=[.!?;:])\s+")
NAME = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9-]*(?![\w-])")
LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")
_MONEY_BEFORE = re.compile(r"[$€£~≈]\s*$")
_FIGURE_AFTER = re.compile(r"^\s*(?:%|percent|퍼센트|dollars?|won|euros?|원|달러)", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number as a text writes it: the text, its value, the step of its last written digit (1.7 billion:
    0.1 billion; 226,000: 1,000), whether it is a figure (money, a percentage or a magnitude) rather than a
    count or part of a date, and whether it is a percentage."""

    text: str
    value: float
    step: float
    figure: bool
    percent: bool = False


def _number(match: re.Match, text: str) -> Number:
    digits, korean, magnitude = match.groups()
    plain = digits.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", plain) or " " in plain:
        plain = plain.replace(",", "").replace(" ", "")  # thousands separators
    plain = plain.replace(",", ".")  # a decimal comma
    whole, _, decimals = plain.partition(".")
    value = float(plain)
    if decimals:
        step = 10.0 ** -len(decimals)
    else:
        zeros = len(whole) - len(whole.rstrip("0"))
        step = max(1.0, min(10.0 ** zeros, value / 100))  # trailing zeros round, keeping two digits at least
    scale = (_KOREAN[korean] if korean else 1.0) * (_MAGNITUDES[magnitude.lower()] if magnitude else 1.0)
    symbol = _MONEY_BEFORE.search(text[:match.start()])
    after = _FIGURE_AFTER.match(text[match.end():])
    percent = bool(after) and after.group(0).strip().lower() in ("%", "percent", "퍼센트")
    return Number((symbol.group(0).strip() if symbol else "") + match.group(0).strip(), value * scale, step * scale,
                  bool(korean or magnitude or symbol or after), percent and not (korean or magnitude))


def numbers(text: str) -> list[Number]:
    """Every number in a text, in order; a Korean compound (9억 3천만 = 930,000,000) is one number."""
    found: list[Number] = []
    unit_before, end_before = None, -1
    for match in NUMBER.finditer(text):
        number = _number(match, text)
        unit = _KOREAN.get(match.group(2) or "")
        if unit and unit_before and unit < unit_before and not text[end_before:match.start()].strip():
            last = found.pop()
            number = Number(f"{last.text} {number.text}", last.value + number.value, number.step, True)
        found.append(number)
        unit_before, end_before = unit, match.end()
    return found


def _amounts(figures: list[float], rates: tuple[float, ...]) -> set[float]:
    """One step from an article's figures to an amount: each annualised (x 365, x 12) or turned back into a
    rate, or converted at one of the rates."""
    return {a * k for a in figures for k in (*ANNUALISING, *rates)} | {a / k for a in figures for k in (*ANNUALISING, *rates)}


@dataclass
class Article:
    """What a note may take from its article and from the data: the numbers they give, and the article's words."""

    text: str

    @cached_property
    def numbers(self) -> list[Number]:
        return [n for n in numbers(self.text) if n.value > 0]

    @cached_property
    def figures(self) -> list[float]:
        return sorted({n.value for n in self.numbers if n.figure})

    @cached_property
    def amounts(self) -> list[float]:
        """Every value a note's amount may have without a rate of its own, sorted for a range search."""
        return sorted({n.value for n in self.numbers} | _amounts(self.figures, ()))

    @cached_property
    def percentages(self) -> list[float]:
        """Every value a note's percentage may have: the article's numbers and the change between two figures."""
        changes = {100 * abs(a - b) / a for a in self.figures for b in self.figures}
        return sorted({n.value for n in self.numbers} | changes)

    @cached_property
    def rates(self) -> list[float]:
        """The ratios of two of the article's figures (an exchange rate it implies), sorted."""
        return sorted({a / b for a in self.figures for b in self.figures})

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in LATIN_WORD.findall(self.text))

    @cached_property
    def _flat(self) -> str:
        return " ".join(self.text.split())

    def holds(self, quote: str) -> bool:
        """Whether the quote is in the article, whitespace aside: a note is judged only against its own article."""
        return " ".join(quote.split()) in self._flat

    def gives(self, number: Number, rates: list[float], values: list[float] = ()) -> bool:
        """Whether a note's figure is one the article gives, to half the step of its last digit: a percentage
        among its numbers or the changes between its figures; an amount among its numbers, one of values, or
        one step from its figures (annualised, or converted at a rate the note gave before: rates)."""
        if number.percent:
            return _within(self.percentages, number)
        return (_within(self.amounts, number) or _within(values, number)
                or (bool(rates) and any(_near(v, number) for v in _amounts(self.figures, tuple(rates)))))

    def is_rate(self, number: Number) -> bool:
        """Whether a note's number (not a figure) is a ratio of two of the article's figures."""
        return _within(self.rates, number)


def _near(value: float, number: Number) -> bool:
    return abs(value - number.value) <= number.step / 2


def _within(pool: list[float], number: Number) -> bool:
    at = bisect.bisect_left(pool, number.value - number.step / 2)
    return at < len(pool) and _near(pool[at], number)


def judged_part(note: str) -> str:
    """The note before its Outside knowledge marker, its quoted words left out."""
    return QUOTED.sub(" ", note.split(MARKER, 1)[0])


def outside_facts(note: str | None, article: Article, known: tuple[str | None, ...] = (),
                  values: list[float] = (), latin: bool = True) -> list[str]:
    """The figures and names a note gives before its Outside knowledge marker that its article, the values of
    the claims it names (values, sorted: searched by bisection, as a source's claims can be many) and the claim's
    own fields (known) do not account for, each as the note writes it, in order; names only when latin (the
    article is written in the Latin alphabet)."""
    if not note:
        return []
    text = judged_part(note)
    found: list[str] = []
    rates: list[float] = []
    for number in numbers(text):
        if not number.figure:
            if article.is_rate(number):
                rates.append(number.value)
        elif not article.gives(number, rates, values):
            found.append(number.text)
    if latin:
        known_words = {w.casefold() for part in known if part for w in LATIN_WORD.findall(part)} | article.words
        for sentence in SENTENCE.split(text):
            names = NAME.findall(sentence)
            for word in names[1:] if sentence[:1].isupper() else names:
                if word != word.lower() and word not in COMMON_WORDS and word.casefold() not in known_words \
                        and word not in found:
                    found.append(word)
    return found


def finite(values) -> frozenset[float]:
    """The positive finite values among values (a claim's value may be missing)."""
    return frozenset(v for v in values if isinstance(v, (int, float)) and math.isfinite(v) and v > 0)
