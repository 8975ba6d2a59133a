"""lib.curate.figures: every figure of an article with its sentence, placed in the whole article's text."""
from __future__ import annotations

import pytest

from lib.curate import Figure, figures

EN = "OpenAI lost $5 billion in 2024. Revenue was $3.7 billion."
KO = "오픈AI는 성장했다.\n하루에 70만 달러(9억 3천만원)를 쓴다."
FR = "Il a perdu 5 milliards de dollars.\n\nLe coût est de 700 000 dollars par jour."


@pytest.mark.parametrize("text, language, expected", [
    (EN, "en", [Figure(5e9, "USD", "exact", None, "$5 billion", "OpenAI lost $5 billion in 2024.", 12, 22, 5e9),
                Figure(3.7e9, "USD", "exact", None, "$3.7 billion", "Revenue was $3.7 billion.", 44, 56, 3.7e9)]),
    (EN, None, [Figure(5e9, "USD", "exact", None, "$5 billion", "OpenAI lost $5 billion in 2024.", 12, 22, 5e9),
                Figure(3.7e9, "USD", "exact", None, "$3.7 billion", "Revenue was $3.7 billion.", 44, 56, 3.7e9)]),
    (KO, None, [Figure(700_000.0, "USD", "exact", "day", "70만 달러", "하루에 70만 달러(9억 3천만원)를 쓴다.", 16, 22, 700_000.0),
                Figure(930_000_000.0, "KRW", "exact", "day", "9억 3천만원", "하루에 70만 달러(9억 3천만원)를 쓴다.", 23, 30, 700_000.0)]),
    (FR, "fr", [Figure(5e9, "USD", "exact", None, "5 milliards de dollars", "Il a perdu 5 milliards de dollars.", 11, 33, 5e9),
                Figure(700_000.0, "USD", "exact", "day", "700 000 dollars", "Le coût est de 700 000 dollars par jour.", 51, 66,
                       700_000.0)]),
    ("No figure here, only the year 2024.", "en", []),
    ("", "en", []),
])
def test_figures(text, language, expected):
    found = figures(text, language)
    assert found == expected
    assert [text[f.start:f.end] for f in found] == [f.text for f in found]


def test_the_sentence_is_verbatim_from_the_article():
    text = "Intro line\nThe company  lost\u00a0$5 billion."
    [figure] = figures(text, "en")
    assert figure.sentence == "The company  lost\u00a0$5 billion."
    assert figure.sentence in text
