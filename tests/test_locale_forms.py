"""Money, months and days in each interface language, the expected strings written by hand."""
from __future__ import annotations

import datetime as dt
import math

import pytest

from lib.i18n import PSEUDO, speaking
from lib.locale_forms import LANGUAGES, day, decimal, korean_amount, money, month, number, percent, qualified, qualified_money
from lib.vocabulary import QUALIFIERS

N = "\u202f"  # narrow no-break space


@pytest.mark.parametrize("value, english, korean, french", [
    (5e9, "$5.0B", "50억 달러", f"5,0{N}Md$"),
    (1.2e12, "$1.2T", "1조 2천억 달러", f"1{N}200,0{N}Md$"),
    (1.25e12, "$1.2T", "1조 2,500억 달러", f"1{N}250,0{N}Md$"),
    (8.3e11, "$830.0B", "8,300억 달러", f"830,0{N}Md$"),
    (1e12, "$1.0T", "1조 달러", f"1{N}000,0{N}Md$"),
    (999.96e9, "$1,000.0B", "1조 달러", f"1{N}000,0{N}Md$"),
    (6.6e9, "$6.6B", "66억 달러", f"6,6{N}Md$"),
    (1e9, "$1.0B", "10억 달러", f"1,0{N}Md$"),
    (308e6, "$308.0M", "3억 800만 달러", f"308,0{N}M$"),
    (725e6, "$725.0M", "7억 2,500만 달러", f"725,0{N}M$"),
    (1.5e8, "$150.0M", "1억 5천만 달러", f"150,0{N}M$"),
    (1e8, "$100.0M", "1억 달러", f"100,0{N}M$"),
    (5e7, "$50.0M", "5천만 달러", f"50,0{N}M$"),
    (1e6, "$1.0M", "100만 달러", f"1,0{N}M$"),
    (7e5, "$700.0K", "70만 달러", f"700,0{N}k$"),
    (1e4, "$10.0K", "1만 달러", f"10,0{N}k$"),
    (9_999.6, "$10.0K", "1만 달러", f"10,0{N}k$"),
    (5_432, "$5.4K", "5,430 달러", f"5,4{N}k$"),
    (1e3, "$1.0K", "1,000 달러", f"1,0{N}k$"),
    (999, "$999", "999 달러", f"999{N}$"),
    (20, "$20", "20 달러", f"20{N}$"),
    (0, "$0", "0 달러", f"0{N}$"),
    (-5e9, "-$5.0B", "-50억 달러", f"-5,0{N}Md$"),
    (-308e6, "-$308.0M", "-3억 800만 달러", f"-308,0{N}M$"),
    (None, "n/a", "자료 없음", "n.d."),
    (math.nan, "n/a", "자료 없음", "n.d."),
])
def test_money_in_each_language(value, english, korean, french):
    assert (money(value, "en"), money(value, "ko"), money(value, "fr")) == (english, korean, french)


@pytest.mark.parametrize("value, digits, english, korean, french", [
    (5e9, 0, "$5B", "50억 달러", f"5{N}Md$"),
    (5.25e9, 0, "$5B", "52억 달러", f"5{N}Md$"),
    (5.25e9, 2, "$5.25B", "52억 5천만 달러", f"5,25{N}Md$"),
    (1_234_567_890_123, 3, "$1.235T", "1조 2,346억 달러", f"1{N}234,568{N}Md$"),
])
def test_digits_set_the_decimals_and_the_korean_significant_figures(value, digits, english, korean, french):
    assert (money(value, "en", digits), money(value, "ko", digits), money(value, "fr", digits)) == (english, korean, french)


@pytest.mark.parametrize("value, significant, expected", [
    (12_345, 3, "1만 2,300"),
    (12_345, 5, "1만 2,345"),
    (123_456_789, 9, "1억 2,345만 6,789"),
    (2_000_0000_0000, 3, "2천억"),
    (3_0000_0000_0000_0000, 3, "30,000조"),
    (0.4, 3, "0"),
])
def test_korean_groups(value, significant, expected):
    assert korean_amount(value, significant) == expected


