"""The figures the finder must find in each stored article, listed by hand from reading the articles: every
amount of money, percentage and count with its unit word, and nothing else (no year, date, model number or
bare number)."""
from __future__ import annotations

import pytest

from lib.curate import figures, reading
from tests.conftest import ROOT

EXPECTED = {
    "000_e792e22bbf10f206.txt": [  # Korean, with two pasted English paragraphs
        (700_000, "USD", "70만 달러"), (930_000_000, "KRW", "9억 3천만원"), (100_000_000, "명", "1억 명"),
        (170_000_000, "명", "1.7억명"), (150_000_000, "명", "1.5억명"), (16, "percent", "16퍼센트"), (2, "USD", "2달러"),
        (10_000_000_000, "USD", "100억달러"), (700_000_000, "USD", "7억달러"), (500_000_000, "USD", "5억달러"),
        (700_000, "USD", "$700,000"), (300_000_000, "KRW", "3억원"), (100_000_000, "USD", "1억 달러"), (10, "년", "10년"),
        (5_000_000_000, "USD", "50억 달러"), (10_000, "대", "1만 대"), (25, "percent", "4분의 1"),
    ],
    "001_7cb1e7e9e4dfd3cd.txt": [
        (13_000_000_000, "USD", "130억 달러"), (300, "명", "300명"), (14_000_000_000, "USD", "140억 달러"),
        (6_600_000_000, "USD", "66억 달러"), (1_000_000_000, "USD", "10억 달러"), (157_000_000_000, "USD", "1,570억 달러"),
        (5_000_000_000, "USD", "50억 달러"), (37_500_000_000, "USD", "375억 달러"), (10_000_000_000, "USD", "100억 달러"),
        (650_000_000, "USD", "6억 5천만 달러"),
    ],
    "002_ab2e4416028fa48c.txt": [
        (5_000_000_000, "USD", "$5 billion"), (3_700_000_000, "USD", "$3.7 billion"), (4_000_000_000, "USD", "$4 billion"),
        (3_000_000_000, "USD", "$3 billion"),
    ],
    "003_b33c1ca5114b02ac.txt": [  # the HTML page, as read
        (100_000_000_000, "USD", "1000억달러"), (10, "기가와트", "10기가와트"), (100_000_000_000, "USD", "1000억달러"),
        (145_000_000_000_000, "KRW", "145조원"), (100, "percent", "100%"), (2_000_000_000, "대", "20억대"),
        (3_000_000_000, "대", "30억대"), (8_000_000_000, "USD", "80억달러"), (830_000_000_000, "USD", "8300억달러"),
        (1_200_000_000_000_000, "KRW", "1200조원"),
    ],
    "004_7f9be757b3d4b38a.txt": [
        (5_000_000_000, "USD", "5 milliards de dollars"), (5_000_000_000, "USD", "5 milliards de dollars"),
        (10_000_000_000, "USD", "10 milliards de dollars"), (700_000, "USD", "700 000 dollars"),
        (7_000_000_000, "USD", "7 milliards de dollars"), (1_500_000_000, "USD", "1,5 milliard de dollars"),
        (80_000_000_000, "USD", "80 milliards de dollars"), (2_000_000_000_000, "USD", "2000 milliards"),
    ],
}


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_the_finder_finds_every_figure_of_a_stored_article(file):
    text = reading.read((ROOT / "data" / "sources" / file).read_bytes(), file)
    found = figures(text)
    assert [(f.value, f.unit, f.text) for f in found] == EXPECTED[file]
    assert all(text[f.start:f.end] == f.text and f.sentence in text for f in found)


def test_every_stored_article_is_listed():
    assert sorted(path.name for path in (ROOT / "data" / "sources").glob("*.txt")) == sorted(EXPECTED)
