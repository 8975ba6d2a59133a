"""lib.export.stamp: the dataset version, the view's link and the stamp's wording."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from lib.export.stamp import Stamp, dataset_version, view_link


@pytest.mark.parametrize("data, expected", [
    (b"", "e3b0c44298"),
    (b"claims: []\n", hashlib.sha256(b"claims: []\n").hexdigest()[:10]),
])
def test_dataset_version_is_a_short_hash(data, expected):
    assert dataset_version(data) == expected


def test_dataset_version_changes_with_the_claims():
    assert dataset_version(b"value: 1") != dataset_version(b"value: 2")


@pytest.mark.parametrize("address, params, expected", [
    ("http://localhost:8501/runway", {"cash": "20.0", "company": "OpenAI"}, "http://localhost:8501/runway?cash=20.0&company=OpenAI"),
    ("http://h/sources", {"f_bases": "projected,reported"}, "http://h/sources?f_bases=projected%2Creported"),
    ("http://h/", {"q": "a b&c=d"}, "http://h/?q=a+b%26c%3Dd"),
    ("http://h/", {}, "http://h/"),
])
def test_view_link(address, params, expected):
    assert view_link(address, params) == expected


@pytest.mark.parametrize("uploaded, expected", [
    (False, "Dataset a6df4d5c55 · claims published by 2024-06-01 · http://h/?asof=2024-06-01"),
    (True, "Dataset a6df4d5c55 (uploaded) · claims published by 2024-06-01 · http://h/?asof=2024-06-01"),
])
def test_stamp_text(uploaded, expected):
    assert Stamp("a6df4d5c55", uploaded, dt.date(2024, 6, 1), "http://h/?asof=2024-06-01").text == expected
