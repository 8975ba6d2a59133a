"""lib.notes: the figures and names a note gives that its article does not, judged before the marker."""
from __future__ import annotations

import pytest

from lib.notes import Article, Number, numbers, outside_facts

KOREAN = "ChatGPT 구동,유지에 하루에 70만 달러(9억 3천만원)를 사용하며, 1.7억명에서 1.5억명으로 16퍼센트 가량 줄었고, 바이든한테 3억원가량"
FRENCH = "OpenAI enregistre un coût de 700 000 dollars par jour, au moins 7 milliards, près de 1,5 milliard de dollars."
ENGLISH = "A loss of approximately $5 billion in 2024, despite $3.7B in revenue. It relies on Microsoft."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("70만 달러(9억 3천만원)", [Number("70만", 700_000, 10_000, True), Number("9억 3천만", 930_000_000, 10_000_000, True)]),
        ("700 000 dollars", [Number("700 000", 700_000, 7_000, True)]),
        ("1,5 milliard", [Number("1,5 milliard", 1_500_000_000, 100_000_000, True)]),
        ("1,570억 달러", [Number("1,570억", 157_000_000_000, 1_000_000_000, True)]),
        ("$3.7B and ~$5 billion", [Number("$3.7B", 3_700_000_000, 100_000_000, True), Number("$5 billion", 5e9, 1e9, True)]),
        ("11.8% of 2 months", [Number("11.8", 11.8, 0.1, True, percent=True), Number("2", 2, 1, False)]),
        ("$226,000", [Number("$226,000", 226_000, 1_000, True)]),
    ],
)
def test_numbers_read_every_way_the_articles_write_them(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "note, article, latin, expected",
    [
        # figures the article gives, however it writes them
        ("Running ChatGPT costs $700,000 a day, 930 million won.", KOREAN, False, []),
        ("170 million to 150 million is an 11.8% fall, not 16%.", KOREAN, False, []),  # a change in percent
        ("A yearly $700,000 x 365 is about $256 million.", FRENCH, True, []),  # annualised
        ("It implies 1,329 KRW/USD, so 3억원 is about $226,000.", KOREAN, False, []),  # at a rate the note derived
        ("At least 7 billion dollars and nearly 1.5 billion of staff.", FRENCH, True, []),
        # figures it does not
        ("The original gave 1.7 billion, not 170 million.", KOREAN, False, ["1.7 billion"]),
        ("Widely reported at $20 a month.", KOREAN, False, ["$20"]),
        ("About $540 million for 2022.", ENGLISH, True, ["$540 million"]),
        ("A 12% fall.", ENGLISH, True, ["12"]),
        # the marker and the article's quoted words
        ("Kept as printed. Outside knowledge: widely reported at $20 a month.", KOREAN, False, []),
        ('The article says "8 billion" here.', ENGLISH, True, []),
        # names, judged for an article in the Latin alphabet
        ("Server rental from Microsoft, per the English article.", ENGLISH, True, []),
        ("Counted by SimilarWeb as users.", ENGLISH, True, ["SimilarWeb"]),
        ("SimilarWeb counted them. Reported in March 2024.", ENGLISH, True, []),  # a sentence's first word
        ("Counted by SimilarWeb as users.", KOREAN, False, []),  # another script spells names its own way
        ("", ENGLISH, True, []),
        (None, ENGLISH, True, []),
    ],
)
def test_outside_facts_are_what_the_article_does_not_give(note, article, latin, expected):
    assert outside_facts(note, Article(article), latin=latin) == expected


def test_a_note_may_use_the_claims_it_names_and_the_claims_own_fields():
    note = "The Korean article gives $157 billion (claim-b), after the round led by Thrive Capital."
    assert outside_facts(note, Article(ENGLISH)) == ["$157 billion", "Thrive", "Capital"]
    assert outside_facts(note, Article(ENGLISH), known=("led by Thrive Capital",), values=[157e9]) == []
