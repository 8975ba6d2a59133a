"""lib.export.stamp: the dataset version, the view's link and the stamp's wording."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from lib.export.stamp import Stamp, dataset_version, public_address, view_link


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


@pytest.mark.parametrize("stamp, expected", [
    (Stamp("2ce55773df", False, dt.date(2026, 2, 1), "https://burnboard.example/runway?company=OpenAI"),
     "Burnboard data, version 2ce5577 (claims published by 1 Feb 2026) · https://burnboard.example/runway?company=OpenAI"),
    (Stamp("a6df4d5c55", True, dt.date(2024, 6, 1), "http://h/?asof=2024-06-01"),
     "Uploaded data, version a6df4d5 (claims published by 1 Jun 2024) · http://h/?asof=2024-06-01"),
    (Stamp("2ce55773df", False, dt.date(2026, 2, 1), "/runway?company=OpenAI&asof=2026-02-01"),
     "Burnboard data, version 2ce5577 (claims published by 1 Feb 2026) · open on the Burnboard server: "
     "/runway?company=OpenAI&asof=2026-02-01"),
    (Stamp("a6df4d5c55", True, dt.date(2024, 12, 31), "/?asof=2024-12-31"),
     "Uploaded data, version a6df4d5 (claims published by 31 Dec 2024) · open on the Burnboard server: /?asof=2024-12-31"),
    (Stamp("a6df4d5c55", False, dt.date(2024, 6, 1), "/timeline", "formulas.yaml"),
     "Data from formulas.yaml, version a6df4d5 (claims published by 1 Jun 2024) · open on the Burnboard server: /timeline"),
])
def test_stamp_text(stamp, expected):
    assert stamp.text == expected


@pytest.mark.parametrize("environ, address, port, base, expected", [
    ({}, "", None, "", ""),
    ({}, "", None, "burnboard", ""),  # a path prefix alone is no address
    ({"BURNBOARD_PUBLIC_URL": "https://burnboard.example/"}, "", None, "", "https://burnboard.example"),
    ({"BURNBOARD_PUBLIC_URL": " https://x.org/bb "}, "ignored.example", 8502, "bb", "https://x.org/bb"),
    ({"BURNBOARD_PUBLIC_URL": ""}, "burnboard.example", None, "", "http://burnboard.example"),
    ({}, "burnboard.example", 8502, "", "http://burnboard.example:8502"),
    ({}, "https://burnboard.example", None, "/bb/", "https://burnboard.example/bb"),
    ({}, "https://burnboard.example/", 8502, "/", "https://burnboard.example:8502"),  # no doubled or trailing slash
])
def test_public_address_from_configuration(environ, address, port, base, expected):
    assert public_address(environ, address, port, base) == expected


def test_public_address_needs_no_base_path():
    assert public_address({}, "burnboard.example", 8502) == "http://burnboard.example:8502"
