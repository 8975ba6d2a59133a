"""lib.curate.qualifiers: a figure's hedge and rate from the words written next to it."""
from __future__ import annotations

import pytest

from lib.curate import qualifiers
from lib.curate.qualifiers import per, per_end, qualifier
from lib.vocabulary import QUALIFIERS


def at(sentence: str, figure: str) -> tuple[int, int]:
    start = sentence.index(figure)
    return start, start + len(figure)


@pytest.mark.parametrize(
    "sentence, figure, language, expected",
    [
        ("It lost about $5 billion.", "$5 billion", "en", "approximately"),
        ("It lost roughly $5 billion.", "$5 billion", "en", "approximately"),
        ("a loss of approximately $5 billion", "$5 billion", "en", "approximately"),
        ("It spends nearly $4 billion.", "$4 billion", "en", "nearly"),
        ("It spends almost $4 billion.", "$4 billion", "en", "nearly"),
        ("It invested more than $13 billion.", "$13 billion", "en", "more_than"),
        ("It invested over $13 billion.", "$13 billion", "en", "more_than"),
        ("It needs at least $100 million.", "$100 million", "en", "at_least"),
        ("costs are estimated to be up to $3 billion", "$3 billion", "en", "up_to"),
        ("It made less than $1 billion.", "$1 billion", "en", "less_than"),
        ("It needs no more than $1 billion.", "$1 billion", "en", "up_to"),
        ("It needs $1 billion or more.", "$1 billion", "en", "at_least"),
        ("It spent $1 billion on chips.", "$1 billion", "en", "exact"),
        ("It spent $1 billion plus $2 billion.", "$1 billion", "en", "exact"),
        ("Moreover $1 billion went to chips.", "$1 billion", "en", "exact"),
        ("Oracle과 약 100억 달러 규모의 계약", "100억 달러", "ko", "approximately"),
        ("1000억달러(약 145조원)을", "145조원", "ko", "approximately"),
        ("거의 50억 달러", "50억 달러", "ko", "nearly"),
        ("총 130억 달러 이상을 투자했습니다.", "130억 달러", "ko", "at_least"),
        ("10년이상의 기업운영 경력", "10년", "ko", "at_least"),
        ("300명이 넘는 기업 임원들", "300명", "ko", "more_than"),
        ("매출이 1만 달러를 넘었다", "1만 달러", "ko", "more_than"),
        ("100억 달러 초과", "100억 달러", "ko", "more_than"),
        ("최대 50억 달러", "50억 달러", "ko", "up_to"),
        ("1억 달러 미만", "1억 달러", "ko", "less_than"),
        ("1억 달러 이하", "1억 달러", "ko", "up_to"),
        ("최소 1억 달러의 연간 수익", "1억 달러", "ko", "at_least"),
        ("16퍼센트 가량 줄었고", "16퍼센트", "ko", "approximately"),
        ("바이든한테 3억원가량 투자했네요", "3억원", "ko", "approximately"),
        ("약 10억 달러 이상", "10억 달러", "ko", "at_least"),
        ("임원 300여 명", "300여 명", "ko", "approximately"),
        ("계약 100억 달러", "100억 달러", "ko", "exact"),
        ("OpenAI dépense environ 5 milliards de dollars", "5 milliards de dollars", "fr", "approximately"),
        ("OpenAI dépense 5 milliards de dollars environ", "5 milliards de dollars", "fr", "approximately"),
        ("près de 1,5 milliard de dollars", "1,5 milliard de dollars", "fr", "nearly"),
        ("plus de 10 milliards de dollars", "10 milliards de dollars", "fr", "more_than"),
        ("au moins 7 milliards de dollars", "7 milliards de dollars", "fr", "at_least"),
        ("jusqu'à 3 milliards de dollars", "3 milliards de dollars", "fr", "up_to"),
        ("jusqu’à 3 milliards de dollars", "3 milliards de dollars", "fr", "up_to"),
        ("moins de 1 milliard de dollars", "1 milliard de dollars", "fr", "less_than"),
        ("à 80 milliards de dollars", "80 milliards de dollars", "fr", "exact"),
    ],
)
def test_qualifier(sentence, figure, language, expected):
    assert qualifier(sentence, *at(sentence, figure), language) == expected


