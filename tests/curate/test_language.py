"""lib.curate.language: Korean by its script, English and French by lingua."""
from __future__ import annotations

import pytest

from lib.curate import reading
from lib.curate.language import detect, hangul_share
from tests.conftest import ROOT


@pytest.mark.parametrize("text, language", [
    ("OpenAI lost $5 billion in 2024.", "en"),
    ("Microsoft invested $13bn in OpenAI.", "en"),
    ("more than 300 executives", "en"),
    ("Nvidia plans to invest up to $100 billion.", "en"),
    ("OpenAI va perdre 5 milliards de dollars.", "fr"),
    ("Microsoft a investi 10 milliards de dollars.", "fr"),
    ("près de 1,5 milliard de dollars de coût du personnel", "fr"),
    ("La faillite est-elle proche ?", "fr"),
    ("오픈AI는 50억 달러를 잃었다.", "ko"),
    ("하루에 70만 달러", "ko"),
    ("오픈AI", "ko"),  # lingua alone reads it as French
    ("챗GPT", "ko"),
    ("OpenAI CEO 알트만", "ko"),  # a quarter Hangul
    ("Microsoft는 OpenAI에 투자했다.", "ko"),
    ("", "en"),  # nothing tells
    ("$5 — 3.7%", "en"),
])
def test_detect(text, language):
    assert detect(text) == language


@pytest.mark.parametrize("file, language", [
    ("000_e792e22bbf10f206.txt", "ko"),  # a Korean post that pastes English paragraphs
    ("001_7cb1e7e9e4dfd3cd.txt", "ko"),
    ("002_ab2e4416028fa48c.txt", "en"),
    ("003_b33c1ca5114b02ac.txt", "ko"),
    ("004_7f9be757b3d4b38a.txt", "fr"),
])
def test_detect_the_stored_articles(file, language):
    path = ROOT / "data" / "sources" / file
    assert detect(reading.read(path.read_bytes(), file)) == language


@pytest.mark.parametrize("text, share", [
    ("", 0.0),
    ("123 $", 0.0),
    ("abc", 0.0),
    ("가나다", 1.0),
    ("오픈AI", 0.5),
    ("ㅋㅋab", 0.5),  # jamo count as Hangul
])
def test_hangul_share(text, share):
    assert hangul_share(text) == share
