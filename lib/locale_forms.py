"""Money, months and days as each interface language writes them: $5.0B, 50억 달러, 5,0 Md$.

One form per language, listed in docs/number-forms.md. Babel gives the locale data (digits, separators, month
names); the Korean grouping in 만, 억 and 조 is written here, once.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import NamedTuple

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from lib.i18n import language
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
CURRENCIES = {  # ISO code -> (the symbol English and French write, the word Korean writes after the amount)
    "USD": ("$", "달러"), "KRW": ("₩", "원"), "EUR": ("€", "유로"),
}


def spoken(lang: str | None = None) -> str:
    """`lang`, or the language spoken (lib.i18n) when None; a language with no forms of its own (the pseudo
    language) writes English's."""
    chosen = language() if lang is None else lang
    return chosen if chosen in LANGUAGES else "en"


def money(value: float | None, lang: str | None = None, digits: int = 1, currency: str = "USD") -> str:
    """An amount (US dollars unless `currency` says otherwise) as slides in `lang` write it: '$5.0B', '50억 달러',
    '5,0 Md$'; ₩ and € in place of $, 원 and 유로 of 달러. digits is the decimals after the scale in English and
    French, and two fewer than the significant figures in Korean. lang None: the language spoken."""
    lang = spoken(lang)
    if value is None or math.isnan(value):
        return LANGUAGES[lang].missing
    sign = "-" if value < 0 else ""
    symbol, word = CURRENCIES[currency]
    if lang == "ko":
        return f"{sign}{korean_amount(abs(value), digits + 2)} {word}"
    return sign + _scaled(abs(value), lang, digits, symbol)


def number(value: float, lang: str | None = None, digits: int = 1) -> str:
    """A count that is not money, scaled as money is but with no currency: '100.0M', '1억', '100,0 M'."""
    lang = spoken(lang)
    sign = "-" if value < 0 else ""
    if lang == "ko":
        return sign + korean_amount(abs(value), digits + 2)
    return sign + _scaled(abs(value), lang, digits, "")


def _scaled(value: float, lang: str, digits: int, symbol: str) -> str:
    """English: the symbol first, then B, M or K ($5.0B). French: milliards for a billion and more (1 200,0 Md$
    rather than the ambiguous billion), M and k below, the symbol last."""
    if lang == "fr":
        for threshold, scale in ((1e9, "Md"), (1e6, "M"), (1e3, "k")):
            if value >= threshold:
                return f"{_french_number(value / threshold, digits)}{NARROW_NBSP}{scale}{symbol}"
        return f"{_french_number(value, 0)}{NARROW_NBSP}{symbol}".rstrip(NARROW_NBSP)
    for threshold, scale in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= threshold:
            return f"{symbol}{value / threshold:,.{digits}f}{scale}"
    return f"{symbol}{value:,.0f}"


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


def qualified_money(value: float | None, qualifier: str | None, lang: str | None = None, digits: int = 1) -> str:
    """An amount with its qualifier in the language's words: '> $8.0B', '80억 달러 이상', 'plus de 8,0 Md$'."""
    text = money(value, lang, digits)
    if value is None or math.isnan(value):
        return text
    return qualified(text, qualifier, lang)


def qualified(text: str, qualifier: str | None, lang: str | None = None) -> str:
    """A figure's text with its qualifier in the language's words ('> $8.0B', '80억 달러 이상')."""
    return LANGUAGES[spoken(lang)].qualified.get(qualifier or "exact", "{}").format(text)


def decimal(value: float, digits: int = 1, lang: str | None = None) -> str:
    """A plain number with `digits` decimals as the language writes it: '15.8', '15,8' (lang None: the one spoken)."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LANGUAGES[spoken(lang)].locale)


def percent(share: float, digits: int = 0, signed: bool = False, lang: str | None = None) -> str:
    """A share as a percentage the way the language writes it: '+47%', '+47 %' (a narrow no-break space in
    French); signed puts a plus before a share that is not negative, as a growth rate has ('+0%')."""
    lang = spoken(lang)
    sign = "+" if signed and share >= 0 else ""
    pattern = "0" + ("." + "0" * digits if digits else "") + (NARROW_NBSP if lang == "fr" else "") + "%"  # ungrouped
    return sign + format_percent(share, format=pattern, locale=LANGUAGES[lang].locale)


def month(when: dt.date, lang: str | None = None) -> str:
    """'Feb 2026', '2026년 2월', 'févr. 2026' (lang None: the language spoken)."""
    forms = LANGUAGES[spoken(lang)]
    return format_date(when, forms.month, locale=forms.locale)


def day(when: dt.date, lang: str | None = None) -> str:
    """'1 Feb 2026', '2026년 2월 1일', '1 févr. 2026' (lang None: the language spoken)."""
    forms = LANGUAGES[spoken(lang)]
    return format_date(when, forms.day, locale=forms.locale)