@pytest.mark.parametrize(
    "sentence, figure, expected",
    [
        ("ChatGPT costs $700,000 per day to operate.", "$700,000", "day"),
        ("ChatGPT costs $700,000 a day.", "$700,000", "day"),
        ("ChatGPT costs $700,000 daily.", "$700,000", "day"),
        ("It pays $20 a month.", "$20", "month"),
        ("It pays $20 per month.", "$20", "month"),
        ("It burns $5 billion a year.", "$5 billion", "year"),
        ("It burns $5 billion annually.", "$5 billion", "year"),
        ("It has annual revenue of $1 billion.", "$1 billion", "year"),
        ("It made $3.7 billion in annual revenue.", "$3.7 billion", "year"),
        ("It raised $6.6 billion in October.", "$6.6 billion", None),
        ("It made $13 billion, up from $5.5 billion a year earlier.", "$5.5 billion", None),
        ("ChatGPT 구동,유지에 하루에 70만 달러(9억 3천만원)를", "70만 달러", "day"),
        ("일일 70만 달러", "70만 달러", "day"),
        ("월 20달러를 낸다", "20달러", "month"),
        ("매달 20달러", "20달러", "month"),
        ("9월 20억 달러", "20억 달러", None),
        ("이 회사는 연간 50억 달러라는 엄청난 속도로", "50억 달러", "year"),
        ("2029년까지 연간 375억 달러를", "375억 달러", "year"),
        ("최소 1억 달러의 연간 수익", "1억 달러", "year"),
        ("매년 50억 달러씩", "50억 달러", "year"),
        ("연구 결과 50억 달러", "50억 달러", None),
        ("OpenAI enregistre un coût de 700 000 dollars par jour", "700 000 dollars", "day"),
        ("chaque jour qui passe, OpenAI enregistre un coût de 700 000 dollars", "700 000 dollars", "day"),
        ("OpenAI perd 5 milliards de dollars par an", "5 milliards de dollars", "year"),
        ("un chiffre d'affaires annuel de 5 milliards de dollars", "5 milliards de dollars", "year"),
        ("un abonnement de 20 dollars par mois", "20 dollars", "month"),
        ("un coût de 20 dollars mensuels", "20 dollars", "month"),
        ("OpenAI va perdre 5 milliards de dollars en 2024", "5 milliards de dollars", None),
        ("In its annual report, the company said it raised $6.6 billion.", "$6.6 billion", None),
        ("Its annual report said it had raised $6.6 billion.", "$6.6 billion", None),
        ("Every day, across its data centres, ChatGPT costs OpenAI $700,000.", "$700,000", "day"),
    ],
)
def test_per(sentence, figure, expected):
    assert per(sentence, *at(sentence, figure)) == expected


@pytest.mark.parametrize(
    "sentence, figure, expected",
    [
        ("Users grew 20% a year.", "20%", "year"),
        ("Annual growth was 20%.", "20%", None),
        ("하루 사용자 1억 명", "1억 명", None),
    ],
)
def test_a_percentage_or_count_is_a_rate_only_by_the_words_after_it(sentence, figure, expected):
    assert per(sentence, *at(sentence, figure), before=False) == expected


@pytest.mark.parametrize("table", [qualifiers._BEFORE_WORDS, qualifiers._AFTER_WORDS])
def test_every_hedge_word_maps_to_a_vocabulary_qualifier(table):
    assert {q for words in table.values() for q in words.values()} <= set(QUALIFIERS) - {"exact"}


def test_a_rate_word_belongs_to_the_figure_it_follows():
    sentence = "최소 1억 달러의 연간 수익이 있어야 하고 10년이상의 기업운영 경력"
    first_end = at(sentence, "1억 달러")[1]
    assert per_end(sentence, first_end) == sentence.index(" 수익")
    assert per(sentence, *at(sentence, "10년"), since=per_end(sentence, first_end)) is None


def test_a_rate_word_before_an_earlier_figure_is_not_taken():
    sentence = "It earns $1 billion a year and raised $6.6 billion in October."
    first_end = at(sentence, "$1 billion")[1]
    assert per(sentence, *at(sentence, "$6.6 billion"), since=per_end(sentence, first_end)) is None
