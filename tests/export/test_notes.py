"""lib.export.deck's speaker notes: the numbers on the slide, where they come from, the caveats; each quote and
each audit finding once."""
from __future__ import annotations

import dataclasses
import io

import pandas as pd
import pytest
from pptx import Presentation

from lib.export.deck import deck_bytes
from tests.export.conftest import CHART, EN_QUOTE, KO_QUOTE, KO_QUOTE_EN, STAMP
from tests.export.test_findings import Recorder

NUMBERS = ["The numbers on this slide", "US dollars a year · filled = reported",
           "- acme-loss-2024: ≈ $5.0B a year, estimated", "- acme-revenue-2024: $3.7B a year, reported"]
SOURCES = ["Where they come from", "News outlet: 디지털타임스 (Digital Times), “손실 기사” (2026-02-01)",
           f"- {KO_QUOTE_EN} / {KO_QUOTE} (acme-loss-2024)", "Blog: Smith & Sons <Daily>, “Acme's year” (undated)",
           f"- {EN_QUOTE} (acme-revenue-2024)"]
STALE, APART = "The runway starts from stale inputs.", "Two losses do not overlap."


def with_claims(**columns) -> pd.DataFrame:
    return CHART.claims.assign(**columns)


def echoed() -> pd.DataFrame:
    """CHART's claims and a second claim quoting the revenue sentence of the same article."""
    copy = CHART.claims.iloc[[1]].assign(id="acme-revenue-2024-copy", basis="estimated")
    return pd.concat([CHART.claims, copy], ignore_index=True)


@pytest.mark.parametrize("claims, expected", [
    (CHART.claims, [*NUMBERS, "", *SOURCES, "", "Caveats", "- The audit found nothing about these claims."]),
    (with_claims(findings=[f"{STALE}\n{APART}", STALE]),  # STALE is about both claims
     [*NUMBERS, "", *SOURCES, "", "Caveats", f"- {STALE}", f"- {APART}"]),
    (with_claims(findings=["", APART]), [*NUMBERS, "", *SOURCES, "", "Caveats", f"- {APART}"]),
    (echoed(), [*NUMBERS, "- acme-revenue-2024-copy: $3.7B a year, estimated", "", *SOURCES[:-1],
                f"- {EN_QUOTE} (acme-revenue-2024, acme-revenue-2024-copy)", "", "Caveats",
                "- The audit found nothing about these claims."]),
])
def test_notes_give_numbers_then_sources_then_caveats_each_once(claims, expected):
    chart = dataclasses.replace(CHART, claims=claims)
    deck = Presentation(io.BytesIO(deck_bytes([chart], stamp=STAMP, renderer=Recorder())))
    assert deck.slides[1].notes_slide.notes_text_frame.text.split("\n") == expected


def test_notes_give_the_exact_assumptions_the_subtitle_leaves_out():
    chart = dataclasses.replace(CHART, description="The shaded range is the cash with costs from x0.94 to x1.06 the base's.")
    deck = Presentation(io.BytesIO(deck_bytes([chart], stamp=STAMP, renderer=Recorder())))
    assert deck.slides[1].notes_slide.notes_text_frame.text.split("\n")[:3] == [
        "The numbers on this slide", "US dollars a year · filled = reported",
        "The shaded range is the cash with costs from x0.94 to x1.06 the base's."]
