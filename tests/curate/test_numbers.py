"""lib.curate.numbers: money, percentages and counts read from English, Korean and French sentences."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.curate.numbers import Amount, find

NBSP, NNBSP = "\u00a0", "\u202f"


def found(sentence: str, language: str) -> list[tuple]:
    """The figures of a sentence as (text, value, unit, qualifier, per, usd), checking that each one's offsets
    point at its text."""
    amounts = find(sentence, language)
    assert all(sentence[a.start:a.end] == a.text for a in amounts)
    assert [a.start for a in amounts] == sorted(a.start for a in amounts)
    return [(a.text, a.value, a.unit, a.qualifier, a.per, a.usd) for a in amounts]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("According to a report, ChatGPT costs $700,000 per day to operate.",
         [("$700,000", 700_000.0, "USD", "exact", "day", 700_000.0)]),
        ("despite expectations of generating $3.7 billion in revenue",
         [("$3.7 billion", 3_700_000_000.0, "USD", "exact", None, 3_700_000_000.0)]),
        ("Microsoft has put $13bn into the company.",
         [("$13bn", 13_000_000_000.0, "USD", "exact", None, 13_000_000_000.0)]),
        ("It invested US$14 billion.", [("US$14 billion", 14_000_000_000.0, "USD", "exact", None, 14_000_000_000.0)]),
        ("a $17.5B round", [("$17.5B", 17_500_000_000.0, "USD", "exact", None, 17_500_000_000.0)]),
        ("a $200k grant and a $5m loan", [("$200k", 200_000.0, "USD", "exact", None, 200_000.0),
                                          ("$5m", 5_000_000.0, "USD", "exact", None, 5_000_000.0)]),
        ("It raised 400 million dollars.",
         [("400 million dollars", 400_000_000.0, "USD", "exact", None, 400_000_000.0)]),
        ("Mistral raised €6.6 billion.", [("€6.6 billion", 6_600_000_000.0, "EUR", "exact", None, None)]),
        ("Samsung will spend 5 trillion won.", [("5 trillion won", 5_000_000_000_000.0, "KRW", "exact", None, None)]),
        ("a USD 2 billion facility", [("USD 2 billion", 2_000_000_000.0, "USD", "exact", None, 2_000_000_000.0)]),
        ("a loss of approximately $5 billion in 2024",
         [("$5 billion", 5_000_000_000.0, "USD", "approximately", None, 5_000_000_000.0)]),
        ("It has 100 million weekly active users.",
         [("100 million weekly active users", 100_000_000.0, "users", "exact", None, None)]),
        ("xAI bought 10,000 GPUs for 10 GW of data centres.",
         [("10,000 GPUs", 10_000.0, "GPUs", "exact", None, None), ("10 GW", 10.0, "GW", "exact", None, None)]),
        ("It employs more than 2,000 employees.", [("2,000 employees", 2_000.0, "employees", "more_than", None, None)]),
        ("Users fell 16% and 45 percent, or 12 per cent.",
         [("16%", 16.0, "percent", "exact", None, None), ("45 percent", 45.0, "percent", "exact", None, None),
          ("12 per cent", 12.0, "percent", "exact", None, None)]),
        ("a company needs 10 years of history", [("10 years", 10.0, "years", "exact", None, None)]),
        ("Nvidia will invest $100 billion (145조원).",
         [("$100 billion", 100_000_000_000.0, "USD", "exact", None, 100_000_000_000.0),
          ("145조원", 145_000_000_000_000.0, "KRW", "exact", None, 100_000_000_000.0)]),
        ("Mistral raised €6.6 billion ($7.2 billion).",
         [("€6.6 billion", 6_600_000_000.0, "EUR", "exact", None, 7_200_000_000.0),
          ("$7.2 billion", 7_200_000_000.0, "USD", "exact", None, 7_200_000_000.0)]),
        ("losses of $3-5 billion", [("$3", 3_000_000_000.0, "USD", "exact", None, 3_000_000_000.0),
                                    ("5 billion", 5_000_000_000.0, "USD", "exact", None, 5_000_000_000.0)]),
        ("between 40 and 45% of staff", [("40", 40.0, "percent", "exact", None, None),
                                         ("45%", 45.0, "percent", "exact", None, None)]),
        ("It is worth a trillion dollars and has one billion users.",
         [("a trillion dollars", 1_000_000_000_000.0, "USD", "exact", None, 1_000_000_000_000.0),
          ("one billion users", 1_000_000_000.0, "users", "exact", None, None)]),
        ("a ticket of 50,000 won", [("50,000 won", 50_000.0, "KRW", "exact", None, None)]),
        ("Nvidia will put $1 billion (1.3조원) into it.",
         [("$1 billion", 1_000_000_000.0, "USD", "exact", None, 1_000_000_000.0),
          ("1.3조원", 1_300_000_000_000.0, "KRW", "exact", None, 1_000_000_000.0)]),
        ("It earns $1 billion a year (1.3조원).",
         [("$1 billion", 1_000_000_000.0, "USD", "exact", "year", 1_000_000_000.0),
          ("1.3조원", 1_300_000_000_000.0, "KRW", "exact", "year", 1_000_000_000.0)]),
        ("Arm earned £5 billion ($6.3 billion).", [("$6.3 billion", 6_300_000_000.0, "USD", "exact", None,
                                                   6_300_000_000.0)]),
        ("SoftBank lost 5 billion yen, or $33 million, and HK$2 billion.",
         [("$33 million", 33_000_000.0, "USD", "exact", None, 33_000_000.0)]),
        ("$5 billion in 2023 and 7 billion in 2024",
         [("$5 billion", 5_000_000_000.0, "USD", "exact", None, 5_000_000_000.0),
          ("7 billion", 7_000_000_000.0, "USD", "exact", None, 7_000_000_000.0)]),
    ],
)
def test_english(sentence, expected):
    assert found(sentence, "en") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("ChatGPT 구동,유지에 하루에 70만 달러(9억 3천만원)를 사용하며",
         [("70만 달러", 700_000.0, "USD", "exact", "day", 700_000.0),
          ("9억 3천만원", 930_000_000.0, "KRW", "exact", "day", 700_000.0)]),
        ("총 130억 달러를 투자했습니다.", [("130억 달러", 13_000_000_000.0, "USD", "exact", None, 13_000_000_000.0)]),
        ("1조 2천억 원 규모", [("1조 2천억 원", 1_200_000_000_000.0, "KRW", "exact", None, None)]),
        ("3천억 원과 1조5천억 원", [("3천억 원", 300_000_000_000.0, "KRW", "exact", None, None),
                             ("1조5천억 원", 1_500_000_000_000.0, "KRW", "exact", None, None)]),
        ("5백만 달러를 모았다", [("5백만 달러", 5_000_000.0, "USD", "exact", None, 5_000_000.0)]),
        ("1,000억 원을 투자", [("1,000억 원", 100_000_000_000.0, "KRW", "exact", None, None)]),
        ("1.5조 원에 달한다", [("1.5조 원", 1_500_000_000_000.0, "KRW", "exact", None, None)]),
        ("6억 5천만 달러를 지불했습니다", [("6억 5천만 달러", 650_000_000.0, "USD", "exact", None, 650_000_000.0)]),
        ("1억 5000원", [("1억 5000원", 100_005_000.0, "KRW", "exact", None, None)]),
        ("가치는 1,570억 달러로 추산됩니다.",
         [("1,570억 달러", 157_000_000_000.0, "USD", "exact", None, 157_000_000_000.0)]),
        ("1000억달러(약 145조원)을 지원한다",
         [("1000억달러", 100_000_000_000.0, "USD", "exact", None, 100_000_000_000.0),
          ("145조원", 145_000_000_000_000.0, "KRW", "approximately", None, 100_000_000_000.0)]),
        ("2천만 유로", [("2천만 유로", 20_000_000.0, "EUR", "exact", None, None)]),
        ("According to a report, ChatGPT costs $700,000 per day to operate.",
         [("$700,000", 700_000.0, "USD", "exact", "day", 700_000.0)]),
        ("회원 1억 명을 모았지만", [("1억 명", 100_000_000.0, "명", "exact", None, None)]),
        ("유저수가 1.7억명에서 1.5억명으로 16퍼센트 가량 줄었고",
         [("1.7억명", 170_000_000.0, "명", "exact", None, None), ("1.5억명", 150_000_000.0, "명", "exact", None, None),
          ("16퍼센트", 16.0, "percent", "approximately", None, None)]),
        ("점유율 45%, 45 %", [("45%", 45.0, "percent", "exact", None, None),
                          ("45 %", 45.0, "percent", "exact", None, None)]),
        ("그래픽 카드 1만 대(!)를 구입했습니다.", [("1만 대", 10_000.0, "대", "exact", None, None)]),
        ("5,000대의 서버", [("5,000대", 5_000.0, "대", "exact", None, None)]),
        ("H100 GPU 2만 개를 3개 회사에서", [("2만 개", 20_000.0, "개", "exact", None, None)]),
        ("최소 10기가와트GW 규모의 컴퓨팅 파워", [("10기가와트", 10.0, "기가와트", "at_least", None, None)]),
        ("10년이상의 기업운영 경력", [("10년", 10.0, "년", "at_least", None, None)]),
        ("인간 일자리의 4분의 1가량이 사라질 것이며", [("4분의 1", 25.0, "percent", "approximately", None, None)]),
        ("3~5억 달러", [("3", 300_000_000.0, "USD", "exact", None, 300_000_000.0),
                     ("5억 달러", 500_000_000.0, "USD", "exact", None, 500_000_000.0)]),
        ("1억~2억 달러", [("1억", 100_000_000.0, "USD", "exact", None, 100_000_000.0),
                      ("2억 달러", 200_000_000.0, "USD", "exact", None, 200_000_000.0)]),
        ("임원 300여 명", [("300여 명", 300.0, "명", "approximately", None, None)]),
        ("관객 천만 명, 천억 원, 1억 천만 원", [("천만 명", 10_000_000.0, "명", "exact", None, None),
                                   ("천억 원", 100_000_000_000.0, "KRW", "exact", None, None),
                                   ("1억 천만 원", 110_000_000.0, "KRW", "exact", None, None)]),
        ("회원이 1억을 넘었고 매출은 10억 달러, 백만장자", [("10억 달러", 1_000_000_000.0, "USD", "exact", None,
                                                1_000_000_000.0)]),
        ("500억 엔(약 3억 달러)", [("3억 달러", 300_000_000.0, "USD", "approximately", None, 300_000_000.0)]),
        ("하루 70만 달러, 연 50억 달러", [("70만 달러", 700_000.0, "USD", "exact", "day", 700_000.0),
                                  ("50억 달러", 5_000_000_000.0, "USD", "exact", "year", 5_000_000_000.0)]),
    ],
)
def test_korean(sentence, expected):
    assert found(sentence, "ko") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("OpenAI enregistre un coût de 700 000 dollars",
         [("700 000 dollars", 700_000.0, "USD", "exact", None, 700_000.0)]),
        (f"un coût de 700{NBSP}000 dollars", [(f"700{NBSP}000 dollars", 700_000.0, "USD", "exact", None, 700_000.0)]),
        (f"un coût de 700{NNBSP}000 $", [(f"700{NNBSP}000 $", 700_000.0, "USD", "exact", None, 700_000.0)]),
        ("près de 1,5 milliard de dollars de coût du personnel",
         [("1,5 milliard de dollars", 1_500_000_000.0, "USD", "nearly", None, 1_500_000_000.0)]),
        ("OpenAI va perdre 5 milliards de dollars en 2024",
         [("5 milliards de dollars", 5_000_000_000.0, "USD", "exact", None, 5_000_000_000.0)]),
        ("Mistral a levé 6,6 milliards d'euros",
         [("6,6 milliards d'euros", 6_600_000_000.0, "EUR", "exact", None, None)]),
        ("Mistral a levé 6,6 milliards d’euros",
         [("6,6 milliards d’euros", 6_600_000_000.0, "EUR", "exact", None, None)]),
        ("un chiffre d'affaires de 3,7 milliards $",
         [("3,7 milliards $", 3_700_000_000.0, "USD", "exact", None, 3_700_000_000.0)]),
        ("une levée de 600 millions d'euros", [("600 millions d'euros", 600_000_000.0, "EUR", "exact", None, None)]),
        ("un budget de 1 million de dollars",
         [("1 million de dollars", 1_000_000.0, "USD", "exact", None, 1_000_000.0)]),
        ("6,6 Mds€ et 700 M€", [("6,6 Mds€", 6_600_000_000.0, "EUR", "exact", None, None),
                               ("700 M€", 700_000_000.0, "EUR", "exact", None, None)]),
        ("OpenAI est présentement valorisé à 80 milliards de dollars, ce qui est loin des 2000 milliards de Google.",
         [("80 milliards de dollars", 80_000_000_000.0, "USD", "exact", None, 80_000_000_000.0),
          ("2000 milliards", 2_000_000_000_000.0, "USD", "exact", None, 2_000_000_000_000.0)]),
        ("chaque jour qui passe, OpenAI enregistre un coût de 700 000 dollars",
         [("700 000 dollars", 700_000.0, "USD", "exact", "day", 700_000.0)]),
        ("une baisse de 45 %, de 45 pour cent, de 12,5%",
         [("45 %", 45.0, "percent", "exact", None, None), ("45 pour cent", 45.0, "percent", "exact", None, None),
          ("12,5%", 12.5, "percent", "exact", None, None)]),
        (f"45{NNBSP}% des salariés", [(f"45{NNBSP}%", 45.0, "percent", "exact", None, None)]),
        ("ChatGPT compte 300 millions d'utilisateurs", [("300 millions d'utilisateurs", 300_000_000.0, "utilisateurs",
                                                         "exact", None, None)]),
        ("5 milliards de dollars canadiens et 3 milliards de dollars",
         [("3 milliards de dollars", 3_000_000_000.0, "USD", "exact", None, 3_000_000_000.0)]),
        ("10 000 GPU et 2 GW", [("10 000 GPU", 10_000.0, "GPU", "exact", None, None),
                                ("2 GW", 2.0, "GW", "exact", None, None)]),
        ("un billion de dollars, soit 1 billion d'euros",
         [("un billion de dollars", 1_000_000_000_000.0, "USD", "exact", None, 1_000_000_000_000.0),
          ("1 billion d'euros", 1_000_000_000_000.0, "EUR", "exact", None, 1_000_000_000_000.0)]),
        ("plus d'un milliard de dollars", [("un milliard de dollars", 1_000_000_000.0, "USD", "more_than", None,
                                            1_000_000_000.0)]),
    ],
)
def test_french(sentence, expected):
    assert found(sentence, "fr") == expected


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("OpenAI might go bankrupt by the end of 2024.", "en"),
        ("In 2024 users were declining.", "en"),
        ("On January 31, 2024, it said so.", "en"),
        ("Posted 2023-08-13 12:45:29 +0900", "en"),
        ("GPT-4o and A100 chips on a 5G network", "en"),
        ("Three years ago, 3 years ago, it had 45 offices and 12 partners.", "en"),
        ("A team of 5 won the prize.", "en"),
        ("<img src=\"/img/1-1.png\" style=\"height:500px\">", "en"),
        ("위기의 OPEN AI ,2024년 말까지 파산할 가능성", "ko"),
        ("2022년 11월 30일 혁신적인 모델 Chat GPT를 발표, 2개월만에", "ko"),
        ("작성일 02-01 9 목록", "ko"),
        ("3년 전만 해도 AI 혁신의 아이콘이었지만", "ko"),
        ("20대와 30대 사용자, 국내 100대 기업, GPT-4와 DALL-E2, 논문 1위", "ko"),
        ("수백만 명, 몇천억 원, 수십억 달러", "ko"),
        ("지난달 31일(현지시간) 미국 월스트리트저널", "ko"),
        ("OpenAI perd des milliards de dollars chaque année", "fr"),
        ("après cette année 2024, le 1er janvier 2025", "fr"),
        ("il y a 3 ans, ChatGPT -3.5 avait 45 bureaux", "fr"),
    ],
)
def test_years_dates_and_bare_numbers_are_no_figures(sentence, language):
    assert find(sentence, language) == []


def test_an_amount_carries_its_offsets_in_the_sentence():
    assert find("Costs: $700,000 per day.", "en") == [
        Amount(700_000.0, "USD", "exact", "day", "$700,000", 7, 15, 700_000.0)]


@given(st.text(alphabet=st.sampled_from("0123456789,. \u00a0\u202f$€₩%~-()만억조천백십원달러명대년여약이상분의"
                                       "billionmillardsdewonUSeurospercentusersGPUs"), max_size=40),
       st.sampled_from(["en", "ko", "fr"]))
def test_any_text_gives_figures_that_stand_in_it(text, language):
    amounts = find(text, language)
    assert all(text[a.start:a.end] == a.text and a.value >= 0 for a in amounts)
    assert all(a.end <= b.start for a, b in zip(amounts, amounts[1:]))


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language: 'de' is not one of en, ko, fr"):
        find("5 Milliarden Dollar", "de")


# Property tests: amounts written the way each language writes them are read back exactly.
_KO_PLACES = ((3, "천"), (2, "백"), (1, "십"))


@st.composite
def korean_group(draw, group: int, big: str) -> str:
    """A number below 10,000 as Korean writes it before 만, 억 or 조 (big) or alone: digits (with a comma), 천/백/십
    compounds, or 천, 백 or 십 alone for 1000, 100 or 10 before a big unit (천만, 백억)."""
    style = draw(st.sampled_from(["digits", "comma", "compound", "place alone"]))
    if style == "place alone" and big and group in (1000, 100, 10):
        return {1000: "천", 100: "백", 10: "십"}[group]
    if style in ("digits", "place alone") or (style == "comma" and group < 1000):
        return str(group)
    if style == "comma":
        return f"{group:,}"
    parts, rest = [], group
    for power, place in _KO_PLACES:
        digit, rest = divmod(rest, 10 ** power)
        if digit:
            parts.append(f"{digit}{place}")
    return "".join(parts) + (str(rest) if rest else "")


_KO_GROUP = st.one_of(st.integers(min_value=0, max_value=9999), st.sampled_from([0, 10, 100, 1000]))


@st.composite
def korean_amount(draw) -> tuple[str, int]:
    """A random amount below 10**16 written the Korean way, by its 조, 억, 만 and units groups, and its value."""
    groups = list(zip(draw(st.lists(_KO_GROUP, min_size=4, max_size=4).filter(any)), ("조", "억", "만", "")))
    value = sum(group * 10 ** power for (group, _), power in zip(groups, (12, 8, 4, 0)))
    written = [draw(korean_group(group, big)) + big for group, big in groups if group]
    separator = draw(st.sampled_from(["", " "]))
    return separator.join(written), value


@given(korean_amount(), st.sampled_from([("달러", "USD"), (" 달러", "USD"), ("원", "KRW"), (" 원", "KRW"),
                                         (" 유로", "EUR")]))
def test_korean_amounts_read_back(amount, currency):
    written, value = amount
    word, unit = currency
    sentence = f"총 {written}{word}를 투자했다."
    assert found(sentence, "ko") == [(written + word, float(value), unit, "exact", None,
                                      float(value) if unit == "USD" else None)]


@given(st.integers(min_value=1, max_value=10 ** 13), st.sampled_from([" ", NBSP, NNBSP]),
       st.sampled_from([(" dollars", "USD"), (" $", "USD"), (" euros", "EUR"), ("\u00a0€", "EUR")]))
def test_french_grouped_amounts_read_back(value, space, currency):
    word, unit = currency
    written = f"{value:,}".replace(",", space) + word
    assert found(f"un coût de {written} par an", "fr") == [
        (written, float(value), unit, "exact", "year", float(value) if unit == "USD" else None)]


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=3),
       st.sampled_from([(" million", 6), (" millions", 6), (" milliard", 9), (" milliards", 9)]),
       st.sampled_from([(" de dollars", "USD"), (" d'euros", "EUR"), (" d’euros", "EUR"), (" $", "USD")]))
def test_french_decimal_amounts_read_back(mantissa, decimals, scale, currency):
    (scale_word, power), (word, unit) = scale, currency
    whole, fraction = divmod(mantissa, 10 ** decimals)
    number = f"{whole},{fraction:0{decimals}d}" if decimals else str(whole)
    value = float(mantissa * 10 ** (power - decimals))
    written = number + scale_word + word
    assert found(f"une perte de {written}.", "fr") == [
        (written, value, unit, "exact", None, value if unit == "USD" else None)]


@given(st.integers(min_value=1, max_value=10 ** 13), st.booleans())
def test_english_comma_amounts_read_back(value, us):
    written = ("US$" if us else "$") + f"{value:,}"
    assert found(f"It cost {written} last year.", "en") == [(written, float(value), "USD", "exact", None, float(value))]


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=3),
       st.sampled_from([(" billion", 9), ("bn", 9), ("B", 9), (" million", 6), ("m", 6), (" trillion", 12)]),
       st.sampled_from(["$", "€"]))
def test_english_scaled_amounts_read_back(mantissa, decimals, scale, symbol):
    (scale_word, power) = scale
    whole, fraction = divmod(mantissa, 10 ** decimals)
    number = f"{whole:,}.{fraction:0{decimals}d}" if decimals else f"{whole:,}"
    value = float(mantissa * 10 ** (power - decimals))
    written = symbol + number + scale_word
    unit = "USD" if symbol == "$" else "EUR"
    assert found(f"a loss of {written} in 2024", "en") == [
        (written, value, unit, "exact", None, value if unit == "USD" else None)]