@pytest.mark.parametrize("qualifier, english, korean, french", [
    ("more_than", "> $8.0B", "80억 달러 이상", f"plus de 8,0{N}Md$"),
    ("at_least", "≥ $8.0B", "최소 80억 달러", f"au moins 8,0{N}Md$"),
    ("approximately", "≈ $8.0B", "약 80억 달러", f"environ 8,0{N}Md$"),
    ("nearly", "≲ $8.0B", "거의 80억 달러", f"près de 8,0{N}Md$"),
    ("up_to", "≤ $8.0B", "최대 80억 달러", f"jusqu’à 8,0{N}Md$"),
    ("less_than", "< $8.0B", "80억 달러 미만", f"moins de 8,0{N}Md$"),
    ("exact", "$8.0B", "80억 달러", f"8,0{N}Md$"),
    (None, "$8.0B", "80억 달러", f"8,0{N}Md$"),
])
def test_qualified_money(qualifier, english, korean, french):
    assert [qualified_money(8e9, qualifier, lang) for lang in ("en", "ko", "fr")] == [english, korean, french]


@pytest.mark.parametrize("lang, expected", [("en", "n/a"), ("ko", "자료 없음"), ("fr", "n.d.")])
def test_a_missing_amount_takes_no_qualifier(lang, expected):
    assert qualified_money(None, "more_than", lang) == expected


def test_every_language_words_every_qualifier():
    assert {lang: sorted(language.qualified) for lang, language in LANGUAGES.items()} == {
        lang: sorted(QUALIFIERS) for lang in LANGUAGES}


@pytest.mark.parametrize("when, english, korean, french", [
    (dt.date(2026, 2, 1), ("Feb 2026", "1 Feb 2026"), ("2026년 2월", "2026년 2월 1일"), ("févr. 2026", "1 févr. 2026")),
    (dt.date(2024, 9, 30), ("Sep 2024", "30 Sep 2024"), ("2024년 9월", "2024년 9월 30일"), ("sept. 2024", "30 sept. 2024")),
    (dt.date(2023, 5, 9), ("May 2023", "9 May 2023"), ("2023년 5월", "2023년 5월 9일"), ("mai 2023", "9 mai 2023")),
    (dt.date(2025, 12, 31), ("Dec 2025", "31 Dec 2025"), ("2025년 12월", "2025년 12월 31일"), ("déc. 2025", "31 déc. 2025")),
])
def test_months_and_days(when, english, korean, french):
    assert [(month(when, lang), day(when, lang)) for lang in ("en", "ko", "fr")] == [english, korean, french]


def test_english_is_the_default_language():
    when = dt.date(2026, 2, 1)
    assert (money(5e9), qualified_money(8e9, "more_than"), month(when), day(when)) == ("$5.0B", "> $8.0B", "Feb 2026", "1 Feb 2026")


@pytest.mark.parametrize("lang, digits, expected", [
    ("en", 0, "> $8B"), ("ko", 0, "80억 달러 이상"), ("fr", 0, f"plus de 8{N}Md$"), ("fr", 2, f"plus de 8,25{N}Md$"),
    ("ko", 2, "82억 5천만 달러 이상"),
])
def test_a_qualified_amount_keeps_its_digits(lang, digits, expected):
    assert qualified_money(8.25e9 if digits == 2 else 8e9, "more_than", lang, digits) == expected


@pytest.mark.parametrize("lang, expected", [("en", "$8.0B"), ("ko", "80억 달러"), ("fr", f"8,0{N}Md$")])
def test_an_unknown_qualifier_leaves_the_amount_as_it_is(lang, expected):
    assert qualified_money(8e9, "roughly", lang) == expected


