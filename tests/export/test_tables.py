"""lib.export.tables: CSV that a spreadsheet cannot run, with the stamp on its first line."""
from __future__ import annotations

import io
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.chart_layout import Chart
from lib.export.tables import csv_bytes, neutralise, table_csv
from lib.i18n import speaking
from tests.export.conftest import CHART, LINK, STAMP, STAMP_TEXT


def read(data: bytes, **options) -> pd.DataFrame:
    """A CSV download read back, its stamp line skipped."""
    return pd.read_csv(io.BytesIO(data), skiprows=1, **options)


@pytest.mark.parametrize("chart, date_column, expected", [
    (CHART, "period_mid", ["2024-07-01", "2024-12-31", "2025-06-30"]),
    (Chart("timed", "t", "s", go.Figure(), pd.DataFrame({"at": pd.to_datetime(["2024-07-01 12:00", None])}), CHART.claims),
     "at", ["2024-07-01T12:00:00", None]),
    (Chart("empty", "t", "s", go.Figure(), pd.DataFrame({"a": [], "b": []}), CHART.claims), None, None),
])
def test_csv_round_trips(chart, date_column, expected):
    data = csv_bytes(chart, stamp=STAMP)
    data.decode("utf-8")  # UTF-8, no BOM needed
    back = read(data, dtype=str, keep_default_na=False)
    assert list(back.columns) == list(chart.data.columns)
    assert len(back) == len(chart.data)
    if date_column:
        assert [v or None for v in back[date_column]] == expected


def test_csv_keeps_text_and_numbers():
    back = read(csv_bytes(CHART, stamp=STAMP))
    assert list(back["source_publisher"]) == list(CHART.data["source_publisher"])
    pd.testing.assert_series_equal(back["value_usd"], CHART.data["value_usd"])


def test_first_line_is_the_stamp():
    assert csv_bytes(CHART, stamp=STAMP).decode("utf-8").splitlines()[0] == f"# {STAMP_TEXT}"


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+2", "'+1+2"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("\r=1+2 pub", "'\r'=1+2 pub"),
    ("ok\n=1+2", "ok\n'=1+2"),
    ("ok\r\n@SUM(1)\r-1", "ok\r\n'@SUM(1)\r'-1"),
    ("two\nplain lines", "two\nplain lines"),
    ("a = b", "a = b"),
    (" =1", " =1"),
    ("", ""),
    (-5.0, -5.0),
    (-3, -3),
    (None, None),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_text_is_neutralised_and_numbers_stay_numbers():
    frame = pd.DataFrame({
        "publisher": pd.Series(["=cmd|' /C calc'!A0", "Plain News"], dtype="str"),
        "note": ["@SUM(1+1)", None],
        "mixed": ["-1+1", -7.5],
        "value": [-5e9, 3.7e9],
        "count": [-1, 2],
        "flag": [True, False],
        "published": pd.to_datetime(["2024-06-01", None]),
    })
    lines = table_csv(frame, stamp=STAMP).decode("utf-8").splitlines()
    assert lines[1:] == [
        "publisher,note,mixed,value,count,flag,published",
        "'=cmd|' /C calc'!A0,'@SUM(1+1),'-1+1,-5000000000.0,-1,True,2024-06-01",
        "Plain News,,-7.5,3700000000.0,2,False,",
    ]


@pytest.mark.parametrize("cell, written", [
    ("\r=1+2 pub", "\"'\r'=1+2 pub\""),
    ("ok\n=1+2", "\"ok\n'=1+2\""),
    ("a\r\nb", "\"a\r\nb\""),
    ('say "hi", twice', '"say ""hi"", twice"'),
    ("plain", "plain"),
])
def test_a_cell_with_a_line_break_is_quoted_and_each_of_its_lines_neutralised(cell, written):
    data = table_csv(pd.DataFrame({"publisher": [cell], "value": [1.0]}), stamp=STAMP)
    assert data.decode("utf-8").split("\n", 2)[2] == f"{written},1.0\n"
    import csv

    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))[1:]
    assert rows == [["publisher", "value"], [neutralise(cell), "1.0"]]  # one row: no line break starts another
    for line in re.split(r"\r\n|\r|\n", rows[1][0]):
        assert not line.startswith(("=", "+", "-", "@", "\t")), line


WORDS = pd.DataFrame({"id": ["a", "b", "c"], "basis": ["reported", "projected", None],
                      "qualifier": ["exact", "more_than", "approximately"], "value": [1.0, 2.0, 3.0]})
N = "\u00a0"  # the no-break space French puts before a semicolon


@pytest.mark.parametrize("lang, stamp_line, basis, qualifier", [
    ("en", f"# {STAMP_TEXT}", ["reported", "projected", ""], ["exact", "more_than", "approximately"]),
    ("ko", f"# 업로드한 데이터, 버전 3f2a9c1 (2026년 2월 1일까지 발행된 항목) · {LINK} · basis, qualifier 열의 낱말은 한국어 (ko), "
           "열 이름은 영어", ["보도", "전망", ""], ["정확히", "이상", "약(±10%)"]),
    ("fr", f"# Données téléversées, version 3f2a9c1 (affirmations publiées jusqu’au 1 févr. 2026) · {LINK} · mots des "
           f"colonnes basis, qualifier en Français (fr){N}; noms de colonnes en anglais",
     ["Publié", "Projeté", ""], ["exactement", "plus de", "environ (±10%)"]),
])
def test_a_csvs_words_follow_the_language_and_its_stamp_line_says_which(lang, stamp_line, basis, qualifier):
    with speaking(lang):
        data = table_csv(WORDS, stamp=STAMP)
    assert data.decode("utf-8").split("\n", 1)[0] == stamp_line
    back = read(data, dtype=str, keep_default_na=False)
    assert list(back.columns) == ["id", "basis", "qualifier", "value"], "column names stay English for scripts"
    assert (list(back["basis"]), list(back["qualifier"])) == (basis, qualifier)


def test_a_csv_without_word_columns_has_no_language_note():
    with speaking("ko"):
        first = table_csv(pd.DataFrame({"value": [1.0]}), stamp=STAMP).decode("utf-8").split("\n", 1)[0]
    assert first == f"# 업로드한 데이터, 버전 3f2a9c1 (2026년 2월 1일까지 발행된 항목) · {LINK}"
