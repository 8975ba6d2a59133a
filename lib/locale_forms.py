"""Money, months and days as each interface language writes them: $5.0B, 50억 달러, 5,0 Md$.

One form per language, listed in docs/number-forms.md. Babel gives the locale data (digits, separators, month
names); the Korean grouping in 만, 억 and 조 is written here, once.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import NamedTuple

from babel.dates import format_date
from babel.numbers import format_decimal

from lib.vocabulary import QUALIFIERS

NARROW_NBSP = "\u202f"  # French puts it between thousands and before a unit


class Language(NamedTuple):
    """An interface language: its Babel locale, the text for a missing amount, how each qualifier wraps an
    amount (English uses the qualifier's own symbol) and its patterns for a month and a day (Babel's, in which
    letters are fields)."""

    locale: str
    missing: str
    qualified: dict[str, str]
    month: str
    day: str


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "n/a", {name: q.symbol + "{}" for name, q in QUALIFIERS.items()},
                   "MMM y", "d MMM y"),
    "ko": Language("ko_KR", "자료 없음", {
        "exact": "{}", "approximately": "약 {}", "nearly": "거의 {}", "at_least": "최소 {}", "more_than": "{} 이상",
        "up_to": "최대 {}", "less_than": "{} 미만"},
        "y년 M월", "y년 M월 d일"),
    "fr": Language("fr_FR", "n.d.", {
        "exact": "{}", "approximately": "environ {}", "nearly": "près de {}", "at_least": "au moins {}",
        "more_than": "plus de {}", "up_to": "jusqu’à {}", "less_than": "moins de {}"},
        "MMM y", "d MMM y"),
}

KOREAN_UNITS = ((10 ** 12, "조"), (10 ** 8, "억"), (10 ** 4, "만"), (1, ""))


def money(value: float | None, lang: str = "en", digits: int = 1) -> str:
    """An amount of US dollars as slides in `lang` write it: '$5.0B', '50억 달러', '5,0 Md$'. digits is the
    decimals after the scale in English and French, and two fewer than the significant figures in Korean."""
    if value is None or math.isnan(value):
        return LANGUAGES[lang].missing
    sign = "-" if value < 0 else ""
    if lang == "ko":
        return f"{sign}{korean_amount(abs(value), digits + 2)} 달러"
    if lang == "fr":
        return sign + _french(abs(value), digits)
    return sign + _english(abs(value), digits)


def _english(value: float, digits: int) -> str:
    for threshold, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= threshold:
            return f"${value / threshold:,.{digits}f}{suffix}"
    return f"${value:,.0f}"


def _french(value: float, digits: int) -> str:
    """Milliards for a billion and more (1 200,0 Md$ rather than the ambiguous billion), M$ and k$ below."""
    for threshold, suffix in ((1e9, "Md$"), (1e6, "M$"), (1e3, "k$")):
        if value >= threshold:
            return f"{_french_number(value / threshold, digits)}{NARROW_NBSP}{suffix}"
    return f"{_french_number(value, 0)}{NARROW_NBSP}$"


def _french_number(value: float, digits: int) -> str:
    return format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""), locale="fr_FR")


def korean_amount(value: float, significant: int = 3) -> str:
    """A non-negative number in 조, 억 and 만, rounded to `significant` figures: '50억', '1조 2천억', '8,300억',
    '3억 800만', '9,500'. A group that is a whole number of thousands is written with 천 (2천억, 5천만)."""
    whole = round(value)
    if whole >= 10 ** significant:
        step = 10 ** (len(str(whole)) - significant)
        whole = round(whole / step) * step
    parts = []
    for size, unit in KOREAN_UNITS:
        group, whole = divmod(whole, size)
        if group:
            number = f"{group // 1000}천" if unit and group < 10_000 and group % 1000 == 0 else f"{group:,}"
            parts.append(number + unit)
    return " ".join(parts) or "0"


def qualified_money(value: float | None, qualifier: str | None, lang: str = "en", digits: int = 1) -> str:
    """An amount with its qualifier in the language's words: '> $8.0B', '80억 달러 이상', 'plus de 8,0 Md$'."""
    text = money(value, lang, digits)
    if value is None or math.isnan(value):
        return text
    return LANGUAGES[lang].qualified.get(qualifier or "exact", "{}").format(text)


def month(when: dt.date, lang: str = "en") -> str:
    """'Feb 2026', '2026년 2월', 'févr. 2026'."""
    language = LANGUAGES[lang]
    return format_date(when, language.month, locale=language.locale)


def day(when: dt.date, lang: str = "en") -> str:
    """'1 Feb 2026', '2026년 2월 1일', '1 févr. 2026'."""
    language = LANGUAGES[lang]
    return format_date(when, language.day, locale=language.locale)