@pytest.mark.parametrize(
    "text, qualifier, expected",
    [("$8.0B", "more_than", "> $8.0B"), ("$3.0B", "up_to", "≤ $3.0B"), ("$5.0B", "approximately", "≈ $5.0B"),
     ("$4.0B", "nearly", "≲ $4.0B"), ("$3.7B", "exact", "$3.7B"), ("$1", None, "$1"), ("$1", "nan", "$1")],
)
def test_qualified_text_in_english(text, qualifier, expected):
    assert qualified(text, qualifier, "en") == expected


@pytest.mark.parametrize("value, currency, english, korean, french", [
    (9.3e11, "KRW", "₩930.0B", "9,300억 원", f"930,0{N}Md₩"),
    (1.5e12, "KRW", "₩1.5T", "1조 5천억 원", f"1{N}500,0{N}Md₩"),
    (2.5e9, "EUR", "€2.5B", "25억 유로", f"2,5{N}Md€"),
    (-4e6, "EUR", "-€4.0M", "-400만 유로", f"-4,0{N}M€"),
    (800, "EUR", "€800", "800 유로", f"800{N}€"),
])
def test_money_in_other_currencies(value, currency, english, korean, french):
    assert [money(value, lang, currency=currency) for lang in ("en", "ko", "fr")] == [english, korean, french]


@pytest.mark.parametrize("value, digits, english, korean, french", [
    (1e8, 1, "100.0M", "1억", f"100,0{N}M"),
    (2.5e9, 1, "2.5B", "25억", f"2,5{N}Md"),
    (10, 0, "10", "10", "10"),
    (-3e4, 0, "-30K", "-3만", f"-30{N}k"),
    (0, 0, "0", "0", "0"),
    (12_346, 2, "12.35K", "1만 2,350", f"12,35{N}k"),  # Korean: two more significant figures than digits
])
def test_numbers_that_are_not_money(value, digits, english, korean, french):
    assert [number(value, lang, digits) for lang in ("en", "ko", "fr")] == [english, korean, french]


@pytest.mark.parametrize("lang, expected", [
    ("ko", ("50억 달러", "80억 달러 이상", "2026년 2월", "2026년 2월 1일")),
    ("fr", (f"5,0{N}Md$", f"plus de 8,0{N}Md$", "févr. 2026", "1 févr. 2026")),
    (PSEUDO, ("$5.0B", "> $8.0B", "Feb 2026", "1 Feb 2026")),  # the pseudo language writes English's forms
])
def test_forms_follow_the_language_spoken(lang, expected):
    when = dt.date(2026, 2, 1)
    with speaking(lang):
        assert (money(5e9), qualified_money(8e9, "more_than"), month(when), day(when)) == expected


@pytest.mark.parametrize("value, digits, english, korean, french", [
    (15.8, 1, "15.8", "15.8", "15,8"),
    (14.36, 1, "14.4", "14.4", "14,4"),
    (0, 1, "0.0", "0.0", "0,0"),
    (1234.5, 1, "1,234.5", "1,234.5", f"1{N}234,5"),
    (20, 0, "20", "20", "20"),
])
def test_decimals_in_each_language(value, digits, english, korean, french):
    assert [decimal(value, digits, lang) for lang in ("en", "ko", "fr")] == [english, korean, french]


@pytest.mark.parametrize("share, digits, signed, english, french", [
    (0.47, 0, True, "+47%", f"+47{N}%"),
    (0.0, 0, True, "+0%", f"+0{N}%"),
    (-0.1, 0, True, "-10%", f"-10{N}%"),
    (0.25, 0, False, "25%", f"25{N}%"),
    (0.118, 1, False, "11.8%", f"11,8{N}%"),
    (10.0, 0, True, "+1000%", f"+1000{N}%"),  # ungrouped, as Python writes it
])
def test_percentages_in_each_language(share, digits, signed, english, french):
    assert percent(share, digits, signed, "en") == english == percent(share, digits, signed, "ko")
    assert percent(share, digits, signed, "fr") == french
