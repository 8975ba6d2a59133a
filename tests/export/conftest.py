"""Shared by the lib.export tests: a small hand-made chart, a stamp and the warm renderer.

Images come from the one warm renderer shared by the whole run, and only a handful are drawn, so this stays fast.
"""
from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.chart_layout import CLAIM_COLUMNS, Chart
from lib.export import renderer as renderer_lib
from lib.export.stamp import Stamp

needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="Chromium is not installed (apt-get install chromium): images need it"
)

KO_QUOTE, KO_QUOTE_EN = "오픈AI의 손실은 50억 달러", "OpenAI's loss is $5 billion"
EN_QUOTE = "revenue of $3.7 billion"
LINK = "https://burnboard.example/runway?company=Acme&asof=2026-02-01&undated=1&cash=12.5"
STAMP = Stamp("3f2a9c1e0b", True, dt.date(2026, 2, 1), LINK)
STAMP_TEXT = f"Uploaded data, version 3f2a9c1 (claims published by 1 Feb 2026) · {LINK}"


def make_chart(name: str = "acme-timeline", title: str = "Acme & Co: <money> over time") -> Chart:
    """A small chart with a date axis, a NaN, non-ASCII text, a dated and an undated source, and a '&'."""
    data = pd.DataFrame({
        "id": ["acme-loss-2024", "acme-revenue-2024", "acme-revenue-2025"],
        "period_mid": pd.to_datetime(["2024-07-01", "2024-12-31", "2025-06-30"]),
        "value_usd": [5e9, 3.7e9, float("nan")],
        "source_publisher": ["디지털타임스 (Digital Times)", "Smith & Sons <Daily>", "Smith & Sons <Daily>"],
    })
    figure = go.Figure([
        go.Scatter(x=data["period_mid"][:1], y=data["value_usd"][:1], name="Net loss", mode="markers",
                   marker=dict(color="#d62728", size=12)),
        go.Scatter(x=data["period_mid"][1:], y=data["value_usd"][1:], name="Revenue", mode="lines+markers",
                   line=dict(color="#2a9d8f", width=2)),
    ])
    figure.add_annotation(x=data["period_mid"][0], y=1, yref="paper", text="IPO plan", showarrow=False, font=dict(size=11))
    claims = pd.DataFrame([
        ["acme-loss-2024", "Acme", "net_loss", "company", "2024", "estimated", "approximately", "손실 기사",
         "디지털타임스 (Digital Times)", "news_outlet", pd.Timestamp("2026-02-01"), None, "ko", KO_QUOTE, KO_QUOTE_EN, 5e9, "USD", "year",
         None],
        ["acme-revenue-2024", "Acme", "revenue", "company", "2024", "reported", "exact", "Acme's year",
         "Smith & Sons <Daily>", "blog", pd.NaT, None, "en", EN_QUOTE, EN_QUOTE, 3.7e9, "USD", "year", None],
    ], columns=CLAIM_COLUMNS)
    return Chart(name, title, "US dollars a year · filled = reported", figure, data, claims)


CHART = make_chart()
SECOND = make_chart("acme-runway", "Acme: cash runway")
URL = "https://example.com/smith"
ALL_CLAIMS = pd.DataFrame({"id": ["acme-loss-2024", "acme-revenue-2024"], "source_url": [None, URL]})


def svg_text(svg: bytes) -> str:
    """All text an SVG shows, wrapped lines joined by spaces, entities decoded by the XML parser."""
    return " ".join(" ".join(ET.fromstring(svg).itertext()).split())


class NoChromium(renderer_lib.ChromiumRenderer):
    """A renderer on a machine without Chromium."""

    def __init__(self):
        super().__init__(find_browser=lambda: None)


@pytest.fixture(scope="session")
def renderer():
    """The process-wide warm renderer, as the app and the command line use it."""
    return renderer_lib.shared()
